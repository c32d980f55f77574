/**
 * CloudWatch dashboard quotas and how a body counts against them. Every line of a metric widget
 * counts as one metric, expressions included: a widget's lines become the queries of one
 * GetMetricData call, and AWS counts metrics fetched only for metric math too, so counting every
 * line never underestimates.
 */
import type { DashboardBody, WidgetContent } from "./types";
import { AWS_LIMITS } from "../core/limits";

/** Columns of the dashboard grid. */
export const GRID_COLUMNS = 24;

/** How much of the dashboard quotas a body uses. */
export interface DashboardUsage {
  /** Widgets on the dashboard. */
  widgets: number;
  /** Metric and expression lines, all widgets together. */
  metrics: number;
  /** Lines of the fullest widget. */
  maxMetricsPerWidget: number;
  /** Alarms of the fullest alarm status widget. */
  maxAlarmsPerWidget: number;
  /** True when every count is within its quota. */
  withinLimits: boolean;
}

/** Metric and expression lines of a widget (0 for text and alarm widgets). */
export function widgetMetricCount(widget: WidgetContent): number {
  return widget.type === "metric" ? widget.properties.metrics.length : 0;
}

/** Counts a body's widgets and metrics against the dashboard quotas. */
export function dashboardLimits(body: DashboardBody): DashboardUsage {
  const perWidget = body.widgets.map(widgetMetricCount);
  const alarms = body.widgets.map((w) => (w.type === "alarm" ? w.properties.alarms.length : 0));
  const usage = {
    widgets: body.widgets.length,
    metrics: perWidget.reduce((a, b) => a + b, 0),
    maxMetricsPerWidget: Math.max(0, ...perWidget),
    maxAlarmsPerWidget: Math.max(0, ...alarms),
  };
  return {
    ...usage,
    withinLimits:
      usage.widgets <= AWS_LIMITS.widgetsPerDashboard &&
      usage.metrics <= AWS_LIMITS.metricsPerDashboard &&
      usage.maxMetricsPerWidget <= AWS_LIMITS.metricsPerWidget &&
      usage.maxAlarmsPerWidget <= AWS_LIMITS.alarmsPerAlarmWidget,
  };
}

/** Splits `items` into consecutive chunks of at most `size` (none for an empty list). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
