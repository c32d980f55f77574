import { expect } from "chai";
import * as aws from "@pulumi/aws";
import {
  trailBucketPolicy,
  trailDeliveryRolePolicy,
  trailDeliveryRoleTrustPolicy,
  trailKeyPolicy,
} from "../../components/iam";
import { KmsAuditTrail, KmsAuditTrailArgs } from "../../components/trail";
import { runUnderMocks, unwrap } from "../harness/mock-runtime";
import { ACCOUNT, mockKeyArn, mockKeyId, T } from "../builders";
import { optionsOf, parsedInputs, summary } from "./helpers";

const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/audit`;
const LOG_GROUP_ARN = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/cloudtrail/audit`;

function runTrail(args: KmsAuditTrailArgs = {}) {
  return runUnderMocks(() => new KmsAuditTrail("audit", args));
}

describe("KmsAuditTrail in create mode", () => {
  it("registers the component and exactly these 13 children", async () => {
    const run = await runTrail();
    expect(run.resources).to.have.length(14);
    expect(summary(run)).to.deep.equal(
      [
        `${T.auditTrail} audit <- (root)`,
        `${T.key} audit-key <- audit`,
        `${T.alias} audit-key-alias <- audit`,
        `${T.bucket} audit-bucket <- audit`,
        `${T.publicAccess} audit-bucket-public-access <- audit`,
        `${T.ownership} audit-bucket-ownership <- audit`,
        `${T.versioning} audit-bucket-versioning <- audit`,
        `${T.encryption} audit-bucket-encryption <- audit`,
        `${T.lifecycle} audit-bucket-lifecycle <- audit`,
        `${T.bucketPolicy} audit-bucket-policy <- audit`,
        `${T.logGroup} audit-log-group <- audit`,
        `${T.role} audit-delivery-role <- audit`,
        `${T.rolePolicy} audit-delivery-policy <- audit`,
        `${T.trail} audit-trail <- audit`,
      ].sort(),
    );
    expect(run.one(T.auditTrail, "audit").inputs).to.deep.equal({});
  });

  it("creates a rotating key with the trail key policy, and its alias", async () => {
    const run = await runTrail();
    expect(parsedInputs(run.one(T.key, "audit-key"))).to.deep.equal({
      description: "Encrypts CloudTrail trail audit and log group /aws/cloudtrail/audit",
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: trailKeyPolicy({
        partition: "aws",
        accountId: ACCOUNT,
        region: "us-east-1",
        trailArn: TRAIL_ARN,
        logGroupArn: LOG_GROUP_ARN,
      }),
    });
    expect(run.one(T.alias, "audit-key-alias").inputs).to.deep.equal({
      name: "alias/cloudtrail/audit",
      targetKeyId: mockKeyId("audit-key"),
    });
  });

  it("creates a private, owner-enforced, versioned, KMS-encrypted bucket", async () => {
    const run = await runTrail();
    expect(run.one(T.bucket, "audit-bucket").inputs).to.deep.equal({ forceDestroy: false });
    expect(run.one(T.publicAccess, "audit-bucket-public-access").inputs).to.deep.equal({
      bucket: "audit-bucket",
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    expect(run.one(T.ownership, "audit-bucket-ownership").inputs).to.deep.equal({
      bucket: "audit-bucket",
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
    expect(run.one(T.versioning, "audit-bucket-versioning").inputs).to.deep.equal({
      bucket: "audit-bucket",
      versioningConfiguration: { status: "Enabled" },
    });
    expect(run.one(T.encryption, "audit-bucket-encryption").inputs).to.deep.equal({
      bucket: "audit-bucket",
      rules: [
        {
          applyServerSideEncryptionByDefault: {
            sseAlgorithm: "aws:kms",
            kmsMasterKeyId: mockKeyArn("audit-key"),
          },
          bucketKeyEnabled: true,
        },
      ],
    });
  });

  it("tiers log files and noncurrent versions, never expires them, aborts stale uploads", async () => {
    const run = await runTrail();
    expect(run.one(T.lifecycle, "audit-bucket-lifecycle").inputs).to.deep.equal({
      bucket: "audit-bucket",
      rules: [
        {
          id: "archive-trail-logs",
          status: "Enabled",
          filter: {},
          transitions: [
            { days: 30, storageClass: "STANDARD_IA" },
            { days: 90, storageClass: "GLACIER" },
          ],
          noncurrentVersionTransitions: [
            { noncurrentDays: 30, storageClass: "STANDARD_IA" },
            { noncurrentDays: 90, storageClass: "GLACIER" },
          ],
          abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
        },
      ],
    });
  });

  it("attaches the trail bucket policy for this trail only", async () => {
    const run = await runTrail();
    expect(parsedInputs(run.one(T.bucketPolicy, "audit-bucket-policy"))).to.deep.equal({
      bucket: "audit-bucket",
      policy: trailBucketPolicy({
        partition: "aws",
        accountId: ACCOUNT,
        bucketName: "audit-bucket",
        trailArn: TRAIL_ARN,
      }),
    });
  });

  it("creates the encrypted log group and the delivery role with its inline policy", async () => {
    const run = await runTrail();
    expect(run.one(T.logGroup, "audit-log-group").inputs).to.deep.equal({
      name: "/aws/cloudtrail/audit",
      logGroupClass: "STANDARD",
      retentionInDays: 400,
      kmsKeyId: mockKeyArn("audit-key"),
    });
    expect(parsedInputs(run.one(T.role, "audit-delivery-role"))).to.deep.equal({
      description: "Lets CloudTrail trail audit write to /aws/cloudtrail/audit",
      assumeRolePolicy: trailDeliveryRoleTrustPolicy({ accountId: ACCOUNT, trailArn: TRAIL_ARN }),
    });
    expect(parsedInputs(run.one(T.rolePolicy, "audit-delivery-policy"))).to.deep.equal({
      role: "audit-delivery-role",
      policy: trailDeliveryRolePolicy({
        logGroupArn: LOG_GROUP_ARN,
        accountId: ACCOUNT,
        region: "us-east-1",
        partition: "aws",
      }),
    });
  });

  it("creates a multi-region, validated, encrypted trail of all management events", async () => {
    const run = await runTrail();
    expect(run.one(T.trail, "audit-trail").inputs).to.deep.equal({
      name: "audit",
      isOrganizationTrail: false,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      kmsKeyId: mockKeyArn("audit-key"),
      s3BucketName: "audit-bucket",
      cloudWatchLogsGroupArn: `${LOG_GROUP_ARN}:*`,
      cloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/audit-delivery-role`,
      eventSelectors: [{ includeManagementEvents: true, readWriteType: "All" }],
    });
  });

  it("keeps the bucket, log group and key on destroy by default, protecting nothing", async () => {
    const run = await runTrail();
    const kept = { retain: true, protect: false };
    const plain = { retain: false, protect: false };
    expect(optionsOf(run)).to.deep.equal({
      audit: plain,
      "audit-key": kept,
      "audit-key-alias": plain,
      "audit-bucket": kept,
      "audit-bucket-public-access": plain,
      "audit-bucket-ownership": plain,
      "audit-bucket-versioning": plain,
      "audit-bucket-encryption": plain,
      "audit-bucket-lifecycle": plain,
      "audit-bucket-policy": plain,
      "audit-log-group": kept,
      "audit-delivery-role": plain,
      "audit-delivery-policy": plain,
      "audit-trail": plain,
    });
  });

  it("resolves its outputs to the created trail, bucket, log group and key", async () => {
    const run = await runTrail();
    const trail = run.result;
    expect(await unwrap(trail.trailArn)).to.equal(TRAIL_ARN);
    expect(await unwrap(trail.bucketName)).to.equal("audit-bucket");
    expect(await unwrap(trail.logGroupName)).to.equal("/aws/cloudtrail/audit");
    expect(await unwrap(trail.logGroupArn)).to.equal(LOG_GROUP_ARN);
    expect(await unwrap(trail.keyArn)).to.equal(mockKeyArn("audit-key"));
  });

  it("looks up partition, region and account, and nothing else", async () => {
    const run = await runTrail();
    expect(run.invokes.map((i) => i.token).sort()).to.deep.equal([
      "aws:index/getCallerIdentity:getCallerIdentity",
      "aws:index/getPartition:getPartition",
      "aws:index/getRegion:getRegion",
    ]);
  });

  it("applies explicit names, retention, lifecycle days, tags and deletion options", async () => {
    const tags = { team: "security" };
    const run = await runTrail({
      trailName: "kms.audit_trail-1",
      logGroupName: "/security/kms-trail",
      logRetentionDays: 731,
      transitionToInfrequentAccessDays: 45,
      transitionToGlacierDays: 120,
      expireAfterDays: 2555,
      retainOnDelete: false,
      protect: true,
      forceDestroy: true,
      tags,
    });
    const trailArn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/kms.audit_trail-1`;
    const logGroupArn = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/security/kms-trail`;
    expect(run.resources).to.have.length(14);
    expect(run.one(T.bucket, "audit-bucket").inputs).to.deep.equal({ forceDestroy: true, tags });
    expect(run.one(T.alias, "audit-key-alias").inputs.name).to.equal(
      "alias/cloudtrail/kms-audit_trail-1",
    );
    expect(parsedInputs(run.one(T.key, "audit-key"))).to.deep.equal({
      description: "Encrypts CloudTrail trail kms.audit_trail-1 and log group /security/kms-trail",
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: trailKeyPolicy({
        partition: "aws",
        accountId: ACCOUNT,
        region: "us-east-1",
        trailArn,
        logGroupArn,
      }),
      tags,
    });
    expect(run.one(T.logGroup, "audit-log-group").inputs).to.deep.equal({
      name: "/security/kms-trail",
      logGroupClass: "STANDARD",
      retentionInDays: 731,
      kmsKeyId: mockKeyArn("audit-key"),
      tags,
    });
    expect(run.one(T.lifecycle, "audit-bucket-lifecycle").inputs.rules).to.deep.equal([
      {
        id: "archive-trail-logs",
        status: "Enabled",
        filter: {},
        transitions: [
          { days: 45, storageClass: "STANDARD_IA" },
          { days: 120, storageClass: "GLACIER" },
        ],
        noncurrentVersionTransitions: [
          { noncurrentDays: 45, storageClass: "STANDARD_IA" },
          { noncurrentDays: 120, storageClass: "GLACIER" },
        ],
        expiration: { days: 2555 },
        noncurrentVersionExpiration: { noncurrentDays: 2555 },
        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
      },
    ]);
    const trail = run.one(T.trail, "audit-trail").inputs;
    expect(trail.name).to.equal("kms.audit_trail-1");
    expect(trail.tags).to.deep.equal(tags);
    expect(trail.cloudWatchLogsGroupArn).to.equal(`${logGroupArn}:*`);
    expect(run.one(T.role, "audit-delivery-role").inputs.tags).to.deep.equal(tags);
    const options = optionsOf(run);
    for (const name of ["audit-key", "audit-bucket", "audit-log-group"]) {
      expect(options[name], name).to.deep.equal({ retain: false, protect: true });
    }
    for (const name of ["audit-key-alias", "audit-bucket-policy", "audit-trail"]) {
      expect(options[name], name).to.deep.equal({ retain: false, protect: false });
    }
    expect(await unwrap(run.result.trailArn)).to.equal(trailArn);
    expect(await unwrap(run.result.logGroupArn)).to.equal(logGroupArn);
  });

  it("builds ARNs from the region of a provider given to the component", async () => {
    const run = await runUnderMocks(() => {
      const eu = new aws.Provider("eu", { region: "eu-west-1" });
      return new KmsAuditTrail("audit", {}, { providers: { aws: eu } });
    });
    const trailArn = `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/audit`;
    expect(await unwrap(run.result.trailArn)).to.equal(trailArn);
    expect(await unwrap(run.result.keyArn)).to.equal(mockKeyArn("audit-key", "eu-west-1"));
    const keyPolicy = parsedInputs(run.one(T.key, "audit-key")).policy;
    expect(keyPolicy).to.deep.equal(
      trailKeyPolicy({
        partition: "aws",
        accountId: ACCOUNT,
        region: "eu-west-1",
        trailArn,
        logGroupArn: `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/aws/cloudtrail/audit`,
      }),
    );
    const children = run.resources.filter((r) => r.custom && r.type !== "pulumi:providers:aws");
    expect(children).to.have.length(13);
    for (const child of children) expect(child.provider, child.name).to.match(/::eu::/);
    expect(run.invokes).to.have.length(3);
    for (const invoke of run.invokes) expect(invoke.provider, invoke.token).to.match(/::eu::/);
  });
});
