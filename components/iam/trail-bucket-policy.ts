// Bucket policy of the S3 bucket that receives the CloudTrail log files.
import {
  type PolicyDocument,
  type PolicyStatement,
  assertAccountId,
  assertArn,
  assertOrganizationId,
  assertPartition,
  denyInsecureTransport,
  policyDocument,
} from "./policy-document";

/** Arguments of {@link trailBucketPolicy}. */
export interface TrailBucketPolicyArgs {
  /** AWS partition of the bucket and trail, e.g. `aws`. */
  partition: string;
  /** Account that owns the trail and the bucket (12 digits). */
  accountId: string;
  /** Name of the log bucket (not its ARN). */
  bucketName: string;
  /** ARN of the only trail allowed to write, `arn:<p>:cloudtrail:<region>:<accountId>:trail/<name>`. */
  trailArn: string;
  /**
   * Organization id (`o-...`) when the trail is an organization trail; member accounts' logs then
   * land under `AWSLogs/<organizationId>/`. Default: none (account trail only).
   */
  organizationId?: string;
  /** S3 key prefix configured on the trail, without slashes at either end. Default: none. */
  keyPrefix?: string;
}

/**
 * Bucket policy for the CloudTrail log bucket.
 *
 * CloudTrail (`cloudtrail.amazonaws.com`) may read the bucket ACL and write log files under
 * `AWSLogs/<accountId>/` (and `AWSLogs/<organizationId>/` for an organization trail), only on
 * behalf of `trailArn` and only with the `bucket-owner-full-control` canned ACL. Every request
 * without TLS is denied for everyone.
 *
 * @param args - see {@link TrailBucketPolicyArgs}.
 * @param args.partition - AWS partition, e.g. `aws`.
 * @param args.accountId - account owning the trail and bucket.
 * @param args.bucketName - bucket name.
 * @param args.trailArn - ARN of the trail allowed to deliver.
 * @param args.organizationId - organization id for an organization trail; default none.
 * @param args.keyPrefix - the trail's S3 key prefix; default none.
 * @returns the bucket policy document.
 * @throws Error when an argument is malformed or the trail is not in `accountId`.
 */
export function trailBucketPolicy(args: TrailBucketPolicyArgs): PolicyDocument {
  const { partition, accountId, bucketName, trailArn, organizationId, keyPrefix } = args;
  assertPartition(partition);
  assertAccountId("accountId", accountId);
  assertArn("trailArn", trailArn, {
    partition,
    service: "cloudtrail",
    accountId,
    resourcePrefix: "trail/",
  });
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucketName)) {
    throw new Error(`bucketName "${bucketName}" is not an S3 bucket name`);
  }
  if (organizationId !== undefined) assertOrganizationId(organizationId);
  if (keyPrefix !== undefined && (keyPrefix === "" || /^\/|\/$/.test(keyPrefix))) {
    throw new Error(`keyPrefix "${keyPrefix}" must be non-empty without leading/trailing "/"`);
  }

  const bucketArn = `arn:${partition}:s3:::${bucketName}`;
  const logsRoot =
    keyPrefix === undefined ? `${bucketArn}/AWSLogs` : `${bucketArn}/${keyPrefix}/AWSLogs`;
  const writeResources = [`${logsRoot}/${accountId}/*`];
  // "Amazon S3 bucket policy for CloudTrail": organization trails also write member accounts'
  // logs under the organization id.
  if (organizationId !== undefined) writeResources.push(`${logsRoot}/${organizationId}/*`);

  const statements: PolicyStatement[] = [
    {
      // "Amazon S3 bucket policy for CloudTrail": CloudTrail checks the bucket ACL before
      // delivering; aws:SourceArn keeps other trails (confused deputy) out.
      Sid: "AWSCloudTrailAclCheck",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:GetBucketAcl",
      Resource: bucketArn,
      Condition: { StringEquals: { "aws:SourceArn": trailArn } },
    },
    {
      // Same page: log files are written with the bucket-owner-full-control canned ACL.
      Sid: "AWSCloudTrailWrite",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: writeResources,
      Condition: {
        StringEquals: {
          "s3:x-amz-acl": "bucket-owner-full-control",
          "aws:SourceArn": trailArn,
        },
      },
    },
    denyInsecureTransport("DenyInsecureTransport", "s3:*", [bucketArn, `${bucketArn}/*`]),
  ];
  return policyDocument(statements);
}
