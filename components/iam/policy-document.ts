// Shared types and small builders for the IAM, key, bucket, topic and queue policy documents of
// this project. Everything here is pure: plain strings in, plain JSON-serialisable objects out.

/** The only policy language version the documents use ("IAM JSON policy elements: Version"). */
import { isAccountId, isPartition, isRegion } from "../core/arn";
export const POLICY_VERSION = "2012-10-17";

/** Condition operators used by the documents of this project. */
export type ConditionOperator =
  | "StringEquals"
  | "StringNotEquals"
  | "StringLike"
  | "ArnEquals"
  | "ArnLike"
  | "Bool"
  | "ForAllValues:StringEquals";

/** A condition block: operator -> condition key -> value (several values are OR-ed). */
export type PolicyCondition = Partial<Record<ConditionOperator, Record<string, string | string[]>>>;

/** A statement principal: everyone (`"*"`), AWS principals (ARNs) and/or service principals. */
export type PolicyPrincipal = "*" | { AWS?: string | string[]; Service?: string | string[] };

/** One statement. `Sid` is mandatory here so that every statement can be named in reviews. */
export interface PolicyStatement {
  /** Statement id, alphanumeric, unique within its document. */
  Sid: string;
  /** Allow or Deny. */
  Effect: "Allow" | "Deny";
  /** Who the statement applies to; omitted in identity policies. */
  Principal?: PolicyPrincipal;
  /** Actions, `service:Action`, wildcards allowed. */
  Action: string | string[];
  /** Resources; omitted in role trust policies. */
  Resource?: string | string[];
  /** Conditions; all operators and keys must match. */
  Condition?: PolicyCondition;
}

/** A complete policy document as AWS expects it. */
export interface PolicyDocument {
  /** Always `2012-10-17`. */
  Version: typeof POLICY_VERSION;
  /** The statements, in a stable order. */
  Statement: PolicyStatement[];
}

const SID_PATTERN = /^[A-Za-z0-9]+$/;
const ORGANIZATION_ID_PATTERN = /^o-[a-z0-9]{10,32}$/;

/**
 * Wraps statements into a document and checks that every Sid is alphanumeric and unique.
 *
 * @param statements - the statements, in the order they should appear.
 * @returns the policy document.
 * @throws Error when a Sid is empty, not alphanumeric, or repeated.
 */
export function policyDocument(statements: PolicyStatement[]): PolicyDocument {
  const seen = new Set<string>();
  for (const statement of statements) {
    if (!SID_PATTERN.test(statement.Sid)) {
      throw new Error(`Statement id "${statement.Sid}" must be alphanumeric`);
    }
    if (seen.has(statement.Sid)) {
      throw new Error(`Statement id "${statement.Sid}" is used twice`);
    }
    seen.add(statement.Sid);
  }
  return { Version: POLICY_VERSION, Statement: statements };
}

/**
 * Serialises a document the way AWS APIs take it (a JSON string).
 *
 * @param document - the policy document.
 * @returns compact JSON.
 */
export function toJson(document: PolicyDocument): string {
  return JSON.stringify(document);
}

/**
 * The ARN of an account's root principal, which stands for the whole account in a resource policy.
 *
 * @param partition - AWS partition, e.g. `aws`.
 * @param accountId - 12-digit account id.
 * @returns `arn:<partition>:iam::<accountId>:root`.
 */
