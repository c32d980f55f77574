/**
 * AWS's cross-field rules, as plain functions: the config schema runs them on stack config and
 * the components run the same functions on their arguments, so a value the config accepts is one
 * the components accept, and both say so in the same words. Messages are phrased to follow the
 * field's name (`transitionToGlacierDays: <message>`) or its quoted value.
 */
import { z } from "zod";

import { isLogGroupName, LOG_GROUP_NAME_RULE } from "../core/aws-names";
import { AWS_LIMITS } from "../core/limits";
import { names } from "../core/names";

/** A problem with one field of an object. */
export interface FieldProblem<F extends string> {
  field: F;
  message: string;
}

/** The S3 lifecycle of the audit log bucket, in days after an object is written. */
export interface LifecycleDays {
  transitionToInfrequentAccessDays: number;
  transitionToGlacierDays: number;
  /** 0 keeps objects forever. */
  expireAfterDays: number;
}

/**
 * The order S3 requires of lifecycle transitions: Glacier at least 30 days after Standard-IA
 * (objects stay in Standard-IA 30 days), expiry after the last transition.
 */
export function lifecycleProblems(
  days: LifecycleDays,
): FieldProblem<"transitionToGlacierDays" | "expireAfterDays">[] {
  const problems: FieldProblem<"transitionToGlacierDays" | "expireAfterDays">[] = [];
  const infrequent = days.transitionToInfrequentAccessDays;
  const glacier = days.transitionToGlacierDays;
  const earliestGlacier = infrequent + AWS_LIMITS.s3InfrequentAccessStayDays;
  if (glacier < earliestGlacier) {
    problems.push({
      field: "transitionToGlacierDays",
      message: `${glacier} is too soon after transitionToInfrequentAccessDays (${infrequent}) (expected at least ${earliestGlacier}: S3 keeps objects in Standard-IA for ${AWS_LIMITS.s3InfrequentAccessStayDays} days before Glacier)`,
    });
  }
  const expire = days.expireAfterDays;
  if (expire !== 0 && expire <= glacier) {
    problems.push({
      field: "expireAfterDays",
      message: `${expire} is not after transitionToGlacierDays (${glacier}) (expected 0 to keep logs forever, or more than ${glacier})`,
    });
  }
  return problems;
}

/** How an alarm evaluates: the fields CloudWatch checks against each other. */
export interface AlarmEvaluation {
  periodSeconds: number;
  evaluationPeriods: number;
  /** Defaults to evaluationPeriods when undefined. */
  datapointsToAlarm?: number;
}

const fmt = (n: number) => n.toLocaleString("en-US");

/**
 * CloudWatch PutMetricAlarm's rules across fields: Period x EvaluationPeriods at most 7 days, and
 * DatapointsToAlarm at most EvaluationPeriods.
 */
export function alarmEvaluationProblems(
  evaluation: AlarmEvaluation,
): FieldProblem<"evaluationPeriods" | "datapointsToAlarm">[] {
  const problems: FieldProblem<"evaluationPeriods" | "datapointsToAlarm">[] = [];
  const { periodSeconds, evaluationPeriods, datapointsToAlarm } = evaluation;
  const max = AWS_LIMITS.alarmEvaluationSeconds;
  if (periodSeconds * evaluationPeriods > max) {
    const most = Math.floor(max / periodSeconds);
    problems.push({
      field: "evaluationPeriods",
      message: `${evaluationPeriods} periods of ${fmt(periodSeconds)} seconds are ${fmt(periodSeconds * evaluationPeriods)} seconds; CloudWatch allows at most ${fmt(max)} seconds (7 days) for periodSeconds x evaluationPeriods (expected at most ${most} periods of ${fmt(periodSeconds)} seconds)`,
    });
  }
  if (datapointsToAlarm !== undefined && datapointsToAlarm > evaluationPeriods) {
    problems.push({
      field: "datapointsToAlarm",
      message: `${datapointsToAlarm} is more than evaluationPeriods (${evaluationPeriods}) (expected an integer from 1 to ${evaluationPeriods})`,
    });
  }
  return problems;
}

