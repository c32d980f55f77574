/**
 * `parseStackConfig`: turns the Pulumi config map into the validated {@link StackModel}, or throws
 * one {@link ConfigError} listing every problem, before any resource exists.
 */

import type { z } from "zod";

import { isRegion, partitionOfRegion } from "../core/arn";
import { checkKeyGroups } from "./checks";
import { CONFIG_KEYS, DEFAULTS, NAMESPACE, type ConfigKey } from "./constants";
import { ConfigError, type ConfigIssue } from "./errors";
import { parseValue, type ParseOutcome } from "./format";
import type { StackModel } from "./model";
import { countTargets, mergeRouting, stackRouting, toTargets } from "./notify";
import { configSchemas, type ConfigSchemas, type ValueContext } from "./schema";
import { memberAccountProblems } from "./rules";
import { nearestName, quote } from "./text";

/** Options of {@link parseStackConfig}. */
export interface ParseOptions {
  /** The stack's region when the config has no `aws:region` (e.g. from the AWS provider). */
  region?: string;
  /** The stack name: the environment when `kms-monitoring:environment` is unset. */
  stack?: string;
}

/** Config keys whose value is an object or a list, stored by the Pulumi CLI as JSON. */
const STRUCTURED_KEYS: ReadonlySet<ConfigKey> = new Set([
  "trail",
  "notifications",
  "security",
  "keyGroups",
  "organization",
]);

/** Order of an issue in the error: the region and unknown keys, then config keys, then groups. */
function issueRank(issue: ConfigIssue): [number, number] {
  const key = /^[A-Za-z]+/.exec(issue.path)?.[0] as ConfigKey | undefined;
  const group = /^keyGroups\[(\d+)\]/.exec(issue.path);
  return [key ? CONFIG_KEYS.indexOf(key) : -1, group ? Number(group[1]) : -1];
}

/** `issues` in config order (see {@link issueRank}). */
function sortIssues(issues: ConfigIssue[]): ConfigIssue[] {
  const ranked = issues.map((issue) => ({ issue, rank: issueRank(issue) }));
  // Array.prototype.sort is stable: issues of one rank keep the order they were found in.
  ranked.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1]);
  return ranked.map(({ issue }) => issue);
}

/** Stands for a value that did not decode (already reported), so it is not validated further. */
const UNDECODABLE = Symbol("undecodable");

