import { expect } from "chai";
import { trailDeliveryRolePolicy, trailDeliveryRoleTrustPolicy } from "../../components/iam";
import { ACCOUNT, OTHER_ACCOUNT, PARTITION, REGION } from "../builders";
import {
  ANONYMOUS,
  type SimulateArgs,
  allowAllIdentityPolicy,
  simulate,
} from "../harness/iam-simulator";

const TRAIL_ARN = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/kms-monitoring-prod`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/kms-monitoring-prod-trail-delivery`;
const LOG_GROUP_ARN = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/kms-monitoring/prod/trail`;
const STREAM = `${ACCOUNT}_CloudTrail_${REGION}`;
const ORG_ID = "o-a1b2c3d4e5";

describe("trailDeliveryRoleTrustPolicy", () => {
  const assume: SimulateArgs = {
    resourcePolicy: trailDeliveryRoleTrustPolicy({ accountId: ACCOUNT, trailArn: TRAIL_ARN }),
    principal: "cloudtrail.amazonaws.com",
    action: "sts:AssumeRole",
    resource: ROLE_ARN,
    accountId: ACCOUNT,
    context: { "aws:SourceAccount": ACCOUNT, "aws:SourceArn": TRAIL_ARN },
  };

  it("lets CloudTrail assume the role for the trail", async () => {
    expect(await simulate(assume)).to.equal("Allowed");
  });

  it("refuses CloudTrail acting for another account or another trail", async () => {
    const foreignTrail = `arn:aws:cloudtrail:${REGION}:${OTHER_ACCOUNT}:trail/kms-monitoring-prod`;
    const otherTrail = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/other`;
    expect(
      await simulate({
        ...assume,
        context: { "aws:SourceAccount": OTHER_ACCOUNT, "aws:SourceArn": foreignTrail },
      }),
    ).to.equal("ImplicitlyDenied");
    expect(
      await simulate({
        ...assume,
        context: { "aws:SourceAccount": ACCOUNT, "aws:SourceArn": otherTrail },
      }),
    ).to.equal("ImplicitlyDenied");
    expect(await simulate({ ...assume, context: {} })).to.equal("ImplicitlyDenied");
  });

  it("refuses other services, other accounts and anonymous callers", async () => {
    expect(await simulate({ ...assume, principal: "events.amazonaws.com" })).to.equal(
      "ImplicitlyDenied",
    );
    expect(
      await simulate({
        ...assume,
        principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/admin`,
        identityPolicies: [allowAllIdentityPolicy("sts:AssumeRole")],
        context: {},
      }),
    ).to.equal("ImplicitlyDenied");
    expect(await simulate({ ...assume, principal: ANONYMOUS })).to.equal("ImplicitlyDenied");
  });
});

describe("trailDeliveryRolePolicy", () => {
  const rolePolicy = trailDeliveryRolePolicy({
    logGroupArn: LOG_GROUP_ARN,
    accountId: ACCOUNT,
    region: REGION,
    partition: PARTITION,
  });
  const write: SimulateArgs = {
    identityPolicies: [rolePolicy],
    principal: `arn:aws:sts::${ACCOUNT}:assumed-role/kms-monitoring-prod-trail-delivery/CloudTrail`,
    action: "logs:PutLogEvents",
    resource: `${LOG_GROUP_ARN}:log-stream:${STREAM}`,
    accountId: ACCOUNT,
  };

  it("lets the role create CloudTrail's streams and put events in them", async () => {
    expect(await simulate(write)).to.equal("Allowed");
    expect(await simulate({ ...write, action: "logs:CreateLogStream" })).to.equal("Allowed");
    const second = `${LOG_GROUP_ARN}:log-stream:${STREAM}_2`;
    expect(await simulate({ ...write, resource: second })).to.equal("Allowed");
  });

  it("refuses other log groups and other streams", async () => {
    const otherGroup = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:other:log-stream:${STREAM}`;
    expect(await simulate({ ...write, resource: otherGroup })).to.equal("ImplicitlyDenied");
    const otherStream = `${LOG_GROUP_ARN}:log-stream:application`;
    expect(await simulate({ ...write, resource: otherStream })).to.equal("ImplicitlyDenied");
    const otherRegion = `${LOG_GROUP_ARN}:log-stream:${ACCOUNT}_CloudTrail_eu-west-1`;
    expect(await simulate({ ...write, resource: otherRegion })).to.equal("ImplicitlyDenied");
    expect(
      await simulate({ ...write, action: "logs:CreateLogStream", resource: otherStream }),
    ).to.equal("ImplicitlyDenied");
  });

  it("grants nothing but stream creation and event delivery", async () => {
    expect(
      await simulate({ ...write, action: "logs:CreateLogGroup", resource: LOG_GROUP_ARN }),
    ).to.equal("ImplicitlyDenied");
    expect(
      await simulate({ ...write, action: "logs:DeleteLogGroup", resource: LOG_GROUP_ARN }),
    ).to.equal("ImplicitlyDenied");
    expect(await simulate({ ...write, action: "logs:DeleteLogStream" })).to.equal(
      "ImplicitlyDenied",
    );
    expect(await simulate({ ...write, action: "logs:GetLogEvents" })).to.equal("ImplicitlyDenied");
  });

  it("admits organization-trail streams only when an organization id is given", async () => {
    const orgStream = `${LOG_GROUP_ARN}:log-stream:${ORG_ID}_${OTHER_ACCOUNT}_CloudTrail_${REGION}`;
    const orgPolicy = trailDeliveryRolePolicy({
      logGroupArn: LOG_GROUP_ARN,
      accountId: ACCOUNT,
      region: REGION,
      partition: PARTITION,
      organizationId: ORG_ID,
    });
    expect(
      await simulate({ ...write, identityPolicies: [orgPolicy], resource: orgStream }),
    ).to.equal("Allowed");
    expect(await simulate({ ...write, resource: orgStream })).to.equal("ImplicitlyDenied");
  });
});
