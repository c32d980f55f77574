/**
 * ARNs, regions, partitions and account IDs: one set of rules for every part of the package that
 * parses, checks or builds an ARN. Pure; no AWS calls.
 */
import { isTrailName } from "./aws-names";
import { AWS_LIMITS } from "./limits";

/** The AWS partitions this project knows. */
export const PARTITIONS = [
  "aws",
  "aws-cn",
  "aws-us-gov",
  "aws-iso",
  "aws-iso-b",
  "aws-iso-e",
  "aws-iso-f",
] as const;

/** An AWS partition, such as `aws` or `aws-cn`. */
export type Partition = (typeof PARTITIONS)[number];

/**
 * A region code, as a regular-expression source without anchors, to compose into ARN patterns.
 * Region codes are `<2 letters>[-gov|-iso<letter>]-<direction>-<digit(s)>`; new regions keep the
 * shape.
 */
export const REGION_SOURCE = "[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}";
/** A partition of {@link PARTITIONS}, as a regular-expression source without anchors. */
export const PARTITION_SOURCE = `(?:${[...PARTITIONS].reverse().join("|")})`;
/** A 12-digit account ID, as a regular-expression source without anchors. */
export const ACCOUNT_SOURCE = "\\d{12}";

const REGION_PATTERN = new RegExp(`^${REGION_SOURCE}$`);
const ACCOUNT_PATTERN = new RegExp(`^${ACCOUNT_SOURCE}$`);
const KEY_ID_PATTERN =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
// KMS alias names: `alias/` then letters, digits, `/`, `_` and `-`.
const ALIAS_NAME_PATTERN = /^alias\/[a-zA-Z0-9/_-]+$/;
const SQS_QUEUE_PATTERN = new RegExp(
  `^[A-Za-z0-9_-]{1,${AWS_LIMITS.queueNameLength}}$|^[A-Za-z0-9_-]{1,${AWS_LIMITS.queueNameLength - ".fifo".length}}\\.fifo$`,
);
const LAMBDA_NAME_PATTERN = new RegExp(`^[A-Za-z0-9_-]{1,${AWS_LIMITS.lambdaNameLength}}$`);
const LAMBDA_QUALIFIER_PATTERN = new RegExp(
  `^(?:\\$LATEST|[A-Za-z0-9_-]{1,${AWS_LIMITS.lambdaQualifierLength}})$`,
);

/** A KMS key ARN broken into its parts. */
export interface KeyRef {
  arn: string;
  partition: string;
  region: string;
  accountId: string;
  /** The key ID (a UUID, or an `mrk-` ID for multi-Region keys). */
  keyId: string;
}

/** An alias selecting a key at deploy time, in a region. */
export interface AliasRef {
  /** The alias name, always starting with `alias/`. */
  name: string;
  /** The region to look it up in; the stack's region unless given as an alias ARN. */
  region: string;
}

/** True when `value` has the shape of an AWS region code, such as `us-east-1` or `cn-north-1`. */
export function isRegion(value: string): boolean {
  return typeof value === "string" && REGION_PATTERN.test(value);
}

/** True when `value` is a partition in {@link PARTITIONS}. */
export function isPartition(value: string): value is Partition {
  return (PARTITIONS as readonly string[]).includes(value);
}

/** True when `value` is a 12-digit AWS account ID. */
export function isAccountId(value: string): boolean {
  return ACCOUNT_PATTERN.test(value);
}

/** True when `value` is a KMS key ID: a lowercase UUID, or `mrk-` and 32 hex digits. */
export function isKeyId(value: string): boolean {
  return KEY_ID_PATTERN.test(value);
}

/**
 * The partition a region belongs to: `aws-cn` for `cn-*`, `aws-us-gov` for `us-gov-*`, the ISO
 * partitions for their regions, else `aws`. Undefined when `region` is not a region code.
 */
export function partitionOfRegion(region: string): Partition | undefined {
  if (!isRegion(region)) return undefined;
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("us-isob-")) return "aws-iso-b";
  if (region.startsWith("us-isof-")) return "aws-iso-f";
  if (region.startsWith("us-iso-")) return "aws-iso";
  if (region.startsWith("eu-isoe-")) return "aws-iso-e";
  return "aws";
}

