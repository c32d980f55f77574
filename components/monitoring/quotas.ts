/**
 * AWS quotas the plan must fit, checked on the plan itself (pure). Figures are AWS's documented
 * defaults; "adjustable" ones can be raised, but the design stays under the default.
 */
import { FILTER_PATTERN_MAX_CHARS } from "../signals/filter-patterns";
import { EVENT_PATTERN_CHARS_LIMIT } from "../signals/event-patterns";
import { RULES_PER_BUS_QUOTA, TARGETS_PER_RULE_QUOTA } from "../groups/bus-plan";
import { RULE_NAME_MAX } from "../core/names";
import { metricCount } from "../alarms/spec";
import type { AlarmSpec } from "../alarms/spec";
import { planAlarms, StackPlan } from "../plan/stack-plan";

/** One quota, how much of it the plan uses, and whether that fits. */
export interface QuotaUsage {
  name: string;
  used: number;
  limit: number;
  ok: boolean;
}

/** AWS quota: metric filters per log group (fixed). */
export const METRIC_FILTERS_PER_LOG_GROUP = 100;
/** AWS quota: event buses per account per region (adjustable). */
export const EVENT_BUSES_PER_REGION = 100;
/** AWS quota: Metrics Insights alarms per account per region (fixed). */
export const METRICS_INSIGHTS_ALARMS_PER_REGION = 200;
/** AWS quota: actions of each kind (alarm, OK, insufficient data) per alarm. */
export const ACTIONS_PER_ALARM = 5;
/** AWS quota: metrics referenced by one alarm. */
export const METRICS_PER_ALARM = 10;
/** AWS quota: characters in an EventBridge input template. */
export const INPUT_TEMPLATE_MAX_CHARS = 8192;
/** AWS quota: characters in an alarm name. */
export const ALARM_NAME_MAX = 255;

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
      METRIC_FILTERS_PER_LOG_GROUP,
    ),
    usage(
      "Longest filter pattern (characters)",
      max(
        [...plan.accountFilters, ...plan.tamperAlarms.map((t) => t.filter)].map(
          (f) => f.pattern.length,
        ),
      ),
      FILTER_PATTERN_MAX_CHARS,
    ),
    usage(
      "Longest event pattern (characters)",
      max([
        ...rules.map((r) => JSON.stringify(r.eventPattern).length),
        ...plan.buses.flatMap((b) =>
          b.fanOutRules.map((f) => JSON.stringify(f.eventPattern).length),
        ),
      ]),
      EVENT_PATTERN_CHARS_LIMIT,
    ),
    usage("Longest rule name (characters)", max(rules.map((r) => r.name.length)), RULE_NAME_MAX),
    usage(
      "Longest input template (characters)",
      max(rules.map((r) => r.transformer.inputTemplate.length)),
      INPUT_TEMPLATE_MAX_CHARS,
    ),
    usage(
      "Targets on one rule",
      max([
        ...(rules.length ? [1] : []),
        ...plan.buses.flatMap((b) => b.fanOutRules.map((f) => f.targetBuses.length)),
      ]),
      TARGETS_PER_RULE_QUOTA,
    ),
    usage("Longest alarm name (characters)", max(alarms.map((a) => a.name.length)), ALARM_NAME_MAX),
    usage("Alarm actions on one alarm", alarms.length ? 1 : 0, ACTIONS_PER_ALARM),
    usage("Metrics in one alarm", max(alarms.map(metricsRead)), METRICS_PER_ALARM),
  ];
  for (const bus of plan.buses) {
    const onDefault = rules.filter(
      (r) => r.region === bus.region && bus.busOfGroup[r.group] === "default",
    ).length;
    rows.push(
      usage(
        `Rules on the default bus in ${bus.region}`,
        onDefault + bus.fanOutRules.length,
        RULES_PER_BUS_QUOTA,
      ),
    );
    for (const shard of bus.shardBuses) {
      const onShard = rules.filter(
        (r) => r.region === bus.region && bus.busOfGroup[r.group] === shard,
      ).length;
      rows.push(usage(`Rules on bus ${shard} in ${bus.region}`, onShard, RULES_PER_BUS_QUOTA));
    }
    rows.push(
      usage(
        `Event buses we add in ${bus.region}`,
        bus.shardBuses.length,
        EVENT_BUSES_PER_REGION - 1,
      ),
    );
    rows.push(
      usage(
        `Metrics Insights alarms in ${bus.region}`,
        alarms.filter(
          (a) => a.region === bus.region && a.quotas.includes("metrics-insights-alarms-per-region"),
        ).length,
        METRICS_INSIGHTS_ALARMS_PER_REGION,
      ),
    );
  }
  return rows;
}
