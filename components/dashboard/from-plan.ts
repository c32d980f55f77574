/**
 * The dashboard's input from what the facade already has (the stack plan, the resolved groups,
 * the account), so alarm names and regions come from the same plans that create the alarms.
 */
import { DEFAULTS } from "../config/constants";
import type { ResolvedKeyGroup } from "../groups/resolved";
import type { StackPlan } from "../monitoring/stack-plan";
import { planBaselineAlarms } from "../watchers/baseline-plan";
import { planQuotaAlarms } from "../watchers/quota-plan";
import type { DashboardGroup, DashboardInput } from "./input";

/**
 * Each group's section input: its keys, its expiry and baseline alarms, and the baseline's band
 * width when the baseline is enabled.
 */
export function dashboardGroups(
  plan: Pick<StackPlan, "groups" | "environment">,
  groups: readonly ResolvedKeyGroup[],
): DashboardGroup[] {
  return groups.map((group) => {
    const expiry = plan.groups.find((p) => p.name === group.model.name)?.expiryAlarms ?? [];
    const baseline = planBaselineAlarms(group, plan.environment);
    return {
      name: group.model.name,
      keys: group.keys,
      alarms: [...expiry, ...baseline].map((a) => ({ name: a.name, region: a.region })),
      expiryKeyArns: expiry.map((a) => a.keyArn),
      anomalyBandWidth: group.model.baseline.enabled ? group.model.baseline.bandWidth : undefined,
    };
  });
}

/**
 * The whole dashboard input of a stack.
 *
 * @param plan - the stack plan (planStack): environment, regions, expiry alarms per group.
 * @param groups - the groups with their keys resolved, in the order of their sections.
 * @param accountId - the account the stack deploys to.
 * @param partition - its partition. Defaults to "aws".
 * @param quotaAlarmPercent - threshold of the request-quota alarms (the model's
 *   quotaAlarmPercent). Defaults to the config default, 80.
 */
export function dashboardInput(
  plan: StackPlan,
  groups: readonly ResolvedKeyGroup[],
  accountId: string,
  partition = "aws",
  quotaAlarmPercent: number = DEFAULTS.quotaAlarmPercent,
): DashboardInput {
  return {
    environment: plan.environment,
    stackRegion: plan.stackRegion,
    accountId,
    partition,
    groups: dashboardGroups(plan, groups),
    quotaAlarms: plan.regions.flatMap((region) =>
      planQuotaAlarms(plan.environment, region, quotaAlarmPercent).map((a) => ({
        name: a.name,
        region,
      })),
    ),
    quotaAlarmPercent,
  };
}
