import { expect } from "chai";
import type { PolicyDocument } from "../../components/iam";
import { KmsAuditTrail, KmsAuditTrailArgs } from "../../components/trail";
import { FAKE_ORGANIZATION_ID } from "../harness/fake-invokes";
import { ANONYMOUS, simulate } from "../harness/iam-simulator";
import { MockRun, runUnderMocks } from "../harness/mock-runtime";
import { ACCOUNT, mockKeyArn, OTHER_ACCOUNT, T } from "../builders";

const CLOUDTRAIL = "cloudtrail.amazonaws.com";
const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/audit`;
const OTHER_TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${OTHER_ACCOUNT}:trail/audit`;
const BUCKET_ARN = "arn:aws:s3:::audit-bucket";
const LOG_FILE = `${BUCKET_ARN}/AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2024/01/15/${ACCOUNT}_CloudTrail_us-east-1_20240115T1000Z_abc.json.gz`;
const MEMBER_LOG_FILE = `${BUCKET_ARN}/AWSLogs/${FAKE_ORGANIZATION_ID}/${OTHER_ACCOUNT}/CloudTrail/eu-west-1/2024/01/15/${OTHER_ACCOUNT}_CloudTrail_eu-west-1_20240115T1000Z_abc.json.gz`;
const LOG_GROUP_ARN = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/cloudtrail/audit`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/audit-delivery-role`;
const STREAM = `${LOG_GROUP_ARN}:log-stream:${ACCOUNT}_CloudTrail_us-east-1`;

/** The policy documents as the component rendered them into the recorded inputs. */
interface Rendered {
  bucketPolicy: PolicyDocument;
  keyPolicy: PolicyDocument;
  trustPolicy: PolicyDocument;
  rolePolicy: PolicyDocument;
}

function rendered(run: MockRun<unknown>): Rendered {
  return {
    bucketPolicy: JSON.parse(run.one(T.bucketPolicy, "audit-bucket-policy").inputs.policy),
    keyPolicy: JSON.parse(run.one(T.key, "audit-key").inputs.policy),
    trustPolicy: JSON.parse(run.one(T.role, "audit-delivery-role").inputs.assumeRolePolicy),
    rolePolicy: JSON.parse(run.one(T.rolePolicy, "audit-delivery-policy").inputs.policy),
  };
}

async function render(args: KmsAuditTrailArgs): Promise<Rendered> {
  return rendered(await runUnderMocks(() => new KmsAuditTrail("audit", args)));
}

/** A CloudTrail delivery to the bucket, over TLS, for `trailArn`. */
function cloudTrailPut(
  policy: PolicyDocument,
  overrides: Record<string, string> = {},
  resource = LOG_FILE,
) {
  return simulate({
    resourcePolicy: policy,
    principal: CLOUDTRAIL,
    action: "s3:PutObject",
    resource,
    accountId: ACCOUNT,
    context: {
      "aws:SourceArn": TRAIL_ARN,
      "aws:SourceAccount": ACCOUNT,
      "s3:x-amz-acl": "bucket-owner-full-control",
      "aws:SecureTransport": "true",
      ...overrides,
    },
  });
}

