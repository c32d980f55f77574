/**
 * The plain rule, in one place: which of KmsMonitoringStack's inputs take Outputs, by config path
 * (docs/CONFIG.md), each with the stand-in a preview plans with while it is unknown. The runtime
 * resolves inputs by it (resolve-inputs.ts) and the multi-language schema marks every other input
 * `plain` from it (tools/schema/stack-types.ts), so the two cannot disagree.
 *
 * Strings that only feed resource inputs take Outputs: the ARNs and aliases of keys created in the
 * same program, a group's description, notification targets (a secret pager URL), the log group
 * and trail another stack exports. Everything else is plain because the plan reads it before any
 * resource exists: lists and maps (their length sets how many rules, alarms and subscriptions
 * there are), names (in every resource name), environment, region (picks providers), modes,
 * numbers, booleans, tags, and all of `usageBaseline` and `organization` (they set alarms,
 * StackSet targets and prices).
 */
import { standInKeyArn, type StandInPlace } from "./stand-ins";

/** The stand-in of an unknown input: a value its field's validation accepts. */
type StandIn = (token: string, place: StandInPlace) => string;

/** The stand-in of each notification-target list's items. */
const TARGET_STAND_INS: Record<string, StandIn> = {
  emails: (t) => `unknown-${t}@example.com`,
  https: (t) => `https://example.com/unknown-${t}`,
  sqs: (t, p) => `arn:${p.partition}:sqs:${p.region}:${p.accountId}:unknown-${t}`,
  lambda: (t, p) => `arn:${p.partition}:lambda:${p.region}:${p.accountId}:function:unknown-${t}`,
};

/** Where notification targets occur: routing, its critical override, the security targets. */
const TARGET_PLACES = [
  "notifications",
  "notifications.critical",
  "security",
  "keyGroups[].notify",
  "keyGroups[].notify.critical",
];

/**
 * The config paths whose values take Outputs (`[]` stands for any list index: `keys[]` is an item
 * of `keys`, the list itself being plain), with their stand-ins. README "Outputs, unknowns and
 * secrets" lists the same fields.
 */
export const OUTPUT_PATHS: Readonly<Record<string, StandIn>> = {
  "trail.logGroupName": (t) => `/kmsmon/unknown-${t}`,
  "trail.trailArn": (t, p) =>
    `arn:${p.partition}:cloudtrail:${p.region}:${p.accountId}:trail/unknown-${t}`,
  "keyGroups[].description": (t) => `(known once deployed: ${t})`,
  "keyGroups[].keys[]": standInKeyArn,
  "keyGroups[].importedKeys[]": standInKeyArn,
  "keyGroups[].aliases[]": (t) => `alias/kmsmon-unknown-${t}`,
  ...Object.fromEntries(
    TARGET_PLACES.flatMap((place) =>
      Object.entries(TARGET_STAND_INS).map(([list, standIn]) => [`${place}.${list}[]`, standIn]),
    ),
  ),
};

/** A config path with its list indexes generic: `keyGroups[2].keys[0]` -> `keyGroups[].keys[]`. */
function generic(path: string): string {
  return path.replace(/\[\d+\]/g, "[]");
}

const BY_PATH = new Map(Object.entries(OUTPUT_PATHS));

/** Whether the input at a config path (with indexes, or generic) takes an Output. */
export function acceptsOutput(path: string): boolean {
  return BY_PATH.has(generic(path));
}

/** The stand-in of the input at `path`; undefined when the field must be plain. */
export function standInFor(path: string, token: string, place: StandInPlace): string | undefined {
  return BY_PATH.get(generic(path))?.(token, place);
}