/** The colon-separated parts of an ARN; `resource` keeps any further colons. */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  resource: string;
}

/** Splits `arn:<partition>:<service>:<region>:<account>:<resource>`; undefined when not that shape. */
export function splitArn(value: string): ArnParts | undefined {
  const parts = value.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  const [, partition, service, region, accountId, ...rest] = parts;
  return { partition, service, region, accountId, resource: rest.join(":") };
}

/** Builds `arn:<partition>:<service>:<region>:<account>:<resource>` (the inverse of splitArn). */
export function formatArn(parts: ArnParts): string {
  return `arn:${parts.partition}:${parts.service}:${parts.region}:${parts.accountId}:${parts.resource}`;
}

/** True when `parts` is well formed: known partition, region of that partition, 12-digit account. */
export function isWellLocated(parts: ArnParts): boolean {
  return (
    isPartition(parts.partition) &&
    isAccountId(parts.accountId) &&
    partitionOfRegion(parts.region) === parts.partition
  );
}

/**
 * Parses `arn:<partition>:kms:<region>:<12-digit account>:key/<key id>`. Undefined when `value` is
 * not a well-formed key ARN.
 */
export function parseKeyArn(value: string): KeyRef | undefined {
  const parts = splitArn(value);
  if (!parts || parts.service !== "kms" || !isWellLocated(parts)) return undefined;
  if (!parts.resource.startsWith("key/")) return undefined;
  const keyId = parts.resource.slice("key/".length);
  if (!isKeyId(keyId)) return undefined;
  return {
    arn: value,
    partition: parts.partition,
    region: parts.region,
    accountId: parts.accountId,
    keyId,
  };
}

/** True when `name` is `alias/<name>` with allowed characters and length. */
export function isAliasName(name: string): boolean {
  return name.length <= AWS_LIMITS.aliasNameLength && ALIAS_NAME_PATTERN.test(name);
}

/** True for `alias/aws/...`, the aliases of AWS managed keys. */
export function isAwsManagedAlias(name: string): boolean {
  return name.startsWith("alias/aws/");
}

/**
 * Parses `arn:<partition>:kms:<region>:<account>:alias/<name>` into the alias and its region.
 * Undefined when `value` is not a well-formed alias ARN.
 */
export function parseAliasArn(value: string): AliasRef | undefined {
  const parts = splitArn(value);
  if (!parts || parts.service !== "kms" || !isWellLocated(parts)) return undefined;
  if (!isAliasName(parts.resource)) return undefined;
  return { name: parts.resource, region: parts.region };
}

/** True when `value` is `arn:<partition>:sqs:<region>:<account>:<queue name>`. */
export function isSqsQueueArn(value: string): boolean {
  const parts = splitArn(value);
  return (
    !!parts &&
    parts.service === "sqs" &&
    isWellLocated(parts) &&
    SQS_QUEUE_PATTERN.test(parts.resource)
  );
}

/** True when `value` is `arn:<partition>:lambda:<region>:<account>:function:<name>[:qualifier]`. */
export function isLambdaFunctionArn(value: string): boolean {
  const parts = splitArn(value);
  if (!parts || parts.service !== "lambda" || !isWellLocated(parts)) return false;
  const [kind, name, qualifier, ...extra] = parts.resource.split(":");
  return (
    kind === "function" &&
    LAMBDA_NAME_PATTERN.test(name ?? "") &&
    (qualifier === undefined || LAMBDA_QUALIFIER_PATTERN.test(qualifier)) &&
    extra.length === 0
  );
}

/** True when `value` is `arn:<partition>:cloudtrail:<region>:<account>:trail/<name>`. */
export function isTrailArn(value: string): boolean {
  const parts = splitArn(value);
  if (!parts || parts.service !== "cloudtrail" || !isWellLocated(parts)) return false;
  return parts.resource.startsWith("trail/") && isTrailName(parts.resource.slice(6));
}
