import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { AlertTopic, AlertTopicArgs, AlertTopicKey } from "../../components/alerts";
import { alertTopicPolicy } from "../../components/iam";
import { runUnderMocks, unwrap } from "../harness/mock-runtime";
import { ACCOUNT, aliasArn, mockKeyArn, REGION, T } from "../builders";
import {
  ALARM_PREFIX,
  DLQ_ARN,
  KEY_ARN,
  RULE_PREFIX,
  SECURITY_TOPIC,
  TARGETS,
  TOPIC_ARGS,
  parsedInputs,
  summary,
} from "./helpers";

const TOPIC = "kmsmon-prod-payments-critical";
const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:${TOPIC}`;
const LAMBDA = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:kms-alert-router`;

function runTopic(args: Partial<AlertTopicArgs> = {}) {
  return runUnderMocks(() => new AlertTopic("pay", { ...TOPIC_ARGS, ...args }));
}

/** The subscriptions of {@link TARGETS}, by child name, as registered without a dead-letter queue. */
const SUBSCRIPTIONS: Record<string, Record<string, unknown>> = {
  "pay-email-92a93735": { topic: TOPIC_ARN, protocol: "email", endpoint: "secops@example.com" },
  "pay-email-a40ca514": { topic: TOPIC_ARN, protocol: "email", endpoint: "oncall@example.com" },
  "pay-https-1daccf3d": {
    topic: TOPIC_ARN,
    protocol: "https",
    endpoint: "https://events.pager.example/integration/abc/enqueue",
    endpointAutoConfirms: false,
  },
  "pay-sqs-2ad7cdef": {
    topic: TOPIC_ARN,
    protocol: "sqs",
    endpoint: `arn:aws:sqs:${REGION}:${ACCOUNT}:siem-intake`,
    rawMessageDelivery: true,
  },
  "pay-lambda-3a9de298": { topic: TOPIC_ARN, protocol: "lambda", endpoint: `${LAMBDA}:live` },
};

