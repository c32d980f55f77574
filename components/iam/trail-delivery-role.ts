// Trust and permissions policies of the IAM role CloudTrail assumes to deliver events to the
// trail's CloudWatch Logs log group.
import {
  type PolicyDocument,
  assertAccountId,
  assertArn,
  assertOrganizationId,
  assertPartition,
  assertRegion,
  bareLogGroupArn,
  policyDocument,
} from "./policy-document";

/** Arguments of {@link trailDeliveryRoleTrustPolicy}. */
export interface TrailDeliveryRoleTrustPolicyArgs {
  /** Account that owns the trail and the role (12 digits). */
  accountId: string;
  /** ARN of the only trail allowed to assume the role. */
  trailArn: string;
}

/**
 * Trust policy of the CloudTrail-to-CloudWatch-Logs delivery role: only `cloudtrail.amazonaws.com`
 * acting for `trailArn` in `accountId` may assume it ("The confused deputy problem":
 * aws:SourceAccount and aws:SourceArn in service role trust policies).
 *
 * @param args - see {@link TrailDeliveryRoleTrustPolicyArgs}.
 * @param args.accountId - account owning the trail.
 * @param args.trailArn - ARN of the trail.
 * @returns the trust policy document.
 * @throws Error when an argument is malformed or the trail is not in `accountId`.
 */
export function trailDeliveryRoleTrustPolicy(
  args: TrailDeliveryRoleTrustPolicyArgs,
): PolicyDocument {
  const { accountId, trailArn } = args;
  assertAccountId("accountId", accountId);
  const partition = trailArn.split(":")[1] ?? "";
  assertPartition(partition);
  assertArn("trailArn", trailArn, {
    partition,
    service: "cloudtrail",
    accountId,
    resourcePrefix: "trail/",
  });
  return policyDocument([
    {
      Sid: "AllowCloudTrailAssumeRole",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: {
        StringEquals: { "aws:SourceAccount": accountId, "aws:SourceArn": trailArn },
      },
    },
  ]);
}

/** Arguments of {@link trailDeliveryRolePolicy}. */
export interface TrailDeliveryRolePolicyArgs {
  /** ARN of the trail's log group, without a trailing `:*` (a `:*` suffix is tolerated). */
  logGroupArn: string;
  /** Account that owns the trail and the log group (12 digits). */
  accountId: string;
  /** Home region of the trail, which is also the log group's region. */
  region: string;
  /** AWS partition, e.g. `aws`. */
  partition: string;
  /**
   * Organization id when the trail is an organization trail, whose member-account streams are
   * named `<organizationId>_<memberAccountId>_CloudTrail_<region>`. Default: none.
   */
  organizationId?: string;
}

/**
 * Permissions policy of the delivery role: `logs:CreateLogStream` and `logs:PutLogEvents` on
 * CloudTrail's own log streams of the trail's log group, nothing else.
 *
 * Log-stream ARNs are `<logGroupArn>:log-stream:<streamName>`, and CloudTrail names its streams
 * `<accountId>_CloudTrail_<region>` plus `_<n>` when it needs several ("CloudWatch log group and
 * log stream naming for CloudTrail"), hence the `<accountId>_CloudTrail_<region>*` stream pattern
 * used by AWS's default role policy ("Role policy document for CloudTrail to use CloudWatch Logs
 * for monitoring"; aws:SourceArn/aws:SourceAccount are not supported in it).
 *
 * @param args - see {@link TrailDeliveryRolePolicyArgs}.
 * @param args.logGroupArn - ARN of the log group.
 * @param args.accountId - account owning the trail and log group.
 * @param args.region - home region of the trail.
 * @param args.partition - AWS partition.
 * @param args.organizationId - organization id for an organization trail; default none.
 * @returns the identity policy document.
 * @throws Error when an argument is malformed or the log group is not in `accountId`/`region`.
 */
export function trailDeliveryRolePolicy(args: TrailDeliveryRolePolicyArgs): PolicyDocument {
  const { accountId, region, partition, organizationId } = args;
  assertPartition(partition);
  assertAccountId("accountId", accountId);
  assertRegion(region);
  if (organizationId !== undefined) assertOrganizationId(organizationId);
  const logGroupArn = bareLogGroupArn(args.logGroupArn, { partition, region, accountId });

  const streams = [`${logGroupArn}:log-stream:${accountId}_CloudTrail_${region}*`];
  if (organizationId !== undefined) streams.push(`${logGroupArn}:log-stream:${organizationId}_*`);

  return policyDocument([
    {
      Sid: "AWSCloudTrailCreateLogStream",
      Effect: "Allow",
      Action: "logs:CreateLogStream",
      Resource: streams,
    },
    {
      Sid: "AWSCloudTrailPutLogEvents",
      Effect: "Allow",
      Action: "logs:PutLogEvents",
      Resource: streams,
    },
  ]);
}
