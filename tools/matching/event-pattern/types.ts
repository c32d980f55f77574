/**
 * Types shared by the EventBridge event-pattern matcher, validator and size helpers. The pattern
 * types are the ones the signal catalog is written in.
 */
export type {
  EventPatternLiteral,
  EventPatternAffix,
  EventPatternAnythingBut,
  EventPatternOperator,
  EventPatternValue,
  EventPatternField,
  EventPattern,
} from "../../../components/signals/event-pattern-type";

/** Plain JSON object as read from `JSON.parse`. */
export type JsonObject = { readonly [key: string]: unknown };

/** True for a non-null, non-array object, the only kind of JSON value that has fields. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The entries of a JSON object whose value is defined, since `undefined` means "absent". */
export function definedEntries(object: JsonObject): [string, unknown][] {
  return Object.entries(object).filter(([, value]) => value !== undefined);
}

/** Names a JSON value's kind for error messages: "object", "array", "string", "null", ... */
export function jsonKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}
