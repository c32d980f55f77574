import { expect } from "chai";
import {
  AlertTopic,
  AlertTopicArgs,
  AlertTopicKey,
  AlertTopicKeyArgs,
  DeadLetterQueue,
  DeadLetterQueueArgs,
} from "../../components/alerts";
import { runUnderMocks } from "../harness/mock-runtime";
import { ACCOUNT, aliasArn, OTHER_ACCOUNT, REGION, T } from "../builders";
import {
  ALARM_PREFIX,
  DLQ_ARGS,
  KEY_ARN,
  NO_TARGETS,
  RULE_PREFIX,
  TARGETS,
  TOPIC_ARGS,
  TOPIC_PREFIX,
} from "./helpers";

/** One invalid construction and the exact message it must throw. */
interface Invalid {
  why: string;
  build: () => unknown;
  message: string;
}

const SNS_ARN_FORM = "(expected arn:<partition>:sns:<region>:<account>:<topic name>)";
const KEY_FORM =
  "(expected arn:<partition>:kms:<region>:<account>:key/<key id> or " +
  "arn:<partition>:kms:<region>:<account>:alias/<name>)";
const AWS_MANAGED =
  "names an AWS managed key; CloudWatch alarms cannot publish to a topic encrypted with " +
  "alias/aws/sns, so alerts would be lost (use the customer managed key of AlertTopicKey)";
const QUEUE_NAME_RULE =
  "is not a standard SQS queue name (allowed: 1-80 letters, digits, hyphens and underscores; " +
  "no .fifo suffix)";
const QUEUE_ARN_FORM =
  "is not a standard SQS queue ARN (expected arn:<partition>:sqs:<region>:<account>:<queue name>)";
const RULE_FORM =
  "is not an EventBridge rule ARN pattern (expected arn:<partition>:events:<region>:<account>:" +
  "rule/<name prefix>*)";

const key = (args: Partial<AlertTopicKeyArgs>) => () =>
  new AlertTopicKey("k", { aliasName: "kmsmon-prod-alerts", ...args } as AlertTopicKeyArgs);
const queue = (args: Partial<DeadLetterQueueArgs>) => () =>
  new DeadLetterQueue("dlq", { ...DLQ_ARGS, ...args } as DeadLetterQueueArgs);
const topic = (args: Partial<AlertTopicArgs>) => () =>
  new AlertTopic("pay", { ...TOPIC_ARGS, ...args } as AlertTopicArgs);

