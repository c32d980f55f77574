/**
 * The dashboards as HTML, looking like the CloudWatch dashboards the plan creates: each widget of
 * each body at its place on CloudWatch's 24-column grid, drawn by html-widgets.ts. Graphs use
 * illustrative synthetic data, and the page says so.
 */
import type { Dashboards, DashboardPicture } from "./dashboards";
import { gridSize } from "./html-layout";
import { escapeHtml } from "./html-text";
import { widgetHtml } from "./html-widgets";

export { COLUMN_PX, GAP_PX, ROW_PX } from "./html-layout";

/** Said on the page and in every chart's label: the plan has no metrics to show. */
export const ILLUSTRATIVE =
  "Graphs show illustrative data, not your metrics: their lines, bands and thresholds are the " +
  "planned ones, their values a deterministic sample.";

function dashboard(d: DashboardPicture): string {
  const size = gridSize(d.widgets);
  const metrics = d.widgets.reduce((n, w) => n + w.metrics, 0);
  return (
    `<section class="dashboard" data-dashboard="${escapeHtml(d.name)}" ` +
    `data-widgets="${d.widgets.length}" data-metrics="${metrics}">` +
    `<h3>${escapeHtml(d.name)} ` +
    `<small>${d.widgets.length} widgets, ${metrics} metrics, last ` +
    `${escapeHtml(d.start.replace(/^-P(T?)/, ""))}</small></h3>` +
    `<div class="grid" style="width:${size.width}px;height:${size.height}px">` +
    d.widgets.map((w, i) => widgetHtml(w, i, d.start, d.name)).join("") +
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
    `${escapeHtml(dashboards.source)}.</p>` +
    `<p class="note illustrative" data-illustrative>${escapeHtml(ILLUSTRATIVE)}</p>${body}`
  );
}

/** CSS of the grid and its widgets (CloudWatch's light theme, roughly). */
export const DASHBOARD_CSS = `
.grid{position:relative;background:#f2f3f3;border:1px solid #d5dbdb;margin:8px 0 24px}
.widget{position:absolute;box-sizing:border-box;background:#fff;border:1px solid #d5dbdb;
  border-radius:2px;padding:6px;overflow:auto;font-size:12px;line-height:16px;
  display:flex;flex-direction:column}
.widget-title{font-size:13px;font-weight:700;margin:0;color:#16191f;overflow-wrap:anywhere}
.widget-meta{color:#687078;font-size:11px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.chart-box{position:relative;flex:1 1 auto;min-height:60px}
.chart{position:absolute;inset:0;width:100%;height:100%}
.chart .grid-line{stroke:#e9ebed;shape-rendering:crispEdges}
.chart .axis{stroke:#879596;shape-rendering:crispEdges}
.chart text{font-size:10px;fill:#545b64}.chart .watermark{font-size:9px;fill:#aab7b8}.chart .annotation-label{fill:#d13212}
.legend{list-style:none;margin:2px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:0 12px;
  max-height:64px;overflow:auto;flex:0 0 auto;font-size:11px}
.legend li{white-space:nowrap}
.swatch{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:-1px}
.alarm-list{list-style:none;margin:4px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px}
.alarm-list li{border:1px solid #d5dbdb;border-radius:2px;padding:1px 6px;background:#fafafa;
  font-size:11px;overflow-wrap:anywhere}
.alarm-list .state{display:inline-block;width:8px;height:8px;border-radius:50%;
  background:#879596;margin-right:4px}
.markdown h1{font-size:20px;margin:2px 0 6px}.markdown h2{font-size:16px;margin:2px 0 4px}
.markdown h3{font-size:14px;margin:2px 0 4px}.markdown p{margin:0 0 6px}
.markdown ul,.markdown ol{margin:0 0 6px;padding-left:20px}
.markdown table{font-size:11px;margin:4px 0}.markdown th{background:#f2f3f3}
.markdown code{background:#f2f3f3;padding:0 3px;border-radius:2px;font-size:11px}
.markdown a{color:#0073bb}
.illustrative{font-style:italic}`;
