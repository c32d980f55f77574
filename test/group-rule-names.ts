/**
 * The rule IDs of a key group with one key chunk in one region, as the plan orders them: per route,
 * a rule per signal (two for refused calls on a key pending deletion), catalog order. Stated here
 * once for the tests of the components that take Outputs (test/program, test/package), which
 * check the rules by resource name, and for the detection tests (test/groups).
 */

/** Route `all` (no critical override): every signal on the group's one topic. */
export const ALL_ROUTE = [
  "deletion-scheduled-1",
  "deletion-cancelled-1",
  "key-disabled-1",
  "key-enabled-1",
  "pending-deletion-use-1",
  "pending-deletion-use-unlisted-1",
  "key-policy-changed-1",
  "grant-created-1",
  "grant-revoked-1",
  "grant-retired-1",
  "material-imported-1",
  "material-deleted-1",
  "material-expired-1",
  "rotation-disabled-1",
  "rotation-performed-1",
  "rotation-on-demand-1",
  "key-deleted-1",
  "destructive-call-denied-1",
  "key-made-public-1",
];

/** The critical route's rules of a group with a critical override. */
export const CRITICAL_ROUTE = [
  "deletion-scheduled-1",
  "key-disabled-1",
  "pending-deletion-use-1",
  "pending-deletion-use-unlisted-1",
  "material-deleted-1",
  "material-expired-1",
  "key-deleted-1",
  "key-made-public-1",
];

/** The standard route's rules of a group with a critical override. */
export const STANDARD_ROUTE = [
  "deletion-cancelled-1",
  "key-enabled-1",
  "key-policy-changed-1",
  "grant-created-1",
  "grant-revoked-1",
  "grant-retired-1",
  "material-imported-1",
  "rotation-disabled-1",
  "rotation-performed-1",
  "rotation-on-demand-1",
  "destructive-call-denied-1",
];

/**
 * The resource names of a group's rules: `<prefix>-<rule id>`, where `prefix` is
 * `<component>-<group>-<region>`.
 */
export function groupRuleNames(prefix: string, routes: "all" | "split"): string[] {
  const ids = routes === "all" ? ALL_ROUTE : [...CRITICAL_ROUTE, ...STANDARD_ROUTE];
  return ids.map((id) => `${prefix}-${id}`);
}
