/**
 * Zod building blocks for the raw config schemas (schema.ts). Each block states its own messages,
 * so every issue says what was given and what is allowed, instead of zod's default English.
 */

import { z } from "zod";

import { isRegion, partitionOfRegion, type Partition } from "../core/arn";
import { nearestName, quote, typeMessage } from "./text";

/** Adds a custom issue with `message` whenever `problem` returns one. */
export function refined<T extends z.ZodType>(
  schema: T,
  problem: (value: z.output<T>) => string | undefined,
): T {
  return schema.superRefine((value, ctx) => {
    const message = problem(value);
    if (message !== undefined) ctx.addIssue({ code: "custom", message, input: value });
  });
}

/** A string; `expected` describes what it should be, for type errors. */
export function text(expected: string): z.ZodString {
  return z.string({ error: (issue) => typeMessage(issue.input, expected) });
}

/** A string checked by `problem`, which returns the message of the first problem found. */
export function checkedText(
  expected: string,
  problem: (value: string) => string | undefined,
): z.ZodString {
  return refined(text(expected), problem);
}

/** A boolean. */
export function bool(): z.ZodBoolean {
  return z.boolean({ error: (issue) => typeMessage(issue.input, "true or false") });
}

/** Bounds of {@link numberIn}; `max` is open-ended when absent. */
export interface NumberSpec {
  min: number;
  max?: number;
  /** Only whole numbers. */
  integer: boolean;
}

/** Describes a {@link NumberSpec}: `an integer from 1 to 365`, `a number of at least 0.5`. */
export function describeNumber(spec: NumberSpec): string {
  const kind = spec.integer ? "an integer" : "a number";
  return spec.max === undefined
    ? `${kind} of at least ${spec.min}`
    : `${kind} from ${spec.min} to ${spec.max}`;
}

/** A number within `spec`; its range is documented as the schema's `allowed` metadata. */
export function numberIn(spec: NumberSpec): z.ZodNumber {
  const expected = describeNumber(spec);
  const documented = { allowed: expected, type: spec.integer ? "integer" : "number" };
  return refined(
    z.number({ error: (issue) => typeMessage(issue.input, expected) }),
    (value: number) => {
      if (spec.integer && !Number.isInteger(value)) {
        return `${value} is not a whole number (expected ${expected})`;
      }
      if (value < spec.min || (spec.max !== undefined && value > spec.max)) {
        return `${value} is out of range (expected ${expected})`;
      }
      return undefined;
    },
  ).meta(documented);
}

/** A number that must be one of `values`; `what` names them, e.g. "a CloudWatch Logs retention". */
export function numberOneOf(values: readonly number[], what: string): z.ZodNumber {
  const expected = `one of ${values.join(", ")}`;
  return refined(
    z.number({ error: (issue) => typeMessage(issue.input, `${what}: ${expected}`) }),
    (value: number) =>
      values.includes(value) ? undefined : `${value} is not ${what} (expected ${expected})`,
  ).meta({ allowed: expected, type: "integer" });
}

/** Options of {@link list}. */
export interface ListOptions<T> {
  /** The identity of an item for the duplicate check; no check when absent. */
  identity?: (item: T) => string;
}

/** A list of `item`s; `what` names the items for type errors ("e-mail addresses"). */
export function list<T extends z.ZodType>(
  item: T,
  what: string,
  options: ListOptions<z.output<T>> = {},
): z.ZodArray<T> {
  const schema = z.array(item, {
    error: (issue) => typeMessage(issue.input, `a list of ${what}`),
  });
  const identity = options.identity;
  if (!identity) return schema;
  return schema.superRefine((values, ctx) => {
    const firstIndex = new Map<string, number>();
    values.forEach((value, index) => {
      const id = identity(value);
      const first = firstIndex.get(id);
      if (first === undefined) firstIndex.set(id, index);
      else {
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: `${quote(value)} is listed twice (also at [${first}])`,
          input: value,
        });
      }
    });
  });
}

/** The shape of `schema` when it is an object, seen through optional and default wrappers. */
function objectShape(schema: unknown): Record<string, unknown> | undefined {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
    current = current.unwrap();
  }
  return current instanceof z.ZodObject ? current.shape : undefined;
}

