/**
 * Create and organization modes: the key, the bucket, the log delivery and the trail itself.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountPlace, placeOf } from "../core/place";
import { trailArnOf } from "./arns";
import { CreateTrailSettings } from "./args";
import { AuditBucket, createAuditBucket } from "./audit-bucket";
import { createTrailKey, TrailKey } from "./audit-key";
import { createLogDelivery, LogDelivery } from "./log-delivery";
import { AuditTrailOutputs } from "./outputs";

/** Everything create and organization modes build. */
export interface CreatedTrail extends TrailKey, AuditBucket, LogDelivery {
  trail: aws.cloudtrail.Trail;
  outputs: AuditTrailOutputs;
}

/**
 * Builds the trail and its supporting resources as children of `parent`, in `given` (the place
 * the facade looked up), else in the place of `parent`'s provider, looked up.
 */
export function createTrail(
  name: string,
  parent: pulumi.Resource,
  settings: CreateTrailSettings,
  given?: AccountPlace,
): CreatedTrail {
  const place = placeOf(given, parent);
  // Known before the trail exists, so the policies that name it need no dependency on it.
  const trailArn = place.apply((p) => trailArnOf(p, settings.trailName));
  const organizationId =
    settings.mode === "organization"
      ? aws.organizations.getOrganizationOutput({}, { parent }).id
      : undefined;

  const key = createTrailKey(name, parent, settings, place, trailArn);
  const bucket = createAuditBucket(name, parent, settings, {
    place,
    trailArn,
    keyArn: key.key.arn,
    organizationId,
  });
  const delivery = createLogDelivery(
    name,
    parent,
    settings,
    place,
    trailArn,
    key.key.arn,
    organizationId,
  );

  const trail = new aws.cloudtrail.Trail(
    `${name}-trail`,
    {
      name: settings.trailName,
      isOrganizationTrail: settings.mode === "organization",
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      kmsKeyId: key.key.arn,
      s3BucketName: bucket.bucket.bucket,
      // CloudTrail wants the log group ARN with the log-stream wildcard.
      cloudWatchLogsGroupArn: pulumi.interpolate`${delivery.logGroup.arn}:*`,
      cloudWatchLogsRoleArn: delivery.role.arn,
      // Every management event, reads and writes, with no event source excluded: KMS API calls
      // are management events and must all reach the log group.
      eventSelectors: [{ includeManagementEvents: true, readWriteType: "All" }],
      tags: settings.tags,
    },
    // CloudTrail checks at creation that it can write to the bucket and the log group.
    { parent, dependsOn: [bucket.policy, delivery.rolePolicy] },
  );

  return {
    ...key,
    ...bucket,
    ...delivery,
    trail,
    outputs: {
      trailArn: trail.arn,
      bucketName: bucket.bucket.bucket,
      logGroupName: delivery.logGroup.name,
      logGroupArn: delivery.logGroup.arn,
      keyArn: key.key.arn,
    },
  };
}
