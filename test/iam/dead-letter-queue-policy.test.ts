import { expect } from "chai";
import { deadLetterQueuePolicy } from "../../components/iam";
import { ACCOUNT, OTHER_ACCOUNT, PARTITION, REGION } from "../builders";
import { ANONYMOUS, type SimulateArgs, simulate } from "../harness/iam-simulator";

const QUEUE_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:kms-monitoring-prod-dlq`;
const RULE_PREFIX = `arn:aws:events:${REGION}:${ACCOUNT}:rule/kms-monitoring-prod-*`;
const RULE_ARN = `arn:aws:events:${REGION}:${ACCOUNT}:rule/kms-monitoring-prod-deletion`;

const policy = deadLetterQueuePolicy({
  partition: PARTITION,
  accountId: ACCOUNT,
  queueArn: QUEUE_ARN,
  ruleArnPrefix: RULE_PREFIX,
});

/** EventBridge parking an undeliverable event of one of the stack's rules. */
const park: SimulateArgs = {
  resourcePolicy: policy,
  principal: "events.amazonaws.com",
  action: "sqs:SendMessage",
  resource: QUEUE_ARN,
  accountId: ACCOUNT,
  context: {
    "aws:SecureTransport": "true",
    "aws:SourceAccount": ACCOUNT,
    "aws:SourceArn": RULE_ARN,
  },
};

describe("deadLetterQueuePolicy", () => {
  it("lets the stack's rules send failed events", async () => {
    expect(await simulate(park)).to.equal("Allowed");
  });

  it("refuses rules of another account, other rules and calls without a source", async () => {
    const foreignRule = `arn:aws:events:${REGION}:${OTHER_ACCOUNT}:rule/kms-monitoring-prod-x`;
    const otherRule = `arn:aws:events:${REGION}:${ACCOUNT}:rule/unrelated`;
    expect(
      await simulate({
        ...park,
        context: {
          "aws:SecureTransport": "true",
          "aws:SourceAccount": OTHER_ACCOUNT,
          "aws:SourceArn": foreignRule,
        },
      }),
    ).to.equal("ImplicitlyDenied");
    expect(
      await simulate({ ...park, context: { ...park.context, "aws:SourceArn": otherRule } }),
    ).to.equal("ImplicitlyDenied");
    expect(await simulate({ ...park, context: { "aws:SecureTransport": "true" } })).to.equal(
      "ImplicitlyDenied",
    );
  });

  it("requires the source account as well as the rule ARN", async () => {
    const context = { ...park.context, "aws:SourceAccount": OTHER_ACCOUNT };
    expect(await simulate({ ...park, context })).to.equal("ImplicitlyDenied");
  });

  it("denies requests without TLS", async () => {
    const context = { ...park.context, "aws:SecureTransport": "false" };
    expect(await simulate({ ...park, context })).to.equal("ExplicitlyDenied");
  });

  it("grants EventBridge nothing but sending, to this queue only", async () => {
    expect(await simulate({ ...park, action: "sqs:ReceiveMessage" })).to.equal("ImplicitlyDenied");
    expect(await simulate({ ...park, action: "sqs:PurgeQueue" })).to.equal("ImplicitlyDenied");
    const otherQueue = `arn:aws:sqs:${REGION}:${ACCOUNT}:other-queue`;
    expect(await simulate({ ...park, resource: otherQueue })).to.equal("ImplicitlyDenied");
  });

  it("grants other services and anonymous callers nothing", async () => {
    expect(await simulate({ ...park, principal: "cloudwatch.amazonaws.com" })).to.equal(
      "ImplicitlyDenied",
    );
    expect(await simulate({ ...park, principal: ANONYMOUS })).to.equal("ImplicitlyDenied");
  });
});
