/**
 * AWS quotas the plan must fit, checked on the plan itself (pure). Figures are AWS's documented
 * defaults; "adjustable" ones can be raised, but the design stays under the default.
 */
import { metricCount } from "../alarms/spec";
import type { AlarmSpec } from "../alarms/spec";
import { planAlarms, StackPlan } from "../plan/stack-plan";
import { AWS_LIMITS } from "../core/limits";

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

/** Metrics an alarm reads directly (a Metrics Insights query reads through its query). */
function metricsRead(alarm: AlarmSpec): number {
  const m = alarm.metric;
  if (m.kind === "standard") return 1;
  if (m.kind === "metrics-insights") return 0;
  return metricCount(m.queries);
}

/** Every quota the plan touches, with per-region and per-bus rows where the quota is per bus. */
export function checkQuotas(plan: StackPlan): QuotaUsage[] {
  const rules = plan.groups.flatMap((g) => g.rules);
  const alarms = planAlarms(plan);
  const rows: QuotaUsage[] = [
    usage(
      "Metric filters on the trail's log group",
      plan.accountFilters.length + plan.tamperAlarms.length,
      AWS_LIMITS.metricFiltersPerLogGroup,
    ),
    usage(
      "Longest filter pattern (characters)",
      max(
        [...plan.accountFilters, ...plan.tamperAlarms.map((t) => t.filter)].map(
          (f) => f.pattern.length,
        ),
      ),
      AWS_LIMITS.filterPatternLength,
    ),
    usage(
      "Longest event pattern (characters)",
      max([
        ...rules.map((r) => JSON.stringify(r.eventPattern).length),
        ...plan.buses.flatMap((b) =>
          b.fanOutRules.map((f) => JSON.stringify(f.eventPattern).length),
        ),
      ]),
      AWS_LIMITS.eventPatternLength,
    ),
    usage(
      "Longest rule name (characters)",
      max(rules.map((r) => r.name.length)),
      AWS_LIMITS.ruleNameLength,
    ),
    usage(
      "Longest input template (characters)",
      max(rules.map((r) => r.transformer.inputTemplate.length)),
      AWS_LIMITS.inputTemplateLength,
    ),
    usage(
      "Targets on one rule",
      max([
        ...(rules.length ? [1] : []),
        ...plan.buses.flatMap((b) => b.fanOutRules.map((f) => f.targetBuses.length)),
      ]),
      AWS_LIMITS.targetsPerRule,
    ),
    usage(
      "Longest alarm name (characters)",
      max(alarms.map((a) => a.name.length)),
      AWS_LIMITS.alarmNameLength,
    ),
    usage("Alarm actions on one alarm", alarms.length ? 1 : 0, AWS_LIMITS.actionsPerAlarmState),
    usage("Metrics in one alarm", max(alarms.map(metricsRead)), AWS_LIMITS.metricQueriesPerAlarm),
  ];
  for (const bus of plan.buses) {
    const onDefault = rules.filter(
      (r) => r.region === bus.region && bus.busOfGroup[r.group] === "default",
    ).length;
    rows.push(
      usage(
        `Rules on the default bus in ${bus.region}`,
        onDefault + bus.fanOutRules.length,
        AWS_LIMITS.rulesPerBus,
      ),
    );
    for (const { name: shard } of bus.shardBuses) {
      const onShard = rules.filter(
        (r) => r.region === bus.region && bus.busOfGroup[r.group] === shard,
      ).length;
      rows.push(usage(`Rules on bus ${shard} in ${bus.region}`, onShard, AWS_LIMITS.rulesPerBus));
    }
    rows.push(
      usage(
        `Event buses we add in ${bus.region}`,
        bus.shardBuses.length,
        AWS_LIMITS.eventBusesPerRegion - 1,
      ),
    );
    rows.push(
      usage(
        `Metrics Insights alarms in ${bus.region}`,
        alarms.filter(
          (a) => a.region === bus.region && a.quotas.includes("metricsInsightsAlarmsPerRegion"),
        ).length,
        AWS_LIMITS.metricsInsightsAlarmsPerRegion,
      ),
    );
  }
  return rows;
}
