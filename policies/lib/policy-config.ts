/**
 * Policy pack config as the Pulumi CLI resolves it: `--policy-pack-config` JSON where each policy
 * name (or "all") maps to an enforcement level or to `{ enforcementLevel?, ...params }`; a
 * policy's params get the `default`s of its configSchema and are checked against it.
 */
import type { EnforcementLevel, Policies, PolicyConfigSchema } from "@pulumi/policy";

/** A policy's entry in the config file. */
export type PolicyConfigEntry =
  EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>);

/** The config file: policy name (or "all") to entry. */
export type PackConfig = Record<string, PolicyConfigEntry>;

/** A policy's resolved settings. */
export interface ResolvedPolicyConfig {
  /** The level it runs at ("remediate" counts as "mandatory", as the CLI reports it). */
  level: EnforcementLevel;
  /** Its params, defaults applied. */
  params: Record<string, unknown>;
}

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/**
 * Resolves `config` for every policy of `policies`. Throws on an unknown policy name, an unknown
 * level or a param its schema rejects, naming the policy and param, as the CLI refuses such a file.
 */
export function resolvePackConfig(
  policies: Policies,
  config: PackConfig = {},
  packLevel: EnforcementLevel = "advisory",
): Map<string, ResolvedPolicyConfig> {
  const names = new Set(policies.map((p) => p.name));
  for (const key of Object.keys(config)) {
    if (key !== "all" && !names.has(key)) {
      throw new Error(`policy config: no policy named "${key}" (have: ${[...names].join(", ")})`);
    }
  }
  const all = entryLevel("all", config.all);
  const resolved = new Map<string, ResolvedPolicyConfig>();
  for (const policy of policies) {
    const entry = config[policy.name];
    const given = typeof entry === "object" ? withoutLevel(entry) : {};
    const level = entryLevel(policy.name, entry) ?? all ?? policy.enforcementLevel ?? packLevel;
    const params = withDefaults(policy.name, policy.configSchema, given);
    resolved.set(policy.name, { level: level === "remediate" ? "mandatory" : level, params });
  }
  return resolved;
}

function withoutLevel(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([k]) => k !== "enforcementLevel"));
}

function entryLevel(
  name: string,
  entry: PolicyConfigEntry | undefined,
): EnforcementLevel | undefined {
  const level = typeof entry === "object" ? entry.enforcementLevel : entry;
  if (level !== undefined && !LEVELS.includes(level)) {
    throw new Error(
      `policy config: ${name}: enforcementLevel "${level}" is not one of ${LEVELS.join(", ")}`,
    );
  }
  return level;
}

/** `given` plus the schema's defaults for the params it does not set, checked against the schema. */
export function withDefaults(
  policy: string,
  schema: PolicyConfigSchema | undefined,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const properties = schema?.properties ?? {};
  const params: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(properties)) {
    if (prop.default !== undefined) params[key] = structuredClone(prop.default);
  }
  for (const [key, value] of Object.entries(given)) {
    const prop = properties[key];
    if (!prop) throw new Error(`policy config: ${policy}: no parameter "${key}"`);
    const problem = checkValue(value, prop);
    if (problem) throw new Error(`policy config: ${policy}: ${key}: ${problem}`);
    params[key] = value;
  }
  for (const key of schema?.required ?? []) {
    if (params[key] === undefined) throw new Error(`policy config: ${policy}: ${key} is required`);
  }
  return params;
}

type JsonSchema = PolicyConfigSchema["properties"][string];

/** The subset of JSON schema our configSchemas use: type, minimum, maximum, items. */
function checkValue(value: unknown, schema: JsonSchema): string | undefined {
  const type = schema.type;
  if (type === "integer" && !Number.isInteger(value)) return `${show(value)} is not an integer`;
  if (type === "number" && typeof value !== "number") return `${show(value)} is not a number`;
  if (type === "boolean" && typeof value !== "boolean") return `${show(value)} is not a boolean`;
  if (type === "string" && typeof value !== "string") return `${show(value)} is not a string`;
  if (type === "array") {
    if (!Array.isArray(value)) return `${show(value)} is not a list`;
    const items = schema.items;
    if (items && typeof items === "object" && !Array.isArray(items)) {
      for (const item of value) {
        const problem = checkValue(item, items);
        if (problem) return problem;
      }
    }
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) {
      return `${value} is less than the minimum ${schema.minimum}`;
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      return `${value} is more than the maximum ${schema.maximum}`;
    }
  }
  return undefined;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
