// Access policy of an alert SNS topic.
import {
  type PolicyCondition,
  type PolicyDocument,
  accountRootArn,
  assertAccountId,
  assertArn,
  assertPartition,
  denyInsecureTransport,
  policyDocument,
} from "./policy-document";

/** Arguments of {@link alertTopicPolicy}. */
export interface AlertTopicPolicyArgs {
  /** AWS partition, e.g. `aws`. */
  partition: string;
  /** Account that owns the topic, the alarms and the rules (12 digits). */
  accountId: string;
  /** ARN of the topic the policy is attached to. */
  topicArn: string;
  /**
   * ArnLike pattern of the alarms allowed to publish, e.g.
   * `arn:aws:cloudwatch:us-east-1:111122223333:alarm:kms-monitoring-prod-*`.
   * Default: any alarm of `accountId` (aws:SourceAccount only).
   */
  alarmArnPrefix?: string;
  /**
   * ArnLike pattern of the EventBridge rules allowed to publish, e.g.
   * `arn:aws:events:us-east-1:111122223333:rule/kms-monitoring-prod-*`.
   * Default: any rule of `accountId` (aws:SourceAccount only).
   */
  ruleArnPrefix?: string;
}

/** Topic management actions of the statement AWS puts in every new topic's default policy. */
const DEFAULT_OWNER_ACTIONS = [
  "sns:GetTopicAttributes",
  "sns:SetTopicAttributes",
  "sns:AddPermission",
  "sns:RemovePermission",
  "sns:DeleteTopic",
  "sns:Subscribe",
  "sns:ListSubscriptionsByTopic",
  "sns:Publish",
];

/**
 * Builds the confused-deputy condition of a publishing service.
 *
 * @param accountId - account the service must act for.
 * @param sourceArnPattern - ArnLike pattern of the source resources; default none.
 * @returns the condition block.
 */
function sourceCondition(accountId: string, sourceArnPattern?: string): PolicyCondition {
  const condition: PolicyCondition = { StringEquals: { "aws:SourceAccount": accountId } };
  if (sourceArnPattern !== undefined) condition.ArnLike = { "aws:SourceArn": sourceArnPattern };
  return condition;
}

/**
 * Topic policy for an alert topic.
 *
 * - Principals of the account keep the topic management that AWS's default topic policy grants,
 *   restricted to the account (account root principal, `AWS:SourceOwner` = account).
 * - CloudWatch alarms and EventBridge rules may `sns:Publish` to this topic only when acting for
 *   `accountId`, and, when a pattern is given, only for matching alarms/rules.
 * - Publishing without TLS is denied for everyone.
 *
 * @param args - see {@link AlertTopicPolicyArgs}.
 * @param args.partition - AWS partition, e.g. `aws`.
 * @param args.accountId - account owning the topic.
 * @param args.topicArn - ARN of the topic.
 * @param args.alarmArnPrefix - ArnLike pattern of allowed alarms; default any alarm of the account.
 * @param args.ruleArnPrefix - ArnLike pattern of allowed rules; default any rule of the account.
 * @returns the topic policy document.
 * @throws Error when an argument is malformed or not in `accountId`.
 */
export function alertTopicPolicy(args: AlertTopicPolicyArgs): PolicyDocument {
  const { partition, accountId, topicArn, alarmArnPrefix, ruleArnPrefix } = args;
  assertPartition(partition);
  assertAccountId("accountId", accountId);
  assertArn("topicArn", topicArn, { partition, service: "sns", accountId });
  if (topicArn.includes("*")) throw new Error(`topicArn "${topicArn}" must name one topic`);
  if (alarmArnPrefix !== undefined) {
    assertArn("alarmArnPrefix", alarmArnPrefix, {
      partition,
      service: "cloudwatch",
      accountId,
      resourcePrefix: "alarm:",
    });
  }
  if (ruleArnPrefix !== undefined) {
    assertArn("ruleArnPrefix", ruleArnPrefix, {
      partition,
      service: "events",
      accountId,
      resourcePrefix: "rule/",
    });
  }

  return policyDocument([
    {
      // The default topic policy's owner statement ("Example cases for Amazon SNS access
      // control"), with the account root instead of "*" so no other account can match it.
      Sid: "AllowAccountTopicManagement",
      Effect: "Allow",
      Principal: { AWS: accountRootArn(partition, accountId) },
      Action: DEFAULT_OWNER_ACTIONS,
      Resource: topicArn,
      Condition: { StringEquals: { "AWS:SourceOwner": accountId } },
    },
    {
      // "Amazon SNS topic encryption with CloudWatch alarms" / CloudWatch "Confused deputy
      // prevention": aws:SourceAccount and aws:SourceArn of the alarm.
      Sid: "AllowCloudWatchAlarmsPublish",
      Effect: "Allow",
      Principal: { Service: "cloudwatch.amazonaws.com" },
      Action: "sns:Publish",
      Resource: topicArn,
      Condition: sourceCondition(accountId, alarmArnPrefix),
    },
    {
      // EventBridge "Amazon SNS permissions": aws:SourceArn is the rule ARN.
      Sid: "AllowEventBridgeRulesPublish",
      Effect: "Allow",
      Principal: { Service: "events.amazonaws.com" },
      Action: "sns:Publish",
      Resource: topicArn,
      Condition: sourceCondition(accountId, ruleArnPrefix),
    },
    denyInsecureTransport("DenyInsecurePublish", "sns:Publish", topicArn),
  ]);
}
