/**
 * The package schema other languages get (schema.json, `npm run schema`): the analyzer's view of
 * the components' argument interfaces (analyzed.ts), with KmsMonitoringStack's inputs taken from
 * the config schema (stack-types.ts) and what interfaces cannot say added: whole numbers as
 * `integer`, one type per concept under a name that generates no `...ArgsArgs`, a description on
 * every type. It refuses to produce a schema with an undescribed type or property.
 */
import { documentedSchemas } from "../../components/config/docs-tables";
import { objectFields } from "../../components/config/field-docs";
import { analyzedSchema } from "./analyzed";
import { refName, ref, token, type PackageSchema, type PropertySpec, type TypeSpec } from "./spec";
import { STACK_TYPE_DESCRIPTIONS, stackInputs, TRAIL_MODE_TYPE } from "./stack-types";

/**
 * Schema names of the interfaces whose own names read badly in other languages: SDKs append `Args`
 * to input types (FailureAlarmArgs would become FailureAlarmArgsArgs), and KmsAuditTrail's mode is
 * the stack's TrailMode under an alias.
 */
const TYPE_NAMES: Record<string, string> = {
  AuditTrailMode: TRAIL_MODE_TYPE,
  FailureAlarmArgs: "FailureAlarm",
};

/** Descriptions of the types the analyzer reads (it reads none). */
const TYPE_DESCRIPTIONS: Record<string, string> = {
  ...STACK_TYPE_DESCRIPTIONS,
  [TRAIL_MODE_TYPE]: "How the stack gets its CloudTrail feed.",
  FailureAlarm: "A per-topic alarm on the topic's `NumberOfNotificationsFailed` metric.",
  PublisherArnPatterns:
    "ArnLike patterns of the alarms, rules and topics that may publish to a region's alert topics.",
};

/** Whole-number inputs and outputs of the other components, by component: `number` in TypeScript. */
function integerFields(): Record<string, string[]> {
  // KmsAuditTrail's lifecycle fields are the trail config's, which the config schema types.
  const trailIntegers = (objectFields(documentedSchemas().trail) ?? [])
    .filter((f) => f.type === "integer")
    .map((f) => f.name);
  return {
    KmsAuditTrail: trailIntegers,
    TamperAlarms: ["silenceHours"], // whole hours (checkInteger in tamper-alarms.ts)
    AlertTopic: ["subscriptionCount"],
  };
}

/**
 * The inputs of other components that take notification targets: they get the config schema's
 * NotificationTargets (lists optional, their items Outputs), whatever their interface is named.
 */
const TARGET_INPUTS: Record<string, string> = {
  AlertTopic: "targets",
  RegionAlerting: "securityTargets",
};

function withTargets(
  component: string,
  inputs: Record<string, PropertySpec> | undefined,
): Record<string, PropertySpec> | undefined {
  const name = TARGET_INPUTS[component];
  if (!name) return inputs;
  if (!inputs?.[name]) throw new Error(`${component} has no input ${name}`);
  const { description } = inputs[name];
  return { ...inputs, [name]: { $ref: ref("NotificationTargets"), plain: true, description } };
}

/** Every type reference below `spec`, renamed. */
function renamed<T extends TypeSpec>(spec: T): T {
  const out: T = { ...spec };
  if (spec.$ref) {
    const name = refName(spec.$ref);
    if (name && TYPE_NAMES[name]) out.$ref = ref(TYPE_NAMES[name]);
  }
  if (spec.items) out.items = renamed(spec.items);
  if (spec.additionalProperties) out.additionalProperties = renamed(spec.additionalProperties);
  return out;
}

function mapProperties(
  properties: Record<string, PropertySpec> | undefined,
  f: (name: string, p: PropertySpec) => PropertySpec,
): Record<string, PropertySpec> | undefined {
  return properties && Object.fromEntries(Object.entries(properties).map(([n, p]) => [n, f(n, p)]));
}

/** The names of the types reachable from the components. */
function reachable(schema: PackageSchema): Set<string> {
  const seen = new Set<string>();
  const visit = (spec: TypeSpec | undefined): void => {
    if (!spec) return;
    const name = spec.$ref && refName(spec.$ref);
    if (name && !seen.has(name)) {
      seen.add(name);
      Object.values(schema.types[token(name)]?.properties ?? {}).forEach(visit);
    }
    visit(spec.items);
    visit(spec.additionalProperties);
  };
  for (const r of Object.values(schema.resources)) {
    Object.values({ ...r.inputProperties, ...r.properties }).forEach(visit);
  }
  return seen;
}

