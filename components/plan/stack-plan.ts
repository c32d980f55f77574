/**
 * Everything a stack will create, as plain data, computed from the validated model, the resolved
 * key groups and the account the stack deploys to. Components realise their slice of this plan
 * one to one; the quota check, the cost, the dashboard, the offline plan and the docs read it.
 */
import type { StackModel, TrailMode } from "../config/model";
import type { AlarmSpec } from "../alarms/spec";
import type { AccountRef } from "../core/place";
import { names } from "../core/names";
import { AccountFilterSpec, planAccountFilters } from "../account/account-filters";
import { KMS_KEY_MONTHLY_USD, planRegionAlerting, RegionAlertingPlan } from "../alerts/alert-plan";
import { planRegionBuses, RegionBusPlan } from "../groups/bus-plan";
import { GroupPlan, planGroup } from "../groups/group-plan";
import type { ResolvedKeyGroup } from "../groups/resolved";
import { planQuotaAlarms, QuotaAlarmSpec } from "../watchers/quota-plan";
import { planUsageBands, UsageBandAlarmSpec } from "../watchers/usage-band-plan";
import {
  DEFAULT_SILENCE_HOURS,
  planSilenceAlarm,
  planTamperAlarms,
  TamperAlarmSpec,
} from "../watchers/tamper-plan";
import { DashboardSpec, planDashboards } from "./dashboards";
import {
  memberAccountNames,
  OrganizationPlan,
  organizationRegions,
  planOrganization,
} from "../organization/org-plan";
import { readMemberMetrics } from "../organization/cross-account-alarms";

/** The audit trail: the one the stack creates, or the existing one it reads. */
export interface TrailPlan {
  mode: TrailMode;
  /** The stack's region, where the trail's log group is. */
  region: string;
  /** Name of the trail the stack creates; undefined in existing mode. */
  trailName?: string;
  /** The log group the filters live on. */
  logGroupName: string;
  /** The trail the tamper alarms watch: ours, or the existing one's (when its ARN is given). */
  watchedTrailName?: string;
  /** Days the log group keeps events; undefined in existing mode (not ours to set). */
  logRetentionDays?: number;
  /**
   * What a created trail adds besides itself: its log encryption key (priced) and the role
   * CloudTrail delivers to the log group with (an IAM role). Undefined in existing mode.
   */
  created?: { key: { region: string; monthlyCostUsd: number }; iamRoles: number };
}

/** The whole stack. */
export interface StackPlan {
  environment: string;
  stackRegion: string;
  /** Every region with watched keys, plus the stack's region, sorted. */
  regions: string[];
  /** The account and partition the stack deploys to. */
  account: AccountRef;
  trail: TrailPlan;
  /** Per region: alert-topic key, security topic, dead-letter queue, delivery alarm. */
  alerting: RegionAlertingPlan[];
  /** Account-wide filters on the trail's log group, with their alarms. */
  accountFilters: AccountFilterSpec[];
  /** Tamper filters and alarms on the same log group. */
  tamperAlarms: TamperAlarmSpec[];
  /** The alarm on the log group going quiet; undefined when disabled. */
  silenceAlarm?: AlarmSpec;
  /** Request-quota alarms of every region, in region order. */
  quotaAlarms: QuotaAlarmSpec[];
  /**
   * The stack's baseline of normal use: account-level anomaly bands per region and request-quota
   * family, in region order; empty when `usageBaseline.enabled` is false.
   */
  usageBands: UsageBandAlarmSpec[];
  /** Per key group: topics, rules, expiry and baseline alarms. */
  groups: GroupPlan[];
  /** Per region: shard buses and fan-out rules, and the bus of each group's rules. */
  buses: RegionBusPlan[];
  /** The dashboards, with their bodies. */
  dashboards: DashboardSpec[];
  /** The organization a hub stack watches: hub buses and sinks, the member StackSet. */
  organization?: OrganizationPlan;
}

