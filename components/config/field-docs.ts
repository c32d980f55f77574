/**
 * Reads the config schema's documentation back out of it: each field's name, type, default, range
 * and description, for the generated tables of docs/CONFIG.md and for the tests that hold the
 * component argument interfaces to the schema. Nothing here restates a field.
 */
import { z } from "zod";

/** What the schema says about one field. */
export interface FieldDoc {
  name: string;
  /** The type as docs name it: `string`, `integer`, `list of strings`, `"create" or "organization"`. */
  type: string;
  /** True when the field has neither a default nor is optional. */
  required: boolean;
  /** The default as docs show it (`` `365` ``, "the stack name, else `dev`"); undefined if none. */
  default: string | undefined;
  /** The range the field's building block allows, such as `an integer from 1 to 24`. */
  allowed: string | undefined;
  /** The field's description; undefined when the schema lacks one (a test fails then). */
  description: string | undefined;
  /** The fields of an object field (or of each item of a list of objects). */
  fields: FieldDoc[] | undefined;
}

/** Metadata the schema attaches: zod's `description`, plus `default`, `allowed` and `type`. */
interface Documented {
  description?: string;
  default?: string;
  allowed?: string;
  type?: string;
}

/** The wrappers of a field's schema peeled off, with what they said. */
interface Peeled {
  base: z.ZodType;
  meta: Documented;
  optional: boolean;
  defaultValue: { value: unknown } | undefined;
}

/** `schema` without optional, default, prefault and pipe wrappers; metadata of outer ones wins. */
function peel(schema: z.ZodType): Peeled {
  const metas: Documented[] = [];
  let current = schema;
  let optional = false;
  let defaultValue: { value: unknown } | undefined;
  for (;;) {
    metas.push((z.globalRegistry.get(current) ?? {}) as Documented);
    if (current instanceof z.ZodOptional) {
      optional = true;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault) {
      defaultValue ??= { value: current.def.defaultValue };
      current = current.def.innerType as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      // Transforms (out) keep the input's shape; a preprocess (in) feeds the real schema (out).
      const { in: input, out } = current.def;
      current = (input instanceof z.ZodTransform ? out : input) as z.ZodType;
    } else break;
  }
  const meta = Object.assign({}, ...metas.reverse()) as Documented;
  return { base: current, meta, optional, defaultValue };
}

/** The fields of an object schema; of every variant, in order, for a discriminated union. */
export function objectFields(schema: z.ZodType): FieldDoc[] | undefined {
  const { base } = peel(schema);
  if (base instanceof z.ZodObject) {
    return Object.entries(base.shape as Record<string, z.ZodType>).map(([name, field]) =>
      fieldDoc(name, field),
    );
  }
  if (base instanceof z.ZodDiscriminatedUnion) {
    return base.options.flatMap((option) => objectFields(option as z.ZodType) ?? []);
  }
  if (base instanceof z.ZodArray) return objectFields(base.element as z.ZodType);
  return undefined;
}

/** The type of `base` as docs name it. */
function typeName(base: z.ZodType, meta: Documented): string {
  if (meta.type) return meta.type;
  if (base instanceof z.ZodString) return "string";
  if (base instanceof z.ZodNumber) return "number";
  if (base instanceof z.ZodBoolean) return "boolean";
  if (base instanceof z.ZodEnum) return base.options.map((v) => `"${String(v)}"`).join(" or ");
  if (base instanceof z.ZodLiteral) return [...base.values].map((v) => `"${String(v)}"`).join();
  if (base instanceof z.ZodRecord) return "object of string to string";
  if (base instanceof z.ZodArray) {
    const item = peel(base.element as z.ZodType);
    return item.base instanceof z.ZodObject
      ? "list of objects"
      : `list of ${typeName(item.base, item.meta)}s`;
  }
  return "object";
}

/** What the schema says about the field `name`. */
export function fieldDoc(name: string, schema: z.ZodType): FieldDoc {
  const { base, meta, optional, defaultValue } = peel(schema);
  const shown =
    meta.default ??
    (defaultValue === undefined ? undefined : `\`${JSON.stringify(defaultValue.value)}\``);
  return {
    name,
    type: typeName(base, meta),
    required: !optional && defaultValue === undefined && meta.default === undefined,
    default: shown ?? (optional ? "none" : undefined),
    allowed: meta.allowed,
    description: meta.description,
    fields: objectFields(schema),
  };
}

/**
 * The doc comment of a field as a component argument states it: the description, the range, and
 * `Defaults to <default>.` or `Required.`.
 */
export function argumentDoc(field: FieldDoc): string {
  const allowed = field.allowed === undefined ? "" : ` Allowed: ${field.allowed}.`;
  const tail = field.required ? "Required." : `Defaults to ${field.default}.`;
  return `${field.description ?? ""}${allowed} ${tail}`;
}

/** Every field below `fields`, with its path (`keyGroups[].baseline.bandWidth`). */
export function allFields(fields: FieldDoc[], prefix = ""): { path: string; field: FieldDoc }[] {
  return fields.flatMap((field) => {
    const path = `${prefix}${field.name}`;
    const list = field.type === "list of objects" ? "[]" : "";
    return [{ path, field }, ...allFields(field.fields ?? [], `${path}${list}.`)];
  });
}
