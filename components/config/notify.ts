/**
 * Notification routing: the stack defaults, and how a group's `notify` merges into them.
 *
 * Merge rule: each target list a group's `notify` sets (even to `[]`) replaces the stack's list of
 * the same name; lists it leaves unset are inherited. `critical` merges the same way, list by list,
 * over the stack's `critical`. A critical routing left with no target is dropped, so critical
 * signals then go to the default targets.
 */

import type { NotificationRouting, NotificationTargets } from "./model";
import type { RawRouting, RawTargets } from "./schema";

/** The target list names, in model order. */
export const TARGET_FIELDS = ["emails", "https", "sqs", "lambda"] as const;

/** Number of targets in all lists of `targets`. */
export function countTargets(targets: NotificationTargets): number {
  return TARGET_FIELDS.reduce((sum, field) => sum + targets[field].length, 0);
}

/** `raw` with unset lists as `[]`, each list copied from `fallback` when given. */
export function toTargets(
  raw: RawTargets | undefined,
  fallback?: NotificationTargets,
): NotificationTargets {
  const pick = (field: (typeof TARGET_FIELDS)[number]): string[] => [
    ...(raw?.[field] ?? fallback?.[field] ?? []),
  ];
  return { emails: pick("emails"), https: pick("https"), sqs: pick("sqs"), lambda: pick("lambda") };
}

/** `routing` without an empty `critical`, so that critical signals reach the default targets. */
function withoutEmptyCritical(routing: NotificationRouting): NotificationRouting {
  return routing.critical && countTargets(routing.critical) === 0
    ? { default: routing.default }
    : routing;
}

/** The stack defaults (`kms-monitoring:notifications`); every list defaults to `[]`. */
export function stackRouting(raw: RawRouting): NotificationRouting {
  return withoutEmptyCritical({
    default: toTargets(raw),
    ...(raw.critical ? { critical: toTargets(raw.critical) } : {}),
  });
}

/** A group's routing: its `notify` merged over the stack defaults (see the module comment). */
export function mergeRouting(
  stack: NotificationRouting,
  notify: RawRouting | undefined,
): NotificationRouting {
  const critical = notify?.critical
    ? toTargets(notify.critical, stack.critical)
    : stack.critical && toTargets(undefined, stack.critical);
  return withoutEmptyCritical({
    default: toTargets(notify, stack.default),
    ...(critical ? { critical } : {}),
  });
}
