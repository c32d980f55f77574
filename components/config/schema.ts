/**
 * Zod schemas of the raw stack config: one schema per `kms-monitoring:` config key, applied to the
 * key's JSON-decoded value. They check shapes, types, ranges and formats; rules that span several
 * groups (duplicates, key ownership, targets) live in checks.ts.
 */

import { z } from "zod";

import { parseKeyArn, type KeyRef } from "../core/arn";
import { baselineSchema, usageBaselineSchema } from "./baseline-schema";
import { DEFAULTS, LIMITS, type ConfigKey } from "./constants";
import {
  checkedText,
  list,
  numberIn,
  refined,
  regionIn,
  resourceName,
  strictObject,
} from "./fields";
import { organizationSchema } from "./organization-schema";
import { trailSchema } from "./trail-schema";
import {
  alias,
  email,
  httpsUrl,
  keyArn,
  lambdaFunctionArn,
  sqsQueueArn,
  tags,
  toAliasRef,
  type ValueContext,
} from "./values";

export { trailSchema } from "./trail-schema";
export { baselineProblem, baselineSchema, usageBaselineSchema } from "./baseline-schema";
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
    emails: list(email(), "e-mail addresses", { identity: (v) => v.toLowerCase() })
      .optional()
      .meta({
        description:
          "E-mail addresses (SNS e-mail subscriptions; each recipient confirms once), compared without case.",
        default: "`[]`",
      }),
    https: list(httpsUrl(), "https:// URLs", { identity: (v) => v })
      .optional()
      .meta({
        description:
          "`https:` URLs, such as a pager's SNS integration URL; `http:` is refused so alerts are encrypted in transit.",
        default: "`[]`",
      }),
    sqs: list(sqsQueueArn(context), "SQS queue ARNs", { identity: (v) => v })
      .optional()
      .meta({
        description:
          "SQS queue ARNs `arn:<partition>:sqs:<region>:<account>:<queue>` (not queue URLs); the queue policy must admit the topic.",
        default: "`[]`",
      }),
    lambda: list(lambdaFunctionArn(context), "Lambda function ARNs", { identity: (v) => v })
      .optional()
      .meta({
        description:
          "Lambda function ARNs `arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`.",
        default: "`[]`",
      }),
  };
}

/** `{ emails?, https?, sqs?, lambda? }`: where alerts go. */
export function targetsSchema(context: ValueContext) {
  return strictObject(targetFields(context), "notification targets");
}

/** `{ emails?, https?, sqs?, lambda?, critical? }`: default targets and a critical override. */
export function routingSchema(context: ValueContext) {
  return strictObject(
    {
      ...targetFields(context),
      critical: targetsSchema(context).optional().meta({
        description:
          "Targets of critical signals (a pager): an object of the same four lists. Without it, or when it has no target, critical signals go to the lists above.",
        default: "none",
      }),
    },
    "notification routing",
  );
}

/**
 * One key group, parsed into the group's model but for `notify`, which stays as written (the
 * parser merges it over the stack's notifications). Cross-group rules live in checks.ts.
 */
