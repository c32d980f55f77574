import { expect } from "chai";
import { alertTopicPolicy } from "../../components/iam";
import { ACCOUNT, OTHER_ACCOUNT, PARTITION, REGION } from "../builders";
import {
  ANONYMOUS,
  type SimulateArgs,
  allowAllIdentityPolicy,
  simulate,
} from "../harness/iam-simulator";

const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:kms-monitoring-prod-alerts`;
const ALARM_PREFIX = `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:kms-monitoring-prod-*`;
const RULE_PREFIX = `arn:aws:events:${REGION}:${ACCOUNT}:rule/kms-monitoring-prod-*`;
const ALARM_ARN = `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:kms-monitoring-prod-key-disabled`;
const RULE_ARN = `arn:aws:events:${REGION}:${ACCOUNT}:rule/kms-monitoring-prod-deletion`;

const policy = alertTopicPolicy({
  partition: PARTITION,
  accountId: ACCOUNT,
  topicArn: TOPIC_ARN,
  alarmArnPrefix: ALARM_PREFIX,
  ruleArnPrefix: RULE_PREFIX,
});

/** A CloudWatch alarm of the stack publishing its state change. */
const alarm: SimulateArgs = {
  resourcePolicy: policy,
  principal: "cloudwatch.amazonaws.com",
  action: "sns:Publish",
  resource: TOPIC_ARN,
  accountId: ACCOUNT,
  context: {
    "aws:SecureTransport": "true",
    "aws:SourceAccount": ACCOUNT,
    "aws:SourceArn": ALARM_ARN,
  },
};

/** An EventBridge rule of the stack publishing a matched event. */
const rule: SimulateArgs = {
  ...alarm,
  principal: "events.amazonaws.com",
  context: { ...alarm.context, "aws:SourceArn": RULE_ARN },
};

describe("alertTopicPolicy", () => {
  it("lets the stack's alarms and rules publish", async () => {
    expect(await simulate(alarm)).to.equal("Allowed");
    expect(await simulate(rule)).to.equal("Allowed");
  });

  it("refuses alarms and rules of another account", async () => {
    const foreignAlarm = `arn:aws:cloudwatch:${REGION}:${OTHER_ACCOUNT}:alarm:kms-monitoring-prod-x`;
    const foreignRule = `arn:aws:events:${REGION}:${OTHER_ACCOUNT}:rule/kms-monitoring-prod-x`;
    const foreign = { "aws:SecureTransport": "true", "aws:SourceAccount": OTHER_ACCOUNT };
    expect(
      await simulate({ ...alarm, context: { ...foreign, "aws:SourceArn": foreignAlarm } }),
    ).to.equal("ImplicitlyDenied");
    expect(
      await simulate({ ...rule, context: { ...foreign, "aws:SourceArn": foreignRule } }),
    ).to.equal("ImplicitlyDenied");
  });

  it("refuses alarms and rules outside the given name patterns", async () => {
    const otherAlarm = `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:billing-alarm`;
    const otherRule = `arn:aws:events:${REGION}:${ACCOUNT}:rule/unrelated`;
    expect(
      await simulate({ ...alarm, context: { ...alarm.context, "aws:SourceArn": otherAlarm } }),
    ).to.equal("ImplicitlyDenied");
    expect(
      await simulate({ ...rule, context: { ...rule.context, "aws:SourceArn": otherRule } }),
    ).to.equal("ImplicitlyDenied");
  });

  it("denies publishing without TLS", async () => {
    const context = { ...alarm.context, "aws:SecureTransport": "false" };
    expect(await simulate({ ...alarm, context })).to.equal("ExplicitlyDenied");
  });

  it("grants the publishing services nothing else, on no other topic", async () => {
    expect(await simulate({ ...alarm, action: "sns:Subscribe" })).to.equal("ImplicitlyDenied");
    const otherTopic = `arn:aws:sns:${REGION}:${ACCOUNT}:other-topic`;
    expect(await simulate({ ...rule, resource: otherTopic })).to.equal("ImplicitlyDenied");
  });

  it("grants anonymous callers and other accounts nothing", async () => {
    const context = { "aws:SecureTransport": "true" };
    expect(await simulate({ ...alarm, principal: ANONYMOUS, context })).to.equal(
      "ImplicitlyDenied",
    );
    expect(
      await simulate({
        ...alarm,
        principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/publisher`,
        identityPolicies: [allowAllIdentityPolicy("sns:*")],
        context: { ...context, "AWS:SourceOwner": ACCOUNT },
      }),
    ).to.equal("ImplicitlyDenied");
  });

  it("keeps topic management with the account's principals", async () => {
    const manage: SimulateArgs = {
      resourcePolicy: policy,
      principal: `arn:aws:iam::${ACCOUNT}:role/operator`,
      identityPolicies: [allowAllIdentityPolicy("sns:*")],
      action: "sns:SetTopicAttributes",
      resource: TOPIC_ARN,
      accountId: ACCOUNT,
      context: { "aws:SecureTransport": "true", "AWS:SourceOwner": ACCOUNT },
    };
    expect(await simulate(manage)).to.equal("Allowed");
    const foreign = `arn:aws:iam::${OTHER_ACCOUNT}:role/operator`;
    expect(await simulate({ ...manage, principal: foreign })).to.equal("ImplicitlyDenied");
  });

  it("falls back to aws:SourceAccount alone when no patterns are given", async () => {
    const open = alertTopicPolicy({
      partition: PARTITION,
      accountId: ACCOUNT,
      topicArn: TOPIC_ARN,
    });
    const anyAlarm = `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:billing-alarm`;
    const context = { ...alarm.context, "aws:SourceArn": anyAlarm };
    expect(await simulate({ ...alarm, resourcePolicy: open, context })).to.equal("Allowed");
    const foreign = { ...context, "aws:SourceAccount": OTHER_ACCOUNT };
    expect(await simulate({ ...alarm, resourcePolicy: open, context: foreign })).to.equal(
      "ImplicitlyDenied",
    );
  });
});
