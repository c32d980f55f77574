import { expect } from "chai";
import { alertTopicKeyPolicy } from "../../components/iam";
import { ACCOUNT, OTHER_ACCOUNT, PARTITION, REGION, keyArn } from "../builders";
import {
  ANONYMOUS,
  type SimulateArgs,
  allowAllIdentityPolicy,
  simulate,
} from "../harness/iam-simulator";

const KEY_ARN = keyArn(REGION, "0987dcba-09fe-87dc-65ba-ab0987654321");
const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:kms-monitoring-prod-alerts`;
const TOPIC_CONTEXT = "kms:EncryptionContext:aws:sns:topicArn";

const policy = alertTopicKeyPolicy({ partition: PARTITION, accountId: ACCOUNT });

/** A CloudWatch alarm of the account publishing to an encrypted alert topic. */
const alarm: SimulateArgs = {
  resourcePolicy: policy,
  principal: "cloudwatch.amazonaws.com",
  action: "kms:GenerateDataKey",
  resource: KEY_ARN,
  accountId: ACCOUNT,
  context: { "aws:SourceAccount": ACCOUNT, [TOPIC_CONTEXT]: TOPIC_ARN },
};

/** An EventBridge rule publishing to an encrypted alert topic (no source keys reach KMS). */
const rule: SimulateArgs = {
  resourcePolicy: policy,
  principal: "events.amazonaws.com",
  action: "kms:GenerateDataKey",
  resource: KEY_ARN,
  accountId: ACCOUNT,
  context: { [TOPIC_CONTEXT]: TOPIC_ARN },
};

describe("alertTopicKeyPolicy", () => {
  it("lets CloudWatch alarms of the account generate data keys and decrypt", async () => {
    expect(await simulate(alarm)).to.equal("Allowed");
    expect(await simulate({ ...alarm, action: "kms:Decrypt" })).to.equal("Allowed");
  });

  it("refuses CloudWatch acting for another account or for no account", async () => {
    const context = { "aws:SourceAccount": OTHER_ACCOUNT, [TOPIC_CONTEXT]: TOPIC_ARN };
    expect(await simulate({ ...alarm, context })).to.equal("ImplicitlyDenied");
    expect(await simulate({ ...alarm, context: { [TOPIC_CONTEXT]: TOPIC_ARN } })).to.equal(
      "ImplicitlyDenied",
    );
  });

  it("lets EventBridge use the key for the account's topics only", async () => {
    expect(await simulate(rule)).to.equal("Allowed");
    expect(await simulate({ ...rule, action: "kms:Decrypt" })).to.equal("Allowed");
    const foreignTopic = `arn:aws:sns:${REGION}:${OTHER_ACCOUNT}:kms-monitoring-prod-alerts`;
    expect(await simulate({ ...rule, context: { [TOPIC_CONTEXT]: foreignTopic } })).to.equal(
      "ImplicitlyDenied",
    );
    expect(await simulate({ ...rule, context: {} })).to.equal("ImplicitlyDenied");
  });

  it("grants the publishing services nothing else", async () => {
    expect(await simulate({ ...alarm, action: "kms:Encrypt" })).to.equal("ImplicitlyDenied");
    expect(await simulate({ ...rule, action: "kms:ScheduleKeyDeletion", context: {} })).to.equal(
      "ImplicitlyDenied",
    );
  });

  it("grants other services and anonymous callers nothing", async () => {
    expect(await simulate({ ...alarm, principal: "sns.amazonaws.com" })).to.equal(
      "ImplicitlyDenied",
    );
    expect(await simulate({ ...rule, principal: ANONYMOUS })).to.equal("ImplicitlyDenied");
  });

  it("leaves administration to the account's IAM policies only", async () => {
    const administer: SimulateArgs = {
      resourcePolicy: policy,
      principal: `arn:aws:iam::${ACCOUNT}:role/key-admin`,
      identityPolicies: [allowAllIdentityPolicy("kms:*")],
      action: "kms:ScheduleKeyDeletion",
      resource: KEY_ARN,
      accountId: ACCOUNT,
    };
    expect(await simulate(administer)).to.equal("Allowed");
    const foreignAdmin = `arn:aws:iam::${OTHER_ACCOUNT}:role/key-admin`;
    expect(await simulate({ ...administer, principal: foreignAdmin })).to.equal("ImplicitlyDenied");
  });
});