export function accountRootArn(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:root`;
}

/**
 * The "default key policy" statement: the account root keeps full control, so IAM policies govern
 * administration and the key can never become unmanageable.
 */
export function rootAdministrationStatement(partition: string, accountId: string): PolicyStatement {
  return {
    Sid: "EnableRootAccountAdministration",
    Effect: "Allow",
    Principal: { AWS: accountRootArn(partition, accountId) },
    Action: "kms:*",
    Resource: "*",
  };
}

/**
 * The regional CloudWatch Logs service principal. CloudWatch Logs is one of the few services whose
 * key-policy principal is regional ("Encrypt log data in CloudWatch Logs using AWS KMS"), and in
 * the China partition it ends in `amazonaws.com.cn`.
 *
 * @param partition - AWS partition, e.g. `aws` or `aws-cn`.
 * @param region - region of the log group, e.g. `us-east-1`.
 * @returns e.g. `logs.us-east-1.amazonaws.com`.
 */
export function logsServicePrincipal(partition: string, region: string): string {
  const suffix = partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
  return `logs.${region}.${suffix}`;
}

/**
 * A statement denying every request made without TLS (`aws:SecureTransport` false), for everyone.
 * `Bool` (not `BoolIfExists`) is used so that requests from AWS services, where the key may be
 * absent, are left to the Allow statements.
 *
 * @param sid - statement id.
 * @param actions - actions to deny.
 * @param resources - resources the denial covers.
 * @returns the Deny statement.
 */
export function denyInsecureTransport(
  sid: string,
  actions: string | string[],
  resources: string | string[],
): PolicyStatement {
  return {
    Sid: sid,
    Effect: "Deny",
    Principal: "*",
    Action: actions,
    Resource: resources,
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

/**
 * Checks a partition name such as `aws`, `aws-cn` or `aws-us-gov`.
 *
 * @param partition - the value to check.
 * @throws Error when it is not a partition name.
 */
export function assertPartition(partition: string): void {
  if (!isPartition(partition)) {
    throw new Error(`partition "${partition}" is not an AWS partition name`);
  }
}

/**
 * Checks a 12-digit account id.
 *
 * @param name - argument name, for the error message.
 * @param accountId - the value to check.
 * @throws Error when it is not 12 digits.
 */
export function assertAccountId(name: string, accountId: string): void {
  if (!isAccountId(accountId)) {
    throw new Error(`${name} "${accountId}" is not a 12-digit AWS account id`);
  }
}

/**
 * Checks a region name such as `us-east-1`.
 *
 * @param region - the value to check.
 * @throws Error when it does not look like a region.
 */
export function assertRegion(region: string): void {
  if (!isRegion(region)) {
    throw new Error(`region "${region}" is not an AWS region name`);
  }
}

/**
 * Checks an AWS Organizations id such as `o-a1b2c3d4e5`.
 *
 * @param organizationId - the value to check.
 * @throws Error when it is not an organization id.
 */
export function assertOrganizationId(organizationId: string): void {
  if (!ORGANIZATION_ID_PATTERN.test(organizationId)) {
    throw new Error(`organizationId "${organizationId}" is not an AWS Organizations id`);
  }
}

/** What {@link assertArn} expects of an ARN (or ARN pattern); omitted fields are not checked. */
export interface ArnExpectation {
  /** Expected partition. */
  partition: string;
  /** Expected service, e.g. `cloudtrail`. */
  service: string;
  /** Expected region (a pattern may use `*`, which is accepted). */
  region?: string;
  /** Expected account id. */
  accountId?: string;
  /** Expected beginning of the resource part, e.g. `trail/` or `log-group:`. */
  resourcePrefix?: string;
}

/**
 * Checks that an ARN (or an ArnLike pattern) belongs to the expected partition, service, region,
 * account and resource type, so that a wrong input fails at deployment instead of producing a
 * policy that silently grants nothing or the wrong thing.
 *
 * @param name - argument name, for the error message.
 * @param arn - the ARN or ARN pattern.
 * @param expected - what the ARN must match.
 * @throws Error when a checked part differs.
 */
export function assertArn(name: string, arn: string, expected: ArnExpectation): void {
  const parts = arn.split(":");
  const [prefix, partition, service, region, accountId] = parts;
  const resource = parts.slice(5).join(":");
  const problems: string[] = [];
  if (parts.length < 6 || prefix !== "arn") problems.push("is not an ARN");
  if (partition !== expected.partition) problems.push(`partition is not ${expected.partition}`);
  if (service !== expected.service) problems.push(`service is not ${expected.service}`);
  if (expected.region !== undefined && region !== expected.region && region !== "*") {
    problems.push(`region is not ${expected.region}`);
  }
  if (expected.accountId !== undefined && accountId !== expected.accountId) {
    problems.push(`account is not ${expected.accountId}`);
  }
  if (expected.resourcePrefix !== undefined && !resource.startsWith(expected.resourcePrefix)) {
    problems.push(`resource does not start with ${expected.resourcePrefix}`);
  }
  if (problems.length > 0) {
    throw new Error(`${name} "${arn}" ${problems.join(", ")}`);
  }
}

/**
 * Checks a CloudWatch Logs log group ARN and returns it without the `:*` suffix that some APIs
 * (CloudTrail's `CloudWatchLogsLogGroupArn`) append; key-policy encryption contexts and log-stream
 * ARNs are built from the bare form.
 *
 * @param logGroupArn - `arn:<p>:logs:<region>:<accountId>:log-group:<name>`, with or without `:*`.
 * @param expected - partition, region and account the log group must be in.
 * @param expected.partition - AWS partition.
 * @param expected.region - region of the log group.
 * @param expected.accountId - account owning the log group.
 * @returns the ARN without a trailing `:*`.
 * @throws Error when the ARN is not a log group of that partition, region and account.
 */
export function bareLogGroupArn(
  logGroupArn: string,
  expected: { partition: string; region: string; accountId: string },
): string {
  const bare = logGroupArn.endsWith(":*") ? logGroupArn.slice(0, -2) : logGroupArn;
  assertArn("logGroupArn", bare, { ...expected, service: "logs", resourcePrefix: "log-group:" });
  if (bare.includes("*") || bare.split(":").length !== 7) {
    throw new Error(`logGroupArn "${logGroupArn}" must name exactly one log group`);
  }
  return bare;
}
