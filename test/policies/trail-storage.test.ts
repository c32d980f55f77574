import { expect } from "chai";
import { auditBucketProtected } from "../../policies/audit-bucket-protected";
import { trailLogGroupRetentionAndEncryption } from "../../policies/trail-log-group-retention-and-encryption";
import { OfflineResource } from "../../policies/offline";
import { messagesOf, ours, resource, runOne } from "./helpers";

const TRAIL = "aws:cloudtrail/trail:Trail";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const BUCKET = "aws:s3/bucket:Bucket";
const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/e9242fd4-8a49-8b3e-2707-bff80b22b030";
const GROUP_ARN = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/cloudtrail/org-audit";

/** A trail of another team delivering to `groupArn` and `bucket`. */
function trail(
  groupArn: unknown,
  bucket: unknown,
  deps: Record<string, string[]> = {},
): OfflineResource {
  return resource(
    TRAIL,
    "org-audit",
    {
      name: "org-audit",
      isMultiRegionTrail: true,
      enableLogFileValidation: true,
      s3BucketName: bucket,
      cloudWatchLogsGroupArn: groupArn,
      cloudWatchLogsRoleArn: "arn:aws:iam::111122223333:role/org-audit-delivery",
    },
    { propertyDependencies: deps },
  );
}

function logGroup(inputs: Record<string, unknown>, outputs?: Record<string, unknown>) {
  return resource(
    LOG_GROUP,
    "audit-logs",
    { name: "/aws/cloudtrail/org-audit", ...inputs },
    outputs ? { outputs: { name: "/aws/cloudtrail/org-audit", ...inputs, ...outputs } } : {},
  );
}

describe("policy trail-log-group-retention-and-encryption", () => {
  it("passes a trail's log group kept for a year (or forever) and encrypted", async () => {
    const group = logGroup({ retentionInDays: 365, kmsKeyId: KEY_ARN }, { arn: GROUP_ARN });
    expect(
      await messagesOf(trailLogGroupRetentionAndEncryption, [group, trail(`${GROUP_ARN}:*`, "b")]),
    ).to.deep.equal([]);
    const forever = logGroup({ retentionInDays: 0, kmsKeyId: KEY_ARN });
    expect(
      await messagesOf(trailLogGroupRetentionAndEncryption, [
        forever,
        trail(`${GROUP_ARN}:*`, "b"),
      ]),
    ).to.deep.equal([]);
  });

  it("reports the log group a trail feeds (by ARN or dependency) when short-lived or unencrypted", async () => {
    const group = logGroup({ retentionInDays: 30 });
    const violations = await runOne(trailLogGroupRetentionAndEncryption, [
      group,
      trail(undefined, "b", { cloudWatchLogsGroupArn: [group.urn] }),
    ]);
    expect(violations.map((v) => [v.message, v.resource])).to.deep.equal([
      [
        'log group "audit-logs" (receives trail "org-audit"): retentionInDays is 30; set it to at least 365 days so KMS audit events are kept long enough to investigate',
        group.urn,
      ],
      [
        'log group "audit-logs" (receives trail "org-audit"): kmsKeyId is not set; encrypt it with a customer managed KMS key whose policy lets logs.<region>.amazonaws.com use it',
        group.urn,
      ],
    ]);
  });

  it("checks our log groups without a trail, with minimumRetentionDays from config", async () => {
    const group = ours(LOG_GROUP, "kms-trail-log-group", {
      name: "/aws/cloudtrail/kmsmon-prod",
      kmsKeyId: KEY_ARN,
    });
    const config = { "trail-log-group-retention-and-encryption": { minimumRetentionDays: 400 } };
    expect(
      await messagesOf(trailLogGroupRetentionAndEncryption, [group], { config }),
    ).to.deep.equal([
      'log group "kms-trail-log-group": retentionInDays is not set; set it to at least 400 days so KMS audit events are kept long enough to investigate, and no longer than you pay for',
    ]);
  });

  it("ignores other log groups and skips unknowns", async () => {
    const stack = [
      resource(LOG_GROUP, "app-logs", { name: "/app/web" }),
      logGroup({ retentionInDays: undefined, kmsKeyId: undefined }, { arn: GROUP_ARN }),
      trail(`${GROUP_ARN}:*`, "b"),
    ];
    expect(await messagesOf(trailLogGroupRetentionAndEncryption, stack)).to.deep.equal([]);
  });
});

describe("policy audit-bucket-protected", () => {
  const flags = {
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  };
  const bucket = resource(BUCKET, "trail-logs", { bucket: "org-audit-logs" });

  it("passes a trail's bucket with a full public access block and no forceDestroy", async () => {
    const block = resource(BLOCK, "trail-logs-pab", { bucket: "org-audit-logs", ...flags });
    expect(
      await messagesOf(auditBucketProtected, [bucket, block, trail(GROUP_ARN, "org-audit-logs")]),
    ).to.deep.equal([]);
  });

  it("reports forceDestroy and a missing or partial public access block", async () => {
    const ourBucket = ours(BUCKET, "kms-trail-bucket", { forceDestroy: true });
    const partial = ours(
      BLOCK,
      "kms-trail-bucket-public-access",
      { bucket: undefined, ...flags, ignorePublicAcls: false, restrictPublicBuckets: undefined },
      {
        propertyDependencies: { bucket: [ourBucket.urn] },
      },
    );
    const violations = await runOne(auditBucketProtected, [
      ourBucket,
      partial,
      bucket,
      trail(GROUP_ARN, undefined, { s3BucketName: [bucket.urn] }),
    ]);
    expect(violations.map((v) => [v.message, v.resource])).to.deep.equal([
      [
        's3 bucket "kms-trail-bucket": forceDestroy is true; remove it (or set it to false) so destroying the stack cannot delete the audit logs',
        ourBucket.urn,
      ],
      [
        's3 bucket "kms-trail-bucket": its BucketPublicAccessBlock "kms-trail-bucket-public-access" leaves ignorePublicAcls not true; set all four flags to true',
        ourBucket.urn,
      ],
      [
        's3 bucket "trail-logs" (receives trail "org-audit"): no BucketPublicAccessBlock; add one with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true',
        bucket.urn,
      ],
    ]);
  });

  it("ignores other buckets and skips a block whose bucket or flags are unknown", async () => {
    const stack = [
      resource(BUCKET, "website", { bucket: "www-example", forceDestroy: true }),
      bucket,
      resource(BLOCK, "unknown-bucket", { bucket: undefined, ...flags }),
      trail(GROUP_ARN, "org-audit-logs"),
    ];
    expect(await messagesOf(auditBucketProtected, stack)).to.deep.equal([]);
  });
});
