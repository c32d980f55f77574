import { ComparisonNode, FilterPatternNode, FilterValue } from "./ast";
import { isJsonObject, resolveSelector } from "./resolve";
import { matchesWildcard } from "./values";

/**
 * True when the parsed pattern matches the event (a parsed JSON log event).
 *
 * Semantics, following the AWS filter pattern documentation:
 * - a selector that reaches nothing never matches, whatever the operator, except `NOT EXISTS`;
 * - comparisons only apply to value nodes (strings and numbers): a selector that reaches an
 *   object, an array, `null` or a boolean does not match `=`, `!=`, `<`, ... (use `IS NULL`,
 *   `IS TRUE`, `IS FALSE` for those);
 * - with a wildcard selector the condition holds when at least one reached node satisfies it;
 * - an event that is not a JSON object never matches, not even `NOT EXISTS`, since AWS only
 *   applies JSON patterns to JSON log events.
 */
export function evaluateFilterPattern(node: FilterPatternNode, event: unknown): boolean {
  if (!isJsonObject(event)) return false;
  return evaluateNode(node, event);
}

function evaluateNode(node: FilterPatternNode, event: Record<string, unknown>): boolean {
  switch (node.type) {
    case "and":
      return node.operands.every((operand) => evaluateNode(operand, event));
    case "or":
      return node.operands.some((operand) => evaluateNode(operand, event));
    case "notExists":
      return resolveSelector(event, node.selector.segments).length === 0;
    case "is":
      return resolveSelector(event, node.selector.segments).some((v) => v === node.expected);
    case "comparison":
      return resolveSelector(event, node.selector.segments).some((v) => compare(node, v));
  }
}

/** Applies one comparison to one selected node. */
function compare(node: ComparisonNode, actual: unknown): boolean {
  const { operator, value } = node;
  if (typeof actual === "number") {
    if (!Number.isFinite(actual)) return false;
    if (value.kind === "number") return compareNumbers(actual, operator, value.value);
    return equalityResult(operator, textMatches(value, String(actual)));
  }
  if (typeof actual === "string") {
    // Strings have no order in AWS filter patterns: a relational test on a string is false.
    if (operator !== "=" && operator !== "!=") return false;
    // A numeric literal compared with a string field compares the text as written, which is
    // how `$.recipientAccountId = 123456789012` matches CloudTrail's string account ids.
    const matched = value.kind === "number" ? actual === value.raw : textMatches(value, actual);
    return equalityResult(operator, matched);
  }
  return false;
}

function textMatches(value: Exclude<FilterValue, { kind: "number" }>, text: string): boolean {
  return value.kind === "regex" ? value.regex.test(text) : matchesWildcard(value.parts, text);
}

function equalityResult(operator: ComparisonNode["operator"], matched: boolean): boolean {
  if (operator === "=") return matched;
  if (operator === "!=") return !matched;
  return false;
}

function compareNumbers(
  actual: number,
  operator: ComparisonNode["operator"],
  expected: number,
): boolean {
  switch (operator) {
    case "=":
      return actual === expected;
    case "!=":
      return actual !== expected;
    case "<":
      return actual < expected;
    case "<=":
      return actual <= expected;
    case ">":
      return actual > expected;
    case ">=":
      return actual >= expected;
  }
}
