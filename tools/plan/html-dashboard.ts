/**
 * The dashboards as HTML: each widget an absolutely positioned box at its place on CloudWatch's
 * 24-column grid, showing its title, kind and metric count.
 */
import type { Dashboards, DashboardPicture, WidgetBox } from "./dashboards";
import { escapeHtml } from "./html-text";

/** Pixels per grid column and per grid row. */
export const COLUMN_PX = 48;
export const ROW_PX = 30;
/** Space left between neighbouring boxes, so boxes never touch. */
export const GAP_PX = 4;

function box(w: WidgetBox, index: number): string {
  const style =
    `left:${w.x * COLUMN_PX}px;top:${w.y * ROW_PX}px;` +
    `width:${w.width * COLUMN_PX - GAP_PX}px;height:${w.height * ROW_PX - GAP_PX}px`;
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  const metrics =
    w.type === "metric"
      ? plural(w.metrics, "metric")
      : w.type === "alarm"
        ? plural(w.alarms, "alarm")
        : w.type;
  return (
    `<div class="widget widget-${escapeHtml(w.type)}" style="${style}" data-widget="${index}" ` +
    `data-type="${escapeHtml(w.type)}" data-x="${w.x}" data-y="${w.y}" data-width="${w.width}" ` +
    `data-height="${w.height}" data-metrics="${w.metrics}" data-alarms="${w.alarms}">` +
    `<div class="widget-title">${escapeHtml(w.title)}</div>` +
    `<div class="widget-meta">${escapeHtml(metrics)}</div></div>`
  );
}

function dashboard(d: DashboardPicture): string {
  const rows = Math.max(0, ...d.widgets.map((w) => w.y + w.height));
  const metrics = d.widgets.reduce((n, w) => n + w.metrics, 0);
  return (
    `<section class="dashboard" data-dashboard="${escapeHtml(d.name)}" ` +
    `data-widgets="${d.widgets.length}" data-metrics="${metrics}">` +
    `<h3>${escapeHtml(d.name)} ` +
    `<small>${d.widgets.length} widgets, ${metrics} metrics</small></h3>` +
    `<div class="grid" style="width:${24 * COLUMN_PX}px;height:${rows * ROW_PX}px">` +
    d.widgets.map(box).join("") +
    `</div></section>`
  );
}

/** The dashboards section of the page. */
export function dashboardsHtml(dashboards: Dashboards): string {
  const body = dashboards.dashboards.length
    ? dashboards.dashboards.map(dashboard).join("")
    : "<p>No dashboard to draw.</p>";
  return (
    `<h2>Dashboards</h2><p class="note" data-dashboard-source>Drawn from ` +
    `${escapeHtml(dashboards.source)}.</p>${body}`
  );
}

/** CSS of the grid. */
export const DASHBOARD_CSS = `
.grid{position:relative;background:#eef1f4;border:1px solid #c8ced6;margin:8px 0 24px}
.widget{position:absolute;box-sizing:border-box;background:#fff;border:1px solid #9aa5b1;
  border-radius:3px;padding:4px 6px;overflow:hidden;font-size:12px}
.widget-text{background:#f8f8ef}
.widget-alarm{background:#fdf3f1}
.widget-title{font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.widget-meta{color:#556;margin-top:2px}`;
