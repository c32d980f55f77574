/** The query shape of a metric-math alarm, as plain data matching the MetricAlarm input. */

/**
 * AWS quota: "alarms based on metric math expressions can have up to 10 metrics". Plans count
 * every query of an alarm (metrics and expressions) against it, so they fit however AWS counts.
 */
export const QUERIES_PER_MATH_ALARM = 10;

/** A metric a query reads. */
export interface MetricStatSpec {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  /** Seconds. */
  period: number;
  stat: string;
}

/** One entry of an alarm's `metricQueries`: a metric or an expression over other entries. */
export interface MetricQuerySpec {
  /** Starts with a lowercase letter; expressions refer to other entries by it. */
  id: string;
  label?: string;
  /** True for the series the alarm evaluates (and, for anomaly alarms, for the band). */
  returnData: boolean;
  expression?: string;
  metric?: MetricStatSpec;
}

/** How many metrics (not expressions) the queries read: what AWS limits and bills. */
export function metricCount(queries: readonly MetricQuerySpec[]): number {
  return queries.filter((q) => q.metric !== undefined).length;
}

/** Price of one standard-resolution alarm metric per month (us-east-1). */
export const ALARM_METRIC_MONTHLY_USD = 0.1;
