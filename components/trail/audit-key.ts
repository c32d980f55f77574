/** The customer managed KMS key that encrypts the trail's log files and its log group. */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { trailKeyPolicy } from "../iam";
import { AwsPlace, keyAliasOf, logGroupArnOf } from "./arns";
import { CreateTrailSettings } from "./args";
import { AWS_LIMITS } from "../core/limits";

/** The trail's key and its alias. */
export interface TrailKey {
  key: aws.kms.Key;
  alias: aws.kms.Alias;
}

/**
 * Creates `<name>-key` and `<name>-key-alias` under `parent`. The key policy names the trail and
 * the log group by computed ARN: both are encrypted with this key, so neither exists yet.
 */
export function createTrailKey(
  name: string,
  parent: pulumi.Resource,
  settings: CreateTrailSettings,
  place: pulumi.Output<AwsPlace>,
  trailArn: pulumi.Output<string>,
): TrailKey {
  const policy = pulumi.all([place, trailArn]).apply(([p, arn]) =>
    JSON.stringify(
      trailKeyPolicy({
        partition: p.partition,
        accountId: p.accountId,
        region: p.region,
        trailArn: arn,
        logGroupArn: logGroupArnOf(p, settings.logGroupName),
      }),
    ),
  );
  const key = new aws.kms.Key(
    `${name}-key`,
    {
      description:
        `Encrypts CloudTrail trail ${settings.trailName} ` +
        `and log group ${settings.logGroupName}`,
      enableKeyRotation: true,
      deletionWindowInDays: AWS_LIMITS.keyDeletionWindowMaxDays,
      policy,
      tags: settings.tags,
    },
    { parent, retainOnDelete: settings.retainOnDelete, protect: settings.protect },
  );
  const alias = new aws.kms.Alias(
    `${name}-key-alias`,
    { name: keyAliasOf(settings.trailName), targetKeyId: key.keyId },
    { parent },
  );
  return { key, alias };
}
