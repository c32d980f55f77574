/** The plan tool's organization section: the hub, the member StackSet and the coverage. */
import { unselectedMembers, type OrganizationPlan } from "../../components/organization/org-plan";

/** The organization part of a plan, as text; undefined for a one-account stack. */
export function organizationSection(plan: OrganizationPlan | undefined): string | undefined {
  if (!plan) return undefined;
  const { stackSet } = plan;
  const prefs = stackSet.operationPreferences;
  const lines = [
    `Organization ${plan.organizationId}, hub account ${plan.hubAccountId}`,
    `Hub per region (${plan.hubRegions.map((h) => h.region).join(", ")}): bus and OAM sink ` +
      `${plan.hubRegions[0]?.busName} admitting only the organization (aws:PrincipalOrgID), ` +
      `rules ${plan.hubRegions[0]?.newKeyRules.map((r) => r.name).join(", ")} ` +
      "(key creation in a member -> security)",
    `StackSet ${stackSet.name}: ${stackSet.permissionModel}, callAs ${stackSet.callAs}, ` +
      `auto-deployment to OUs ${stackSet.organizationalUnits.join(", ")} in ${stackSet.regions.join(", ")}`,
    `  rollout: ${prefs.maxConcurrentPercentage}% of accounts at once, ` +
      `${prefs.failureTolerancePercentage}% may fail, ${prefs.concurrencyMode}, regions ${prefs.regionConcurrencyType}`,
    `  template: ${stackSet.templateSummary} (CloudFormation takes 51,200)`,
    "  never deployed to the management account: deploy the template there as a stack if its keys matter",
    "Members:",
    ...plan.members.map(
      (m) =>
        `  ${m.accountId} ${m.region}: ${m.groups.length > 0 ? m.groups.join(", ") : "no group selects its keys"}`,
    ),
  ];
  const unselected = unselectedMembers(plan);
  if (unselected.length > 0) {
    lines.push(
      `Keys no group selects (new keys still reach security): ${unselected
        .map((m) => `${m.accountId} ${m.region}`)
        .join(", ")}`,
    );
  }
  return lines.join("\n");
}
