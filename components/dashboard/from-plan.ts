/**
 * The dashboard's input from the stack plan, so alarm names and regions are those of the alarms
 * the plan creates: nothing is planned again here.
 */
import type { AccountRef } from "../core/place";
import type { AlarmSpec } from "../alarms/spec";
import type { AccountFilterSpec } from "../account/account-filters";
import type { GroupPlan } from "../groups/group-plan";
import type { ResolvedKeyGroup } from "../groups/resolved";
import type { QuotaAlarmSpec } from "../watchers/quota-plan";
import type { TamperAlarmSpec } from "../watchers/tamper-plan";
import { accountLabel, type AccountName } from "../groups/account-line";
import type { AlarmRef, DashboardGroup, DashboardInput } from "./input";

/** The parts of the stack plan the dashboard shows. */
export interface DashboardPlanInput {
  environment: string;
  stackRegion: string;
  account: AccountRef;
  accountFilters: AccountFilterSpec[];
  tamperAlarms: TamperAlarmSpec[];
  silenceAlarm?: AlarmSpec;
  quotaAlarms: QuotaAlarmSpec[];
  /** The account usage bands, drawn with the quota alarms (they read the same metrics). */
  usageBands: AlarmSpec[];
  groups: GroupPlan[];
  /** In an organization hub: the members, whose names label their keys. */
  organization?: { hubAccountId: string; members: readonly AccountName[] };
}

function ref(alarm: AlarmSpec, region: string): AlarmRef {
  return { name: alarm.name, region: alarm.region ?? region };
}

/** A hub's label of each member account `group`'s keys live in, by ID; undefined elsewhere. */
function accountLabelsOf(
  organization: DashboardPlanInput["organization"],
  group: ResolvedKeyGroup,
): Record<string, string> | undefined {
  if (organization === undefined) return undefined;
  const ids = new Set(group.keys.map((k) => k.accountId));
  ids.delete(organization.hubAccountId);
  const named = new Map(organization.members.map((m) => [m.accountId, m.name]));
  return Object.fromEntries(
    [...ids].sort().map((accountId) => {
      const name = named.get(accountId);
      return [accountId, accountLabel(name === undefined ? { accountId } : { accountId, name })];
    }),
  );
}

/**
 * Each group's section input: its keys, its expiry and baseline alarms, and the baseline's band
 * width and operations when the baseline is enabled; in a hub, its
 * member accounts' labels.
 */
export function dashboardGroups(
  plan: Pick<DashboardPlanInput, "groups" | "stackRegion" | "organization">,
  groups: readonly ResolvedKeyGroup[],
): DashboardGroup[] {
  return groups.map((group) => {
    const accountLabels = accountLabelsOf(plan.organization, group);
    const planned = plan.groups.find((p) => p.name === group.model.name);
    const expiry = planned?.expiryAlarms ?? [];
    const baseline = planned?.baselineAlarms ?? [];
    return {
      name: group.model.name,
      keys: group.keys,
      alarms: [...expiry, ...baseline].map((a) => ref(a, plan.stackRegion)),
      expiryKeyArns: expiry.map((a) => a.keyArn),
      anomalyBandWidth: group.model.baseline.enabled ? group.model.baseline.bandWidth : undefined,
      // The band goes around the operation each key's baseline alarm reads.
      bandOperations: Object.fromEntries(
        baseline.flatMap((a) => a.keys.map((k) => [k.arn, k.operation])),
      ),
      ...(accountLabels === undefined ? {} : { accountLabels }),
    };
  });
}

/**
 * The whole dashboard input of a planned stack.
 *
 * @param plan - the stack plan (planStack).
 * @param groups - the groups with their keys resolved, in the order of their sections.
 */
export function dashboardInput(
  plan: DashboardPlanInput,
  groups: readonly ResolvedKeyGroup[],
): DashboardInput {
  const region = plan.stackRegion;
  return {
    environment: plan.environment,
    stackRegion: region,
    accountId: plan.account.accountId,
    partition: plan.account.partition,
    groups: dashboardGroups(plan, groups),
    accountAlarms: [
      ...plan.accountFilters.flatMap((f) => (f.alarm ? [ref(f.alarm, region)] : [])),
      ...plan.tamperAlarms.map((t) => ref(t.alarm, region)),
      ...(plan.silenceAlarm ? [ref(plan.silenceAlarm, region)] : []),
    ],
    quotaAlarms: [...plan.quotaAlarms, ...plan.usageBands].map((a) => ref(a, region)),
    quotaAlarmPercent: plan.quotaAlarms[0]?.threshold,
  };
}
