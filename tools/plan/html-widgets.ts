/**
 * One widget of a planned dashboard as HTML, at its place on the grid: text widgets show their
 * markdown rendered, graph widgets their full title, region, chart and legend, alarm status
 * widgets their alarms. Titles are shown in full (they wrap) and repeated as a tooltip.
 */
import type { MetricWidgetProperties } from "../../components/dashboard/types";
import type { WidgetBox } from "./dashboards";
import { chartSvg, legendHtml } from "./html-chart";
import { graphModel } from "./html-graph";
import { chartSize, PixelRect, widgetRect } from "./html-layout";
import { renderMarkdown } from "./html-markdown";
import { escapeHtml } from "./html-text";

/** A period in seconds as CloudWatch's period picker says it: 1 min, 5 min, 1 h. */
export function periodLabel(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** The heading of a graph or alarm widget: its whole title, also as tooltip, and a meta line. */
function heading(title: string, meta: string[]): string {
  const t = escapeHtml(title);
  return (
    `<h4 class="widget-title" title="${t}">${t}</h4>` +
    `<div class="widget-meta">${meta.map(escapeHtml).join(" · ")}</div>`
  );
}

function metricBody(w: WidgetBox, rect: PixelRect, start: string, seed: string): string {
  const p = w.properties as unknown as MetricWidgetProperties;
  const model = graphModel(p, seed);
  const labels = [...model.lines, ...model.bands].map((l) => l.label);
  const size = chartSize(rect, p.title, labels);
  return (
    heading(p.title, [p.region, p.stat, periodLabel(p.period)]) +
    `<div class="chart-box">${chartSvg(model, size.width, size.height, start, p.title)}</div>` +
    legendHtml(model)
  );
}

/** The name and region of an alarm ARN (arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME). */
export function alarmOfArn(arn: string): { name: string; region: string } {
  const parts = arn.split(":");
  return { name: parts.slice(6).join(":") || arn, region: parts[3] ?? "" };
}

function alarmBody(w: WidgetBox): string {
  const arns = (w.properties.alarms ?? []).map(String);
  const alarms = arns.map(alarmOfArn);
  const regions = [...new Set(alarms.map((a) => a.region))].join(", ");
  const items = alarms.map(
    (a, i) =>
      `<li data-alarm="${escapeHtml(a.name)}" title="${escapeHtml(arns[i])}">` +
      `<span class="state" aria-hidden="true"></span>${escapeHtml(a.name)}</li>`,
  );
  const count = `${arns.length} alarm${arns.length === 1 ? "" : "s"}`;
  return (
    heading(w.title, [regions, count, "states show in CloudWatch"]) +
    `<ul class="alarm-list">${items.join("")}</ul>`
  );
}

/**
 * Widget `index` of a dashboard, drawn at its grid place. `start` is the dashboard's time range
 * and `seed` (its name) varies the illustrative data between dashboards.
 */
export function widgetHtml(w: WidgetBox, index: number, start: string, seed: string): string {
  const rect = widgetRect(w);
  const style = `left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px`;
  const type = escapeHtml(w.type);
  let body: string;
  if (w.type === "text") {
    body = `<div class="markdown">${renderMarkdown(String(w.properties.markdown ?? ""))}</div>`;
  } else if (w.type === "metric") {
    body = metricBody(w, rect, start, `${seed}|${index}`);
  } else if (w.type === "alarm") {
    body = alarmBody(w);
  } else {
    body = heading(w.title, [`${w.type} widget, not drawn by this page`]);
  }
  return (
    `<div class="widget widget-${type}" style="${style}" data-widget="${index}" ` +
    `data-type="${type}" data-x="${w.x}" data-y="${w.y}" data-width="${w.width}" ` +
    `data-height="${w.height}" data-metrics="${w.metrics}" data-alarms="${w.alarms}">` +
    `${body}</div>`
  );
}
