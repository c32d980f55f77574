import { SelectorSegment } from "./ast";

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Returns every node a selector reaches in `root`. A path without wildcards yields at most one
 * node; each wildcard fans out over the fields of an object or the elements of an array.
 * Missing properties, out-of-range indexes and `undefined` values yield nothing.
 */
export function resolveSelector(root: unknown, segments: readonly SelectorSegment[]): unknown[] {
  let current: unknown[] = [root];
  for (const segment of segments) {
    const next: unknown[] = [];
    for (const node of current) {
      if (segment.kind === "property") {
        // Own properties only, so "constructor" or "__proto__" never reach the prototype.
        if (isJsonObject(node) && Object.prototype.hasOwnProperty.call(node, segment.name)) {
          next.push(node[segment.name]);
        }
      } else if (segment.kind === "index") {
        if (Array.isArray(node) && segment.index < node.length) next.push(node[segment.index]);
      } else if (Array.isArray(node)) {
        next.push(...node);
      } else if (isJsonObject(node)) {
        next.push(...Object.values(node));
      }
    }
    current = next.filter((value) => value !== undefined);
  }
  return current;
}
