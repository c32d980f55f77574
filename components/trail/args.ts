/**
 * Arguments of {@link KmsAuditTrail} and their pure validation. Validation runs before any
 * resource is registered, so bad input fails the program with one clear message.
 */
import * as pulumi from "@pulumi/pulumi";
import { isTrailArn } from "../core/arn";
import { DEFAULTS, LOG_RETENTION_DAYS } from "../config/constants";
import { lifecycleProblems, logGroupNameProblem } from "../config/rules";
import { AWS_LIMITS } from "../core/limits";
import { TrailMode as AuditTrailMode } from "../config/model";
import { isTrailName, TRAIL_ARN_RULE, TRAIL_NAME_RULE } from "../core/aws-names";

// How the component gets its CloudTrail trail and log group: the stack config's trail modes.
export { AuditTrailMode };

/** Every mode, in the order error messages list them. */
export const AUDIT_TRAIL_MODES: readonly AuditTrailMode[] = ["create", "existing", "organization"];

/** S3 refuses a STANDARD_IA transition earlier than this many days after creation. */
export const MIN_INFREQUENT_ACCESS_DAYS = AWS_LIMITS.s3InfrequentAccessMinDays;

/** Arguments of {@link KmsAuditTrail}. */
export interface KmsAuditTrailArgs {
  /**
   * "create" builds an account trail with its bucket, key, log group and delivery role;
   * "organization" builds the same as an organization trail (run it in the management account or
   * a delegated administrator); "existing" creates nothing and looks up a log group a trail
   * already feeds. Defaults to "create".
   */
  mode?: AuditTrailMode;
  /**
   * Name of the trail (create and organization modes). Set explicitly so that the trail ARN is
   * known before the trail exists. Defaults to the component name.
   */
  trailName?: string;
  /**
   * Name of the log group the trail feeds (create and organization modes). Defaults to
   * `/aws/cloudtrail/<name>`.
   */
  logGroupName?: string;
  /** Days CloudWatch Logs keeps events: a CloudWatch Logs retention value. Defaults to 400. */
  logRetentionDays?: number;
  /**
   * Days after which log files (and noncurrent versions) move to STANDARD_IA; 30 or more.
   * Defaults to 30.
   */
  transitionToInfrequentAccessDays?: number;
  /** Days after which log files (and noncurrent versions) move to GLACIER. Defaults to 90. */
  transitionToGlacierDays?: number;
  /**
   * Days after which log files (and noncurrent versions) expire; 0 keeps them forever. Defaults
   * to 0.
   */
  expireAfterDays?: number;
  /** Keep the bucket, the log group and the key when the stack is destroyed. Defaults to true. */
  retainOnDelete?: boolean;
  /** Protect the bucket, the log group and the key from deletion. Defaults to false. */
  protect?: boolean;
  /** Let destroy delete a non-empty bucket; requires retainOnDelete: false. Defaults to false. */
  forceDestroy?: boolean;
  /** Tags of every taggable resource created. Defaults to none. */
  tags?: Record<string, pulumi.Input<string>>;
  /** Log group an existing trail feeds: required in existing mode, refused in others. */
  existingLogGroupName?: string;
  /** ARN of the existing trail, reported as `trailArn` (existing mode only). Defaults to none. */
  existingTrailArn?: string;
}

/** Settings of create and organization modes, with every default applied. */
export interface CreateTrailSettings {
  mode: "create" | "organization";
  trailName: string;
  logGroupName: string;
  logRetentionDays: number;
  transitionToInfrequentAccessDays: number;
  transitionToGlacierDays: number;
  expireAfterDays: number;
  retainOnDelete: boolean;
  protect: boolean;
  forceDestroy: boolean;
  tags?: Record<string, pulumi.Input<string>>;
}

/** Settings of existing mode. */
export interface ExistingTrailSettings {
  mode: "existing";
  existingLogGroupName: string;
  existingTrailArn?: string;
}

/** Validated settings of one {@link KmsAuditTrail}. */
export type AuditTrailSettings = CreateTrailSettings | ExistingTrailSettings;

/** Arguments that only create and organization modes use. */
const CREATE_ONLY_FIELDS = [
  "trailName",
  "logGroupName",
  "logRetentionDays",
  "transitionToInfrequentAccessDays",
  "transitionToGlacierDays",
  "expireAfterDays",
  "retainOnDelete",
  "protect",
  "forceDestroy",
  "tags",
] as const;

/** Arguments that only existing mode uses. */
const EXISTING_ONLY_FIELDS = ["existingLogGroupName", "existingTrailArn"] as const;

/**
 * Checks `args` and applies defaults. Throws an Error naming the component, the argument and what
 * is allowed. Pure: registers nothing, so it can run before the component exists.
 */
