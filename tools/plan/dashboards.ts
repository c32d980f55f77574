/**
 * The dashboards the HTML page draws: the bodies of the Dashboard resources the program registered,
 * or, while the program registers none, the bodies `buildDashboardBodies` makes of the plan and of
 * the keys the offline run watched (described with the mock's defaults).
 */
import { buildDashboardBodies, dashboardInput } from "../../components/dashboard";
import type { ResolvedKeyGroup } from "../../components/groups/resolved";
import type { Inventory } from "./inventory";
import { KEY_GROUP_MONITOR } from "./inventory";
import type { PlanRun } from "./run";
import { describedKey } from "./world";

/** One widget as the page draws it: its grid place, title and metric count. */
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
}

/** One dashboard as the page draws it. */
export interface DashboardPicture {
  name: string;
  widgets: WidgetBox[];
}

/** The dashboards and where they come from (a sentence for the page). */
export interface Dashboards {
  source: string;
  dashboards: DashboardPicture[];
}

interface RawWidget {
  type?: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  properties?: { title?: string; markdown?: string; metrics?: unknown[]; alarms?: unknown[] };
}

const GRID_COLUMNS = 24;

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
    };
    x += width;
    rowHeight = Math.max(rowHeight, height);
    return box;
  });
}

/** The keys a KeyGroupMonitor watched, described as the mock describes every key. */
function watchedGroups(run: PlanRun, inv: Inventory): ResolvedKeyGroup[] {
  return run.model.keyGroups.map((model) => {
    const monitor = inv.ofType(KEY_GROUP_MONITOR).find((m) => m.inputs.groupName === model.name);
    const arns: string[] = monitor?.inputs.keyArns ?? [];
    const keys = arns.map((arn) => describedKey(arn, model.importedKeys.includes(arn)));
    return { model, keys };
  });
}

/** The dashboards of a run, from its resources or, failing that, from its plan. */
export function planDashboards(run: PlanRun, inv: Inventory): Dashboards {
  const registered = inv.ofType("aws:cloudwatch/dashboard:Dashboard");
  if (registered.length > 0) {
    return {
      source: "the Dashboard resources the program registers",
      dashboards: registered.map((d) => {
        let body: { widgets?: RawWidget[] } = {};
        try {
          body = JSON.parse(String(d.inputs.dashboardBody));
        } catch {
          // An unknown body (not resolved offline) draws as an empty dashboard.
        }
        const name = typeof d.inputs.dashboardName === "string" ? d.inputs.dashboardName : d.name;
        return { name, widgets: toBoxes(body.widgets ?? []) };
      }),
    };
  }
  if (!run.plan) return { source: "none: the program did not finish", dashboards: [] };
  const groups = watchedGroups(run, inv);
  const input = dashboardInput(run.plan, groups);
  const built = buildDashboardBodies(input);
  return {
    source:
      "buildDashboardBodies on the stack plan (the program registers no Dashboard resource yet)",
    dashboards: built.map((d) => ({
      name: d.name,
      widgets: toBoxes(d.body.widgets as RawWidget[]),
    })),
  };
}