describe("AlertTopic", () => {
  it("registers the topic, its policy, one subscription per target and a Lambda permission", async () => {
    const run = await runTopic();
    expect(run.resources).to.have.length(9);
    expect(summary(run)).to.deep.equal(
      [
        `${T.alertTopic} pay <- (root)`,
        `${T.topic} pay-topic <- pay`,
        `${T.topicPolicy} pay-policy <- pay`,
        ...Object.keys(SUBSCRIPTIONS).map((name) => `${T.subscription} ${name} <- pay`),
        `${T.permission} pay-lambda-3a9de298-invoke <- pay`,
      ].sort(),
    );
    expect(run.one(T.alertTopic, "pay").inputs).to.deep.equal({});
  });

  it("encrypts the topic with the given key and retries HTTPS 12 times with backoff", async () => {
    const run = await runTopic({ tags: { team: "payments" } });
    expect(parsedInputs(run.one(T.topic, "pay-topic"))).to.deep.equal({
      name: TOPIC,
      displayName: TOPIC,
      kmsMasterKeyId: KEY_ARN,
      deliveryPolicy: {
        http: {
          defaultHealthyRetryPolicy: {
            minDelayTarget: 20,
            maxDelayTarget: 300,
            numRetries: 12,
            numNoDelayRetries: 0,
            numMinDelayRetries: 2,
            numMaxDelayRetries: 2,
            backoffFunction: "exponential",
          },
          disableSubscriptionOverrides: false,
        },
      },
      signatureVersion: 2,
      tags: { team: "payments" },
    });
  });

  it("lets only the stack's alarms and rules publish when prefixes are given", async () => {
    const run = await runTopic({ alarmArnPrefix: ALARM_PREFIX, ruleArnPrefix: RULE_PREFIX });
    expect(parsedInputs(run.one(T.topicPolicy, "pay-policy"))).to.deep.equal({
      arn: TOPIC_ARN,
      policy: alertTopicPolicy({
        partition: "aws",
        accountId: ACCOUNT,
        topicArn: TOPIC_ARN,
        alarmArnPrefix: ALARM_PREFIX,
        ruleArnPrefix: RULE_PREFIX,
      }),
    });
  });

  it("lets any alarm and rule of the account publish when no prefix is given", async () => {
    const run = await runTopic();
    expect(parsedInputs(run.one(T.topicPolicy, "pay-policy")).policy).to.deep.equal(
      alertTopicPolicy({ partition: "aws", accountId: ACCOUNT, topicArn: TOPIC_ARN }),
    );
  });

  it("subscribes e-mail, HTTPS (not auto-confirmed), SQS (raw) and Lambda targets", async () => {
    const run = await runTopic();
    for (const [name, inputs] of Object.entries(SUBSCRIPTIONS)) {
      expect(run.one(T.subscription, name).inputs, name).to.deep.equal(inputs);
    }
  });

  it("lets SNS invoke the Lambda alias for this topic only", async () => {
    const run = await runTopic();
    expect(run.one(T.permission, "pay-lambda-3a9de298-invoke").inputs).to.deep.equal({
      action: "lambda:InvokeFunction",
      function: LAMBDA,
      qualifier: "live",
      principal: "sns.amazonaws.com",
      sourceArn: TOPIC_ARN,
      region: LAMBDA.split(":")[3],
    });
  });

  it("gives an unqualified function ARN no qualifier", async () => {
    const run = await runTopic({ targets: { ...TARGETS, lambda: [LAMBDA] } });
    expect(run.one(T.permission, "pay-lambda-fcd14716-invoke").inputs).to.deep.equal({
      action: "lambda:InvokeFunction",
      function: LAMBDA,
      principal: "sns.amazonaws.com",
      sourceArn: TOPIC_ARN,
      region: LAMBDA.split(":")[3],
    });
  });

  it("gives every subscription the dead-letter queue when one is given", async () => {
    const run = await runTopic({ deadLetterQueueArn: DLQ_ARN });
    const subscriptions = run.ofType(T.subscription);
    expect(subscriptions).to.have.length(5);
    for (const subscription of subscriptions) {
      expect(parsedInputs(subscription), subscription.name).to.deep.equal({
        ...SUBSCRIPTIONS[subscription.name],
        redrivePolicy: { deadLetterTargetArn: DLQ_ARN },
      });
    }
  });

  it("keeps child names when targets are reordered or removed", async () => {
    const reordered = await runTopic({
      targets: { ...TARGETS, emails: ["oncall@example.com"], https: [] },
    });
    expect(reordered.ofType(T.subscription).map((s) => s.name)).to.deep.equal([
      "pay-email-a40ca514",
      "pay-sqs-2ad7cdef",
      "pay-lambda-3a9de298",
    ]);
  });

  it("adds the per-topic failure alarm only when asked", async () => {
    const run = await runTopic({
      failureAlarm: { alarmActions: [SECURITY_TOPIC] },
      tags: { team: "payments" },
    });
    expect(run.resources).to.have.length(10);
    const alarm = run.one(T.alarm, "pay-failures");
    expect(alarm.parent).to.equal(run.one(T.alertTopic, "pay").urn);
    expect(alarm.inputs).to.deep.equal({
      name: `${TOPIC}-notifications-failed`,
      alarmDescription:
        `SNS could not deliver alerts of topic ${TOPIC} to a subscriber. Check the dead-letter ` +
        "queue and the subscriptions: confirmed, endpoint up, and the queue or function policy " +
        "admitting the topic.",
      namespace: "AWS/SNS",
      metricName: "NumberOfNotificationsFailed",
      dimensions: { TopicName: TOPIC },
      statistic: "Sum",
      period: 300,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      treatMissingData: "notBreaching",
      alarmActions: [SECURITY_TOPIC],
      tags: { team: "payments" },
    });
    expect((await runTopic()).ofType(T.alarm)).to.have.length(0);
  });

  it("takes an explicit display name and a key alias ARN", async () => {
    const alias = aliasArn(REGION, "alias/kmsmon-prod-alerts");
    const run = await runTopic({ displayName: "KMS alerts", kmsKeyArn: alias });
    const topic = run.one(T.topic, "pay-topic").inputs;
    expect([topic.displayName, topic.kmsMasterKeyId]).to.deep.equal(["KMS alerts", alias]);
  });

  it("takes the key of an AlertTopicKey as an Output", async () => {
    const run = await runUnderMocks(() => {
      const key = new AlertTopicKey("alert-key", { aliasName: "kmsmon-prod-alerts" });
      return new AlertTopic("pay", { ...TOPIC_ARGS, kmsKeyArn: key.keyArn });
    });
    expect(run.one(T.topic, "pay-topic").inputs.kmsMasterKeyId).to.equal(
      mockKeyArn("alert-key-key"),
    );
  });

  it("creates no topic when an Output key turns out to be alias/aws/sns", async () => {
    const run = await runTopic({ kmsKeyArn: pulumi.output("alias/aws/sns") });
    expect(run.ofType(T.topic)).to.have.length(0);
  });

  it("resolves its outputs and counts its subscriptions before deployment", async () => {
    const run = await runTopic();
    expect(await unwrap(run.result.topicArn)).to.equal(TOPIC_ARN);
    expect(await unwrap(run.result.topicName)).to.equal(TOPIC);
    expect(run.result.subscriptionCount).to.equal(5);
  });
});
