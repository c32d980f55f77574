/**
 * Validation of event patterns: the checks EventBridge applies before it accepts a rule, reported
 * as readable sentences so a user can fix a pattern before deploying it. The accepted forms are
 * those of "Amazon EventBridge event patterns" and "Content filtering in Amazon EventBridge event
 * patterns"; the size limit is the EventBridge quota.
 */
import { parseCidr } from "./cidr";
import { countRuleCombinations, MAX_RULE_COMBINATIONS, OR_KEY } from "./compile";
import { numericProblem } from "./numeric";
import { eventPatternSize } from "./size";
import { definedEntries, EventPattern, isJsonObject, JsonObject, jsonKind } from "./types";
import { wildcardProblem } from "./wildcard";
import { AWS_LIMITS } from "../../../components/core/limits";

/** Operators allowed in a value list, in the order they are listed to the user. */
const OPERATORS = [
  "anything-but",
  "cidr",
  "equals-ignore-case",
  "exists",
  "numeric",
  "prefix",
  "suffix",
  "wildcard",
] as const;

const ANYTHING_BUT_OPERATORS = ["prefix", "suffix", "equals-ignore-case", "wildcard"] as const;

const ANYTHING_BUT_OBJECT = 'an object with "prefix", "suffix", "equals-ignore-case" or "wildcard"';

const KNOWN_OPERATORS = OPERATORS.map((name) => `"${name}"`).join(", ");

function isStringList(value: unknown): value is string[] {
  return (
    Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string")
  );
}

function affixProblem(operator: string, payload: unknown): string | undefined {
  if (typeof payload === "string") return undefined;
  if (
    isJsonObject(payload) &&
    Object.keys(payload).length === 1 &&
    typeof payload["equals-ignore-case"] === "string"
  ) {
    return undefined;
  }
  return `"${operator}" takes a string or {"equals-ignore-case": string}`;
}

function wildcardListProblem(payload: unknown): string | undefined {
  for (const wildcard of typeof payload === "string" ? [payload] : (payload as string[])) {
    const problem = wildcardProblem(wildcard);
    if (problem) return `"wildcard" value ${JSON.stringify(wildcard)} ${problem}`;
  }
  return undefined;
}

function anythingButObjectProblem(payload: JsonObject): string | undefined {
  const keys = Object.keys(payload);
  const operator = keys[0] as (typeof ANYTHING_BUT_OPERATORS)[number];
  if (keys.length !== 1 || !ANYTHING_BUT_OPERATORS.includes(operator)) {
    return (
      '"anything-but" object takes exactly one of ' +
      '"prefix", "suffix", "equals-ignore-case" or "wildcard"'
    );
  }
  const operand = payload[operator];
  if (operator === "prefix" || operator === "suffix") {
    // AWS documents a single prefix or suffix here, not a list.
    return typeof operand === "string"
      ? undefined
      : `"anything-but" with "${operator}" takes a single string`;
  }
  if (typeof operand !== "string" && !isStringList(operand)) {
    return `"anything-but" with "${operator}" takes a string or a non-empty list of strings`;
  }
  return operator === "wildcard" ? wildcardListProblem(operand) : undefined;
}

function anythingButProblem(payload: unknown): string | undefined {
  if (typeof payload === "string" || typeof payload === "number") return undefined;
  if (Array.isArray(payload)) {
    if (payload.length === 0) return '"anything-but" list must not be empty';
    const allStrings = payload.every((item) => typeof item === "string");
    const allNumbers = payload.every((item) => typeof item === "number");
    return allStrings || allNumbers
      ? undefined
      : '"anything-but" list must contain only strings or only numbers';
  }
  if (isJsonObject(payload)) return anythingButObjectProblem(payload);
  return (
    '"anything-but" takes a string, a number, a list of only strings or only numbers, ' +
    `or ${ANYTHING_BUT_OBJECT}`
  );
}

