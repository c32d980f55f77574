/**
 * What a CloudWatch alarm costs a month (us-east-1 list prices, CloudWatch pricing page): one
 * function per kind of alarm, and {@link alarmMonthlyCostUsd} choosing among them. The plan, the
 * offline plan's cost table and docs/DESIGN.md all price alarms here.
 *
 * - standard: $0.10 per alarm metric-month ($0.30 at high resolution, a period under 60 s);
 * - metric math: one alarm metric per metric the expression references;
 * - anomaly detection: the metrics it reads plus 2 for the band's bounds (a metric-math anomaly
 *   alarm over K metrics bills K + 2, not 3 per metric: the band is computed once, on the
 *   expression);
 * - Metrics Insights: $0.10 per metric the query analyzes.
 */
import { AlarmMetric, AlarmSpec, metricCount, MetricQuerySpec } from "./spec";
import type { Quota } from "../core/limits";

/** Price of one standard-resolution alarm metric per month (us-east-1). */
export const ALARM_METRIC_MONTHLY_USD = 0.1;
/** Price of one high-resolution alarm metric per month (us-east-1). */
export const HIGH_RESOLUTION_ALARM_METRIC_MONTHLY_USD = 0.3;
/** Price of one metric analyzed by a Metrics Insights alarm per month (us-east-1). */
export const INSIGHTS_METRIC_MONTHLY_USD = 0.1;
/** Alarm metrics the band of an anomaly-detection alarm adds (its lower and upper bound). */
export const ANOMALY_BAND_ALARM_METRICS = 2;

function cents(usd: number): number {
  return Math.round(usd * 100) / 100;
}

/** A standard alarm: one alarm metric. */
export function standardAlarmMonthlyUsd(periodSeconds: number): number {
  return periodSeconds < 60 ? HIGH_RESOLUTION_ALARM_METRIC_MONTHLY_USD : ALARM_METRIC_MONTHLY_USD;
}

/** A metric-math alarm: one alarm metric per metric the expression references. */
export function metricMathAlarmMonthlyUsd(queries: readonly MetricQuerySpec[]): number {
  return cents(metricCount(queries) * ALARM_METRIC_MONTHLY_USD);
}

/** An anomaly-detection alarm: the metrics it reads plus the band's 2 bounds. */
export function anomalyAlarmMonthlyUsd(queries: readonly MetricQuerySpec[]): number {
  return cents((metricCount(queries) + ANOMALY_BAND_ALARM_METRICS) * ALARM_METRIC_MONTHLY_USD);
}

/** A Metrics Insights alarm: each metric its query analyzes. */
export function metricsInsightsAlarmMonthlyUsd(metricsAnalyzed: number): number {
  return cents(metricsAnalyzed * INSIGHTS_METRIC_MONTHLY_USD);
}

/** Alarm metrics (or metrics analyzed) AWS bills for an alarm reading `metric`. */
export function billedAlarmMetrics(metric: AlarmMetric): number {
  switch (metric.kind) {
    case "standard":
      return 1;
    case "metric-math":
      return metricCount(metric.queries);
    case "anomaly":
      return metricCount(metric.queries) + ANOMALY_BAND_ALARM_METRICS;
    case "metrics-insights":
      return metric.metricsAnalyzed;
  }
}

/** Monthly price in US dollars of an alarm reading `metric`. */
export function alarmMonthlyCostUsd(metric: AlarmMetric): number {
  switch (metric.kind) {
    case "standard":
      return standardAlarmMonthlyUsd(metric.periodSeconds);
    case "metric-math":
      return metricMathAlarmMonthlyUsd(metric.queries);
    case "anomaly":
      return anomalyAlarmMonthlyUsd(metric.queries);
    case "metrics-insights":
      return metricsInsightsAlarmMonthlyUsd(metric.metricsAnalyzed);
  }
}

/** The quotas an alarm reading `metric` counts against. */
export function alarmQuotas(metric: AlarmMetric): Quota[] {
  const quotas: Quota[] = ["alarmNameLength", "actionsPerAlarmState", "metricQueriesPerAlarm"];
  return metric.kind === "metrics-insights"
    ? [...quotas, "metricsInsightsAlarmsPerRegion"]
    : quotas;
}

/**
 * The spec with its monthly price and quotas, computed from what it reads: planners state what an
 * alarm does, never what it costs.
 */
export function priced(spec: Omit<AlarmSpec, "monthlyCostUsd" | "quotas">): AlarmSpec {
  return {
    ...spec,
    monthlyCostUsd: alarmMonthlyCostUsd(spec.metric),
    quotas: alarmQuotas(spec.metric),
  };
}

/** Monthly price in US dollars of several planned alarms, to the cent. */
export function alarmsMonthlyCostUsd(alarms: readonly { monthlyCostUsd: number }[]): number {
  return cents(alarms.reduce((sum, a) => sum + a.monthlyCostUsd, 0));
}
