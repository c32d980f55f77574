/**
 * AST of a CloudWatch Logs JSON filter pattern such as
 * `{ ($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey) }`.
 *
 * The tree is plain data apart from the compiled `RegExp` of regex values, so it can be
 * inspected, logged and compared in tests.
 */

/** One step of a property selector. */
export type SelectorSegment =
  /** `.name` or `['name']`: an own property of an object. */
  | { readonly kind: "property"; readonly name: string }
  /** `[3]`: an element of an array. */
  | { readonly kind: "index"; readonly index: number }
  /** `.*` or `[*]`: every field of an object or every element of an array. */
  | { readonly kind: "wildcard" };

/** A property selector such as `$.requestParameters.keyId` or `$.resources[*].ARN`. */
export interface Selector {
  /** The selector as written in the pattern. */
  readonly text: string;
  /** The steps below the root `$`. */
  readonly segments: readonly SelectorSegment[];
  /** Offset of the `$` in the pattern. */
  readonly position: number;
}

/** Operators that compare a selected value with a literal. */
export type ComparisonOperator = "=" | "!=" | "<" | "<=" | ">" | ">=";

/**
 * A text literal, quoted (`"AccessDenied*"`) or not (`kms.amazonaws.com`).
 * `parts` is the text split at each unescaped `*` wildcard: `["", "Denied", ""]` for `*Denied*`.
 * A single part means an exact, case-sensitive match.
 */
export interface TextValue {
  readonly kind: "text";
  /** The literal as written in the pattern (quotes included when quoted). */
  readonly raw: string;
  readonly quoted: boolean;
  readonly parts: readonly string[];
}

/** An unquoted numeric literal such as `400`, `-1.5`, `+1000` or `10e-3`. */
export interface NumberValue {
  readonly kind: "number";
  /** The literal as written, used when the selected field holds a string. */
  readonly raw: string;
  readonly value: number;
}

/** A `%regex%` literal, validated against the subset AWS accepts. */
export interface RegexValue {
  readonly kind: "regex";
  /** The expression between the `%` signs, as written. */
  readonly source: string;
  /** The equivalent JavaScript expression (unanchored, case-sensitive). */
  readonly regex: RegExp;
}

/** Right-hand side of a comparison. */
export type FilterValue = TextValue | NumberValue | RegexValue;

/** `selector op value`, for example `$.errorCode = "AccessDenied*"` or `$.latency > 500`. */
export interface ComparisonNode {
  readonly type: "comparison";
  readonly selector: Selector;
  readonly operator: ComparisonOperator;
  readonly value: FilterValue;
}

/** `selector IS NULL`, `selector IS TRUE` or `selector IS FALSE`. */
export interface IsNode {
  readonly type: "is";
  readonly selector: Selector;
  readonly expected: null | boolean;
}

/** `selector NOT EXISTS`. */
export interface NotExistsNode {
  readonly type: "notExists";
  readonly selector: Selector;
}

/** Conditions joined by `&&` (all must hold). */
export interface AndNode {
  readonly type: "and";
  readonly operands: readonly FilterPatternNode[];
}

/** Conditions joined by `||` (one must hold). */
export interface OrNode {
  readonly type: "or";
  readonly operands: readonly FilterPatternNode[];
}

/** Any node of a parsed JSON filter pattern; the root is the expression inside the braces. */
export type FilterPatternNode = ComparisonNode | IsNode | NotExistsNode | AndNode | OrNode;
