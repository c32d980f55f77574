/**
 * What the analyzer must read from the argument interfaces that restate the config schema
 * (KmsMonitoringStack's args, components/organization/stack-args.ts, NotificationTargets), derived
 * from the zod schema itself: field names, optionality, types and doc comments. TypeScript
 * programs use these interfaces; other languages get the config schema directly (schema.json,
 * tools/schema/stack-types.ts). Comparing the interfaces with this keeps the TypeScript copy from
 * drifting.
 */
import { z } from "zod";

import { documentedSchemas } from "../../components/config/docs-tables";
import { argumentDoc, objectFields, type FieldDoc } from "../../components/config/field-docs";

/** A type as the analyzer test spells it, and each field's doc comment. */
export interface ArgumentType {
  shape: Record<string, string>;
  docs: Record<string, string>;
}

/** The argument type names that stand for the schema's nested objects, by field name. */
const NESTED: Record<string, string> = {
  trail: "StackTrail",
  notifications: "AlertRouting",
  security: "AlertTargets",
  notify: "AlertRouting",
  critical: "AlertTargets",
  baseline: "KeyGroupBaseline",
  usageBaseline: "StackUsageBaseline",
  keyGroups: "KeyGroup[]",
  mode: "TrailMode",
  organization: "StackOrganization",
  members: "OrganizationMember[]",
  rollout: "StackSetRollout",
};

/**
 * The fields of KmsMonitoringStack's arguments that accept Outputs (README "Outputs, unknowns and
 * secrets"): the string items of key, alias and target lists, a group's description and the
 * existing trail's names. Every other field is plain: it shapes the plan.
 */
const OUTPUT_ITEMS = ["keys", "importedKeys", "aliases", "emails", "https", "sqs", "lambda"];
const OUTPUT_STRINGS = ["description", "logGroupName", "trailArn"];

/** The TypeScript spelling of a schema field's type (`inputs`: as an argument, not the model). */
function spelling(field: FieldDoc, inputs = true): string {
  if (field.name in NESTED) return NESTED[field.name];
  if (inputs && OUTPUT_ITEMS.includes(field.name)) return "Input<string>[]";
  if (inputs && OUTPUT_STRINGS.includes(field.name)) return "Input<string>";
  const types: Record<string, string> = {
    string: "string",
    number: "number",
    integer: "number",
    boolean: "boolean",
    "list of strings": "string[]",
    "object of string to string": "Record<string, string>",
  };
  // An enum of words (`"group" or "key"`): the interface takes a string the config checks.
  if (/^"[^"]+"((, | or )"[^"]+")+$/.test(field.type)) return "string";
  return types[field.type] ?? `unmapped schema type ${field.type}`;
}

/** Collapses whitespace, as doc comments wrap. */
export function normalized(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

type Optionality = "schema" | "all optional" | "all required";

function argumentType(
  fields: FieldDoc[],
  optionality: Optionality,
  skipDocs: string[] = [],
  inputs = true,
) {
  const unique = fields.filter((f, i) => fields.findIndex((g) => g.name === f.name) === i);
  const optional = (f: FieldDoc) =>
    optionality === "all optional" || (optionality === "schema" && !f.required);
  return {
    shape: Object.fromEntries(
      unique.map((f) => [
        optional(f) && optionality !== "all required" ? `${f.name}?` : f.name,
        spelling(f, inputs),
      ]),
    ),
    docs: Object.fromEntries(
      unique.filter((f) => !skipDocs.includes(f.name)).map((f) => [f.name, argumentDoc(f)]),
    ),
  };
}

const fieldsOf = (schema: z.ZodType) => objectFields(schema) ?? [];

/** The fields of the object field `name` among `fields` (of its items, for a list). */
function nestedFields(fields: FieldDoc[], name: string): FieldDoc[] {
  const field = fields.find((f) => f.name === name);
  if (!field?.fields) throw new Error(`schema field ${name} has no fields`);
  return field.fields;
}

/** Each argument type that restates a schema object, as the analyzer must report it. */
export function expectedArgumentTypes(): Record<string, ArgumentType> {
  const schemas = documentedSchemas();
  return {
    // The trail's mode is the TrailMode enum, documented once for all modes.
    StackTrail: argumentType(fieldsOf(schemas.trail), "all optional", ["mode"]),
    AlertTargets: argumentType(fieldsOf(schemas.targets), "schema"),
    AlertRouting: argumentType(fieldsOf(schemas.routing), "schema"),
    KeyGroup: argumentType(fieldsOf(schemas.keyGroup), "schema"),
    KeyGroupBaseline: argumentType(fieldsOf(schemas.baseline), "schema"),
    StackUsageBaseline: argumentType(fieldsOf(schemas.usageBaseline), "schema"),
    StackOrganization: argumentType(fieldsOf(schemas.organization), "schema"),
    OrganizationMember: argumentType(
      nestedFields(fieldsOf(schemas.organization), "members"),
      "schema",
    ),
    StackSetRollout: argumentType(
      nestedFields(fieldsOf(schemas.organization), "rollout"),
      "schema",
    ),
    // The model's targets: every list filled.
    NotificationTargets: argumentType(fieldsOf(schemas.targets), "all required", [], false),
  };
}

/** KmsMonitoringStack's inputs but `region` (the stack's, not a config key): their docs. */
export function expectedStackInputDocs(): Record<string, string> {
  return argumentType(fieldsOf(documentedSchemas().keys), "schema").docs;
}
