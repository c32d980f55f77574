// Key policy of the customer managed KMS key that encrypts the CloudTrail log files (S3) and the
// trail's CloudWatch Logs log group.
import {
  type PolicyDocument,
  rootAdministrationStatement,
  assertAccountId,
  assertArn,
  assertPartition,
  assertRegion,
  bareLogGroupArn,
  logsServicePrincipal,
  policyDocument,
} from "./policy-document";

/** Arguments of {@link trailKeyPolicy}. */
export interface TrailKeyPolicyArgs {
  /** AWS partition, e.g. `aws`. */
  partition: string;
  /** Account that owns the key, the trail and the log group (12 digits). */
  accountId: string;
  /** Region of the key and of the log group (keys and log groups are regional). */
  region: string;
  /** ARN of the trail that encrypts its log files with the key. */
  trailArn: string;
  /** ARN of the CloudTrail log group encrypted with the key, without a trailing `:*`. */
  logGroupArn: string;
}

/**
 * Key policy for the CloudTrail key.
 *
 * - The account root administers the key (`kms:*`), as the default key policy does, so the key
 *   stays manageable through IAM policies.
 * - CloudTrail may generate data keys only for `trailArn` and only with a CloudTrail encryption
 *   context of this account, and may describe the key for that trail.
 * - CloudWatch Logs (regional principal) may use the key only for `logGroupArn`.
 * - Principals of the account may decrypt CloudTrail log files (how readers of the bucket read them).
 *
 * @param args - see {@link TrailKeyPolicyArgs}.
 * @param args.partition - AWS partition, e.g. `aws`.
 * @param args.accountId - account owning the key.
 * @param args.region - region of the key and log group.
 * @param args.trailArn - ARN of the trail using the key.
 * @param args.logGroupArn - ARN of the log group using the key (`:*` suffix tolerated).
 * @returns the key policy document.
 * @throws Error when an argument is malformed or not in `accountId`/`region`.
 */
export function trailKeyPolicy(args: TrailKeyPolicyArgs): PolicyDocument {
  const { partition, accountId, region, trailArn } = args;
  assertPartition(partition);
  assertAccountId("accountId", accountId);
  assertRegion(region);
  assertArn("trailArn", trailArn, {
    partition,
    service: "cloudtrail",
    accountId,
    resourcePrefix: "trail/",
  });
  const logGroupArn = bareLogGroupArn(args.logGroupArn, { partition, region, accountId });
  // "Configure AWS KMS key policies for CloudTrail": CloudTrail puts the trail ARN in the
  // encryption context of every log file.
  const cloudTrailContext = {
    "kms:EncryptionContext:aws:cloudtrail:arn": `arn:${partition}:cloudtrail:*:${accountId}:trail/*`,
  };

  return policyDocument([
    rootAdministrationStatement(partition, accountId),
    {
      // "Granting encrypt permissions for trails": aws:SourceArn limits use to this trail.
      Sid: "AllowCloudTrailEncryptLogs",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "kms:GenerateDataKey*",
      Resource: "*",
      Condition: {
        StringEquals: { "aws:SourceArn": trailArn },
        StringLike: cloudTrailContext,
      },
    },
    {
      // "Enable CloudTrail to describe KMS key properties".
      Sid: "AllowCloudTrailDescribeKey",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "kms:DescribeKey",
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceArn": trailArn } },
    },
    {
      // "Encrypt log data in CloudWatch Logs using AWS KMS": the logs ARN encryption context ties
      // every use of the key to this one log group.
      Sid: "AllowCloudWatchLogsUseForTrailLogGroup",
      Effect: "Allow",
      Principal: { Service: logsServicePrincipal(partition, region) },
      Action: [
        "kms:Encrypt",
        "kms:Decrypt",
        "kms:ReEncrypt*",
        "kms:GenerateDataKey*",
        "kms:Describe*",
      ],
      Resource: "*",
      Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": logGroupArn } },
    },
    {
      // "Granting decrypt permissions for trails": any principal of this account (and only this
      // account, kms:CallerAccount) may decrypt CloudTrail log files; S3 readers still need
      // s3:GetObject from their own IAM policies.
      Sid: "AllowAccountPrincipalsDecryptLogFiles",
      Effect: "Allow",
      Principal: { AWS: "*" },
      Action: "kms:Decrypt",
      Resource: "*",
      Condition: {
        StringEquals: { "kms:CallerAccount": accountId },
        StringLike: cloudTrailContext,
      },
    },
  ]);
}
