/**
 * Event pattern size as EventBridge counts it against its quota: the length of the pattern's
 * compact JSON text, with no whitespace between tokens.
 */
import { EventPattern } from "./types";

/**
 * Longest event pattern a rule may have, in characters ("Amazon EventBridge quotas", event
 * pattern size).
 */
export const EVENT_PATTERN_MAX_CHARS = 2048;

/**
 * Length of the pattern's compact JSON text (`JSON.stringify` without indentation), the number
 * that EventBridge compares with {@link EVENT_PATTERN_MAX_CHARS}.
 */
export function eventPatternSize(pattern: EventPattern): number {
  return JSON.stringify(pattern).length;
}
