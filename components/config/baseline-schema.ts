/**
 * The schemas of the two anomaly-detection baselines: the stack's account-level bands on KMS's
 * request-quota usage (`kms-monitoring:usageBaseline`, on by default) and a group's own bands on
 * its keys' data-plane use (`keyGroups[].baseline`, opt-in: they bill per key read). Both share
 * the band's fields and CloudWatch's cross-field rule (Period x EvaluationPeriods at most 7 days).
 */
import { z } from "zod";

import { BASELINE_LEVELS, BASELINE_PERIOD_SECONDS, DEFAULTS } from "./constants";
import { bool, numberIn, numberOneOf, strictObject } from "./fields";
import { parseValue } from "./format";
import { alarmEvaluationProblems } from "./rules";

/** The band's fields, with the defaults of `defaults`. */
function bandFields(defaults: {
  bandWidth: number;
  evaluationPeriods: number;
  periodSeconds: number;
}) {
  return {
    bandWidth: numberIn({ min: 0.5, max: 10, integer: false })
      .default(defaults.bandWidth)
      .describe("Width of the expected band, in standard deviations."),
    evaluationPeriods: numberIn({ min: 1, max: 24, integer: true })
      .default(defaults.evaluationPeriods)
      .describe(
        "Periods evaluated; `periodSeconds` x `evaluationPeriods` must not exceed 604,800 seconds (7 days).",
      ),
    datapointsToAlarm: numberIn({ min: 1, max: 24, integer: true }).optional().meta({
      description:
        "Breaching periods (of the evaluated ones) that raise the alarm; at most `evaluationPeriods`.",
      default: "`evaluationPeriods`",
    }),
    periodSeconds: numberOneOf(BASELINE_PERIOD_SECONDS, "a baseline period")
      .default(defaults.periodSeconds)
      .describe("Length of one period, in seconds."),
  };
}

/** The object with CloudWatch's cross-field rules checked and datapointsToAlarm filled. */
function withEvaluationRules<
  T extends z.ZodType<{
    evaluationPeriods: number;
    periodSeconds: number;
    datapointsToAlarm?: number;
  }>,
>(object: T) {
  return object
    .superRefine((value, ctx) => {
      for (const { field, message } of alarmEvaluationProblems(value)) {
        ctx.addIssue({ code: "custom", path: [field], message, input: value[field] });
      }
    })
    .transform(({ datapointsToAlarm, ...rest }) => ({
      ...rest,
      datapointsToAlarm: datapointsToAlarm ?? rest.evaluationPeriods,
    }));
}

/**
 * A group's own anomaly-detection baseline (opt-in); datapointsToAlarm defaults to
 * evaluationPeriods.
 */
export function baselineSchema() {
  return withEvaluationRules(
    strictObject(
      {
        enabled: bool()
          .default(DEFAULTS.baseline.enabled)
          .describe(
            "Alarm when the group's own data-plane use leaves its expected band. Off by default: the stack's `usageBaseline` already bands the account's use; turn this on for a group whose change in use must be seen on its own (it bills per key read, see `level`).",
          ),
        level: z
          .enum(BASELINE_LEVELS)
          .default(DEFAULTS.baseline.level)
          .describe(
            "What one band watches: `group` sums up to 8 keys of a region per alarm (K + 2 x ceil(K/8) alarm metrics for K keys); `key` gives each key its own band (3 alarm metrics a key) and so also sees a burst or a stop on a quiet key of a large group.",
          ),
        ...bandFields(DEFAULTS.baseline),
      },
      "baseline settings",
    ),
  );
}

/** The stack's account-level bands on KMS request-quota usage; on by default. */
export function usageBaselineSchema() {
  return withEvaluationRules(
    strictObject(
      {
        enabled: bool()
          .default(DEFAULTS.usageBaseline.enabled)
          .describe(
            "Alarm when the account's KMS cryptographic requests of a region (AWS/Usage CallCount of the symmetric, RSA and ECC request quotas, all keys of the account) leave their expected band: one alarm per quota and region, 3 alarm metrics each (priced in docs/DESIGN.md).",
          ),
        ...bandFields(DEFAULTS.usageBaseline),
      },
      "usage baseline settings",
    ),
  );
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