function operatorPayloadProblem(operator: string, payload: unknown): string | undefined {
  switch (operator) {
    case "prefix":
    case "suffix":
      return affixProblem(operator, payload);
    case "equals-ignore-case":
      return typeof payload === "string" ? undefined : '"equals-ignore-case" takes a string';
    case "wildcard":
      return typeof payload === "string"
        ? wildcardListProblem(payload)
        : '"wildcard" takes a string';
    case "exists":
      return typeof payload === "boolean" ? undefined : '"exists" takes true or false';
    case "cidr":
      return typeof payload === "string" && parseCidr(payload)
        ? undefined
        : '"cidr" takes an IPv4 or IPv6 block such as "10.0.0.0/24", ' +
            `got ${JSON.stringify(payload)}`;
    case "numeric":
      return numericProblem(payload);
    case "anything-but":
      return anythingButProblem(payload);
    default:
      return `unknown operator ${JSON.stringify(operator)}; known operators are ${KNOWN_OPERATORS}`;
  }
}

function operatorProblem(entry: JsonObject): string | undefined {
  const keys = Object.keys(entry);
  if (keys.length !== 1) {
    const found = keys.length === 0 ? "none" : keys.map((key) => JSON.stringify(key)).join(", ");
    return `an operator object must hold exactly one operator, got ${found}`;
  }
  return operatorPayloadProblem(keys[0], entry[keys[0]]);
}

function checkValueList(list: readonly unknown[], path: string, problems: string[]): void {
  if (list.length === 0) {
    problems.push(`${path}: value list must not be empty`);
    return;
  }
  list.forEach((entry, index) => {
    const entryPath = `${path}[${index}]`;
    if (entry === null || ["string", "number", "boolean"].includes(typeof entry)) return;
    if (Array.isArray(entry)) {
      problems.push(`${entryPath}: a value list cannot contain an array`);
      return;
    }
    const problem = isJsonObject(entry)
      ? operatorProblem(entry)
      : `unsupported value of type ${jsonKind(entry)}`;
    if (problem) problems.push(`${entryPath}: ${problem}`);
  });
}

function checkOr(value: unknown, path: string, problems: string[]): void {
  if (!Array.isArray(value)) {
    problems.push(
      `${path}: "$or" takes an array of at least two pattern objects, got ${jsonKind(value)}`,
    );
    return;
  }
  if (value.length < 2) {
    problems.push(`${path}: "$or" needs at least two alternatives, got ${value.length}`);
  }
  value.forEach((alternative, index) => {
    const alternativePath = `${path}[${index}]`;
    if (isJsonObject(alternative)) {
      checkObject(alternative, alternativePath, problems);
    } else {
      problems.push(
        `${alternativePath}: a "$or" alternative must be an object, got ${jsonKind(alternative)}`,
      );
    }
  });
}

function checkObject(object: JsonObject, path: string, problems: string[]): void {
  const entries = definedEntries(object);
  if (entries.length === 0) {
    problems.push(
      path === ""
        ? "event pattern must name at least one field"
        : `${path}: object must name at least one field`,
    );
  }
  for (const [key, value] of entries) {
    const fieldPath = path === "" ? key : `${path}.${key}`;
    if (key === OR_KEY) {
      checkOr(value, fieldPath, problems);
    } else if (Array.isArray(value)) {
      checkValueList(value, fieldPath, problems);
    } else if (isJsonObject(value)) {
      checkObject(value, fieldPath, problems);
    } else {
      problems.push(
        `${fieldPath}: must be a value list (array) or a nested object, got ${jsonKind(value)}`,
      );
    }
  }
}

/**
 * Lists the reasons EventBridge would reject `pattern`, one sentence each, or an empty list when
 * the pattern is valid. Field problems start with the field's dotted path, such as
 * `detail.state[0]: unknown operator "contains"; ...`.
 *
 * @param pattern A candidate event pattern, typically straight from `JSON.parse`.
 */
export function validateEventPattern(pattern: unknown): string[] {
  if (!isJsonObject(pattern)) {
    return [`event pattern must be a JSON object, got ${jsonKind(pattern)}`];
  }
  const problems: string[] = [];
  checkObject(pattern, "", problems);
  if (problems.length === 0) {
    const combinations = countRuleCombinations(pattern);
    if (combinations > MAX_RULE_COMBINATIONS) {
      problems.push(
        `"$or" expands the pattern into ${combinations} rule combinations; ` +
          `EventBridge allows at most ${MAX_RULE_COMBINATIONS}`,
      );
    }
  }
  const size = eventPatternSize(pattern as EventPattern);
  if (size > AWS_LIMITS.eventPatternLength) {
    problems.push(
      `event pattern is ${size} characters long; ` +
        `EventBridge allows at most ${AWS_LIMITS.eventPatternLength}`,
    );
  }
  return problems;
}
