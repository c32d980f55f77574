import { expect } from "chai";
import {
  alertDeadLetterQueuePolicy,
  deadLetterQueuePolicy,
  snsRedriveStatement,
} from "../../components/iam";
import { ACCOUNT, OTHER_ACCOUNT, PARTITION, REGION } from "../builders";
import { ANONYMOUS, type SimulateArgs, actionExists, simulate } from "../harness/iam-simulator";

const QUEUE_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:kmsmon-prod-dlq`;
const RULE_PREFIX = `arn:aws:events:${REGION}:${ACCOUNT}:rule/kmsmon-prod-*`;
const TOPIC_PREFIX = `arn:aws:sns:${REGION}:${ACCOUNT}:kmsmon-prod-*`;
const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:kmsmon-prod-payments-critical`;
const RULE_ARN = `arn:aws:events:${REGION}:${ACCOUNT}:rule/kmsmon-prod-payments-c-1`;

const args = {
  partition: PARTITION,
  accountId: ACCOUNT,
  queueArn: QUEUE_ARN,
  ruleArnPrefix: RULE_PREFIX,
  topicArnPrefix: TOPIC_PREFIX,
};
const policy = alertDeadLetterQueuePolicy(args);

/** SNS parking a notification that a subscription of one of the stack's topics could not take. */
const park: SimulateArgs = {
  resourcePolicy: policy,
  principal: "sns.amazonaws.com",
  action: "sqs:SendMessage",
  resource: QUEUE_ARN,
  accountId: ACCOUNT,
  context: {
    "aws:SecureTransport": "true",
    "aws:SourceAccount": ACCOUNT,
    "aws:SourceArn": TOPIC_ARN,
  },
};

describe("snsRedriveStatement and alertDeadLetterQueuePolicy", () => {
  it("is the EventBridge queue policy plus one SNS statement before the TLS denial", () => {
    const rules = deadLetterQueuePolicy(args).Statement;
    expect(policy.Statement).to.deep.equal([rules[0], snsRedriveStatement(args), rules[1]]);
    expect(snsRedriveStatement(args)).to.deep.equal({
      Sid: "AllowSnsTopicsSendToDeadLetterQueue",
      Effect: "Allow",
      Principal: { Service: "sns.amazonaws.com" },
      Action: "sqs:SendMessage",
      Resource: QUEUE_ARN,
      Condition: {
        StringEquals: { "aws:SourceAccount": ACCOUNT },
        ArnLike: { "aws:SourceArn": TOPIC_PREFIX },
      },
    });
  });

  it("names only actions that exist", async () => {
    expect(await actionExists("sqs:SendMessage")).to.equal(true);
  });

  it("lets the stack's topics and rules send", async () => {
    expect(await simulate(park)).to.equal("Allowed");
    const rule = {
      ...park,
      principal: "events.amazonaws.com",
      context: { ...park.context, "aws:SourceArn": RULE_ARN },
    };
    expect(await simulate(rule)).to.equal("Allowed");
  });

  it("refuses topics of another account, other topics and calls without a source", async () => {
    const foreignTopic = `arn:aws:sns:${REGION}:${OTHER_ACCOUNT}:kmsmon-prod-x`;
    const foreign = { "aws:SecureTransport": "true", "aws:SourceAccount": OTHER_ACCOUNT };
    expect(
      await simulate({ ...park, context: { ...foreign, "aws:SourceArn": foreignTopic } }),
    ).to.equal("ImplicitlyDenied");
    const otherTopic = `arn:aws:sns:${REGION}:${ACCOUNT}:billing-alerts`;
    expect(
      await simulate({ ...park, context: { ...park.context, "aws:SourceArn": otherTopic } }),
    ).to.equal("ImplicitlyDenied");
    expect(await simulate({ ...park, context: { "aws:SecureTransport": "true" } })).to.equal(
      "ImplicitlyDenied",
    );
    const noAccount = { "aws:SecureTransport": "true", "aws:SourceArn": TOPIC_ARN };
    expect(await simulate({ ...park, context: noAccount })).to.equal("ImplicitlyDenied");
  });

  it("does not let SNS act for a rule, nor EventBridge for a topic", async () => {
    const asRule = { ...park.context, "aws:SourceArn": RULE_ARN };
    expect(await simulate({ ...park, context: asRule })).to.equal("ImplicitlyDenied");
    expect(await simulate({ ...park, principal: "events.amazonaws.com" })).to.equal(
      "ImplicitlyDenied",
    );
  });

  it("grants SNS nothing but sending, to this queue only", async () => {
    expect(await simulate({ ...park, action: "sqs:ReceiveMessage" })).to.equal("ImplicitlyDenied");
    expect(await simulate({ ...park, action: "sqs:DeleteMessage" })).to.equal("ImplicitlyDenied");
    const otherQueue = `arn:aws:sqs:${REGION}:${ACCOUNT}:other-queue`;
    expect(await simulate({ ...park, resource: otherQueue })).to.equal("ImplicitlyDenied");
  });

  it("denies requests without TLS and grants anonymous callers nothing", async () => {
    const context = { ...park.context, "aws:SecureTransport": "false" };
    expect(await simulate({ ...park, context })).to.equal("ExplicitlyDenied");
    expect(await simulate({ ...park, principal: ANONYMOUS })).to.equal("ImplicitlyDenied");
  });

  it("rejects topic patterns of another service or account", () => {
    expect(() => snsRedriveStatement({ ...args, topicArnPrefix: RULE_PREFIX })).to.throw(
      `topicArnPrefix "${RULE_PREFIX}" service is not sns`,
    );
    const foreign = `arn:aws:sns:${REGION}:${OTHER_ACCOUNT}:kmsmon-prod-*`;
    expect(() => alertDeadLetterQueuePolicy({ ...args, topicArnPrefix: foreign })).to.throw(
      `topicArnPrefix "${foreign}" account is not ${ACCOUNT}`,
    );
    expect(() => snsRedriveStatement({ ...args, queueArn: `${QUEUE_ARN}*` })).to.throw(
      `queueArn "${QUEUE_ARN}*" must name one queue`,
    );
  });
});
