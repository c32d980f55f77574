/**
 * The shape of an Amazon EventBridge event pattern, as the signals are written in it. The shapes
 * follow the AWS pages "Amazon EventBridge event patterns" and "Content filtering in Amazon
 * EventBridge event patterns" (docs.aws.amazon.com/eventbridge/latest/userguide/).
 */

/** A literal value in a pattern's value list: matched by equality against the event value. */
export type EventPatternLiteral = string | number | boolean | null;

/** `{"prefix": ...}` or `{"suffix": ...}` payload: a string, or a case-insensitive string. */
export type EventPatternAffix = string | { readonly "equals-ignore-case": string };

/** Payload of `{"anything-but": ...}`. */
export type EventPatternAnythingBut =
  | string
  | number
  | readonly string[]
  | readonly number[]
  | { readonly prefix: string }
  | { readonly suffix: string }
  | { readonly "equals-ignore-case": string | readonly string[] }
  | { readonly wildcard: string | readonly string[] };

/** One content-filter object in a pattern's value list, such as `{"prefix": "us-"}`. */
export type EventPatternOperator =
  | { readonly prefix: EventPatternAffix }
  | { readonly suffix: EventPatternAffix }
  | { readonly "anything-but": EventPatternAnythingBut }
  | { readonly numeric: readonly (string | number)[] }
  | { readonly exists: boolean }
  | { readonly "equals-ignore-case": string }
  | { readonly wildcard: string }
  | { readonly cidr: string };

/** One entry of a pattern's value list: a literal or a content-filter object. */
export type EventPatternValue = EventPatternLiteral | EventPatternOperator;

/**
 * What a pattern key maps to: a value list (a leaf), a nested pattern (an intermediate node),
 * or, under the `$or` key, a list of alternative patterns.
 */
export type EventPatternField =
  readonly EventPatternValue[] | readonly EventPattern[] | EventPattern;

/**
 * An Amazon EventBridge event pattern: a JSON object whose keys name event fields and whose
 * values are either value lists or nested patterns. The key `$or` holds alternative patterns.
 *
 * A field may be `undefined` and then counts as absent, as in `JSON.stringify`; this admits the
 * `{ a?: undefined }` members TypeScript infers for lists of differently shaped `$or` literals.
 */
export type EventPattern = { readonly [field: string]: EventPatternField | undefined };
