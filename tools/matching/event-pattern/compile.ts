/**
 * Expansion of `$or` into plain rules. EventBridge treats a pattern with `$or` as the set of
 * "rule combinations" obtained by choosing one alternative from every `$or` array, and caps that
 * set at 1000 ("Matching using $or", Content filtering in Amazon EventBridge event patterns).
 * Expanding up front lets the matcher keep each combination's conditions together, so fields
 * reached through one event array element are matched within that element.
 */
import { definedEntries, isJsonObject, JsonObject } from "./types";

/** The pattern key that introduces alternatives. */
export const OR_KEY = "$or";

/** EventBridge's cap on rule combinations produced by `$or`. */
export const MAX_RULE_COMBINATIONS = 1000;

/** Conditions on one field of an event object. */
export interface FieldRule {
  /** Value lists that must all match; entries within one list are alternatives. */
  readonly valueLists: readonly (readonly unknown[])[];
  /** Conditions on the fields nested under this one, when the pattern descends into it. */
  readonly nested?: ObjectRule;
}

/** Conditions on the fields of one event object, all of which must hold. */
export type ObjectRule = ReadonlyMap<string, FieldRule>;

/** True when `value` is used as `$or` alternatives rather than as an ordinary value. */
export function isOrAlternatives(key: string, value: unknown): value is readonly JsonObject[] {
  return key === OR_KEY && Array.isArray(value);
}

/**
 * Number of rule combinations a well-formed pattern stands for: the product over its fields, where
 * a `$or` counts the sum of its alternatives' combinations.
 */
export function countRuleCombinations(pattern: JsonObject): number {
  let count = 1;
  for (const [key, value] of definedEntries(pattern)) {
    if (isOrAlternatives(key, value)) {
      count *= value.reduce((sum, alternative) => sum + countRuleCombinations(alternative), 0);
    } else if (isJsonObject(value)) {
      count *= countRuleCombinations(value);
    }
  }
  return count;
}

function mergeFieldRules(a: FieldRule, b: FieldRule): FieldRule {
  const nested =
    a.nested && b.nested ? mergeObjectRules(a.nested, b.nested) : (a.nested ?? b.nested);
  return { valueLists: [...a.valueLists, ...b.valueLists], ...(nested ? { nested } : {}) };
}

function mergeObjectRules(a: ObjectRule, b: ObjectRule): ObjectRule {
  const merged = new Map(a);
  for (const [key, rule] of b) {
    const existing = merged.get(key);
    merged.set(key, existing ? mergeFieldRules(existing, rule) : rule);
  }
  return merged;
}

function combine(left: readonly ObjectRule[], right: readonly ObjectRule[]): ObjectRule[] {
  return left.flatMap((a) => right.map((b) => mergeObjectRules(a, b)));
}

/**
 * Expands a well-formed pattern object into its `$or`-free rule combinations. Callers validate
 * first, so the count stays within {@link MAX_RULE_COMBINATIONS}.
 */
export function expandPattern(pattern: JsonObject): ObjectRule[] {
  let rules: ObjectRule[] = [new Map()];
  for (const [key, value] of definedEntries(pattern)) {
    if (isOrAlternatives(key, value)) {
      rules = combine(rules, value.flatMap(expandPattern));
    } else if (isJsonObject(value)) {
      const nested = expandPattern(value).map(
        (rule): ObjectRule => new Map([[key, { valueLists: [], nested: rule }]]),
      );
      rules = combine(rules, nested);
    } else {
      const leaf: ObjectRule = new Map([[key, { valueLists: [value as unknown[]] }]]);
      rules = combine(rules, [leaf]);
    }
  }
  return rules;
}
