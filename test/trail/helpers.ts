/** Shared fixtures of the KmsAuditTrail tests: the fake account and a compact resource view. */
import { MockRun, RecordedResource } from "../harness/mock-runtime";

/** `type name <- parent name` for every resource, in a stable (sorted) order. */
export function summary(run: MockRun<unknown>): string[] {
  const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
  return run.resources
    .map(
      (r) =>
        `${r.type} ${r.name} <- ${r.parent ? (byUrn.get(r.parent)?.name ?? r.parent) : "(root)"}`,
    )
    .sort();
}

/** Names of the resources registered with retainOnDelete / protect set. */
export function optionsOf(
  run: MockRun<unknown>,
): Record<string, { retain: boolean; protect: boolean }> {
  const options: Record<string, { retain: boolean; protect: boolean }> = {};
  for (const r of run.resources) options[r.name] = { retain: r.retainOnDelete, protect: r.protect };
  return options;
}

/** The inputs of a resource with its JSON policy fields parsed. */
export function parsedInputs(resource: RecordedResource): Record<string, unknown> {
  const inputs: Record<string, unknown> = { ...resource.inputs };
  for (const field of ["policy", "assumeRolePolicy"]) {
    if (typeof inputs[field] === "string") inputs[field] = JSON.parse(inputs[field] as string);
  }
  return inputs;
}