/** Decodes a config value: structured values are JSON; scalars are JSON when they parse. */
function decode(key: ConfigKey, text: string, issues: ConfigIssue[]): unknown {
  if (key === "environment") return text;
  try {
    return JSON.parse(text);
  } catch (error) {
    // A structured value that starts like JSON but does not parse: report the syntax error.
    if (STRUCTURED_KEYS.has(key) && /^\s*[[{]/.test(text)) {
      issues.push({ path: key, message: `not valid JSON (${(error as Error).message})` });
      return UNDECODABLE;
    }
    return text;
  }
}

/** The stack region, from `aws:region` or the options, or an issue. */
function stackRegion(region: unknown, issues: ConfigIssue[]): string | undefined {
  if (region === undefined || region === "") {
    issues.push({
      path: "aws:region",
      message: "required; set the stack's region with `pulumi config set aws:region <region>`",
    });
    return undefined;
  }
  if (typeof region !== "string" || !isRegion(region)) {
    issues.push({
      path: "aws:region",
      message: `${quote(region)} is not an AWS region code (expected e.g. us-east-1, eu-west-1)`,
    });
    return undefined;
  }
  return region;
}

/** The issue of an unknown `kms-monitoring:` key. */
function unknownKey(key: string): ConfigIssue {
  const prefix = `${NAMESPACE}:`;
  const near = nearestName(key, CONFIG_KEYS);
  const known = CONFIG_KEYS.map((name) => prefix + name).join(", ");
  return {
    path: prefix + key,
    message:
      near === undefined
        ? `unknown config key (known keys: ${known})`
        : `unknown config key; did you mean ${prefix}${near}?`,
  };
}

/** The decoded values of the `kms-monitoring:` keys; unknown keys become issues. */
function decodeValues(raw: Record<string, string>, issues: ConfigIssue[]): StackValues {
  const values: StackValues = {};
  const prefix = `${NAMESPACE}:`;
  for (const [fullKey, text] of Object.entries(raw)) {
    if (!fullKey.startsWith(prefix)) continue;
    const key = fullKey.slice(prefix.length);
    if ((CONFIG_KEYS as readonly string[]).includes(key)) {
      values[key as ConfigKey] = decode(key as ConfigKey, text, issues);
    } else issues.push(unknownKey(key));
  }
  return values;
}

/** The environment name, from config or else the stack name, or an issue. */
function environmentOf(
  schema: ConfigSchemas["environment"],
  value: unknown,
  options: ParseOptions,
  issues: ConfigIssue[],
): string | undefined {
  const fromStack = value === undefined && options.stack !== undefined;
  const outcome = parseValue(schema, value ?? options.stack ?? DEFAULTS.environment, "environment");
  if (outcome.ok) return outcome.value;
  const [issue] = outcome.issues;
  const message = fromStack
    ? `${issue.message}; it comes from the stack name, so set kms-monitoring:environment`
    : issue.message;
  issues.push({ ...issue, message });
  return undefined;
}

/**
 * Validates the whole Pulumi config map (as `pulumi.runtime.allConfig()` returns it: keys such as
 * `kms-monitoring:keyGroups`, structured values JSON-encoded) and returns the stack model.
 *
 * The region is `aws:region`, else `options.region`. The environment is
 * `kms-monitoring:environment`, else `options.stack`, else "dev". Keys of other namespaces are
 * ignored; unknown `kms-monitoring:` keys are errors. See docs/CONFIG.md for every setting.
 *
 * @throws ConfigError listing every problem found, each with its config path.
 */
export function parseStackConfig(
  raw: Record<string, string>,
  options: ParseOptions = {},
): StackModel {
  const issues: ConfigIssue[] = [];
  const region = stackRegion(raw["aws:region"] ?? options.region, issues);
  const values = decodeValues(raw, issues);
  return parseDecoded(values, region, options, issues);
}

/** The decoded value of each `kms-monitoring:` config key, by key without the namespace. */
export type StackValues = Partial<Record<ConfigKey, unknown>>;

/**
 * Validates decoded config values (objects and numbers as such, not JSON text), as a program
 * holds them, and returns the stack model; the same schema and rules as {@link parseStackConfig}.
 * The region is `options.region`; the environment is `values.environment`, else `options.stack`,
 * else "dev". Keys that are not config keys are errors.
 *
 * @throws ConfigError listing every problem found, each with its config path.
 */
export function parseStackValues(values: StackValues, options: ParseOptions = {}): StackModel {
  const issues: ConfigIssue[] = [];
  const region = stackRegion(options.region, issues);
  for (const key of Object.keys(values)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) issues.push(unknownKey(key));
  }
  return parseDecoded(values, region, options, issues);
}

/** Validates decoded values into the model; `issues` holds those found while decoding. */
function parseDecoded(
  values: StackValues,
  region: string | undefined,
  options: ParseOptions,
  issues: ConfigIssue[],
): StackModel {
  const context: ValueContext = {
    region,
    partition: region ? partitionOfRegion(region) : undefined,
  };
  const schemas = configSchemas(context);
  const environment = environmentOf(schemas.environment, values.environment, options, issues);

  // Each key's schema runs on its decoded value; a value that did not decode is already reported.
  const run = <T extends z.ZodType>(schema: T, key: ConfigKey): ParseOutcome<z.output<T>> => {
    if (values[key] === UNDECODABLE) return { ok: false, issues: [] };
    const outcome = parseValue(schema, values[key], key);
    if (!outcome.ok) issues.push(...outcome.issues);
    return outcome;
  };
  const trail = run(schemas.trail, "trail");
  const rawNotifications = run(schemas.notifications, "notifications");
  const rawSecurity = run(schemas.security, "security");
  const quotaAlarmPercent = run(schemas.quotaAlarmPercent, "quotaAlarmPercent");
  const usageBaseline = run(schemas.usageBaseline, "usageBaseline");
  const keyGroups =
    values.keyGroups === undefined ? missingKeyGroups(issues) : run(schemas.keyGroups, "keyGroups");
  const organization = run(schemas.organization, "organization");
  if (organization.ok && organization.value && keyGroups.ok) {
    issues.push(...memberAccountProblems(keyGroups.value, organization.value.members));
  }

  const notifications = rawNotifications.ok ? stackRouting(rawNotifications.value) : undefined;
  issues.push(...checkKeyGroups(values.keyGroups, { ...context, notifications, environment }));
  // Security targets replace the stack defaults as a whole when set.
  const security =
    notifications && rawSecurity.ok
      ? toTargets(rawSecurity.value, rawSecurity.value ? undefined : notifications.default)
      : undefined;
  if (security && countTargets(security) === 0) {
    issues.push({
      path: "security",
      message:
        "no target for tamper and delivery-failure alarms (expected emails, https, sqs or lambda in kms-monitoring:security or kms-monitoring:notifications)",
    });
  }

  if (issues.length > 0) throw new ConfigError(sortIssues(issues));
  // No issue means every value above parsed; this check only narrows their types.
  const parsed =
    trail.ok && quotaAlarmPercent.ok && usageBaseline.ok && keyGroups.ok && organization.ok;
  if (!region || !environment || !notifications || !security || !parsed) {
    throw new Error("unreachable: config parsed without issues but a value is missing");
  }
  return {
    environment,
    region,
    trail: trail.value,
    notifications,
    security,
    quotaAlarmPercent: quotaAlarmPercent.value,
    usageBaseline: usageBaseline.value,
    keyGroups: keyGroups.value.map((group) => ({
      ...group,
      notify: mergeRouting(notifications, group.notify),
    })),
    // Absent for one account, so one-account models stay as they were.
    ...(organization.value ? { organization: organization.value } : {}),
  };
}

/** Reports the missing `keyGroups` key. */
function missingKeyGroups(issues: ConfigIssue[]): { ok: false; issues: ConfigIssue[] } {
  const issue = {
    path: "keyGroups",
    message: `required; list the key groups to watch under ${NAMESPACE}:keyGroups in Pulumi.<stack>.yaml (see docs/CONFIG.md)`,
  };
  issues.push(issue);
  return { ok: false, issues: [issue] };
}