export function keyGroupSchema(context: ValueContext) {
  const region = context.region ?? "";
  const object = strictObject(
    {
      name: resourceName(GROUP_NAME).describe(
        "The group's name, part of its resource names (`kmsmon-<env>-<group>-<suffix>`); unique in the stack.",
      ),
      description: checkedText("free text", (value) =>
        value.length > LIMITS.description
          ? `${value.length} characters; at most ${LIMITS.description}`
          : undefined,
      )
        .default("")
        .describe(`Free text shown in alerts, at most ${LIMITS.description} characters.`),
      keys: list(keyArn(context), "KMS key ARNs")
        .default([])
        .transform((arns) => arns.map((arn) => parseKeyArn(arn) as KeyRef))
        .describe(
          "Key ARNs `arn:<partition>:kms:<region>:<12-digit account>:key/<key id>` in the stack's partition; a key belongs to one group.",
        ),
      aliases: list(alias(context), "aliases (alias/<name> or alias ARNs)", {
        identity: (v) => {
          const ref = toAliasRef(v, region);
          return `${ref.region}:${ref.name}`;
        },
      })
        .default([])
        .transform((values) => values.map((value) => toAliasRef(value, region)))
        .describe(
          "Keys selected by alias at deploy time: `alias/<name>` (in the stack's region) or alias ARNs (in their region); not `alias/aws/...`.",
        ),
      tags: tags()
        .default({})
        .describe("Keys selected at deploy time by tags they must all carry (at most 50)."),
      tagRegions: list(regionIn(context.partition), "region codes", { identity: (v) => v })
        .optional()
        .meta({
          description:
            "Regions of the stack's partition searched for tagged keys; only with `tags`.",
          default: "`[<aws:region>]` with tags, `[]` without",
        }),
      importedKeys: list(keyArn(context), "KMS key ARNs", { identity: (v) => v })
        .default([])
        .describe(
          "Key ARNs, also listed in `keys`, known to hold imported key material (keys of origin EXTERNAL are also found at deploy time).",
        ),
      expiryWarningDays: numberIn({ min: 1, max: 365, integer: true })
        .default(DEFAULTS.expiryWarningDays)
        .describe("Warn this many days before imported key material expires."),
      notify: routingSchema(context).optional().meta({
        description: "Who is told: the fields of `notifications`, merged list by list over them.",
        default: "the stack's `notifications`",
      }),
      baseline: baselineSchema().prefault({}).meta({
        description:
          "The group's own anomaly-detection bands on its keys' data-plane use (opt-in, priced per group).",
        default: "off (`enabled: false`)",
      }),
    },
    "a key group",
  );
  // Without tags there is nothing to search for, so no region is searched.
  return object.transform(({ tagRegions, ...group }) => ({
    ...group,
    tagRegions: tagRegions ?? (Object.keys(group.tags).length > 0 ? [region] : []),
  }));
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

/** The schema of each `kms-monitoring:` config key, in {@link CONFIG_KEYS} order. */
export function configSchemas(context: ValueContext) {
  return {
    environment: resourceName(ENVIRONMENT_NAME).meta({
      description: "The environment name used in every resource name (`kmsmon-<env>-...`).",
      default: "the stack name, else `dev`",
    }),
    trail: trailSchema(context).meta({
      description: "How the stack gets its CloudTrail feed; `mode` picks the other fields.",
      default: "`{ mode: create }`",
    }),
    notifications: routingSchema(context).prefault({}).meta({
      description: "The stack's default routing of every group's alerts.",
      default: "no target",
    }),
    security: targetsSchema(context).optional().meta({
      description: "Targets of tamper and delivery-failure alarms (the security team).",
      default: "the default targets of `notifications`",
    }),
    quotaAlarmPercent: numberIn({ min: 1, max: 100, integer: false })
      .default(DEFAULTS.quotaAlarmPercent)
      .describe("Alarm threshold of KMS request-quota usage, in percent of the quota."),
    usageBaseline: usageBaselineSchema().prefault({}).meta({
      description:
        "The stack's baseline of normal use: anomaly bands on the account's KMS cryptographic requests per region and request quota.",
      default: "on, band of 2 standard deviations over 3 hourly periods",
    }),
    keyGroups: keyGroupsSchema(context).describe(
      "The key groups to watch: a team's or an application's keys, alerting the same people.",
    ),
    organization: organizationSchema(context).optional().meta({
      description:
        "Makes the stack the hub of an AWS Organization: members' KMS events and metrics reach it, a StackSet sets the members up.",
      default: "none (one account)",
    }),
  } satisfies Record<ConfigKey, z.ZodType>;
}

/** The schemas of the config keys. */
export type ConfigSchemas = ReturnType<typeof configSchemas>;

/** Raw notification targets, as parsed: fields stay undefined when unset. */
export type RawTargets = z.output<ReturnType<typeof targetsSchema>>;
/** Raw notification routing, as parsed. */
export type RawRouting = z.output<ReturnType<typeof routingSchema>>;
/** A key group as parsed: its model but for `notify`, which is as written. */
export type RawKeyGroup = z.output<ReturnType<typeof keyGroupSchema>>;