const INVALID: Invalid[] = [
  {
    why: "key without alias",
    build: key({ aliasName: undefined }),
    message: 'AlertTopicKey "k": aliasName is required (the key\'s alias is alias/<aliasName>)',
  },
  {
    why: "alias with its prefix",
    build: key({ aliasName: "alias/kmsmon" }),
    message:
      'AlertTopicKey "k": aliasName: "alias/kmsmon" must be given without "alias/"; the component adds it',
  },
  {
    why: "AWS reserved alias",
    build: key({ aliasName: "aws/sns" }),
    message:
      'AlertTopicKey "k": aliasName: "aws/sns" starts with "aws/", which AWS reserves for its own keys',
  },
  {
    why: "alias with a space",
    build: key({ aliasName: "kms alerts" }),
    message:
      'AlertTopicKey "k": aliasName: "kms alerts" is not a KMS alias name (allowed: 1-250 ' +
      "letters, digits, slashes, underscores and hyphens)",
  },
  {
    why: "queue without a name",
    build: queue({ queueName: undefined }),
    message: 'DeadLetterQueue "dlq": queueName is required',
  },
  {
    why: "FIFO queue",
    build: queue({ queueName: "dlq.fifo" }),
    message: `DeadLetterQueue "dlq": queueName: "dlq.fifo" ${QUEUE_NAME_RULE}`,
  },
  {
    why: "queue without a rule pattern",
    build: queue({ ruleArnPrefix: undefined }),
    message: 'DeadLetterQueue "dlq": ruleArnPrefix is required',
  },
  {
    why: "topic pattern as rule pattern",
    build: queue({ ruleArnPrefix: TOPIC_PREFIX }),
    message: `DeadLetterQueue "dlq": ruleArnPrefix: "${TOPIC_PREFIX}" ${RULE_FORM}`,
  },
  {
    why: "rule pattern as topic pattern",
    build: queue({ topicArnPrefix: RULE_PREFIX }),
    message:
      `DeadLetterQueue "dlq": topicArnPrefix: "${RULE_PREFIX}" is not an SNS topic ARN pattern ` +
      "(expected arn:<partition>:sns:<region>:<account>:<name prefix>*)",
  },
  {
    why: "queue without alarm actions",
    build: queue({ alarmActions: [] }),
    message:
      'DeadLetterQueue "dlq": alarmActions: at least one SNS topic ARN is required; without ' +
      'one, alerts that could not be delivered would wait in queue "kmsmon-prod-dlq" unnoticed',
  },
  {
    why: "queue alarm action not a topic",
    build: queue({ alarmActions: ["arn:aws:sqs:us-east-1:111122223333:q"] }),
    message:
      'DeadLetterQueue "dlq": alarmActions[0]: "arn:aws:sqs:us-east-1:111122223333:q" is not ' +
      `an SNS topic ARN ${SNS_ARN_FORM}`,
  },
  {
    why: "topic without a name",
    build: topic({ topicName: undefined }),
    message: 'AlertTopic "pay": topicName is required',
  },
  {
    why: "FIFO topic",
    build: topic({ topicName: "alerts.fifo" }),
    message:
      'AlertTopic "pay": topicName: "alerts.fifo" is not a standard SNS topic name (allowed: ' +
      "1-256 letters, digits, hyphens and underscores; no .fifo suffix)",
  },
  {
    why: "display name defaulted from a long topic name",
    build: topic({ topicName: "a".repeat(101) }),
    message:
      `AlertTopic "pay": displayName: "${"a".repeat(101)}" (defaulted from topicName) is not an ` +
      "SNS display name (allowed: at most 100 characters)",
  },
  {
    why: "topic without a key",
    build: topic({ kmsKeyArn: undefined }),
    message:
      'AlertTopic "pay": kmsKeyArn is required: alert topics are encrypted with the stack\'s ' +
      "customer managed key (AlertTopicKey.keyArn)",
  },
  {
    why: "the AWS managed SNS key",
    build: topic({ kmsKeyArn: "alias/aws/sns" }),
    message: `AlertTopic "pay": kmsKeyArn: "alias/aws/sns" ${AWS_MANAGED}`,
  },
  {
    why: "the AWS managed SNS key by ARN",
    build: topic({ kmsKeyArn: aliasArn(REGION, "alias/aws/sns") }),
    message: `AlertTopic "pay": kmsKeyArn: "arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/sns" ${AWS_MANAGED}`,
  },
  {
    why: "a bare key id",
    build: topic({ kmsKeyArn: "0987dcba-09fe-87dc-65ba-ab0987654321" }),
    message:
      'AlertTopic "pay": kmsKeyArn: "0987dcba-09fe-87dc-65ba-ab0987654321" is not a KMS key ' +
      `ARN or alias ARN ${KEY_FORM}`,
  },
  {
    why: "no targets",
    build: topic({ targets: NO_TARGETS }),
    message:
      'AlertTopic "pay": targets: no e-mail, HTTPS, SQS or Lambda target; nobody would hear the ' +
      'alerts published to topic "kmsmon-prod-payments-critical"',
  },
  {
    why: "missing targets",
    build: topic({ targets: undefined }),
    message:
      'AlertTopic "pay": targets is required; without a target nobody would hear the alerts of ' +
      '"kmsmon-prod-payments-critical"',
  },
  {
    why: "bad e-mail",
    build: topic({ targets: { ...TARGETS, emails: ["secops@example.com", "secops"] } }),
    message: 'AlertTopic "pay": targets.emails[1]: "secops" is not a valid e-mail address',
  },
  {
    why: "repeated e-mail",
    build: topic({ targets: { ...TARGETS, emails: ["a@example.com", "A@example.com"] } }),
    message: 'AlertTopic "pay": targets.emails[1]: "A@example.com" repeats targets.emails[0]',
  },
  {
    why: "http URL",
    build: topic({ targets: { ...TARGETS, https: ["http://pager.example/hook"] } }),
    message:
      'AlertTopic "pay": targets.https[0]: "http://pager.example/hook" uses http; only ' +
      "https:// URLs are allowed, so alerts are encrypted in transit",
  },
  {
    why: "not a URL",
    build: topic({ targets: { ...TARGETS, https: ["pager"] } }),
    message: 'AlertTopic "pay": targets.https[0]: "pager" is not a URL (expected an https:// URL)',
  },
  {
    why: "queue URL instead of ARN",
    build: topic({ targets: { ...TARGETS, sqs: ["https://sqs.us-east-1.amazonaws.com/1/q"] } }),
    message:
      'AlertTopic "pay": targets.sqs[0]: "https://sqs.us-east-1.amazonaws.com/1/q" ' +
      QUEUE_ARN_FORM,
  },
  {
    why: "function name instead of ARN",
    build: topic({ targets: { ...TARGETS, lambda: ["kms-alert-router"] } }),
    message:
      'AlertTopic "pay": targets.lambda[0]: "kms-alert-router" is not a Lambda function ARN ' +
      "(expected arn:<partition>:lambda:<region>:<account>:function:<name>[:<version or alias>])",
  },
  {
    why: "topic as dead-letter queue",
    build: topic({ deadLetterQueueArn: `arn:aws:sns:${REGION}:${ACCOUNT}:dlq` }),
    message: `AlertTopic "pay": deadLetterQueueArn: "arn:aws:sns:${REGION}:${ACCOUNT}:dlq" ${QUEUE_ARN_FORM}`,
  },
  {
    why: "rule pattern as alarm pattern",
    build: topic({ alarmArnPrefix: RULE_PREFIX }),
    message:
      `AlertTopic "pay": alarmArnPrefix: "${RULE_PREFIX}" is not a CloudWatch alarm ARN pattern ` +
      "(expected arn:<partition>:cloudwatch:<region>:<account>:alarm:<name prefix>*)",
  },
  {
    why: "alarm pattern as rule pattern",
    build: topic({ ruleArnPrefix: ALARM_PREFIX }),
    message: `AlertTopic "pay": ruleArnPrefix: "${ALARM_PREFIX}" ${RULE_FORM}`,
  },
  {
    why: "failure alarm without actions",
    build: topic({ failureAlarm: { alarmActions: [] } }),
    message:
      'AlertTopic "pay": failureAlarm: expected { alarmActions: [<SNS topic ARN>, ...] } with at ' +
      'least one action; got {"alarmActions":[]}',
  },
  {
    why: "failure alarm action not a topic",
    build: topic({ failureAlarm: { alarmActions: [KEY_ARN] } }),
    message: `AlertTopic "pay": failureAlarm.alarmActions[0]: "${KEY_ARN}" is not an SNS topic ARN ${SNS_ARN_FORM}`,
  },
];

describe("alert components reject bad arguments before registering anything", () => {
  for (const { why, build, message } of INVALID) {
    it(`${why}`, async () => {
      const run = await runUnderMocks(() => {
        try {
          build();
          return "no error";
        } catch (error) {
          return (error as Error).message;
        }
      });
      expect(run.result).to.equal(message);
      expect(run.resources).to.deep.equal([]);
      expect(run.invokes).to.deep.equal([]);
    });
  }

  it("refuses prefixes of another account once the account is known, creating no policy", async () => {
    const foreign = `arn:aws:events:${REGION}:${OTHER_ACCOUNT}:rule/kmsmon-prod-*`;
    const run = await runUnderMocks(() => queue({ ruleArnPrefix: foreign })());
    expect(run.ofType(T.queue)).to.have.length(1);
    expect(run.ofType(T.queuePolicy)).to.deep.equal([]);
  });
});