describe("KmsAuditTrail rendered policies, evaluated", () => {
  let create: Rendered;
  let organization: Rendered;
  before(async () => {
    create = await render({});
    organization = await render({ mode: "organization" });
  });

  describe("bucket policy", () => {
    it("lets CloudTrail check the ACL and write log files for this trail", async () => {
      expect(await cloudTrailPut(create.bucketPolicy)).to.equal("Allowed");
      expect(
        await simulate({
          resourcePolicy: create.bucketPolicy,
          principal: CLOUDTRAIL,
          action: "s3:GetBucketAcl",
          resource: BUCKET_ARN,
          accountId: ACCOUNT,
          context: { "aws:SourceArn": TRAIL_ARN, "aws:SecureTransport": "true" },
        }),
      ).to.equal("Allowed");
    });

    it("denies another account's trail", async () => {
      const other = { "aws:SourceArn": OTHER_TRAIL_ARN, "aws:SourceAccount": OTHER_ACCOUNT };
      expect(await cloudTrailPut(create.bucketPolicy, other)).to.equal("ImplicitlyDenied");
      expect(await cloudTrailPut(organization.bucketPolicy, other)).to.equal("ImplicitlyDenied");
    });

    it("denies writes without the bucket-owner-full-control ACL", async () => {
      expect(await cloudTrailPut(create.bucketPolicy, { "s3:x-amz-acl": "private" })).to.equal(
        "ImplicitlyDenied",
      );
    });

    it("denies non-TLS requests explicitly, even from CloudTrail for this trail", async () => {
      expect(await cloudTrailPut(create.bucketPolicy, { "aws:SecureTransport": "false" })).to.equal(
        "ExplicitlyDenied",
      );
    });

    it("denies anonymous reads and writes", async () => {
      for (const action of ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]) {
        const decision = await simulate({
          resourcePolicy: create.bucketPolicy,
          principal: ANONYMOUS,
          action,
          resource: LOG_FILE,
          accountId: ACCOUNT,
          context: { "aws:SecureTransport": "true" },
        });
        expect(decision, action).to.equal("ImplicitlyDenied");
      }
    });

    it("keeps member accounts' log paths closed to an account trail", async () => {
      expect(await cloudTrailPut(create.bucketPolicy, {}, MEMBER_LOG_FILE)).to.equal(
        "ImplicitlyDenied",
      );
    });

    it("lets an organization trail write member accounts' log files", async () => {
      expect(await cloudTrailPut(organization.bucketPolicy, {}, MEMBER_LOG_FILE)).to.equal(
        "Allowed",
      );
      expect(await cloudTrailPut(organization.bucketPolicy)).to.equal("Allowed");
    });
  });

  describe("key policy", () => {
    const keyArn = mockKeyArn("audit-key");
    const encryptLogFile = (principal: string, sourceArn: string, contextArn: string) =>
      simulate({
        resourcePolicy: create.keyPolicy,
        principal,
        action: "kms:GenerateDataKey",
        resource: keyArn,
        accountId: ACCOUNT,
        context: {
          "aws:SourceArn": sourceArn,
          "kms:EncryptionContext:aws:cloudtrail:arn": contextArn,
        },
      });

    it("lets CloudTrail encrypt log files for this trail", async () => {
      expect(await encryptLogFile(CLOUDTRAIL, TRAIL_ARN, TRAIL_ARN)).to.equal("Allowed");
      expect(
        await simulate({
          resourcePolicy: create.keyPolicy,
          principal: CLOUDTRAIL,
          action: "kms:DescribeKey",
          resource: keyArn,
          accountId: ACCOUNT,
          context: { "aws:SourceArn": TRAIL_ARN },
        }),
      ).to.equal("Allowed");
    });

    it("denies another account's trail", async () => {
      expect(await encryptLogFile(CLOUDTRAIL, OTHER_TRAIL_ARN, OTHER_TRAIL_ARN)).to.equal(
        "ImplicitlyDenied",
      );
    });

    it("denies an anonymous caller", async () => {
      expect(
        await simulate({
          resourcePolicy: create.keyPolicy,
          principal: ANONYMOUS,
          action: "kms:Decrypt",
          resource: keyArn,
          accountId: ACCOUNT,
          context: { "kms:EncryptionContext:aws:cloudtrail:arn": TRAIL_ARN },
        }),
      ).to.equal("ImplicitlyDenied");
    });

    it("lets CloudWatch Logs use the key for this log group only", async () => {
      const logsUse = (logGroupArn: string) =>
        simulate({
          resourcePolicy: create.keyPolicy,
          principal: "logs.us-east-1.amazonaws.com",
          action: "kms:GenerateDataKey",
          resource: keyArn,
          accountId: ACCOUNT,
          context: { "kms:EncryptionContext:aws:logs:arn": logGroupArn },
        });
      expect(await logsUse(LOG_GROUP_ARN)).to.equal("Allowed");
      expect(await logsUse(`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/other`)).to.equal(
        "ImplicitlyDenied",
      );
    });
  });

  describe("delivery role", () => {
    const assume = (trust: PolicyDocument, sourceArn: string, sourceAccount: string) =>
      simulate({
        resourcePolicy: trust,
        principal: CLOUDTRAIL,
        action: "sts:AssumeRole",
        resource: ROLE_ARN,
        accountId: ACCOUNT,
        context: { "aws:SourceArn": sourceArn, "aws:SourceAccount": sourceAccount },
      });
    const roleDoes = (policy: PolicyDocument, action: string, resource: string) =>
      simulate({
        identityPolicies: [policy],
        principal: ROLE_ARN,
        action,
        resource,
        accountId: ACCOUNT,
      });

    it("can be assumed by CloudTrail for this trail only", async () => {
      expect(await assume(create.trustPolicy, TRAIL_ARN, ACCOUNT)).to.equal("Allowed");
      expect(await assume(create.trustPolicy, OTHER_TRAIL_ARN, OTHER_ACCOUNT)).to.equal(
        "ImplicitlyDenied",
      );
      expect(
        await simulate({
          resourcePolicy: create.trustPolicy,
          principal: `arn:aws:iam::${OTHER_ACCOUNT}:root`,
          action: "sts:AssumeRole",
          resource: ROLE_ARN,
          accountId: ACCOUNT,
        }),
      ).to.equal("ImplicitlyDenied");
    });

    it("creates streams and puts events in its own log group", async () => {
      expect(await roleDoes(create.rolePolicy, "logs:CreateLogStream", STREAM)).to.equal("Allowed");
      expect(await roleDoes(create.rolePolicy, "logs:PutLogEvents", STREAM)).to.equal("Allowed");
      expect(await roleDoes(create.rolePolicy, "logs:PutLogEvents", `${STREAM}_2`)).to.equal(
        "Allowed",
      );
    });

    it("can do nothing else, nor anything in another log group", async () => {
      const otherGroup = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/other`;
      const denied: [string, string][] = [
        ["logs:CreateLogStream", `${otherGroup}:log-stream:${ACCOUNT}_CloudTrail_us-east-1`],
        ["logs:PutLogEvents", `${otherGroup}:log-stream:${ACCOUNT}_CloudTrail_us-east-1`],
        ["logs:PutLogEvents", `${LOG_GROUP_ARN}:log-stream:someone-else`],
        ["logs:DeleteLogStream", STREAM],
        ["logs:GetLogEvents", STREAM],
        ["logs:DeleteLogGroup", LOG_GROUP_ARN],
        ["logs:PutRetentionPolicy", LOG_GROUP_ARN],
        ["s3:PutObject", LOG_FILE],
      ];
      for (const [action, resource] of denied) {
        expect(
          await roleDoes(create.rolePolicy, action, resource),
          `${action} ${resource}`,
        ).to.equal("ImplicitlyDenied");
      }
    });

    it("in an organization trail, also writes member accounts' streams", async () => {
      const memberStream = `${LOG_GROUP_ARN}:log-stream:${FAKE_ORGANIZATION_ID}_${OTHER_ACCOUNT}_CloudTrail_eu-west-1`;
      expect(await roleDoes(organization.rolePolicy, "logs:PutLogEvents", memberStream)).to.equal(
        "Allowed",
      );
      expect(await roleDoes(create.rolePolicy, "logs:PutLogEvents", memberStream)).to.equal(
        "ImplicitlyDenied",
      );
    });
  });
});
