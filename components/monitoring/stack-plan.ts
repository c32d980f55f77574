/**
 * Everything a stack will create, as plain data, computed from the validated model and the
 * resolved key groups. Components wire this plan into resources one to one; the quota check, the
 * scale test and the offline plan read the same data.
 */
import type { StackModel } from "../config/model";
import { AccountFilterSpec, planAccountFilters } from "../account/account-filters";
import { planRegionBuses, RegionBusPlan } from "../groups/bus-plan";
import { GroupPlan, planGroup } from "../groups/group-plan";
import type { ResolvedKeyGroup } from "../groups/resolved";
import { BaselineAlarmSpec, planBaselineAlarms } from "../watchers/baseline-plan";
import { planTamperAlarms, TamperAlarmSpec } from "../watchers/tamper-plan";

/** The whole stack. */
export interface StackPlan {
  environment: string;
  stackRegion: string;
  /** Every region with watched keys, plus the stack's region. */
  regions: string[];
  groups: GroupPlan[];
  buses: RegionBusPlan[];
  accountFilters: AccountFilterSpec[];
  /** Tamper filters and alarms on the same log group. */
  tamperAlarms: TamperAlarmSpec[];
  /** Usage baseline (anomaly) alarms of every group. */
  baselineAlarms: BaselineAlarmSpec[];
}

/** Plans the whole stack. Pure: the same model and keys always give the same plan. */
export function planStack(model: StackModel, groups: readonly ResolvedKeyGroup[]): StackPlan {
  const groupPlans = groups.map((g) => planGroup(g, model.environment));
  const regions = [...new Set([model.region, ...groupPlans.flatMap((g) => g.regions)])].sort();
  const allRules = groupPlans.flatMap((g) => g.rules);
  return {
    environment: model.environment,
    stackRegion: model.region,
    regions,
    groups: groupPlans,
    buses: regions.map((r) => planRegionBuses(r, allRules, model.environment)),
    accountFilters: planAccountFilters(model.environment),
    tamperAlarms: planTamperAlarms(model.environment),
    baselineAlarms: groups.flatMap((g) => planBaselineAlarms(g, model.environment)),
  };
}
