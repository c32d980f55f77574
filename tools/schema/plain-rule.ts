/**
 * Which of KmsMonitoringStack's inputs take Outputs in other languages, by config path
 * (docs/CONFIG.md). Lists and maps are plain: their length shapes the plan (one rule, alarm or
 * subscription per item). Strings that only feed resource inputs take Outputs: the key ARNs and
 * aliases of keys created in the same program, secret pager URLs, a log group another stack
 * exports. Everything else is plain because the plan reads it before any resource exists: names
 * (in every resource name), environment, region (picks providers), modes, numbers, booleans and
 * tags (they select keys and set prices). The run-time side is kms-monitoring-stack.ts and
 * components/alerts/; test/package/schema-shape.test.ts holds the schema to this list.
 */
import { targetsSchema } from "../../components/config/schema";
import { objectFields } from "../../components/config/field-docs";

/** The target lists (`emails`, `https`, `sqs`, `lambda`), wherever they occur. */
export const TARGET_LISTS: readonly string[] = (
  objectFields(targetsSchema({ region: undefined, partition: undefined })) ?? []
).map((f) => f.name);

/** Strings that take an Output. */
export const OUTPUT_VALUES: readonly string[] = [
  "trail.logGroupName",
  "trail.trailArn",
  "keyGroups[].description",
];

/** Lists whose items take Outputs (the lists themselves are plain). */
export const OUTPUT_ITEMS: readonly string[] = [
  "keyGroups[].keys",
  "keyGroups[].importedKeys",
  "keyGroups[].aliases",
];

/** Whether the string at `path` takes an Output. */
export function takesOutput(path: string): boolean {
  return OUTPUT_VALUES.includes(path);
}

/** Whether the items of the list at `path` take Outputs: `name` is its last field name. */
export function itemsTakeOutputs(path: string, name: string): boolean {
  return OUTPUT_ITEMS.includes(path) || TARGET_LISTS.includes(name);
}
