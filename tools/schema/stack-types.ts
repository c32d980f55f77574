/**
 * KmsMonitoringStack's inputs and the types they reach, read from the config schema
 * (components/config/schema.ts, trail-schema.ts) through field-docs.ts: every field's name, type
 * (integer or number), optionality, range, default and description comes from its one owner.
 * Which inputs take Outputs comes from the runtime's plain rule (components/inputs/plain-rule.ts).
 */
import { documentedSchemas } from "../../components/config/docs-tables";
import { argumentDoc, objectFields, type FieldDoc } from "../../components/config/field-docs";
import { acceptsOutput } from "../../components/inputs/plain-rule";
import { ref, type ObjectTypeSpec, type PropertySpec } from "./spec";

/** The schema type of each object field, by field name. */
const NESTED: Record<string, string> = {
  trail: "StackTrail",
  notifications: "AlertRouting",
  notify: "AlertRouting",
  security: "NotificationTargets",
  critical: "NotificationTargets",
  keyGroups: "KeyGroup",
  baseline: "KeyGroupBaseline",
  usageBaseline: "StackUsageBaseline",
  organization: "StackOrganization",
  members: "OrganizationMember",
  rollout: "StackSetRollout",
};

/** The enum type of each field whose values are a fixed list of strings, by field name. */
const ENUMS: Record<string, { name: string; description: string }> = {
  level: { name: "BaselineLevel", description: "What one anomaly band of a key group reads." },
  callAs: { name: "StackSetCallAs", description: "Which account the StackSet is managed from." },
  concurrencyMode: {
    name: "StackSetConcurrencyMode",
    description: "How the StackSet rollout counts failures against its concurrency.",
  },
  regionConcurrency: {
    name: "StackSetRegionConcurrency",
    description: "Whether the StackSet rolls out to its regions one at a time or in parallel.",
  },
};

/** The values of a field typed as `"a" or "b"` (field-docs' spelling of a string enum). */
function enumValues(type: string): string[] | undefined {
  const values = type.split(/, | or /).map((v) => v.trim());
  return values.every((v) => /^"[^"]+"$/.test(v)) ? values.map((v) => v.slice(1, -1)) : undefined;
}

/** PascalCase name of an enum value, as the SDKs spell members. */
function memberName(value: string): string {
  return value
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
}

/** The enum of the trail's `mode` (the one the analyzer reads from TrailMode in model.ts). */
export const TRAIL_MODE_TYPE = "TrailMode";

/** What each type is, for the SDKs' doc comments. */
export const STACK_TYPE_DESCRIPTIONS: Record<string, string> = {
  StackTrail:
    "How the stack gets its CloudTrail feed (`kms-monitoring:trail`): `mode` picks which other fields apply.",
  AlertRouting:
    "Severity routing (`kms-monitoring:notifications`, a key group's `notify`): default targets and an optional critical override.",
  NotificationTargets:
    "Where alerts go: e-mail addresses, HTTPS URLs, SQS queue ARNs and Lambda function ARNs; a missing list is empty.",
  KeyGroup:
    "One team's or application's keys, watched together and alerting the same people (`kms-monitoring:keyGroups[]`).",
  KeyGroupBaseline: "Anomaly-detection alarm on a key group's data-plane use.",
  StackUsageBaseline:
    "The stack's baseline of normal use (`kms-monitoring:usageBaseline`): anomaly bands on the account's KMS requests per region and request quota.",
  StackOrganization:
    "Makes the stack the hub of an AWS Organization (`kms-monitoring:organization`): members' KMS events and metrics reach it, a StackSet sets the members up.",
  StackSetRollout:
    "How the member StackSet rolls out (`kms-monitoring:organization.rollout`): concurrency and failure tolerance.",
  OrganizationMember:
    "A member account whose keys the key groups list, with the regions its keys are in (`kms-monitoring:organization.members[]`).",
};

/** The schema built so far: types by name. */
type Types = Record<string, ObjectTypeSpec>;

const PRIMITIVES: Record<string, PropertySpec["type"]> = {
  string: "string",
  integer: "integer",
  number: "number",
  boolean: "boolean",
};

