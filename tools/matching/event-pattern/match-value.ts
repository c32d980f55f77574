/**
 * Matching of one entry of a pattern's value list against the values an event holds at a leaf.
 * Semantics follow "Content filtering in Amazon EventBridge event patterns": literals compare by
 * type and value (case-sensitive), operators apply to the value types AWS names for them.
 */
import { cidrContains, parseCidr } from "./cidr";
import { matchesNumeric } from "./numeric";
import { isJsonObject, JsonObject } from "./types";
import { matchesWildcard } from "./wildcard";

/** What the matcher knows about one leaf field of the event. */
export interface LeafValues {
  /** Scalar values at the field in the event object being matched; arrays are flattened. */
  readonly values: readonly unknown[];
  /**
   * True when the field has no scalar value anywhere in the event. `{"exists": false}` asks this
   * of the whole event rather than one array element, as event-ruler checks absence event-wide.
   */
  readonly absentEverywhere: () => boolean;
}

function lower(text: string): string {
  return text.toLowerCase();
}

function matchesLiteral(literal: unknown, value: unknown): boolean {
  // Numbers compare numerically, so 3.018e2 in a pattern equals 301.8 in an event.
  return typeof literal === typeof value && literal === value;
}

function matchesAffix(
  payload: unknown,
  value: unknown,
  test: (text: string, affix: string) => boolean,
): boolean {
  if (typeof value !== "string") return false;
  if (typeof payload === "string") return test(value, payload);
  const ignoreCase = (payload as JsonObject)["equals-ignore-case"] as string;
  return test(lower(value), lower(ignoreCase));
}

const startsWith = (text: string, affix: string): boolean => text.startsWith(affix);
const endsWith = (text: string, affix: string): boolean => text.endsWith(affix);

function asList<T>(payload: T | readonly T[]): readonly T[] {
  return Array.isArray(payload) ? payload : [payload as T];
}

/** True when `value` is one the anything-but payload names, so anything-but rejects it. */
function isExcluded(payload: unknown, value: unknown): boolean {
  if (!isJsonObject(payload)) {
    return asList(payload).some((excluded) => matchesLiteral(excluded, value));
  }
  // The string forms exclude strings only: a number, boolean or null is never excluded by them.
  if (typeof value !== "string") return false;
  const [operator, operand] = Object.entries(payload)[0];
  switch (operator) {
    case "prefix":
      return value.startsWith(operand as string);
    case "suffix":
      return value.endsWith(operand as string);
    case "equals-ignore-case":
      return asList(operand as string).some((text) => lower(text) === lower(value));
    case "wildcard":
      return asList(operand as string).some((text) => matchesWildcard(text, value));
    default:
      return false;
  }
}

/** True when one scalar event value satisfies one operator object of a well-formed pattern. */
function matchesOperator(operator: JsonObject, value: unknown): boolean {
  const [name, payload] = Object.entries(operator)[0];
  switch (name) {
    case "prefix":
      return matchesAffix(payload, value, startsWith);
    case "suffix":
      return matchesAffix(payload, value, endsWith);
    case "equals-ignore-case":
      return typeof value === "string" && lower(value) === lower(payload as string);
    case "wildcard":
      return typeof value === "string" && matchesWildcard(payload as string, value);
    case "anything-but":
      return !isExcluded(payload, value);
    case "numeric":
      return typeof value === "number" && matchesNumeric(payload as unknown[], value);
    case "cidr": {
      const block = parseCidr(payload as string);
      return typeof value === "string" && block !== undefined && cidrContains(block, value);
    }
    default:
      return false;
  }
}

/**
 * True when one value-list entry of a well-formed pattern matches the leaf. A leaf with several
 * values (an event array) matches when any of them does.
 */
export function matchesValueEntry(entry: unknown, leaf: LeafValues): boolean {
  if (!isJsonObject(entry)) {
    return leaf.values.some((value) => matchesLiteral(entry, value));
  }
  if ("exists" in entry) {
    return entry.exists === true ? leaf.values.length > 0 : leaf.absentEverywhere();
  }
  return leaf.values.some((value) => matchesOperator(entry, value));
}
