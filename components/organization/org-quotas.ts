/**
 * The organization's quotas: the hub bus policy's size (one statement, however many accounts),
 * the StackSet template's size, its instances and OUs, and the source accounts of a sink.
 */
import { AWS_LIMITS } from "../core/limits";
import type { OrganizationPlan } from "./org-plan";

/** One quota's use, as monitoring/quotas.ts reports it. */
export interface OrganizationQuotaUsage {
  name: string;
  used: number;
  limit: number;
  ok: boolean;
}

const usage = (name: string, used: number, limit: number): OrganizationQuotaUsage => ({
  name,
  used,
  limit,
  ok: used <= limit,
});

/**
 * The quota rows of an organization plan. `accounts` is how many member accounts to count (the
 * members list by default; the OUs may hold more, which only a deployment knows).
 */
export function organizationQuotas(
  plan: OrganizationPlan,
  accounts = plan.members.reduce((set, m) => set.add(m.accountId), new Set<string>()).size,
): OrganizationQuotaUsage[] {
  const policyLength = Math.max(...plan.hubRegions.map((h) => JSON.stringify(h.busPolicy).length));
  const { stackSet } = plan;
  return [
    usage("Hub bus policy (characters)", policyLength, AWS_LIMITS.eventBusPolicyLength),
    usage("Member template (bytes)", stackSet.templateBytes, AWS_LIMITS.templateBodyBytes),
    usage(
      "StackSet instances (member accounts x regions)",
      accounts * stackSet.regions.length,
      AWS_LIMITS.stackInstancesPerStackSet,
    ),
    usage(
      "OUs in one StackSet operation",
      stackSet.organizationalUnits.length,
      AWS_LIMITS.organizationalUnitsPerOperation,
    ),
    usage("Accounts linked to one hub sink", accounts, AWS_LIMITS.sourceAccountsPerSink),
  ];
}
