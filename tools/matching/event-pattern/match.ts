/**
 * Evaluation of an event pattern against an event, following "Amazon EventBridge event patterns"
 * and "Content filtering in Amazon EventBridge event patterns": every field named in the pattern
 * must match, entries of one value list are alternatives, and event arrays match when any element
 * does. Arrays of objects are searched element by element ("crushed", as event-ruler puts it), and
 * all fields reached through one array must be satisfied by the same element.
 */
import { expandPattern, ObjectRule } from "./compile";
import { LeafValues, matchesValueEntry } from "./match-value";
import { EventPattern, isJsonObject, JsonObject, jsonKind } from "./types";
import { validateEventPattern } from "./validate";

/** Thrown by {@link matchesEventPattern} for a pattern that EventBridge would reject. */
export class InvalidEventPatternError extends Error {
  /** The problems {@link validateEventPattern} reported, one sentence each. */
  readonly problems: readonly string[];

  /** Builds the error from the validator's problem list. */
  constructor(problems: readonly string[]) {
    super(`invalid event pattern: ${problems.join("; ")}`);
    this.name = "InvalidEventPatternError";
    this.problems = problems;
  }
}

/** The objects a pattern object is matched against: the node itself, or an array's objects. */
function objectsIn(node: unknown): JsonObject[] {
  if (isJsonObject(node)) return [node];
  if (Array.isArray(node)) return node.flatMap(objectsIn);
  return [];
}

/** Scalar values of a field: arrays are flattened, objects are not leaves and count as none. */
function scalarValues(node: unknown): unknown[] {
  if (node === undefined || isJsonObject(node)) return [];
  if (Array.isArray(node)) return node.flatMap(scalarValues);
  return [node];
}

function child(object: JsonObject | undefined, key: string): unknown {
  return object !== undefined && Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Every scalar value the event holds at `path`, across all array elements on the way. */
function valuesAtPath(root: unknown, path: readonly string[]): unknown[] {
  let nodes: unknown[] = [root];
  for (const key of path) {
    nodes = nodes.flatMap(objectsIn).map((object) => child(object, key));
  }
  return nodes.flatMap(scalarValues);
}

function matchFields(
  rule: ObjectRule,
  object: JsonObject | undefined,
  root: unknown,
  path: readonly string[],
): boolean {
  for (const [key, fieldRule] of rule) {
    const value = child(object, key);
    const fieldPath = [...path, key];
    const leaf: LeafValues = {
      values: scalarValues(value),
      absentEverywhere: () => valuesAtPath(root, fieldPath).length === 0,
    };
    for (const valueList of fieldRule.valueLists) {
      if (!valueList.some((entry) => matchesValueEntry(entry, leaf))) return false;
    }
    if (fieldRule.nested && !matchObject(fieldRule.nested, value, root, fieldPath)) return false;
  }
  return true;
}

function matchObject(
  rule: ObjectRule,
  node: unknown,
  root: unknown,
  path: readonly string[],
): boolean {
  const objects = objectsIn(node);
  // A missing intermediate object still lets conditions such as {"exists": false} hold.
  if (objects.length === 0) return matchFields(rule, undefined, root, path);
  return objects.some((object) => matchFields(rule, object, root, path));
}

/**
 * True when `event` matches `pattern` as Amazon EventBridge would decide it.
 *
 * @param pattern An event pattern, as parsed from its JSON text.
 * @param event An event, as parsed from its JSON text (for instance one of the KMS events AWS
 *   delivers, or a CloudTrail record wrapped by `toEventBridgeEvent`).
 * @throws InvalidEventPatternError when `validateEventPattern` reports problems in `pattern`.
 * @throws TypeError when `event` is not a JSON object.
 */
export function matchesEventPattern(pattern: EventPattern, event: unknown): boolean {
  const problems = validateEventPattern(pattern);
  if (problems.length > 0) throw new InvalidEventPatternError(problems);
  if (!isJsonObject(event)) {
    throw new TypeError(`event must be a JSON object, got ${jsonKind(event)}`);
  }
  return expandPattern(pattern).some((rule) => matchObject(rule, event, event, []));
}
