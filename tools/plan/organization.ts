/** The plan tool's organization section: the hub, the member StackSet and the coverage. */
import type { AlarmSpec } from "../../components/alarms/spec";
import { unselectedMembers, type OrganizationPlan } from "../../components/organization/org-plan";

const usd = (amount: number) => `$${amount.toFixed(2)}`;

/** "3 request-quota alarms (kmsmon-sec-member-quota-*), $0.30": what each member region holds. */
function memberAlarmsSummary(alarms: readonly AlarmSpec[]): string {
  const names = alarms.map((a) => a.name).join(", ");
  const cost = alarms.reduce((sum, a) => sum + a.monthlyCostUsd, 0);
  return `${alarms.length} (${names}), ${usd(cost)} a month, sent to the hub in ALARM`;
}

/** The organization part of a plan, as text; undefined for a one-account stack. */
export function organizationSection(plan: OrganizationPlan | undefined): string | undefined {
  if (!plan) return undefined;
  const { stackSet } = plan;
  const prefs = stackSet.operationPreferences;
  const accounts = [...new Set(plan.members.map((m) => m.accountId))];
  const lines = [
    `Organization ${plan.organizationId}, hub account ${plan.hubAccountId}`,
    `Hub per region (${plan.hubRegions.map((h) => h.region).join(", ")}): bus and OAM sink ` +
      `${plan.hubRegions[0]?.busName} admitting only the organization (aws:PrincipalOrgID), ` +
      `rules ${plan.hubRegions[0]?.newKeyRules.map((r) => r.name).join(", ")} ` +
      `(key creation in a member -> security), ${plan.hubRegions[0]?.memberAlarmRule.name} ` +
      "(members' own alarms -> security)",
    `StackSet ${stackSet.name}: ${stackSet.permissionModel}, callAs ${stackSet.callAs}, ` +
      `auto-deployment to OUs ${stackSet.organizationalUnits.join(", ")} in ${stackSet.regions.join(", ")}`,
    `  rollout: ${prefs.maxConcurrentPercentage}% of accounts at once, ` +
      `${prefs.failureTolerancePercentage}% may fail, ${prefs.concurrencyMode}, regions ${prefs.regionConcurrencyType}`,
    `  template: ${stackSet.templateSummary} (CloudFormation takes 51,200)`,
    "  never deployed to the management account: deploy the template there as a stack if its keys matter",
    `  each member's alarms per region: ${memberAlarmsSummary(stackSet.memberAlarms)}`,
    `Monthly cost: every account of the OUs pays ${usd(stackSet.memberMonthlyCostUsd)} ` +
      `(${usd(stackSet.memberMonthlyCostUsdPerRegion)} in each of ${stackSet.regions.length} regions), ` +
      `the ${accounts.length} listed ${usd(stackSet.memberMonthlyCostUsd * accounts.length)} (unlisted accounts of the OUs pay the same); ` +
      `the hub's StackSet, buses, sinks and rules ${usd(stackSet.monthlyCostUsd)} (its alarms are in the cost table)`,
    "Members:",
    ...plan.members.map(
      (m) =>
        `  ${m.name === undefined ? m.accountId : `${m.name} (${m.accountId})`} ${m.region}: ` +
        (m.groups.length > 0 ? m.groups.join(", ") : "no group selects its keys"),
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
