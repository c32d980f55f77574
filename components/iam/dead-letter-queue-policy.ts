// Queue policy of the SQS dead-letter queue of the EventBridge rule targets.
import {
  type PolicyDocument,
  assertAccountId,
  assertArn,
  assertPartition,
  denyInsecureTransport,
  policyDocument,
} from "./policy-document";

/** Arguments of {@link deadLetterQueuePolicy}. */
export interface DeadLetterQueuePolicyArgs {
  /** AWS partition, e.g. `aws`. */
  partition: string;
  /** Account that owns the queue and the rules (12 digits). */
  accountId: string;
  /** ARN of the dead-letter queue. */
  queueArn: string;
  /**
   * ArnLike pattern of the rules whose failed deliveries may land in the queue, e.g.
   * `arn:aws:events:us-east-1:111122223333:rule/kms-monitoring-prod-*`.
   */
  ruleArnPrefix: string;
}

/**
 * Queue policy for the EventBridge dead-letter queue: `events.amazonaws.com` may
 * `sqs:SendMessage` only for rules of `accountId` matching `ruleArnPrefix`
 * ("Using dead-letter queues to process undelivered events in EventBridge": grant
 * sqs:SendMessage with aws:SourceArn of the rule). Every request without TLS is denied.
 *
 * @param args - see {@link DeadLetterQueuePolicyArgs}.
 * @param args.partition - AWS partition, e.g. `aws`.
 * @param args.accountId - account owning the queue and rules.
 * @param args.queueArn - ARN of the queue.
 * @param args.ruleArnPrefix - ArnLike pattern of the allowed rules.
 * @returns the queue policy document.
 * @throws Error when an argument is malformed or not in `accountId`.
 */
export function deadLetterQueuePolicy(args: DeadLetterQueuePolicyArgs): PolicyDocument {
  const { partition, accountId, queueArn, ruleArnPrefix } = args;
  assertPartition(partition);
  assertAccountId("accountId", accountId);
  assertArn("queueArn", queueArn, { partition, service: "sqs", accountId });
  if (queueArn.includes("*")) throw new Error(`queueArn "${queueArn}" must name one queue`);
  assertArn("ruleArnPrefix", ruleArnPrefix, {
    partition,
    service: "events",
    accountId,
    resourcePrefix: "rule/",
  });

  return policyDocument([
    {
      Sid: "AllowEventBridgeRulesSendToDeadLetterQueue",
      Effect: "Allow",
      Principal: { Service: "events.amazonaws.com" },
      Action: "sqs:SendMessage",
      Resource: queueArn,
      Condition: {
        StringEquals: { "aws:SourceAccount": accountId },
        ArnLike: { "aws:SourceArn": ruleArnPrefix },
      },
    },
    denyInsecureTransport("DenyInsecureTransport", "sqs:*", queueArn),
  ]);
}
