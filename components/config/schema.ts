/**
 * Zod schemas of the raw stack config: one schema per `kms-monitoring:` config key, applied to the
 * key's JSON-decoded value. They check shapes, types, ranges and formats; rules that span several
 * groups (duplicates, key ownership, targets) live in checks.ts.
 */

import { z } from "zod";

import { AWS_LIMITS } from "../core/limits";
import { BASELINE_PERIOD_SECONDS, DEFAULTS, LIMITS, LOG_RETENTION_DAYS } from "./constants";
import {
  bool,
  checkedText,
  list,
  numberIn,
  numberOneOf,
  refined,
  regionIn,
  resourceName,
  strictObject,
} from "./fields";
import { parseValue } from "./format";
import { alarmEvaluationProblems, lifecycleProblems } from "./rules";
import { quote, typeMessage } from "./text";
import {
  alias,
  email,
  httpsUrl,
  keyArn,
  lambdaFunctionArn,
  logGroupName,
  sqsQueueArn,
  tags,
  toAliasRef,
  trailArn,
  type ValueContext,
} from "./values";

export type { ValueContext } from "./values";

const NAME_LENGTH_REASON =
  "resource names are built as kmsmon-<env>-<group>-<suffix> and EventBridge rule names allow 64 characters";

/** The environment name rules (`kms-monitoring:environment`). */
export const ENVIRONMENT_NAME = { max: LIMITS.environment, why: NAME_LENGTH_REASON } as const;

/** The group name rules (`keyGroups[].name`). */
export const GROUP_NAME = { max: LIMITS.groupName, why: NAME_LENGTH_REASON } as const;

/** Notification target fields, each optional so that routing can tell "unset" from "empty". */
function targetFields(context: ValueContext) {
  return {
    emails: list(email(), "e-mail addresses", { identity: (v) => v.toLowerCase() }).optional(),
    https: list(httpsUrl(), "https:// URLs", { identity: (v) => v }).optional(),
    sqs: list(sqsQueueArn(context), "SQS queue ARNs", { identity: (v) => v }).optional(),
    lambda: list(lambdaFunctionArn(context), "Lambda function ARNs", {
      identity: (v) => v,
    }).optional(),
  };
}

/** `{ emails?, https?, sqs?, lambda? }`: where alerts go. */
export function targetsSchema(context: ValueContext) {
  return strictObject(targetFields(context), "notification targets");
}

/** `{ emails?, https?, sqs?, lambda?, critical? }`: default targets and a critical override. */
export function routingSchema(context: ValueContext) {
  return strictObject(
    { ...targetFields(context), critical: targetsSchema(context).optional() },
    "notification routing",
  );
}

/** A group's anomaly-detection baseline; datapointsToAlarm defaults to evaluationPeriods. */
export function baselineSchema() {
  const object = strictObject(
    {
      enabled: bool().default(DEFAULTS.baseline.enabled),
      bandWidth: numberIn({ min: 0.5, max: 10, integer: false }).default(
        DEFAULTS.baseline.bandWidth,
      ),
      evaluationPeriods: numberIn({ min: 1, max: 24, integer: true }).default(
        DEFAULTS.baseline.evaluationPeriods,
      ),
      datapointsToAlarm: numberIn({ min: 1, max: 24, integer: true }).optional(),
      periodSeconds: numberOneOf(BASELINE_PERIOD_SECONDS, "a baseline period").default(
        DEFAULTS.baseline.periodSeconds,
      ),
    },
    "baseline settings",
  );
  return object.superRefine((value, ctx) => {
    for (const { field, message } of alarmEvaluationProblems(value)) {
      ctx.addIssue({ code: "custom", path: [field], message, input: value[field] });
    }
  });
}

/**
 * Why baseline settings break the baseline schema's ranges or CloudWatch's rules across fields:
 * `<field>: <message>` of the first problem, or undefined. For settings that do not come from
 * stack config.
 */
export function baselineProblem(settings: unknown): string | undefined {
  const outcome = parseValue(baselineSchema(), settings, "");
  return outcome.ok ? undefined : `${outcome.issues[0].path}: ${outcome.issues[0].message}`;
}

/** One key group. Optional selectors stay undefined so checks.ts can tell "unset" from "empty". */
export function keyGroupSchema(context: ValueContext) {
  const keyList = list(keyArn(context), "KMS key ARNs");
  return strictObject(
    {
      name: resourceName(GROUP_NAME),
      description: checkedText("free text", (value) =>
        value.length > LIMITS.description
          ? `${value.length} characters; at most ${LIMITS.description}`
          : undefined,
      ).default(""),
      keys: keyList.optional(),
      aliases: list(alias(context), "aliases (alias/<name> or alias ARNs)", {
        identity: (v) => {
          const ref = toAliasRef(v, context.region ?? "");
          return `${ref.region}:${ref.name}`;
        },
      }).optional(),
      tags: tags().optional(),
      tagRegions: list(regionIn(context.partition), "region codes", {
        identity: (v) => v,
      }).optional(),
      importedKeys: list(keyArn(context), "KMS key ARNs", { identity: (v) => v }).optional(),
      expiryWarningDays: numberIn({ min: 1, max: 365, integer: true }).default(
        DEFAULTS.expiryWarningDays,
      ),
      notify: routingSchema(context).optional(),
      baseline: baselineSchema().prefault({}),
    },
    "a key group",
  );
}

