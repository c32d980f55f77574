// Key policy of the customer managed KMS key shared by all alert SNS topics of a stack in a region.
import {
  type PolicyDocument,
  rootAdministrationStatement,
  assertAccountId,
  assertPartition,
  policyDocument,
} from "./policy-document";

/** Arguments of {@link alertTopicKeyPolicy}. */
export interface AlertTopicKeyPolicyArgs {
  /** AWS partition, e.g. `aws`. */
  partition: string;
  /** Account that owns the key, the topics, the alarms and the rules (12 digits). */
  accountId: string;
}

/** Actions a publishing service needs on the key of an encrypted topic. */
const PUBLISHER_ACTIONS = ["kms:GenerateDataKey*", "kms:Decrypt"];

/**
 * Key policy for the alert topics' key.
 *
 * - The account root administers the key (`kms:*`), as the default key policy does.
 * - CloudWatch alarms (`cloudwatch.amazonaws.com`) may generate data keys and decrypt only when
 *   acting for this account (`aws:SourceAccount`).
 * - EventBridge rules (`events.amazonaws.com`) may do the same only for SNS topics of this account
 *   (`kms:EncryptionContext:aws:sns:topicArn`). The SNS guide ("Enable compatibility between event
 *   sources from AWS services and encrypted topics") states that aws:SourceAccount, aws:SourceArn
 *   and aws:SourceOrgID in a KMS key policy are not supported for EventBridge-to-encrypted topics,
 *   so the encryption context is the only scoping available; the topic policy
 *   (`alertTopicPolicy`) is what restricts EventBridge to this account's rules.
 *
 * SNS itself needs no grant: it uses the key with the publisher's permissions.
 *
 * @param args - see {@link AlertTopicKeyPolicyArgs}.
 * @param args.partition - AWS partition, e.g. `aws`.
 * @param args.accountId - account owning the key and topics.
 * @returns the key policy document.
 * @throws Error when an argument is malformed.
 */
export function alertTopicKeyPolicy(args: AlertTopicKeyPolicyArgs): PolicyDocument {
  const { partition, accountId } = args;
  assertPartition(partition);
  assertAccountId("accountId", accountId);
  return policyDocument([
    rootAdministrationStatement(partition, accountId),
    {
      // "Amazon SNS topic encryption with CloudWatch alarms": the alarm service needs the key to
      // publish to an encrypted topic; aws:SourceAccount prevents the confused deputy.
      Sid: "AllowCloudWatchAlarmsUseKey",
      Effect: "Allow",
      Principal: { Service: "cloudwatch.amazonaws.com" },
      Action: PUBLISHER_ACTIONS,
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": accountId } },
    },
    {
      // "Encrypting Amazon SNS topics used by EventBridge" (see the function comment for why no
      // aws:SourceAccount here).
      Sid: "AllowEventBridgeRulesUseKey",
      Effect: "Allow",
      Principal: { Service: "events.amazonaws.com" },
      Action: PUBLISHER_ACTIONS,
      Resource: "*",
      Condition: {
        ArnLike: {
          "kms:EncryptionContext:aws:sns:topicArn": `arn:${partition}:sns:*:${accountId}:*`,
        },
      },
    },
  ]);
}
