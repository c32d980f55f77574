/**
 * AWS's naming rules for the names the package checks: CloudTrail trails and CloudWatch Logs log
 * groups. Pure; lengths come from the limits table.
 */
import { AWS_LIMITS } from "./limits";

// CloudTrail: letters, digits, . _ -; starts and ends with a letter or digit; no two separators in
// a row; not shaped like an IP address.
const TRAIL_NAME = new RegExp(
  `^[A-Za-z0-9](?:[A-Za-z0-9]|[._-](?=[A-Za-z0-9])){${AWS_LIMITS.trailNameMinLength - 1},${AWS_LIMITS.trailNameLength - 1}}$`,
);
const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;

/** What CloudTrail accepts as a trail name, as error messages state it. */
export const TRAIL_NAME_RULE =
  `${AWS_LIMITS.trailNameMinLength}-${AWS_LIMITS.trailNameLength} letters, digits, periods, ` +
  "underscores and hyphens, starting and ending with a letter or digit, no two of . _ - in a " +
  "row, not an IP address";

// CloudWatch Logs: letters, digits and _ - / . #; the "aws/" prefix is reserved for AWS.
const LOG_GROUP_NAME = new RegExp(`^[A-Za-z0-9_\\-/.#]{1,${AWS_LIMITS.logGroupNameLength}}$`);

/** What CloudWatch Logs accepts as a log group name, as error messages state it. */
export const LOG_GROUP_NAME_RULE =
  `1-${AWS_LIMITS.logGroupNameLength} letters, digits, underscores, hyphens, slashes, periods ` +
  'and #, not starting with "aws/"';

/** The shape of a trail ARN, as error messages state it. */
export const TRAIL_ARN_RULE =
  "arn:<partition>:cloudtrail:<region>:<12-digit account>:trail/<trail name>";

/** True when CloudTrail accepts `name` as a trail name. */
export function isTrailName(name: string): boolean {
  return typeof name === "string" && TRAIL_NAME.test(name) && !IP_ADDRESS.test(name);
}

/** True when CloudWatch Logs accepts `name` as a log group name. */
export function isLogGroupName(name: string): boolean {
  return typeof name === "string" && LOG_GROUP_NAME.test(name) && !name.startsWith("aws/");
}