/** `kms-monitoring:keyGroups`: 1 to 1000 key groups. */
export function keyGroupsSchema(context: ValueContext) {
  return refined(list(keyGroupSchema(context), "key groups"), (groups) => {
    if (groups.length === 0) return "empty (expected at least one key group)";
    if (groups.length > LIMITS.keyGroups) {
      return `${groups.length.toLocaleString("en-US")} key groups; at most ${LIMITS.keyGroups.toLocaleString("en-US")} per stack (split them over several stacks)`;
    }
    return undefined;
  });
}

const CREATE_MODES = 'only allowed with mode "existing"';
const EXISTING_MODE = 'only allowed with mode "create" or "organization"';

/** The trail modes' schemas: mode "create" or "organization", and mode "existing". */
function trailModeSchemas(context: ValueContext) {
  const created = strictObject(
    {
      mode: z.enum(["create", "organization"]),
      logRetentionDays: numberOneOf(
        LOG_RETENTION_DAYS,
        "a CloudWatch Logs retention period",
      ).default(DEFAULTS.logRetentionDays),
      transitionToInfrequentAccessDays: numberIn({
        min: AWS_LIMITS.s3InfrequentAccessMinDays,
        integer: true,
      }).default(DEFAULTS.transitionToInfrequentAccessDays),
      transitionToGlacierDays: numberIn({ min: 1, integer: true }).default(
        DEFAULTS.transitionToGlacierDays,
      ),
      expireAfterDays: numberIn({ min: 0, integer: true }).default(DEFAULTS.expireAfterDays),
      retainOnDelete: bool().default(DEFAULTS.retainOnDelete),
      forceDestroy: bool().default(DEFAULTS.forceDestroy),
    },
    "a trail",
    { logGroupName: CREATE_MODES, trailArn: CREATE_MODES },
  ).superRefine((trail, ctx) => {
    for (const { field, message } of lifecycleProblems(trail)) {
      ctx.addIssue({ code: "custom", path: [field], message, input: trail[field] });
    }
  });
  const existing = strictObject(
    {
      mode: z.literal("existing"),
      logGroupName: logGroupName(),
      trailArn: trailArn(context).optional(),
    },
    "a trail",
    Object.fromEntries(Object.keys(created.shape).map((field) => [field, EXISTING_MODE])),
  );
  return [created, existing] as const;
}

const TRAIL_MODES = '"create", "existing" or "organization"';

/** `kms-monitoring:trail`: how the stack gets its CloudTrail feed; mode defaults to "create". */
export function trailSchema(context: ValueContext) {
  const union = z.discriminatedUnion("mode", trailModeSchemas(context), {
    error: (issue) => {
      // The union raises invalid_type for a non-object and invalid_union for an unknown mode.
      const code: string = issue.code;
      if (code === "invalid_type") {
        return typeMessage(issue.input, `a trail object with mode ${TRAIL_MODES}`);
      }
      if (code === "invalid_union") {
        const mode = (issue.input as Record<string, unknown> | undefined)?.mode;
        return `${quote(mode)} is not a trail mode (expected ${TRAIL_MODES})`;
      }
      return undefined;
    },
  });
  // An absent trail, or one without a mode, is a created trail.
  return z.preprocess((value) => {
    if (value === undefined) return { mode: "create" };
    if (
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      !("mode" in value)
    ) {
      return { mode: "create", ...value };
    }
    return value;
  }, union);
}

/** The schema of each `kms-monitoring:` config key but `environment`, which parse.ts checks. */
export function configSchemas(context: ValueContext) {
  return {
    trail: trailSchema(context),
    notifications: routingSchema(context).prefault({}),
    security: targetsSchema(context).optional(),
    quotaAlarmPercent: numberIn({ min: 1, max: 100, integer: false }).default(
      DEFAULTS.quotaAlarmPercent,
    ),
    keyGroups: keyGroupsSchema(context),
  };
}

/** Raw notification targets, as parsed: fields stay undefined when unset. */
export type RawTargets = z.output<ReturnType<typeof targetsSchema>>;
/** Raw notification routing, as parsed. */
export type RawRouting = z.output<ReturnType<typeof routingSchema>>;
/** A raw key group, as parsed (scalar defaults applied). */
export type RawKeyGroup = z.output<ReturnType<typeof keyGroupSchema>>;
/** A raw trail, as parsed (defaults applied). */
export type RawTrail = z.output<ReturnType<typeof trailSchema>>;
