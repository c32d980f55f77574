/**
 * The S3 bucket CloudTrail delivers log files to: private, owner-enforced, versioned, encrypted
 * with the trail's key, tiered to cheaper storage over time, and writable only by this trail.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { trailBucketPolicy } from "../iam";
import { AwsPlace } from "./arns";
import { CreateTrailSettings } from "./args";

/** Days after which S3 discards the parts of an unfinished multipart upload. */
export const ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

/** The bucket and the resources that configure it. */
export interface AuditBucket {
  bucket: aws.s3.Bucket;
  publicAccessBlock: aws.s3.BucketPublicAccessBlock;
  ownershipControls: aws.s3.BucketOwnershipControls;
  versioning: aws.s3.BucketVersioning;
  encryption: aws.s3.BucketServerSideEncryptionConfiguration;
  lifecycle: aws.s3.BucketLifecycleConfiguration;
  policy: aws.s3.BucketPolicy;
}

/** What the bucket needs from the rest of the trail. */
export interface AuditBucketInputs {
  place: pulumi.Output<AwsPlace>;
  trailArn: pulumi.Output<string>;
  keyArn: pulumi.Output<string>;
  /** Set for an organization trail: member accounts' log files land under `AWSLogs/<org-id>/`. */
  organizationId?: pulumi.Output<string>;
}

/** Creates `<name>-bucket` and its configuration resources under `parent`. */
export function createAuditBucket(
  name: string,
  parent: pulumi.Resource,
  settings: CreateTrailSettings,
  inputs: AuditBucketInputs,
): AuditBucket {
  const bucket = new aws.s3.Bucket(
    `${name}-bucket`,
    { forceDestroy: settings.forceDestroy, tags: settings.tags },
    { parent, retainOnDelete: settings.retainOnDelete, protect: settings.protect },
  );
  const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
    `${name}-bucket-public-access`,
    {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    },
    { parent },
  );
  // ACLs off: every log file belongs to the bucket owner, whoever wrote it.
  const ownershipControls = new aws.s3.BucketOwnershipControls(
    `${name}-bucket-ownership`,
    { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
    { parent },
  );
  const versioning = new aws.s3.BucketVersioning(
    `${name}-bucket-versioning`,
    { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } },
    { parent },
  );
  const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
    `${name}-bucket-encryption`,
    {
      bucket: bucket.id,
      rules: [
        {
          applyServerSideEncryptionByDefault: {
            sseAlgorithm: "aws:kms",
            kmsMasterKeyId: inputs.keyArn,
          },
          // One data key per bucket instead of one KMS request per object.
          bucketKeyEnabled: true,
        },
      ],
    },
    { parent },
  );
  const lifecycle = new aws.s3.BucketLifecycleConfiguration(
    `${name}-bucket-lifecycle`,
    { bucket: bucket.id, rules: [lifecycleRule(settings)] },
    // Rules on noncurrent versions need versioning in place first.
    { parent, dependsOn: [versioning] },
  );
  const policyDocument = pulumi
    .all([inputs.place, inputs.trailArn, bucket.bucket, inputs.organizationId])
    .apply(([p, trailArn, bucketName, organizationId]) =>
      JSON.stringify(
        trailBucketPolicy({
          partition: p.partition,
          accountId: p.accountId,
          bucketName,
          trailArn,
          ...(organizationId !== undefined ? { organizationId } : {}),
        }),
      ),
    );
  const policy = new aws.s3.BucketPolicy(
    `${name}-bucket-policy`,
    { bucket: bucket.id, policy: policyDocument },
    // S3 rejects concurrent configuration changes to one bucket; the policy also must not race
    // the public access block it has to satisfy.
    { parent, dependsOn: [publicAccessBlock, ownershipControls] },
  );
  return {
    bucket,
    publicAccessBlock,
    ownershipControls,
    versioning,
    encryption,
    lifecycle,
    policy,
  };
}

/** The single lifecycle rule: tiering for current and noncurrent versions, optional expiry. */
export function lifecycleRule(
  settings: CreateTrailSettings,
): aws.types.input.s3.BucketLifecycleConfigurationRule {
  const ia = settings.transitionToInfrequentAccessDays;
  const glacier = settings.transitionToGlacierDays;
  const expire = settings.expireAfterDays;
  return {
    id: "archive-trail-logs",
    status: "Enabled",
    // An empty filter applies the rule to every object.
    filter: {},
    transitions: [
      { days: ia, storageClass: "STANDARD_IA" },
      { days: glacier, storageClass: "GLACIER" },
    ],
    noncurrentVersionTransitions: [
      { noncurrentDays: ia, storageClass: "STANDARD_IA" },
      { noncurrentDays: glacier, storageClass: "GLACIER" },
    ],
    ...(expire > 0
      ? { expiration: { days: expire }, noncurrentVersionExpiration: { noncurrentDays: expire } }
      : {}),
    abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_INCOMPLETE_UPLOAD_DAYS },
  };
}
