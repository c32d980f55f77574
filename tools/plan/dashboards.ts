/**
 * The dashboards the HTML page draws: those of the stack plan (names and bodies), each widget
 * placed on CloudWatch's grid.
 */
import type { PlanRun } from "./run";
import { GRID_COLUMNS } from "../../components/dashboard/limits";

/** One widget as the page draws it: its grid place, title, metric count and properties. */
export interface WidgetBox {
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
  metrics: number;
  /** Alarms of an alarm status widget. */
  alarms: number;
  /** The widget's properties, as the dashboard body gives them (what the page draws). */
  properties: RawProperties;
}

/** One dashboard as the page draws it. */
export interface DashboardPicture {
  name: string;
  /** Time range the dashboard opens with (ISO 8601 duration before now, e.g. -PT12H). */
  start: string;
  widgets: WidgetBox[];
}

/** The dashboards and where they come from (a sentence for the page). */
export interface Dashboards {
  source: string;
  dashboards: DashboardPicture[];
}

/** Widget properties as a body may hold them (see components/dashboard/types.ts). */
export type RawProperties = {
  title?: string;
  markdown?: string;
  metrics?: unknown[];
  alarms?: unknown[];
} & Record<string, unknown>;

interface RawWidget {
  type?: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  properties?: RawProperties;
}

/** A widget's title: its own, else the first line of its markdown without heading marks. */
function titleOf(w: RawWidget): string {
  if (w.properties?.title) return w.properties.title;
  const first = (w.properties?.markdown ?? "").split("\n").find((l) => l.trim() !== "") ?? "";
  return first.replace(/^#+\s*/, "").trim() || w.type || "widget";
}

/**
 * Widgets with their places. CloudWatch places a widget without x/y after the previous one, left
 * to right, wrapping at 24 columns; the same is done here.
 */
export function toBoxes(widgets: readonly RawWidget[]): WidgetBox[] {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  return widgets.map((w) => {
    const width = w.width ?? 6;
    const height = w.height ?? 6;
    if (w.x === undefined || w.y === undefined) {
      if (x + width > GRID_COLUMNS) [x, y, rowHeight] = [0, y + rowHeight, 0];
    } else {
      [x, y, rowHeight] = [w.x, w.y, 0];
    }
    const box = {
      type: w.type ?? "metric",
      x,
      y,
      width,
      height,
      title: titleOf(w),
      metrics:
        w.type === "metric" || w.type === undefined ? (w.properties?.metrics?.length ?? 0) : 0,
      alarms: w.type === "alarm" ? (w.properties?.alarms?.length ?? 0) : 0,
      properties: w.properties ?? {},
    };
    x += width;
    rowHeight = Math.max(rowHeight, height);
    return box;
  });
}

/** The dashboards of the stack plan, as the program realises them. */
export function planDashboards(run: PlanRun): Dashboards {
  if (!run.plan) return { source: "none: the program did not finish", dashboards: [] };
  return {
    source: "the stack plan's dashboards (what KmsDashboard registers)",
    dashboards: run.plan.dashboards.map((d) => ({
      name: d.name,
      start: d.body.start,
      widgets: toBoxes(d.body.widgets as RawWidget[]),
    })),
  };
}
