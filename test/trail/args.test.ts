import { expect } from "chai";
import { LOG_RETENTION_DAYS } from "../../components/config";
import { KmsAuditTrail, KmsAuditTrailArgs, validateAuditTrailArgs } from "../../components/trail";
import { runUnderMocks } from "../harness/mock-runtime";

const RETENTION = LOG_RETENTION_DAYS.join(", ");
const TRAIL_NAME_RULE =
  "3-128 letters, digits, periods, underscores and hyphens, starting and ending with a letter or " +
  "digit, no two of . _ - in a row, not an IP address";
const LOG_GROUP_RULE =
  '1-512 letters, digits, underscores, hyphens, slashes, periods and #, not starting with "aws/"';
const ARN_RULE =
  "expected arn:<partition>:cloudtrail:<region>:<12-digit account>:trail/<trail name>";
const CREATE_ONLY =
  'only to modes "create" and "organization"; mode "existing" creates no trail, bucket, ' +
  "log group or key";

/** Invalid arguments of the component "audit" and the exact message each must produce. */
const INVALID: { why: string; args: KmsAuditTrailArgs; name?: string; message: string }[] = [
  {
    why: "unknown mode",
    args: { mode: "shared" as never },
    message: 'mode: "shared" is not a mode (allowed: "create", "existing", "organization")',
  },
  {
    why: "retention not allowed",
    args: { logRetentionDays: 42 },
    message: `logRetentionDays: 42 is not a CloudWatch Logs retention value (allowed: ${RETENTION})`,
  },
  {
    why: "retention 0",
    args: { logRetentionDays: 0 },
    message: `logRetentionDays: 0 is not a CloudWatch Logs retention value (allowed: ${RETENTION})`,
  },
  {
    why: "negative days",
    args: { transitionToGlacierDays: -1 },
    message:
      "transitionToGlacierDays: -1 is not a number of days (allowed: a whole number, 0 or more)",
  },
  {
    why: "non-integer days",
    args: { expireAfterDays: 365.5 },
    message: "expireAfterDays: 365.5 is not a number of days (allowed: a whole number, 0 or more)",
  },
  {
    why: "non-integer IA days",
    args: { transitionToInfrequentAccessDays: 30.5 },
    message:
      "transitionToInfrequentAccessDays: 30.5 is not a number of days (allowed: a whole number, 0 or more)",
  },
  {
    why: "IA transition before 30 days",
    args: { transitionToInfrequentAccessDays: 7 },
    message:
      "transitionToInfrequentAccessDays: 7 is too early; S3 moves objects to STANDARD_IA after 30 " +
      "days at the earliest (allowed: 30 or more)",
  },
  {
    why: "glacier == IA",
    args: { transitionToInfrequentAccessDays: 60, transitionToGlacierDays: 60 },
    message:
      "transitionToGlacierDays: 60 is too soon after transitionToInfrequentAccessDays (60) (expected at least 90: S3 keeps objects in Standard-IA for 30 days before Glacier)",
  },
  {
    why: "glacier < IA",
    args: { transitionToGlacierDays: 20 },
    message:
      "transitionToGlacierDays: 20 is too soon after transitionToInfrequentAccessDays (30) (expected at least 60: S3 keeps objects in Standard-IA for 30 days before Glacier)",
  },
  {
    why: "glacier < IA + 30",
    args: { transitionToInfrequentAccessDays: 30, transitionToGlacierDays: 59 },
    message:
      "transitionToGlacierDays: 59 is too soon after transitionToInfrequentAccessDays (30) (expected at least 60: S3 keeps objects in Standard-IA for 30 days before Glacier)",
  },
  {
    why: "expire <= glacier",
    args: { expireAfterDays: 90 },
    message:
      "expireAfterDays: 90 is not after transitionToGlacierDays (90) (expected 0 to keep logs forever, or more than 90)",
  },
  {
    why: "existing without existingLogGroupName",
    args: { mode: "existing" },
    message:
      'existingLogGroupName is required when mode is "existing" (the log group the trail feeds)',
  },
  {
    why: "existing with create-only fields",
    args: { mode: "existing", existingLogGroupName: "/org/trail", logRetentionDays: 30, tags: {} },
    message: `logRetentionDays, tags apply ${CREATE_ONLY}: remove them`,
  },
  {
    why: "existing with one create-only field",
    args: { mode: "existing", existingLogGroupName: "/org/trail", retainOnDelete: false },
    message: `retainOnDelete applies ${CREATE_ONLY}: remove it`,
  },
  {
    why: "existing with a malformed log group name",
    args: { mode: "existing", existingLogGroupName: "org trail" },
    message: `existingLogGroupName: "org trail" is not a CloudWatch Logs log group name (allowed: ${LOG_GROUP_RULE})`,
  },
  {
    why: "malformed existingTrailArn",
    args: {
      mode: "existing",
      existingLogGroupName: "/org/trail",
      existingTrailArn: "arn:aws:cloudtrail:us-east-1:1234:trail/org",
    },
    message: `existingTrailArn: "arn:aws:cloudtrail:us-east-1:1234:trail/org" is not a CloudTrail trail ARN (${ARN_RULE})`,
  },
  {
    why: "existingTrailArn of another service",
    args: {
      mode: "existing",
      existingLogGroupName: "/org/trail",
      existingTrailArn: "arn:aws:s3:::org-trail",
    },
    message: `existingTrailArn: "arn:aws:s3:::org-trail" is not a CloudTrail trail ARN (${ARN_RULE})`,
  },
  {
    why: "existing-only fields in organization mode",
    args: {
      mode: "organization",
      existingLogGroupName: "/org/trail",
      existingTrailArn: "arn:aws:cloudtrail:us-east-1:123456789012:trail/org",
    },
    message:
      'existingLogGroupName, existingTrailArn apply only to mode "existing" (mode is "organization"); ' +
      'remove them or set mode: "existing"',
  },
  {
    why: "existing-only fields in create mode",
    args: { existingLogGroupName: "/org/trail" },
    message:
      'existingLogGroupName applies only to mode "existing" (mode is "create"); remove it or set mode: "existing"',
  },
  {
    why: "trailName too short",
    args: { trailName: "ab" },
    message: `trailName: "ab" is not a CloudTrail trail name (allowed: ${TRAIL_NAME_RULE})`,
  },
  {
    why: "trailName with a bad character",
    args: { mode: "organization", trailName: "kms trail" },
    message: `trailName: "kms trail" is not a CloudTrail trail name (allowed: ${TRAIL_NAME_RULE})`,
  },
  {
    why: "trailName starting with a hyphen",
    args: { trailName: "-kms-trail" },
    message: `trailName: "-kms-trail" is not a CloudTrail trail name (allowed: ${TRAIL_NAME_RULE})`,
  },
  {
    why: "trailName with adjacent separators",
    args: { trailName: "kms-_trail" },
    message: `trailName: "kms-_trail" is not a CloudTrail trail name (allowed: ${TRAIL_NAME_RULE})`,
  },
  {
    why: "trailName of 129 characters",
    args: { trailName: "t".repeat(129) },
    message: `trailName: "${"t".repeat(129)}" is not a CloudTrail trail name (allowed: ${TRAIL_NAME_RULE})`,
  },
  {
    why: "trailName shaped like an IP address",
    args: { trailName: "192.168.5.4" },
    message: `trailName: "192.168.5.4" is not a CloudTrail trail name (allowed: ${TRAIL_NAME_RULE})`,
  },
  {
    why: "component name unusable as the default trailName",
    name: "kms audit",
    args: { logGroupName: "/kms/audit" },
    message: `trailName: "kms audit" (defaulted from the component name) is not a CloudTrail trail name (allowed: ${TRAIL_NAME_RULE})`,
  },
  {
    why: "bad logGroupName",
    args: { logGroupName: "/kms/audit*" },
    message: `logGroupName: "/kms/audit*" is not a CloudWatch Logs log group name (allowed: ${LOG_GROUP_RULE})`,
  },
  {
    why: "reserved logGroupName prefix",
    args: { logGroupName: "aws/cloudtrail" },
    message: `logGroupName: "aws/cloudtrail" starts with "aws/", which CloudWatch Logs reserves for AWS (allowed: ${LOG_GROUP_RULE})`,
  },
  {
    why: "component name unusable in the default logGroupName",
    name: "kms:audit",
    args: { trailName: "kms-audit" },
    message: `logGroupName: "/aws/cloudtrail/kms:audit" (defaulted from the component name) is not a CloudWatch Logs log group name (allowed: ${LOG_GROUP_RULE})`,
  },
  {
    why: "forceDestroy with the default retainOnDelete",
    args: { forceDestroy: true },
    message:
      "forceDestroy: true contradicts retainOnDelete: true (the default), which keeps the bucket " +
      "on destroy; set retainOnDelete: false to let destroy empty and delete the bucket, or " +
      "remove forceDestroy to keep it",
  },
  {
    why: "forceDestroy with retainOnDelete: true",
    args: { forceDestroy: true, retainOnDelete: true },
    message:
      "forceDestroy: true contradicts retainOnDelete: true, which keeps the bucket on destroy; " +
      "set retainOnDelete: false to let destroy empty and delete the bucket, or remove " +
      "forceDestroy to keep it",
  },
  {
    why: "a non-boolean flag",
    args: { protect: "yes" as never },
    message: 'protect: "yes" is not a boolean (allowed: true, false)',
  },
];

