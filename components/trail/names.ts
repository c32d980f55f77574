/** AWS naming rules the component checks before anything is created. */

// CloudTrail: letters, digits, . _ -; starts and ends with a letter or digit; no two separators in
// a row; 3-128 characters; not shaped like an IP address.
const TRAIL_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9]|[._-](?=[A-Za-z0-9])){2,127}$/;
const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;

/** What CloudTrail accepts as a trail name, as error messages state it. */
export const TRAIL_NAME_RULE =
  "3-128 letters, digits, periods, underscores and hyphens, starting and ending with a letter or " +
  "digit, no two of . _ - in a row, not an IP address";

// CloudWatch Logs: 1-512 of letters, digits and _ - / . #; the "aws/" prefix is reserved.
const LOG_GROUP_NAME = /^[A-Za-z0-9_\-/.#]{1,512}$/;

/** What CloudWatch Logs accepts as a log group name, as error messages state it. */
export const LOG_GROUP_NAME_RULE =
  '1-512 letters, digits, underscores, hyphens, slashes, periods and #, not starting with "aws/"';

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
