/**
 * The policy pack, run offline on the registered resources: what `pulumi preview --policy-pack`
 * would report for the planned stack.
 */
import { readFileSync } from "fs";
import {
  OfflineResource,
  PackConfig,
  PolicyViolation,
  runPoliciesOffline,
} from "../../policies/offline";
import type { RecordedResource } from "../mock-runtime/mock-runtime";
import { UsageError } from "./args";

export type { PolicyViolation };

/** A recorded resource as the policies see it: inputs (resource policies), state (stack ones). */
function offlineResource(r: RecordedResource): OfflineResource {
  return {
    type: r.type,
    name: r.name,
    urn: r.urn,
    parent: r.parent,
    inputs: r.inputs,
    outputs: r.state,
    dependencies: r.dependencies,
    propertyDependencies: r.propertyDependencies,
    protect: r.protect,
  };
}

/** Reads a `--policy-pack-config` style JSON file; a bad file is a UsageError. */
export function loadPolicyConfig(file: string): PackConfig {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as PackConfig;
  } catch (error) {
    throw new UsageError(
      `--policy-config: cannot read ${file} as JSON: ${(error as Error).message}`,
    );
  }
}

/** Runs the pack on `resources`; a config the pack refuses is a UsageError. */
export async function checkPolicies(
  resources: readonly RecordedResource[],
  config?: PackConfig,
): Promise<PolicyViolation[]> {
  try {
    return await runPoliciesOffline(resources.map(offlineResource), { config });
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith("policy config:")) throw new UsageError(message);
    throw error;
  }
}

/** True when any violation is mandatory (the deploy would be stopped). */
export function hasMandatory(violations: readonly PolicyViolation[]): boolean {
  return violations.some((v) => v.level === "mandatory");
}
