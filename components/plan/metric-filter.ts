/** A CloudWatch Logs metric filter on the trail's log group, as data. */

import type { Quota } from "../core/limits";

/** Price of the filter's custom metric in an hour with data, prorated over a month (us-east-1). */
export const CUSTOM_METRIC_MONTHLY_USD = 0.3;

/** One metric filter and the metric it publishes (`value` 1, no default value). */
export interface MetricFilterSpec {
  /** Physical name. */
  name: string;
  /**
   * The region of the trail's log group (the stack's region). Absent only when a component used
   * on its own builds the spec: the filter then lives in its provider's region.
   */
  region?: string;
  /** The log group the filter lives on. */
  logGroupName: string;
  pattern: string;
  namespace: string;
  metricName: string;
  /**
   * Fixed monthly price: $0. The filter publishes a data point only when a record matches, so its
   * custom metric costs ({@link CUSTOM_METRIC_MONTHLY_USD} a month, prorated by the hour) only in
   * hours with matches.
   */
  monthlyCostUsd: number;
  /** Monthly price if the metric had data every hour. */
  worstCaseMonthlyUsd: number;
  quotas: Quota[];
}

/** The filter named `name` on `logGroupName` in `region`, publishing `namespace`/`metricName`. */
export function metricFilterSpec(
  fields: Pick<
    MetricFilterSpec,
    "name" | "region" | "logGroupName" | "pattern" | "namespace" | "metricName"
  >,
): MetricFilterSpec {
  return {
    ...fields,
    monthlyCostUsd: 0,
    worstCaseMonthlyUsd: CUSTOM_METRIC_MONTHLY_USD,
    quotas: ["metricFiltersPerLogGroup", "filterPatternLength"],
  };
}
