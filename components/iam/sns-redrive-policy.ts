// Queue policy statement that lets SNS park undeliverable notifications in a dead-letter queue, and
// the full policy of the alert dead-letter queue shared by EventBridge rules and SNS subscriptions.
import {
  type PolicyDocument,
  type PolicyStatement,
  assertAccountId,
  assertArn,
  assertPartition,
  policyDocument,
} from "./policy-document";
import { type DeadLetterQueuePolicyArgs, deadLetterQueuePolicy } from "./dead-letter-queue-policy";

/** Arguments of {@link snsRedriveStatement}. */
export interface SnsRedriveStatementArgs {
  /** AWS partition, e.g. `aws`. */
  partition: string;
  /** Account that owns the queue and the topics (12 digits). */
  accountId: string;
  /** ARN of the dead-letter queue. */
  queueArn: string;
  /**
   * ArnLike pattern of the topics whose subscriptions may park messages in the queue, e.g.
   * `arn:aws:sns:us-east-1:111122223333:kmsmon-prod-*`.
   */
  topicArnPrefix: string;
}

/**
 * The statement admitting `sns.amazonaws.com` to `sqs:SendMessage` on the queue, only for topics
 * of `accountId` matching `topicArnPrefix` ("Configuring an Amazon SNS dead-letter queue for a
 * subscription": the queue policy must let the topic send; aws:SourceArn is the topic ARN).
 *
 * @param args - see {@link SnsRedriveStatementArgs}.
 * @param args.partition - AWS partition, e.g. `aws`.
 * @param args.accountId - account owning the queue and topics.
 * @param args.queueArn - ARN of the queue.
 * @param args.topicArnPrefix - ArnLike pattern of the allowed topics.
 * @returns the Allow statement.
 * @throws Error when an argument is malformed or not in `accountId`.
 */
export function snsRedriveStatement(args: SnsRedriveStatementArgs): PolicyStatement {
  const { partition, accountId, queueArn, topicArnPrefix } = args;
  assertPartition(partition);
  assertAccountId("accountId", accountId);
  assertArn("queueArn", queueArn, { partition, service: "sqs", accountId });
  if (queueArn.includes("*")) throw new Error(`queueArn "${queueArn}" must name one queue`);
  assertArn("topicArnPrefix", topicArnPrefix, { partition, service: "sns", accountId });
  return {
    Sid: "AllowSnsTopicsSendToDeadLetterQueue",
    Effect: "Allow",
    Principal: { Service: "sns.amazonaws.com" },
    Action: "sqs:SendMessage",
    Resource: queueArn,
    Condition: {
      StringEquals: { "aws:SourceAccount": accountId },
      ArnLike: { "aws:SourceArn": topicArnPrefix },
    },
  };
}

/** Arguments of {@link alertDeadLetterQueuePolicy}. */
export interface AlertDeadLetterQueuePolicyArgs extends DeadLetterQueuePolicyArgs {
  /** ArnLike pattern of the topics whose subscriptions may park messages in the queue. */
  topicArnPrefix: string;
}

/**
 * Queue policy of the alert dead-letter queue: {@link deadLetterQueuePolicy} (EventBridge rules
 * matching `ruleArnPrefix`, TLS required) plus {@link snsRedriveStatement} (SNS topics matching
 * `topicArnPrefix`). The Allow statements come first, the Deny last.
 *
 * @param args - see {@link AlertDeadLetterQueuePolicyArgs}.
 * @param args.partition - AWS partition, e.g. `aws`.
 * @param args.accountId - account owning the queue, rules and topics.
 * @param args.queueArn - ARN of the queue.
 * @param args.ruleArnPrefix - ArnLike pattern of the allowed rules.
 * @param args.topicArnPrefix - ArnLike pattern of the allowed topics.
 * @returns the queue policy document.
 * @throws Error when an argument is malformed or not in `accountId`.
 */
export function alertDeadLetterQueuePolicy(args: AlertDeadLetterQueuePolicyArgs): PolicyDocument {
  const rules = deadLetterQueuePolicy(args).Statement;
  const topics = snsRedriveStatement(args);
  return policyDocument([
    ...rules.filter((s) => s.Effect === "Allow"),
    topics,
    ...rules.filter((s) => s.Effect === "Deny"),
  ]);
}
