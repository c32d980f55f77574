/**
 * One CloudWatch alarm as plain data: what it reads, how it evaluates, who it tells (by role) and
 * what it costs. Every alarm of the package is an AlarmSpec, built by a pure planner and turned
 * into an `aws.cloudwatch.MetricAlarm` by createMetricAlarm alone.
 */
import type { Severity } from "../config/model";
import type { Quota } from "../core/limits";

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
  /** Seconds, for an expression that reads metrics itself (a Metrics Insights query). */
  period?: number;
  metric?: MetricStatSpec;
  /** The source account of the metric, read through an OAM link; the alarm's own when absent. */
  accountId?: string;
}

/** How many metrics (not expressions) the queries read: what AWS limits and bills. */
export function metricCount(queries: readonly MetricQuerySpec[]): number {
  return queries.filter((q) => q.metric !== undefined).length;
}

/** Statistics a standard alarm can evaluate. */
export type AlarmStatistic = "Sum" | "Maximum" | "Minimum" | "Average" | "SampleCount";

/**
 * What an alarm reads, by kind; the kind decides the price (see alarms/pricing.ts).
 *
 * - `standard`: one metric (high resolution when the period is under 60 s).
 * - `metric-math`: an expression over up to 10 metrics.
 * - `anomaly`: an expression and its ANOMALY_DETECTION_BAND, the band being the threshold.
 * - `metrics-insights`: one Metrics Insights query, analyzing `metricsAnalyzed` metrics.
 */
export type AlarmMetric =
  | {
      kind: "standard";
      namespace: string;
      metricName: string;
      /** Dimensions; none when the metric has none. */
      dimensions?: Record<string, string>;
      statistic: AlarmStatistic;
      periodSeconds: number;
    }
  | { kind: "metric-math"; queries: MetricQuerySpec[] }
  | {
      kind: "anomaly";
      queries: MetricQuerySpec[];
      /** ID of the ANOMALY_DETECTION_BAND query, the alarm's threshold. */
      bandId: string;
    }
  | {
      kind: "metrics-insights";
      /** ID of the query entry. */
      id: string;
      /** The `SELECT ...` query. */
      query: string;
      periodSeconds: number;
      /** Metrics the query analyzes (billed one by one), e.g. one per SNS topic of the region. */
      metricsAnalyzed: number;
    };

/** The kinds of alarm, by how AWS bills them. */
export type AlarmKind = AlarmMetric["kind"];

/** How an alarm compares what it reads with its threshold (or band). */
export type ComparisonOperator =
  | "GreaterThanOrEqualToThreshold"
  | "GreaterThanThreshold"
  | "LessThanThreshold"
  | "LessThanOrEqualToThreshold"
  | "LessThanLowerOrGreaterThanUpperThreshold";

/** How an alarm treats periods without data. */
export type TreatMissingData = "missing" | "ignore" | "breaching" | "notBreaching";

/**
 * Who an alarm tells, by role; the component that realises the alarm maps the role to topics:
 * `security` the region's security topic, `group-critical` a group's critical route,
 * `group-warning` its non-critical route (`standard`, else `all`).
 */
export type AlarmRole = "security" | "group-critical" | "group-warning";

/**
 * Topics each role resolves to in the stack: one today (the region's security topic, or the
 * group's topic of the route), so an alarm has one action in each state it notifies in.
 */
export const TOPICS_PER_ROLE: Readonly<Record<AlarmRole, number>> = {
  security: 1,
  "group-critical": 1,
  "group-warning": 1,
};

/** Actions the alarm has in its ALARM state (and in OK when it notifies on recovery). */
export function alarmActionCount(alarm: Pick<AlarmSpec, "actions">): number {
  return TOPICS_PER_ROLE[alarm.actions.role];
}

/** Severity of an alarm: its signal's, or "operational" for the monitoring's own plumbing. */
export type AlarmSeverity = Severity | "operational";

/** One alarm, as planned. */
export interface AlarmSpec {
  /** Physical name. */
  name: string;
  description: string;
  severity: AlarmSeverity;
  /**
   * Region the alarm lives in. Absent only when a component used on its own builds the spec:
   * the alarm then lives in its provider's region.
   */
  region?: string;
  metric: AlarmMetric;
  evaluationPeriods: number;
  /** Breaching periods out of `evaluationPeriods` that alarm. Absent: all of them. */
  datapointsToAlarm?: number;
  comparisonOperator: ComparisonOperator;
  /** Absent for anomaly alarms, whose band is the threshold. */
  threshold?: number;
  treatMissingData: TreatMissingData;
  /** Who is told, and whether also on recovery (OK). */
  actions: { role: AlarmRole; onOk: boolean };
  /** Written to the alarm when set; absent leaves AWS's default (actions enabled). */
  actionsEnabled?: boolean;
  /** Monthly list price in US dollars (us-east-1), from alarms/pricing.ts. */
  monthlyCostUsd: number;
  /** The AWS quotas the alarm counts against. */
  quotas: Quota[];
}
