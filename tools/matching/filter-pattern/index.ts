/**
 * Evaluator for CloudWatch Logs JSON filter patterns (the `{ $.field = value }` kind used by
 * metric filters and subscription filters), so patterns can be tried against sample events
 * such as CloudTrail records without calling AWS.
 */
import { FilterPatternNode } from "./ast";
import { evaluateFilterPattern } from "./evaluate";
import { parseFilterPattern } from "./parser";

export * from "./ast";
export { FilterPatternSyntaxError } from "./errors";
export { evaluateFilterPattern } from "./evaluate";
export { parseFilterPattern } from "./parser";

/** How many parsed patterns `matchesFilterPattern` keeps. */
const CACHE_LIMIT = 256;

const cache = new Map<string, FilterPatternNode>();

/**
 * Parses `pattern` (remembering the most recently used ones) and evaluates it against `event`.
 *
 * @throws FilterPatternSyntaxError when the pattern is invalid.
 */
export function matchesFilterPattern(pattern: string, event: unknown): boolean {
  let node = cache.get(pattern);
  if (node === undefined) {
    node = parseFilterPattern(pattern);
    if (cache.size >= CACHE_LIMIT) {
      // Maps iterate in insertion order, so the first key is the least recently used one.
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  } else {
    cache.delete(pattern);
  }
  cache.set(pattern, node);
  return evaluateFilterPattern(node, event);
}
