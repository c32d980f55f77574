/**
 * ARNs computed from names, so policies can name the trail and the log group before either exists
 * (the key policy must name the log group, and the log group is encrypted with that key).
 */

import type { AccountPlace } from "../core/place";

/** Where resources are created: the partition, region and account of the deploying provider. */
export type AwsPlace = AccountPlace;

/** ARN of the trail named `trailName` in `place`. */
export function trailArnOf(place: AwsPlace, trailName: string): string {
  return `arn:${place.partition}:cloudtrail:${place.region}:${place.accountId}:trail/${trailName}`;
}

/** ARN of the log group named `logGroupName` in `place`, without the `:*` suffix. */
export function logGroupArnOf(place: AwsPlace, logGroupName: string): string {
  return `arn:${place.partition}:logs:${place.region}:${place.accountId}:log-group:${logGroupName}`;
}

/**
 * KMS alias of the trail's key. Alias names allow letters, digits, / _ and -, so periods (legal in
 * trail names) become hyphens.
 */
export function keyAliasOf(trailName: string): string {
  return `alias/cloudtrail/${trailName.replace(/\./g, "-")}`;
}
