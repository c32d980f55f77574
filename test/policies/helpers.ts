/** Shared builders of the policy tests: URNs, hand-built resources, and single-policy runs. */
import type { Policies } from "@pulumi/policy";
import {
  OfflineOptions,
  OfflineResource,
  PolicyViolation,
  runPoliciesOffline,
} from "../../policies/offline";

/** Our facade and group component types, as URN ancestors. */
export const MONITORING = "kms-monitoring:index:KmsMonitoring";
export const GROUP = "kms-monitoring:index:KeyGroupMonitor";

/** A URN in stack "dev" of project "app", under `ancestors` (outermost first). */
export function urnOf(type: string, name: string, ancestors: string[] = []): string {
  return `urn:pulumi:dev::app::${[...ancestors, type].join("$")}::${name}`;
}

/** A resource at the stack root (not ours). */
export function resource(
  type: string,
  name: string,
  inputs: Record<string, any>,
  extra: Partial<OfflineResource> = {},
): OfflineResource {
  return { type, name, urn: urnOf(type, name), inputs, ...extra };
}

/** A resource under our KmsMonitoring component (ours by URN). */
export function ours(
  type: string,
  name: string,
  inputs: Record<string, any>,
  extra: Partial<OfflineResource> = {},
): OfflineResource {
  return {
    type,
    name,
    urn: urnOf(type, name, [MONITORING]),
    parent: urnOf(MONITORING, "kms"),
    inputs,
    ...extra,
  };
}

/** Our KmsMonitoring component itself. */
export function monitoring(): OfflineResource {
  return { type: MONITORING, name: "kms", urn: urnOf(MONITORING, "kms"), inputs: {} };
}

/** Runs one policy on `resources`. */
export function runOne(
  policy: Policies[number],
  resources: OfflineResource[],
  options: Omit<OfflineOptions, "policies"> = {},
): Promise<PolicyViolation[]> {
  return runPoliciesOffline(resources, { ...options, policies: [policy] });
}

/** The messages one policy reports on `resources`. */
export async function messagesOf(
  policy: Policies[number],
  resources: OfflineResource[],
  options: Omit<OfflineOptions, "policies"> = {},
): Promise<string[]> {
  return (await runOne(policy, resources, options)).map((v) => v.message);
}