/** The message for an unknown field: a suggestion when one is near, and the allowed fields. */
function unknownFieldMessage(
  key: string,
  shape: Record<string, unknown>,
  foreign: Readonly<Record<string, string>>,
): string {
  const fields = Object.keys(shape);
  const allowed = `allowed: ${fields.join(", ")}`;
  if (Object.hasOwn(foreign, key)) return `${foreign[key]} (${allowed})`;
  const near = nearestName(key, fields);
  if (near !== undefined) return `unknown field; did you mean ${near}? (${allowed})`;
  // A field of a nested object written one level too high, such as a group's `emails`.
  for (const field of fields) {
    const inner = objectShape(shape[field]);
    const nested = inner && nearestName(key, Object.keys(inner));
    if (nested !== undefined) return `unknown field; did you mean ${field}.${nested}? (${allowed})`;
  }
  return `unknown field (${allowed})`;
}

/**
 * An object whose unknown fields are errors. `what` describes it for type errors; `foreign` gives
 * the message for fields that belong elsewhere (such as another trail mode's fields).
 *
 * Zod reports all unknown fields of one object as a single issue; its message holds one line per
 * key, in the issue's key order, and the issue formatter (format.ts) splits them again.
 */
export function strictObject<T extends z.ZodRawShape>(
  shape: T,
  what: string,
  foreign: Readonly<Record<string, string>> = {},
): z.ZodObject<T, z.core.$strict> {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "invalid_type") {
        return typeMessage(issue.input, `${what} with fields ${Object.keys(shape).join(", ")}`);
      }
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => unknownFieldMessage(key, shape, foreign)).join("\n");
      }
      return undefined;
    },
  });
}

/** Rules of {@link resourceName}. */
export interface NameSpec {
  /** Longest name allowed. */
  max: number;
  /** Why names are that short, for the too-long message. */
  why: string;
}

const NAME_RULE = "lowercase letters, digits and dashes, starting with a letter";

/** A lowercase version of `value` that follows the name rules, for suggestions. */
function suggestName(value: string, max: number): string | undefined {
  const candidate = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[^a-z]+|-+$/g, "");
  return candidate !== "" && candidate.length <= max && candidate !== value ? candidate : undefined;
}

/** Why `value` is not a valid name under `spec` (see {@link resourceName}); undefined when it is. */
export function nameProblem(value: string, spec: NameSpec): string | undefined {
  const expected = `${NAME_RULE}, at most ${spec.max} characters`;
  if (value === "") return `empty (expected ${expected})`;
  if (!/^[a-z][a-z0-9-]*$/.test(value)) {
    const suggestion = suggestName(value, spec.max);
    const example = suggestion === undefined ? "" : `, e.g. "${suggestion}"`;
    return `${quote(value)} is not a valid name (expected ${NAME_RULE}${example})`;
  }
  if (value.endsWith("-")) return `${quote(value)} ends with a dash (expected ${expected})`;
  if (value.includes("--")) return `${quote(value)} contains "--" (expected ${expected})`;
  if (value.length > spec.max) {
    return `${quote(value)} is ${value.length} characters; at most ${spec.max} allowed (${spec.why})`;
  }
  return undefined;
}

/**
 * A name used inside AWS resource names: `^[a-z][a-z0-9-]*$`, no trailing dash, no `--`, at most
 * `spec.max` characters.
 */
export function resourceName(spec: NameSpec): z.ZodString {
  return checkedText(`a name of ${NAME_RULE}`, (value) => nameProblem(value, spec)).meta({
    allowed: `${NAME_RULE}; at most ${spec.max} characters, no trailing dash, no \`--\``,
  });
}

/** A region code in `partition` (any partition when undefined). */
export function regionIn(partition: Partition | undefined): z.ZodString {
  return checkedText("a region code such as us-east-1", (value) => {
    if (!isRegion(value)) {
      return `${quote(value)} is not an AWS region code (expected e.g. us-east-1, eu-west-1)`;
    }
    const regionPartition = partitionOfRegion(value);
    if (partition !== undefined && regionPartition !== partition) {
      return `${value} is in partition ${regionPartition}, but the stack's region is in partition ${partition}`;
    }
    return undefined;
  });
}
