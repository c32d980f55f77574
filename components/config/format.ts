/**
 * Runs a config key's zod schema and turns zod issues into config issues: paths rendered as
 * `keyGroups[2].keys[0]`, one issue per unknown field, and no default zod English.
 */

import { z } from "zod";

import { renderPath, type ConfigIssue } from "./errors";
import { listWords, quote, typeMessage } from "./text";

/**
 * Messages for issues whose schema set none. The schemas in schema.ts name what they expect, so
 * this only backs them up with plain wording.
 */
const fallbackErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return typeMessage(issue.input, issue.expected === "array" ? "a list" : `${issue.expected}`);
    case "invalid_value":
      return `${quote(issue.input)} is not allowed (expected ${listWords(issue.values.map((v) => quote(v)))})`;
    case "too_small":
    case "too_big":
      return `${quote(issue.input)} is out of range`;
    case "invalid_format":
      return `${quote(issue.input)} is not a valid ${issue.format}`;
    case "unrecognized_keys":
      return issue.keys.map(() => "unknown field").join("\n");
    default:
      return undefined;
  }
};

/** Zod issues as config issues under `prefix` (a config key without its namespace). */
export function formatZodIssues(
  prefix: string,
  issues: readonly z.core.$ZodIssue[],
): ConfigIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "unrecognized_keys") {
      return [{ path: renderPath(prefix, issue.path), message: issue.message }];
    }
    // One line per key, in key order (see strictObject in fields.ts).
    const messages = issue.message.split("\n");
    return issue.keys.map((key, index) => ({
      path: renderPath(prefix, [...issue.path, key]),
      message: messages[index] ?? "unknown field",
    }));
  });
}

/** The outcome of {@link parseValue}: the parsed value, or the issues found. */
export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; issues: ConfigIssue[] };

/** Parses `value` (a config key's decoded value) with `schema`; issue paths start at `prefix`. */
export function parseValue<T extends z.ZodType>(
  schema: T,
  value: unknown,
  prefix: string,
): ParseOutcome<z.output<T>> {
  const result = schema.safeParse(value, { error: fallbackErrorMap });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: formatZodIssues(prefix, result.error.issues) };
}