/** The property of `field` at config path `path`; adds the object types it reaches to `types`. */
function property(field: FieldDoc, path: string, types: Types): PropertySpec {
  const description = argumentDoc(field);
  const nested = NESTED[field.name];
  if (field.type in PRIMITIVES) {
    const type = PRIMITIVES[field.type];
    return { type, ...(acceptsOutput(path) ? {} : { plain: true }), description };
  }
  const values = enumValues(field.type);
  if (values) {
    const spec = ENUMS[field.name];
    if (!spec) throw new Error(`schema generator: config field ${path} has no enum type name`);
    types[spec.name] = {
      type: "string",
      description: spec.description,
      enum: values.map((value) => ({ name: memberName(value), value })),
    };
    return { $ref: ref(spec.name), plain: true, description };
  }
  if (field.type === "list of strings") {
    const items = {
      type: "string" as const,
      ...(acceptsOutput(`${path}[]`) ? {} : { plain: true }),
    };
    return { type: "array", items, plain: true, description };
  }
  if (field.type === "object of string to string") {
    return {
      type: "object",
      additionalProperties: { type: "string", plain: true },
      plain: true,
      description,
    };
  }
  if (nested && field.type === "list of objects") {
    objectType(nested, field.fields ?? [], `${path}[].`, types);
    return { type: "array", items: { $ref: ref(nested), plain: true }, plain: true, description };
  }
  if (nested && field.type === "object") {
    if (nested === "StackTrail") trailType(field.fields ?? [], types);
    else objectType(nested, field.fields ?? [], `${path}.`, types);
    return { $ref: ref(nested), plain: true, description };
  }
  throw new Error(
    `schema generator: config field ${path} of type "${field.type}" has no schema type`,
  );
}

/**
 * Adds the object type `name` with `fields` (at config path `prefix`) to `types`, once. A type
 * reached again at another path (AlertRouting is `notifications` and a group's `notify`) must take
 * Outputs in the same fields there, as one schema type cannot say both.
 */
function objectType(name: string, fields: FieldDoc[], prefix: string, types: Types): void {
  const known = types[name];
  if (known && !known.properties) return; // being built: a type reaching itself
  if (!known) types[name] = { type: "object", description: STACK_TYPE_DESCRIPTIONS[name] };
  const properties = Object.fromEntries(
    fields.map((f) => [f.name, property(f, `${prefix}${f.name}`, types)]),
  );
  if (known) {
    if (JSON.stringify(known.properties) === JSON.stringify(properties)) return;
    throw new Error(
      `schema generator: ${name} at ${prefix.slice(0, -1)} takes Outputs in other fields than elsewhere (components/inputs/plain-rule.ts)`,
    );
  }
  const required = fields.filter((f) => f.required).map((f) => f.name);
  types[name] = {
    ...types[name],
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
}

/**
 * StackTrail: the fields of every trail mode in one object, all optional (the mode decides which
 * apply); each says which mode it belongs to, as the parser refuses it under another.
 */
function trailType(union: FieldDoc[], types: Types): void {
  const modeIndexes = union.flatMap((f, i) => (f.name === "mode" ? [i] : []));
  const variants = modeIndexes.map((start, i) => union.slice(start, modeIndexes[i + 1]));
  const modeDocs = variants.map((v) => v[0].description ?? "").join(" ");
  const properties: Record<string, PropertySpec> = {
    mode: {
      $ref: ref(TRAIL_MODE_TYPE),
      plain: true,
      description: `${modeDocs} Defaults to \`"create"\`.`,
    },
  };
  for (const [mode, ...fields] of variants) {
    for (const f of fields) {
      const p = property(f, `trail.${f.name}`, types);
      const description = f.required
        ? p.description!.replace(/ Required\.$/, ` Required with mode ${mode.type}.`)
        : `${p.description} Only with mode ${mode.type}.`;
      properties[f.name] = { ...p, description };
    }
  }
  types.StackTrail = {
    type: "object",
    description: STACK_TYPE_DESCRIPTIONS.StackTrail,
    properties,
  };
}

/** KmsMonitoringStack's inputs from the config keys, and the types they reach. */
export function stackInputs(): {
  inputProperties: Record<string, PropertySpec>;
  requiredInputs: string[];
  types: Types;
} {
  const types: Types = {};
  const keys = objectFields(documentedSchemas().keys) ?? [];
  const inputProperties = Object.fromEntries(keys.map((f) => [f.name, property(f, f.name, types)]));
  return {
    inputProperties,
    requiredInputs: keys.filter((f) => f.required).map((f) => f.name),
    types,
  };
}