function planTrail(model: StackModel): TrailPlan {
  const n = names(model.environment);
  const { trail } = model;
  if (trail.mode !== "existing") {
    return {
      mode: trail.mode,
      region: model.region,
      trailName: n.trail,
      logGroupName: n.logGroup,
      watchedTrailName: n.trail,
      logRetentionDays: trail.logRetentionDays,
      created: { key: { region: model.region, monthlyCostUsd: KMS_KEY_MONTHLY_USD }, iamRoles: 1 },
    };
  }
  if (trail.logGroupName === undefined) {
    throw new Error("trail: mode existing needs logGroupName");
  }
  return {
    mode: trail.mode,
    region: model.region,
    logGroupName: trail.logGroupName,
    watchedTrailName: trail.trailArn?.split(":trail/")[1],
  };
}

/**
 * Plans the whole stack. Pure: the same model, keys and account always give the same plan.
 *
 * @param model - the validated stack model.
 * @param groups - the key groups with their keys resolved.
 * @param account - the account and partition the stack deploys to.
 * @throws when a group's settings cannot be realised (its message names the group).
 */
export function planStack(
  model: StackModel,
  groups: readonly ResolvedKeyGroup[],
  account: AccountRef,
): StackPlan {
  const { environment } = model;
  const n = names(environment);
  const { organization } = model;
  const memberNames = organization ? memberAccountNames(organization) : undefined;
  const groupPlans = groups.map((g) => {
    const plan = planGroup(g, environment, memberNames);
    // A hub reads members' metrics through its OAM sink, naming the account in each query.
    return organization ? readMemberMetrics(plan, g, account.accountId) : plan;
  });
  const keyRegions = [...new Set([model.region, ...groupPlans.flatMap((g) => g.regions)])];
  const regions = organization ? organizationRegions(organization, keyRegions) : keyRegions.sort();
  const allRules = groupPlans.flatMap((g) => g.rules);
  const trail = planTrail(model);
  const logGroup = { region: model.region, logGroupName: trail.logGroupName };
  const alerting = regions.map((region) =>
    planRegionAlerting(
      environment,
      region,
      model.security,
      n.publishers({ ...account, region }),
      // The security topic and every group topic of the region.
      1 + groupPlans.flatMap((g) => g.topics).filter((t) => t.region === region).length,
    ),
  );
  const withoutDashboards: Omit<StackPlan, "dashboards"> = {
    environment,
    stackRegion: model.region,
    regions,
    account,
    trail,
    alerting,
    accountFilters: planAccountFilters(environment, logGroup),
    tamperAlarms: planTamperAlarms(environment, {
      ...logGroup,
      ...(trail.watchedTrailName !== undefined ? { trailName: trail.watchedTrailName } : {}),
    }),
    silenceAlarm: planSilenceAlarm(environment, logGroup, DEFAULT_SILENCE_HOURS),
    quotaAlarms: regions.flatMap((r) => planQuotaAlarms(environment, r, model.quotaAlarmPercent)),
    usageBands: regions.flatMap((r) => planUsageBands(environment, r, model.usageBaseline)),
    groups: groupPlans,
    buses: regions.map((r) =>
      organization
        ? planRegionBuses(r, allRules, environment, undefined, n.hubBus)
        : planRegionBuses(r, allRules, environment),
    ),
    ...(organization
      ? {
          organization: planOrganization(
            organization,
            groups,
            account,
            environment,
            regions,
            model,
          ),
        }
      : {}),
  };
  return { ...withoutDashboards, dashboards: planDashboards(withoutDashboards, groups) };
}

/**
 * Every alarm of the plan: account, tamper, silence, queue, delivery, quota, usage band, expiry,
 * baseline.
 */
export function planAlarms(plan: Omit<StackPlan, "dashboards">): AlarmSpec[] {
  return [
    ...plan.accountFilters.flatMap((f) => (f.alarm ? [f.alarm] : [])),
    ...plan.tamperAlarms.map((t) => t.alarm),
    ...(plan.silenceAlarm ? [plan.silenceAlarm] : []),
    ...plan.alerting.flatMap((a) => [a.deadLetterQueue.alarm, a.deliveryAlarm]),
    ...plan.quotaAlarms,
    ...plan.usageBands,
    ...plan.groups.flatMap((g) => [...g.expiryAlarms, ...g.baselineAlarms]),
  ];
}