/** Why the schema would read badly in some language; empty when it reads well. */
export function schemaProblems(schema: PackageSchema): string[] {
  const problems: string[] = [];
  const undescribed = (where: string, props: Record<string, PropertySpec> | undefined) =>
    Object.entries(props ?? {})
      .filter(([, p]) => !p.description)
      .forEach(([n]) => problems.push(`${where}.${n} has no description`));
  for (const [t, r] of Object.entries(schema.resources)) {
    if (!r.description) problems.push(`${t} has no description`);
    undescribed(t, r.inputProperties);
    undescribed(t, r.properties);
  }
  const enums = new Map<string, string>();
  for (const [t, type] of Object.entries(schema.types)) {
    if (!type.description) problems.push(`${t} has no description`);
    if (/Args$/.test(t)) problems.push(`${t} ends with Args (SDKs would generate ${t}Args)`);
    undescribed(t, type.properties);
    const values = JSON.stringify(type.enum?.map((e) => e.value).sort());
    if (type.enum && enums.has(values)) problems.push(`${t} repeats the enum ${enums.get(values)}`);
    if (type.enum) enums.set(values, t);
  }
  return problems;
}

/** The package schema, from the analyzer's and the config schema's. */
export function packageSchema(analyzed: PackageSchema = analyzedSchema()): PackageSchema {
  const integers = integerFields();
  const stack = stackInputs();
  const resources = Object.fromEntries(
    Object.entries(analyzed.resources).map(([t, r]) => {
      const component = t.split(":")[2];
      const integer = (name: string, p: PropertySpec): PropertySpec => {
        const whole = integers[component]?.includes(name);
        if (whole && p.type !== "number") throw new Error(`${t}.${name} is not a number`);
        return renamed(whole ? { ...p, type: "integer" } : p);
      };
      const inputs =
        component === "KmsMonitoringStack"
          ? {
              environment: stack.inputProperties.environment,
              // Not a config key: the stack's aws:region. Plain, as it picks the providers.
              region: { ...r.inputProperties!.region, plain: true },
              ...stack.inputProperties,
            }
          : withTargets(component, r.inputProperties);
      return [
        t,
        {
          ...r,
          inputProperties: mapProperties(inputs, integer),
          ...(component === "KmsMonitoringStack" ? { requiredInputs: stack.requiredInputs } : {}),
          properties: mapProperties(r.properties, integer),
        },
      ];
    }),
  );
  const types = { ...analyzed.types };
  for (const [from, to] of Object.entries(TYPE_NAMES)) {
    const source = types[token(from)];
    if (!source) continue;
    delete types[token(from)];
    const existing = types[token(to)];
    if (existing && JSON.stringify(existing.enum) !== JSON.stringify(source.enum)) {
      throw new Error(`${from} and ${to} differ; they cannot be one type`);
    }
    types[token(to)] = source;
  }
  for (const [name, type] of Object.entries(stack.types)) types[token(name)] = type;
  const language = {
    ...analyzed.language,
    // Python programs may pass plain dicts (as examples/python does), typed as TypedDicts.
    python: { respectSchemaVersion: true, inputTypes: "classes-and-dicts" },
  };
  const schema: PackageSchema = { ...analyzed, language, resources, types: {} };
  const used = reachable({ ...schema, types });
  schema.types = Object.fromEntries(
    Object.keys(types)
      .filter((t) => used.has(t.split(":")[2]))
      .sort()
      .map((t) => {
        const type = types[t];
        const description = type.description ?? TYPE_DESCRIPTIONS[t.split(":")[2]];
        const properties = mapProperties(type.properties, (_, p) => renamed(p));
        return [t, { ...type, description, ...(properties ? { properties } : {}) }];
      }),
  );
  const problems = schemaProblems(schema);
  if (problems.length > 0)
    throw new Error(`the package schema reads badly:\n${problems.join("\n")}`);
  // As JSON: without the fields the analyzer leaves undefined (schema.json cannot hold them).
  return JSON.parse(JSON.stringify(schema)) as PackageSchema;
}
