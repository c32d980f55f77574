/** Argument checks shared by the watcher components; each throws before anything is registered. */
import type * as pulumi from "@pulumi/pulumi";
import { failFor } from "../alerts/checks";
import { AWS_LIMITS } from "../core/limits";

/**
 * Throws `<Type> "<name>": alarmActions: ...` unless 1 to 5 actions are given: an alarm without an
 * action tells nobody, and AWS rejects more than five.
 */
export function checkAlarmActions(
  type: string,
  name: string,
  actions: readonly pulumi.Input<string>[] | undefined,
  field = "alarmActions",
): void {
  const count = Array.isArray(actions) ? actions.length : 0;
  if (count < 1 || count > AWS_LIMITS.actionsPerAlarmState) {
    failFor(
      type,
      name,
    )(
      `${field}: ${count} given; give 1 to ${AWS_LIMITS.actionsPerAlarmState} topic ARNs ` +
        "(an alarm without an action tells nobody)",
    );
  }
}

/** Throws `<Type> "<name>": <field>: ...` unless the value is an integer within [min, max]. */
export function checkInteger(
  type: string,
  name: string,
  field: string,
  value: unknown,
  min: number,
  max: number,
): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    failFor(
      type,
      name,
    )(`${field}: ${JSON.stringify(value)} is not an integer from ${min} to ${max}`);
  }
}