/** Why CloudWatch Logs refuses `name` as a log group name (phrased to follow it), or undefined. */
export function logGroupNameProblem(name: string): string | undefined {
  if (isLogGroupName(name)) return undefined;
  if (name.startsWith("aws/")) {
    return `starts with "aws/", which CloudWatch Logs reserves for AWS (allowed: ${LOG_GROUP_NAME_RULE})`;
  }
  return `is not a CloudWatch Logs log group name (allowed: ${LOG_GROUP_NAME_RULE})`;
}

const EMAIL = z.email();

/** Why `value` is not an e-mail address (phrased to follow it), or undefined. */
export function emailProblem(value: string): string | undefined {
  return EMAIL.safeParse(value).success ? undefined : "is not a valid e-mail address";
}

/** Why `value` is not an `https:` URL (phrased to follow it), or undefined. */
export function httpsUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not a URL (expected an https:// URL)";
  }
  if (url.protocol === "https:") return undefined;
  const scheme = url.protocol.replace(/:$/, "");
  return `uses ${scheme}; only https:// URLs are allowed, so alerts are encrypted in transit`;
}

/**
 * The longest physical names a group gets, by the AWS limit they must fit, built by the same
 * `names()` the plan uses: a rule of the longest code (`pun`, three letters) and its 999th key
 * chunk, its critical topic, the expiry alarm of a multi-Region key.
 */
function longestGroupNames(environment: string, group: string) {
  const n = names(environment);
  return [
    {
      kind: "EventBridge rule",
      name: n.groupRule(group, "pun", 999),
      max: AWS_LIMITS.ruleNameLength,
    },
    { kind: "SNS topic", name: n.groupTopic(group, "critical"), max: AWS_LIMITS.topicNameLength },
    {
      kind: "CloudWatch alarm",
      name: n.groupAlarm(group, `expiry-mrk-${"0".repeat(32)}`),
      max: AWS_LIMITS.alarmNameLength,
    },
  ];
}

/**
 * Why the names a group gets in an environment would be longer than AWS allows (phrased to follow
 * the group name), or undefined.
 */
export function groupNameLengthProblem(environment: string, group: string): string | undefined {
  for (const { kind, name, max } of longestGroupNames(environment, group)) {
    if (name.length > max) {
      return `makes ${kind} names of up to ${name.length} characters (${name}); AWS allows ${max} (shorten the group or environment name)`;
    }
  }
  return undefined;
}

/** A key's place, as the member check reads it. */
interface PlacedKey {
  accountId: string;
  region: string;
}

/** A member account of `kms-monitoring:organization` with its regions. */
interface MemberAccount {
  accountId: string;
  regions: readonly string[];
}

/**
 * With an organization, every key a group lists must be in a member account and one of its
 * regions: the StackSet forwards events only from there, and the plan reports coverage from the
 * members list. Issues are at `keyGroups[i].keys[j]`.
 */
export function memberAccountProblems(
  groups: readonly { keys: readonly PlacedKey[] }[],
  members: readonly MemberAccount[],
): { path: string; message: string }[] {
  const regionsOf = new Map(members.map((m) => [m.accountId, m.regions]));
  const problems: { path: string; message: string }[] = [];
  groups.forEach((group, g) =>
    group.keys.forEach((key, k) => {
      const regions = regionsOf.get(key.accountId);
      const path = `keyGroups[${g}].keys[${k}]`;
      if (regions === undefined) {
        problems.push({
          path,
          message: `is in account ${key.accountId}, which organization.members does not list (add it with its regions)`,
        });
      } else if (!regions.includes(key.region)) {
        problems.push({
          path,
          message: `is in ${key.region}, which organization.members lists for account ${key.accountId} only with regions ${regions.join(", ")} (add ${key.region})`,
        });
      }
    }),
  );
  return problems;
}
