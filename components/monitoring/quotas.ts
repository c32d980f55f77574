/**
 * AWS quotas the plan must fit, checked on the plan itself (pure). Each row reads the specs that
 * list the quota (see Quota in core/limits.ts) and takes its limit from AWS_LIMITS under the same
 * key. Figures are AWS's documented defaults; "adjustable" ones can be raised, but the design
 * stays under the default.
 */
import { alarmActionCount, metricCount } from "../alarms/spec";
import type { AlarmSpec } from "../alarms/spec";
import type { NewKeyRuleSpec } from "../alerts/new-key-rule";
import type { FanOutRuleSpec } from "../groups/bus-plan";
import type { GroupRuleSpec } from "../groups/rule-plan";
import { planAlarms, StackPlan } from "../plan/stack-plan";
import { AWS_LIMITS, Quota } from "../core/limits";
import { organizationQuotas } from "../organization/org-quotas";

/** One quota, how much of it the plan uses, and whether that fits. */
export interface QuotaUsage {
  name: string;
  used: number;
  limit: number;
  ok: boolean;
}

function usage(name: string, used: number, limit: number): QuotaUsage {
  return { name, used, limit, ok: used <= limit };
}

function max(values: number[]): number {
  return values.reduce((a, b) => Math.max(a, b), 0);
}

/** The specs that count against `quota`. */
function counting<T extends { quotas: readonly Quota[] }>(quota: Quota, specs: readonly T[]): T[] {
  return specs.filter((s) => s.quotas.includes(quota));
}

/** The largest measure among the specs that count against `quota`, against its limit. */
function largest<T extends { quotas: readonly Quota[] }>(
  name: string,
  quota: Quota,
  specs: readonly T[],
  measure: (spec: T) => number,
): QuotaUsage {
  return usage(name, max(counting(quota, specs).map(measure)), AWS_LIMITS[quota]);
}

/** Metrics an alarm reads directly (a Metrics Insights query reads through its query). */
function metricsRead(alarm: AlarmSpec): number {
  const m = alarm.metric;
  if (m.kind === "standard") return 1;
  if (m.kind === "metrics-insights") return 0;
  return metricCount(m.queries);
}

/** Targets of a rule: a group rule has one (its topic), a fan-out rule one per shard bus. */
/** Every rule the plan puts on a bus: group, fan-out and new-key rules. */
type AnyRule = GroupRuleSpec | FanOutRuleSpec | NewKeyRuleSpec;

function targetsOf(rule: AnyRule): number {
  return "targetBuses" in rule ? rule.targetBuses.length : 1;
}

/** The most specs on one `key` (a log group, a bus) among those counting against `quota`. */
function mostOnOne<T extends { quotas: readonly Quota[] }>(
  quota: Quota,
  specs: readonly T[],
  key: (spec: T) => string,
): number {
  const counts = new Map<string, number>();
  for (const s of counting(quota, specs)) counts.set(key(s), (counts.get(key(s)) ?? 0) + 1);
  return max([...counts.values()]);
}

/** Every quota the plan touches, with per-region and per-bus rows where the quota is per bus. */
export function checkQuotas(plan: StackPlan): QuotaUsage[] {
  const groupRules = plan.groups.flatMap((g) => g.rules);
  const fanOutRules = plan.buses.flatMap((b) => b.fanOutRules);
  const newKeyRules = plan.alerting.flatMap((a) => a.newKeyRules);
  const rules: AnyRule[] = [...groupRules, ...fanOutRules, ...newKeyRules];
  const filters = [...plan.accountFilters, ...plan.tamperAlarms.map((t) => t.filter)];
  const alarms = planAlarms(plan);
  const rows: QuotaUsage[] = [
    usage(
      "Metric filters on the trail's log group",
      mostOnOne("metricFiltersPerLogGroup", filters, (f) => f.logGroupName),
      AWS_LIMITS.metricFiltersPerLogGroup,
    ),
    largest(
      "Longest filter pattern (characters)",
      "filterPatternLength",
      filters,
      (f) => f.pattern.length,
    ),
    largest(
      "Longest event pattern (characters)",
      "eventPatternLength",
      rules,
      (r) => JSON.stringify(r.eventPattern).length,
    ),
    largest("Longest rule name (characters)", "ruleNameLength", rules, (r) => r.name.length),
    largest(
      "Longest input template (characters)",
      "inputTemplateLength",
      [...groupRules, ...newKeyRules],
      (r) => r.transformer.inputTemplate.length,
    ),
    largest("Targets on one rule", "targetsPerRule", rules, targetsOf),
    largest("Longest alarm name (characters)", "alarmNameLength", alarms, (a) => a.name.length),
    largest("Alarm actions on one alarm", "actionsPerAlarmState", alarms, alarmActionCount),
    largest("Metrics in one alarm", "metricQueriesPerAlarm", alarms, metricsRead),
  ];
  for (const bus of plan.buses) {
    // New-key rules are on the default bus; fan-out rules on the default (or hub) bus.
    const busOf = (r: AnyRule): string =>
      "targetBuses" in r
        ? (r.eventBusName ?? "default")
        : "group" in r
          ? bus.busOfGroup[r.group]
          : "default";
    const inRegion = counting(
      "rulesPerBus",
      rules.filter((r) => r.region === bus.region),
    );
    const onBus = (name: string) => inRegion.filter((r) => busOf(r) === name).length;
    rows.push(
      usage(`Rules on the default bus in ${bus.region}`, onBus("default"), AWS_LIMITS.rulesPerBus),
    );
    const hubBus = plan.organization?.hubRegions.find((h) => h.region === bus.region)?.busName;
    if (hubBus) {
      // The group and fan-out rules, the new-key rules and the members' alarm rule.
      const hub = plan.organization?.hubRegions.find((h) => h.region === bus.region);
      const hubOwnRules = (hub?.newKeyRules.length ?? 0) + (hub ? 1 : 0);
      rows.push(
        usage(
          `Rules on hub bus ${hubBus} in ${bus.region}`,
          onBus(hubBus) + hubOwnRules,
          AWS_LIMITS.rulesPerBus,
        ),
      );
    }
    for (const { name: shard } of bus.shardBuses) {
      rows.push(
        usage(`Rules on bus ${shard} in ${bus.region}`, onBus(shard), AWS_LIMITS.rulesPerBus),
      );
    }
    rows.push(
      usage(
        `Event buses we add in ${bus.region}`,
        counting("eventBusesPerRegion", bus.shardBuses).length + (hubBus ? 1 : 0),
        // The default bus counts against the quota too.
        AWS_LIMITS.eventBusesPerRegion - 1,
      ),
    );
    rows.push(
      usage(
        `Metrics Insights alarms in ${bus.region}`,
        counting(
          "metricsInsightsAlarmsPerRegion",
          alarms.filter((a) => a.region === bus.region),
        ).length,
        AWS_LIMITS.metricsInsightsAlarmsPerRegion,
      ),
    );
  }
  if (plan.organization) rows.push(...organizationQuotas(plan.organization));
  return rows;
}
