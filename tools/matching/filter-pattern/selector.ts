import { Selector, SelectorSegment } from "./ast";
import { FilterPatternSyntaxError } from "./errors";

/** AWS: "Property selectors are alphanumeric strings that support hyphen and underscore". */
const NAME_CHAR = /[A-Za-z0-9_-]/;

/** AWS: "You can only use up to one wildcard selector in a property selector." */
const MAX_WILDCARDS_PER_SELECTOR = 1;

/** Result of reading a selector: the selector and the offset just after it. */
export interface ReadSelectorResult {
  readonly selector: Selector;
  readonly end: number;
}

/**
 * Reads a property selector starting at the `$` at `start`, e.g. `$.a.b`, `$.a[0]`, `$.a[*]`,
 * `$.*`, `$.['dotted.key']`. Stops at the first character that cannot continue the selector.
 */
export function readSelector(pattern: string, start: number): ReadSelectorResult {
  // AWS: "Set off property selectors with a dollar sign followed by a period".
  if (pattern[start + 1] !== ".") {
    throw new FilterPatternSyntaxError('Selectors must start with "$."', start);
  }
  const segments: SelectorSegment[] = [];
  let i = start + 1;
  while (pattern[i] === "." || pattern[i] === "[") {
    if (pattern[i] === "[") {
      i = readBracket(pattern, i, segments);
      continue;
    }
    const next = pattern[i + 1];
    if (next === "*") {
      segments.push({ kind: "wildcard" });
      i += 2;
    } else if (next === "[") {
      i = readBracket(pattern, i + 1, segments);
    } else if (next !== undefined && NAME_CHAR.test(next)) {
      let end = i + 1;
      while (end < pattern.length && NAME_CHAR.test(pattern[end])) end += 1;
      segments.push({ kind: "property", name: pattern.slice(i + 1, end) });
      i = end;
    } else {
      throw new FilterPatternSyntaxError(
        `Expected a property name, "*" or "[" after "." in selector, found ${describeChar(next)}`,
        i + 1,
      );
    }
  }
  const wildcards = segments.filter((s) => s.kind === "wildcard").length;
  if (wildcards > MAX_WILDCARDS_PER_SELECTOR) {
    throw new FilterPatternSyntaxError(
      "A property selector may contain at most one wildcard (* or [*])",
      start,
    );
  }
  return { selector: { text: pattern.slice(start, i), segments, position: start }, end: i };
}

/** Reads `[n]`, `[*]` or `['key']` starting at the `[` at `open`; returns the offset after `]`. */
function readBracket(pattern: string, open: number, segments: SelectorSegment[]): number {
  let i = open + 1;
  const ch = pattern[i];
  if (ch === "*") {
    segments.push({ kind: "wildcard" });
    i += 1;
  } else if (ch !== undefined && /[0-9]/.test(ch)) {
    let end = i;
    while (end < pattern.length && /[0-9]/.test(pattern[end])) end += 1;
    segments.push({ kind: "index", index: Number(pattern.slice(i, end)) });
    i = end;
  } else if (ch === "'" || ch === '"') {
    const { name, end } = readQuotedKey(pattern, i);
    segments.push({ kind: "property", name });
    i = end;
  } else {
    throw new FilterPatternSyntaxError(
      `Expected an array index, "*" or a quoted key after "[", found ${describeChar(ch)}`,
      i,
    );
  }
  if (pattern[i] !== "]") {
    throw new FilterPatternSyntaxError(`Expected "]", found ${describeChar(pattern[i])}`, i);
  }
  return i + 1;
}

/** Reads a `'key'` or `"key"` whose quote is at `open`; a backslash escapes the next character. */
function readQuotedKey(pattern: string, open: number): { name: string; end: number } {
  const quote = pattern[open];
  let name = "";
  let i = open + 1;
  while (i < pattern.length && pattern[i] !== quote) {
    if (pattern[i] === "\\" && i + 1 < pattern.length) i += 1;
    name += pattern[i];
    i += 1;
  }
  if (i >= pattern.length) {
    throw new FilterPatternSyntaxError("Unterminated quoted key in selector", open);
  }
  return { name, end: i + 1 };
}

/** Renders a character (or the end of input) for an error message. */
export function describeChar(ch: string | undefined): string {
  return ch === undefined || ch === "" ? "end of pattern" : JSON.stringify(ch);
}
