import { expect } from "chai";
import { trailBucketPolicy } from "../../components/iam";
import { ACCOUNT, OTHER_ACCOUNT, PARTITION, REGION } from "../builders";
import {
  ANONYMOUS,
  type SimulateArgs,
  allowAllIdentityPolicy,
  simulate,
} from "../harness/iam-simulator";

const BUCKET = "kms-monitoring-prod-trail-logs";
const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;
const TRAIL_ARN = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/kms-monitoring-prod`;
const ORG_ID = "o-a1b2c3d4e5";
const LOG_OBJECT = `${BUCKET_ARN}/AWSLogs/${ACCOUNT}/CloudTrail/${REGION}/2024/01/01/file.json.gz`;

const policy = trailBucketPolicy({
  partition: PARTITION,
  accountId: ACCOUNT,
  bucketName: BUCKET,
  trailArn: TRAIL_ARN,
});

/** CloudTrail delivering a log file exactly as the trail does. */
const delivery: SimulateArgs = {
  resourcePolicy: policy,
  principal: "cloudtrail.amazonaws.com",
  action: "s3:PutObject",
  resource: LOG_OBJECT,
  accountId: ACCOUNT,
  context: {
    "aws:SecureTransport": "true",
    "aws:SourceArn": TRAIL_ARN,
    "aws:SourceAccount": ACCOUNT,
    "s3:x-amz-acl": "bucket-owner-full-control",
  },
};

/**
 * Evaluates the delivery request with some fields and context keys replaced. The canned-ACL key
 * only exists for s3:PutObject, so it is dropped for other actions.
 *
 * @param overrides - request fields to replace.
 * @param context - context keys to add or replace.
 * @returns the decision.
 */
function deliver(overrides: Partial<SimulateArgs>, context: Record<string, string> = {}) {
  const merged = { ...delivery.context, ...context };
  if ((overrides.action ?? delivery.action) !== "s3:PutObject") delete merged["s3:x-amz-acl"];
  return simulate({ ...delivery, ...overrides, context: merged });
}

describe("trailBucketPolicy", () => {
  it("lets the trail write log files under AWSLogs/<account>/", async () => {
    expect(await deliver({})).to.equal("Allowed");
  });

  it("lets the trail check the bucket ACL", async () => {
    expect(await deliver({ action: "s3:GetBucketAcl", resource: BUCKET_ARN })).to.equal("Allowed");
  });

  it("refuses a write without the bucket-owner-full-control ACL", async () => {
    const context = { ...delivery.context };
    delete context["s3:x-amz-acl"];
    expect(await simulate({ ...delivery, context })).to.equal("ImplicitlyDenied");
    expect(await deliver({}, { "s3:x-amz-acl": "public-read" })).to.equal("ImplicitlyDenied");
  });

  it("refuses CloudTrail acting for another trail or another account", async () => {
    const otherTrail = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/someone-elses`;
    const foreignTrail = `arn:aws:cloudtrail:${REGION}:${OTHER_ACCOUNT}:trail/kms-monitoring-prod`;
    expect(await deliver({}, { "aws:SourceArn": otherTrail })).to.equal("ImplicitlyDenied");
    expect(
      await deliver({}, { "aws:SourceArn": foreignTrail, "aws:SourceAccount": OTHER_ACCOUNT }),
    ).to.equal("ImplicitlyDenied");
    expect(
      await deliver(
        { action: "s3:GetBucketAcl", resource: BUCKET_ARN },
        { "aws:SourceArn": foreignTrail },
      ),
    ).to.equal("ImplicitlyDenied");
  });

  it("refuses writes outside AWSLogs/<account>/", async () => {
    const foreignPrefix = `${BUCKET_ARN}/AWSLogs/${OTHER_ACCOUNT}/CloudTrail/file.json.gz`;
    expect(await deliver({ resource: foreignPrefix })).to.equal("ImplicitlyDenied");
    expect(await deliver({ resource: `${BUCKET_ARN}/elsewhere/file.json.gz` })).to.equal(
      "ImplicitlyDenied",
    );
  });

  it("denies every request without TLS, even the trail's", async () => {
    expect(await deliver({}, { "aws:SecureTransport": "false" })).to.equal("ExplicitlyDenied");
    const admin = `arn:aws:iam::${ACCOUNT}:role/admin`;
    expect(
      await simulate({
        resourcePolicy: policy,
        identityPolicies: [allowAllIdentityPolicy("s3:*")],
        principal: admin,
        action: "s3:GetObject",
        resource: LOG_OBJECT,
        accountId: ACCOUNT,
        context: { "aws:SecureTransport": "false" },
      }),
    ).to.equal("ExplicitlyDenied");
  });

  it("grants CloudTrail nothing but delivery", async () => {
    expect(await deliver({ action: "s3:DeleteObject" })).to.equal("ImplicitlyDenied");
    expect(await deliver({ action: "s3:GetObject" })).to.equal("ImplicitlyDenied");
  });

  it("grants anonymous callers and other accounts nothing", async () => {
    expect(await simulate({ ...delivery, principal: ANONYMOUS })).to.equal("ImplicitlyDenied");
    expect(
      await simulate({
        resourcePolicy: policy,
        identityPolicies: [allowAllIdentityPolicy("s3:*")],
        principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/reader`,
        action: "s3:GetObject",
        resource: LOG_OBJECT,
        accountId: ACCOUNT,
        context: { "aws:SecureTransport": "true" },
      }),
    ).to.equal("ImplicitlyDenied");
  });

  it("accepts organization-trail logs only when an organization id is given", async () => {
    const orgObject = `${BUCKET_ARN}/AWSLogs/${ORG_ID}/${OTHER_ACCOUNT}/CloudTrail/file.json.gz`;
    const orgPolicy = trailBucketPolicy({
      partition: PARTITION,
      accountId: ACCOUNT,
      bucketName: BUCKET,
      trailArn: TRAIL_ARN,
      organizationId: ORG_ID,
    });
    expect(await deliver({ resourcePolicy: orgPolicy, resource: orgObject })).to.equal("Allowed");
    expect(await deliver({ resource: orgObject })).to.equal("ImplicitlyDenied");
  });

  it("follows the trail's S3 key prefix", async () => {
    const prefixed = trailBucketPolicy({
      partition: PARTITION,
      accountId: ACCOUNT,
      bucketName: BUCKET,
      trailArn: TRAIL_ARN,
      keyPrefix: "audit",
    });
    const object = `${BUCKET_ARN}/audit/AWSLogs/${ACCOUNT}/CloudTrail/file.json.gz`;
    expect(await deliver({ resourcePolicy: prefixed, resource: object })).to.equal("Allowed");
    expect(await deliver({ resourcePolicy: prefixed })).to.equal("ImplicitlyDenied");
  });
});
