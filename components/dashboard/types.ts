/**
 * The dashboard body as CloudWatch reads it (DashboardBody of PutDashboard): widgets with their
 * grid places and properties.
 */

/** Position and size of a widget on the 24-column grid, in grid units. */
export interface WidgetPlace {
  /** Column of the left edge, 0 to 23. */
  x: number;
  /** Row of the top edge, from 0. */
  y: number;
  /** Columns spanned; x + width is at most 24. */
  width: number;
  /** Rows spanned. */
  height: number;
}

/** Rendering options of one metric or expression in a metric widget. */
export interface MetricOptions {
  /** ID expressions refer to; starts with a lowercase letter. */
  id?: string;
  /** Metric math over other lines' IDs (an expression line has no metric). */
  expression?: string;
  /** Legend label. Defaults to CloudWatch's (metric name and dimensions). */
  label?: string;
  /** Statistic of this line. Defaults to the widget's. */
  stat?: string;
  /** Period of this line in seconds. Defaults to the widget's. */
  period?: number;
  /** Region of this line. Defaults to the widget's. */
  region?: string;
  /** False fetches the line for metric math without drawing it. Defaults to true. */
  visible?: boolean;
  /**
   * The account the metric lives in, read through the OAM sink of a monitoring account (an
   * organization hub). Defaults to the dashboard's account.
   */
  accountId?: string;
}

/**
 * One line of a metric widget: `[namespace, metricName, dim1, value1, ..., options]`, or
 * `[{ expression, id, label }]` for metric math.
 */
export type MetricLine = (string | MetricOptions)[];

/** A horizontal line on a graph, at `value`, named `label`. */
export interface HorizontalAnnotation {
  value: number;
  label: string;
}

/** Properties of a metric (graph) widget. */
export interface MetricWidgetProperties {
  title: string;
  /** Region of the metrics (a widget reads one region). */
  region: string;
  /** The lines; AWS accepts at most AWS_LIMITS.metricsPerWidget. */
  metrics: MetricLine[];
  view: "timeSeries";
  stacked: boolean;
  /** Period in seconds, adapted to the time range (see DashboardBody.periodOverride). */
  period: number;
  /** Statistic of every line without its own. */
  stat: string;
  /** Left axis label and bounds. Defaults to CloudWatch's automatic axis. */
  yAxis?: { left: { label?: string; min?: number; max?: number } };
  /** Horizontal lines, such as an alarm threshold. Defaults to none. */
  annotations?: { horizontal: HorizontalAnnotation[] };
}

/** Properties of a text (markdown) widget. */
export interface TextWidgetProperties {
  markdown: string;
}

/** Properties of an alarm status widget. */
export interface AlarmWidgetProperties {
  title: string;
  /** Alarm ARNs; AWS accepts at most ALARMS_PER_ALARM_WIDGET. */
  alarms: string[];
  sortBy: "stateUpdatedTimestamp";
}

/** The content of a widget, before it is placed on the grid. */
export type WidgetContent =
  | { type: "metric"; properties: MetricWidgetProperties }
  | { type: "text"; properties: TextWidgetProperties }
  | { type: "alarm"; properties: AlarmWidgetProperties };

/** A placed widget, as the dashboard body lists it. */
export type Widget = WidgetContent & WidgetPlace;

/** The dashboard body (DashboardBody of PutDashboard), before JSON encoding. */
export interface DashboardBody {
  /** Time range shown when the dashboard opens (ISO 8601 duration before now). */
  start: string;
  /** Periods adapt to the time range (quota percentages divide by PERIOD, so they stay right). */
  periodOverride: "auto";
  /** Every widget, placed. */
  widgets: Widget[];
}

/** One dashboard to create: its name (`kmsmon-<env>`, `kmsmon-<env>-2`, ...) and body. */
export interface NamedDashboard {
  name: string;
  body: DashboardBody;
}