describe("KmsAuditTrail arguments", () => {
  it("default to a create-mode trail named after the component", () => {
    expect(validateAuditTrailArgs("audit")).to.deep.equal({
      mode: "create",
      trailName: "audit",
      logGroupName: "/aws/cloudtrail/audit",
      logRetentionDays: 400,
      transitionToInfrequentAccessDays: 30,
      transitionToGlacierDays: 90,
      expireAfterDays: 0,
      retainOnDelete: true,
      protect: false,
      forceDestroy: false,
    });
  });

  it("accept every valid combination the tests rely on", () => {
    expect(
      validateAuditTrailArgs("audit", {
        mode: "existing",
        existingLogGroupName: "/org/trail",
        existingTrailArn: "arn:aws-us-gov:cloudtrail:us-gov-west-1:123456789012:trail/org.trail",
      }),
    ).to.deep.equal({
      mode: "existing",
      existingLogGroupName: "/org/trail",
      existingTrailArn: "arn:aws-us-gov:cloudtrail:us-gov-west-1:123456789012:trail/org.trail",
    });
    const tags = { team: "security" };
    expect(
      validateAuditTrailArgs("audit", {
        mode: "organization",
        trailName: "a".repeat(128),
        forceDestroy: true,
        retainOnDelete: false,
        expireAfterDays: 91,
        logRetentionDays: 3653,
        tags,
      }),
    ).to.deep.equal({
      mode: "organization",
      trailName: "a".repeat(128),
      logGroupName: "/aws/cloudtrail/audit",
      logRetentionDays: 3653,
      transitionToInfrequentAccessDays: 30,
      transitionToGlacierDays: 90,
      expireAfterDays: 91,
      retainOnDelete: false,
      protect: false,
      forceDestroy: true,
      tags,
    });
  });

  for (const { why, args, name = "audit", message } of INVALID) {
    const expected = `KmsAuditTrail "${name}": ${message}`;

    it(`reject ${why}`, () => {
      let thrown: unknown;
      try {
        validateAuditTrailArgs(name, args);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).to.be.instanceOf(Error);
      expect((thrown as Error).message).to.equal(expected);
    });

    it(`reject ${why} before registering any resource`, async () => {
      const run = await runUnderMocks(() => {
        try {
          new KmsAuditTrail(name, args);
          return "constructed";
        } catch (e) {
          return (e as Error).message;
        }
      });
      expect(run.result).to.equal(expected);
      expect(run.resources).to.deep.equal([]);
      expect(run.invokes).to.deep.equal([]);
    });
  }
});