export function validateAuditTrailArgs(
  name: string,
  args: KmsAuditTrailArgs = {},
): AuditTrailSettings {
  const fail = (message: string): never => {
    throw new Error(`KmsAuditTrail "${name}": ${message}`);
  };
  const mode = args.mode ?? "create";
  if (!AUDIT_TRAIL_MODES.includes(mode)) {
    fail(`mode: ${show(mode)} is not a mode (allowed: ${AUDIT_TRAIL_MODES.map(show).join(", ")})`);
  }
  if (mode === "existing") return validateExisting(args, fail);

  const misplaced = EXISTING_ONLY_FIELDS.filter((f) => args[f] !== undefined);
  if (misplaced.length > 0) {
    fail(
      `${listed(misplaced)} only to mode "existing" (mode is "${mode}"); ` +
        `remove ${misplaced.length > 1 ? "them" : "it"} or set mode: "existing"`,
    );
  }

  const trailName = args.trailName ?? name;
  if (!isTrailName(trailName)) {
    const source = args.trailName === undefined ? " (defaulted from the component name)" : "";
    fail(
      `trailName: ${show(trailName)}${source} is not a CloudTrail trail name ` +
        `(allowed: ${TRAIL_NAME_RULE})`,
    );
  }
  const logGroupName = args.logGroupName ?? `/aws/cloudtrail/${name}`;
  const logGroupProblem = logGroupNameProblem(logGroupName);
  if (logGroupProblem !== undefined) {
    const source = args.logGroupName === undefined ? " (defaulted from the component name)" : "";
    fail(`logGroupName: ${show(logGroupName)}${source} ${logGroupProblem}`);
  }

  const logRetentionDays = args.logRetentionDays ?? DEFAULTS.logRetentionDays;
  if (!(LOG_RETENTION_DAYS as readonly number[]).includes(logRetentionDays)) {
    fail(
      `logRetentionDays: ${show(logRetentionDays)} is not a CloudWatch Logs retention value ` +
        `(allowed: ${LOG_RETENTION_DAYS.join(", ")})`,
    );
  }

  const ia = wholeDays(
    "transitionToInfrequentAccessDays",
    args.transitionToInfrequentAccessDays,
    DEFAULTS.transitionToInfrequentAccessDays,
    fail,
  );
  if (ia < MIN_INFREQUENT_ACCESS_DAYS) {
    fail(
      `transitionToInfrequentAccessDays: ${ia} is too early; S3 moves objects to STANDARD_IA ` +
        `after ${MIN_INFREQUENT_ACCESS_DAYS} days at the earliest ` +
        `(allowed: ${MIN_INFREQUENT_ACCESS_DAYS} or more)`,
    );
  }
  const glacier = wholeDays(
    "transitionToGlacierDays",
    args.transitionToGlacierDays,
    DEFAULTS.transitionToGlacierDays,
    fail,
  );
  const expire = wholeDays("expireAfterDays", args.expireAfterDays, DEFAULTS.expireAfterDays, fail);
  const lifecycle = { transitionToInfrequentAccessDays: ia, transitionToGlacierDays: glacier };
  const [order] = lifecycleProblems({ ...lifecycle, expireAfterDays: expire });
  if (order !== undefined) fail(`${order.field}: ${order.message}`);

  const retainOnDelete = flag("retainOnDelete", args.retainOnDelete, DEFAULTS.retainOnDelete, fail);
  const protect = flag("protect", args.protect, false, fail);
  const forceDestroy = flag("forceDestroy", args.forceDestroy, DEFAULTS.forceDestroy, fail);
  if (forceDestroy && retainOnDelete) {
    const source = args.retainOnDelete === undefined ? " (the default)" : "";
    fail(
      `forceDestroy: true contradicts retainOnDelete: true${source}, which keeps the bucket on ` +
        "destroy; set retainOnDelete: false to let destroy empty and delete the bucket, " +
        "or remove forceDestroy to keep it",
    );
  }

  return {
    mode,
    trailName,
    logGroupName,
    logRetentionDays,
    transitionToInfrequentAccessDays: ia,
    transitionToGlacierDays: glacier,
    expireAfterDays: expire,
    retainOnDelete,
    protect,
    forceDestroy,
    ...(args.tags !== undefined ? { tags: args.tags } : {}),
  };
}

function validateExisting(
  args: KmsAuditTrailArgs,
  fail: (message: string) => never,
): ExistingTrailSettings {
  const misplaced = CREATE_ONLY_FIELDS.filter((f) => args[f] !== undefined);
  if (misplaced.length > 0) {
    fail(
      `${listed(misplaced)} only to modes "create" and "organization"; mode "existing" ` +
        "creates no trail, bucket, log group or key: " +
        `remove ${misplaced.length > 1 ? "them" : "it"}`,
    );
  }
  const logGroupName = args.existingLogGroupName;
  if (logGroupName === undefined || logGroupName === "") {
    fail(
      'existingLogGroupName is required when mode is "existing" (the log group the trail feeds)',
    );
  }
  const logGroupProblem = logGroupNameProblem(logGroupName as string);
  if (logGroupProblem !== undefined) {
    fail(`existingLogGroupName: ${show(logGroupName)} ${logGroupProblem}`);
  }
  const trailArn = args.existingTrailArn;
  if (trailArn !== undefined && !isTrailArn(trailArn)) {
    fail(
      `existingTrailArn: ${show(trailArn)} is not a CloudTrail trail ARN ` +
        `(expected ${TRAIL_ARN_RULE})`,
    );
  }
  return {
    mode: "existing",
    existingLogGroupName: logGroupName as string,
    ...(trailArn !== undefined ? { existingTrailArn: trailArn } : {}),
  };
}

function wholeDays(
  field: string,
  value: number | undefined,
  fallback: number,
  fail: (message: string) => never,
): number {
  const days = value ?? fallback;
  if (typeof days !== "number" || !Number.isInteger(days) || days < 0) {
    fail(`${field}: ${show(days)} is not a number of days (allowed: a whole number, 0 or more)`);
  }
  return days;
}

function flag(
  field: string,
  value: boolean | undefined,
  fallback: boolean,
  fail: (message: string) => never,
): boolean {
  const v = value ?? fallback;
  if (typeof v !== "boolean") fail(`${field}: ${show(v)} is not a boolean (allowed: true, false)`);
  return v;
}

/** "a applies" or "a, b apply": the argument names with the verb agreeing. */
function listed(fields: readonly string[]): string {
  return `${fields.join(", ")} ${fields.length > 1 ? "apply" : "applies"}`;
}

/** Renders a value as it would be written in code: strings quoted, numbers bare. */
function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
