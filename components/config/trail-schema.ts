/**
 * The schema of `kms-monitoring:trail`: a discriminated union of the trail modes, with S3's
 * lifecycle order checked across fields (rules.ts).
 */

import { z } from "zod";

import { AWS_LIMITS } from "../core/limits";
import { DEFAULTS, LOG_RETENTION_DAYS } from "./constants";
import { bool, numberIn, numberOneOf, strictObject } from "./fields";
import { TrailMode } from "./model";
import { lifecycleProblems } from "./rules";
import { quote, typeMessage } from "./text";
import { logGroupName, trailArn, type ValueContext } from "./values";

const CREATE_MODES = 'only allowed with mode "existing"';
const EXISTING_MODE = 'only allowed with mode "create" or "organization"';

/** The trail modes' schemas: mode "create" or "organization", and mode "existing". */
function trailModeSchemas(context: ValueContext) {
  const created = strictObject(
    {
      mode: z.enum([TrailMode.Create, TrailMode.Organization]).meta({
        description:
          "`create`: a multi-region trail of this account; `organization`: the same as an organization trail (from the management account or a delegated administrator).",
        default: '`"create"`',
      }),
      logRetentionDays: numberOneOf(LOG_RETENTION_DAYS, "a CloudWatch Logs retention period")
        .default(DEFAULTS.logRetentionDays)
        .describe("Days CloudWatch Logs keeps the trail's events."),
      transitionToInfrequentAccessDays: numberIn({
        min: AWS_LIMITS.s3InfrequentAccessMinDays,
        integer: true,
      })
        .default(DEFAULTS.transitionToInfrequentAccessDays)
        .describe("Days before log files move to S3 Standard-IA (S3's minimum is 30)."),
      transitionToGlacierDays: numberIn({ min: 1, integer: true })
        .default(DEFAULTS.transitionToGlacierDays)
        .describe(
          "Days before log files move to S3 Glacier Flexible Retrieval; at least `transitionToInfrequentAccessDays` + 30 (S3 keeps objects in Standard-IA 30 days).",
        ),
      expireAfterDays: numberIn({ min: 0, integer: true })
        .default(DEFAULTS.expireAfterDays)
        .describe(
          "Days before log files expire; `0` keeps them forever, otherwise more than `transitionToGlacierDays`.",
        ),
      retainOnDelete: bool()
        .default(DEFAULTS.retainOnDelete)
        .describe("Keep the bucket and log group on `pulumi destroy`."),
      forceDestroy: bool()
        .default(DEFAULTS.forceDestroy)
        .describe("Let `pulumi destroy` empty and delete the bucket."),
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
      mode: z
        .literal(TrailMode.Existing)
        .describe("`existing`: read the log group an existing trail already delivers to."),
      logGroupName: logGroupName().describe(
        "The log group the existing trail delivers to, in the stack's region.",
      ),
      trailArn: trailArn(context).optional().meta({
        description:
          "ARN of the existing trail `arn:<partition>:cloudtrail:<region>:<12-digit account>:trail/<name>`, for the dashboards and policies.",
        default: "none",
      }),
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
