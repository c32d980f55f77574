/**
 * Event pattern size as EventBridge counts it against its quota: the length of the pattern's
 * compact JSON text, with no whitespace between tokens.
 */
import { EventPattern } from "./types";

/**
 * Length of the pattern's compact JSON text (`JSON.stringify` without indentation), the number
 * that EventBridge compares with its 2,048-character limit (`AWS_LIMITS.eventPatternLength`).
 */
export function eventPatternSize(pattern: EventPattern): number {
  return JSON.stringify(pattern).length;
}
