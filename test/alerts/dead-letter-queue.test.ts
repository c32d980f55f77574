import { expect } from "chai";
import { DeadLetterQueue, DeadLetterQueueArgs } from "../../components/alerts";
import { alertDeadLetterQueuePolicy } from "../../components/iam";
import { runUnderMocks, unwrap } from "../harness/mock-runtime";
import { ACCOUNT, REGION, T } from "../builders";
import {
  DLQ_ARGS,
  RULE_PREFIX,
  SECURITY_TOPIC,
  TOPIC_PREFIX,
  parsedInputs,
  summary,
} from "./helpers";

const QUEUE_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:kmsmon-prod-dlq`;
const QUEUE_URL = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/kmsmon-prod-dlq`;

function runQueue(args: Partial<DeadLetterQueueArgs> = {}) {
  return runUnderMocks(() => new DeadLetterQueue("dlq", { ...DLQ_ARGS, ...args }));
}

describe("DeadLetterQueue", () => {
  it("registers the component with exactly a queue, its policy and an alarm", async () => {
    const run = await runQueue();
    expect(run.resources).to.have.length(4);
    expect(summary(run)).to.deep.equal(
      [
        `${T.deadLetterQueue} dlq <- (root)`,
        `${T.queue} dlq-queue <- dlq`,
        `${T.queuePolicy} dlq-policy <- dlq`,
        `${T.alarm} dlq-alarm <- dlq`,
      ].sort(),
    );
    expect(run.one(T.deadLetterQueue, "dlq").inputs).to.deep.equal({});
  });

  it("creates an SSE-SQS queue that keeps messages 14 days", async () => {
    const run = await runQueue({ tags: { team: "security" } });
    expect(run.one(T.queue, "dlq-queue").inputs).to.deep.equal({
      name: "kmsmon-prod-dlq",
      sqsManagedSseEnabled: true,
      messageRetentionSeconds: 1209600,
      tags: { team: "security" },
    });
  });

  it("admits only the stack's rules and topics of this account", async () => {
    const run = await runQueue();
    expect(parsedInputs(run.one(T.queuePolicy, "dlq-policy"))).to.deep.equal({
      queueUrl: QUEUE_URL,
      policy: alertDeadLetterQueuePolicy({
        partition: "aws",
        accountId: ACCOUNT,
        queueArn: QUEUE_ARN,
        ruleArnPrefix: RULE_PREFIX,
        topicArnPrefix: TOPIC_PREFIX,
      }),
    });
  });

  it("alarms as soon as one message waits, and says what to do", async () => {
    const run = await runQueue({ tags: { team: "security" } });
    expect(run.one(T.alarm, "dlq-alarm").inputs).to.deep.equal({
      name: "kmsmon-prod-dlq-not-empty",
      alarmDescription:
        "Alerts could not be delivered and wait in SQS queue kmsmon-prod-dlq (kept 14 days). " +
        "Read the messages: their attributes name the rule or topic and the error. Fix the " +
        "target (topic or key policy, subscription, endpoint), then redrive: publish each " +
        "message again to its topic and delete it from the queue.",
      namespace: "AWS/SQS",
      metricName: "ApproximateNumberOfMessagesVisible",
      dimensions: { QueueName: "kmsmon-prod-dlq" },
      statistic: "Maximum",
      period: 300,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      treatMissingData: "notBreaching",
      alarmActions: [SECURITY_TOPIC],
      tags: { team: "security" },
    });
  });

  it("notifies every alarm action given", async () => {
    const second = `arn:aws:sns:${REGION}:${ACCOUNT}:kmsmon-prod-ops`;
    const run = await runQueue({ alarmActions: [SECURITY_TOPIC, second] });
    expect(run.one(T.alarm, "dlq-alarm").inputs.alarmActions).to.deep.equal([
      SECURITY_TOPIC,
      second,
    ]);
  });

  it("resolves its outputs", async () => {
    const run = await runQueue();
    expect(await unwrap(run.result.queueArn)).to.equal(QUEUE_ARN);
    expect(await unwrap(run.result.queueUrl)).to.equal(QUEUE_URL);
    expect(await unwrap(run.result.alarmArn)).to.equal(
      `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:kmsmon-prod-dlq-not-empty`,
    );
  });
});
