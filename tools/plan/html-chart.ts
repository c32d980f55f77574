/**
 * A graph widget's chart as inline SVG, drawn as CloudWatch draws a time series: a left axis with
 * round ticks, a time axis over the dashboard's range, one path per line, anomaly bands as grey
 * shaded areas and horizontal annotations (alarm thresholds) as dashed lines. Plus its legend.
 */
import type { GraphModel } from "./html-graph";
import { niceScale, rangeHours } from "./html-layout";
import { escapeHtml } from "./html-text";

/** Margins of the plot inside the chart: room for tick labels and the axis label. */
const MARGIN = { left: 46, right: 8, top: 8, bottom: 18 };
/** CloudWatch draws anomaly bands in grey. */
export const BAND_COLOUR = "#b9bec6";
export const ANNOTATION_COLOUR = "#d13212";

const fixed = (n: number) => Number(n.toFixed(1)).toString();

/** Tick label: 1,234 or 0.25 or 1.5k. */
function tickLabel(v: number): string {
  if (Math.abs(v) >= 10_000) return `${Number((v / 1000).toPrecision(3))}k`;
  return Number(v.toPrecision(4)).toLocaleString("en-US");
}

/**
 * The points (x, y) of `values` in plot coordinates, to whole pixels: a 1,000-key plan draws
 * thousands of paths, and a decimal more makes its page a third bigger for no visible gain.
 */
function points(values: number[], x: (i: number) => number, y: (v: number) => number): string[] {
  return values.map((v, i) => `${Math.round(x(i))},${Math.round(y(v))}`);
}

/**
 * The chart of `model`, `width` x `height` pixels, over the last `start` (ISO 8601 duration,
 * e.g. -PT12H) of time. `title` labels it for screen readers.
 */
export function chartSvg(
  model: GraphModel,
  width: number,
  height: number,
  start: string,
  title: string,
): string {
  const plotW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const plotH = Math.max(10, height - MARGIN.top - MARGIN.bottom);
  const all = [
    ...model.lines.flatMap((l) => l.values),
    ...model.bands.flatMap((b) => b.upper),
    ...model.annotations.map((a) => a.value),
  ];
  const scale = niceScale(Math.min(0, ...all), Math.max(1, ...all), 4, model.axis);
  const n = Math.max(2, ...model.lines.map((l) => l.values.length));
  const x = (i: number) => MARGIN.left + (i / (n - 1)) * plotW;
  const y = (v: number) => {
    const clamped = Math.min(scale.max, Math.max(scale.min, v));
    return MARGIN.top + plotH - ((clamped - scale.min) / (scale.max - scale.min)) * plotH;
  };
  const parts: string[] = [];
  for (const t of scale.ticks) {
    parts.push(
      `<line class="grid-line" x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" ` +
        `y1="${fixed(y(t))}" y2="${fixed(y(t))}"/>` +
        `<text class="tick" x="${MARGIN.left - 4}" y="${fixed(y(t) + 3)}" text-anchor="end">` +
        `${tickLabel(t)}</text>`,
    );
  }
  const hours = rangeHours(start);
  for (let k = 0; k <= 4; k++) {
    const label = k === 4 ? "now" : `-${Number(((hours * (4 - k)) / 4).toPrecision(3))}h`;
    const anchor = k === 0 ? "start" : k === 4 ? "end" : "middle";
    parts.push(
      `<text class="tick" x="${fixed(MARGIN.left + (k / 4) * plotW)}" ` +
        `y="${height - 4}" text-anchor="${anchor}">${label}</text>`,
    );
  }
  if (model.axis.label) {
    const cy = fixed(MARGIN.top + plotH / 2);
    parts.push(
      `<text class="axis-label" x="10" y="${cy}" text-anchor="middle" ` +
        `transform="rotate(-90 10 ${cy})">${escapeHtml(model.axis.label)}</text>`,
    );
  }
  for (const band of model.bands) {
    const upper = points(band.upper, x, y);
    const lower = points(band.lower, x, y).reverse();
    parts.push(
      `<path class="band" data-band="${escapeHtml(band.of)}" fill="${BAND_COLOUR}" ` +
        `fill-opacity="0.55" stroke="none" d="M${upper.join("L")}L${lower.join("L")}Z">` +
        `<title>${escapeHtml(band.label)}</title></path>`,
    );
  }
  for (const line of model.lines) {
    parts.push(
      `<path class="series" data-label="${escapeHtml(line.label)}" fill="none" ` +
        `stroke="${line.colour}" stroke-width="1.5" d="M${points(line.values, x, y).join("L")}">` +
        `<title>${escapeHtml(line.label)}</title></path>`,
    );
  }
  for (const a of model.annotations) {
    const ay = fixed(y(a.value));
    parts.push(
      `<line class="annotation" data-value="${a.value}" x1="${MARGIN.left}" ` +
        `x2="${MARGIN.left + plotW}" y1="${ay}" y2="${ay}" stroke="${ANNOTATION_COLOUR}" ` +
        `stroke-dasharray="5 3" shape-rendering="crispEdges"/><text class="annotation-label" x="${MARGIN.left + plotW - 2}" ` +
        `y="${fixed(y(a.value) - 3)}" text-anchor="end" fill="${ANNOTATION_COLOUR}">` +
        `${escapeHtml(a.label)} ${tickLabel(a.value)}</text>`,
    );
  }
  parts.push(
    `<text class="watermark" x="${MARGIN.left + 4}" y="${MARGIN.top + 9}">` +
      `illustrative data, not your metrics</text>`,
    `<line class="axis" x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" ` +
      `y2="${MARGIN.top + plotH}"/><line class="axis" x1="${MARGIN.left}" ` +
      `x2="${MARGIN.left + plotW}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH}"/>`,
  );
  const described = [
    `${model.lines.length} line${model.lines.length === 1 ? "" : "s"}`,
    model.bands.length ? `${model.bands.length} expected band` : "",
    model.annotations.map((a) => `threshold ${a.label} at ${a.value}`).join(", "),
    "illustrative data",
  ].filter(Boolean);
  return (
    `<svg class="chart" role="img" aria-label="${escapeHtml(`${title}: ${described.join(", ")}`)}" ` +
    `viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMidYMid meet">` +
    `<title>${escapeHtml(title)}</title>${parts.join("")}</svg>`
  );
}

/** The legend under a chart: a swatch and the label of every drawn line and band. */
export function legendHtml(model: GraphModel): string {
  const items = [
    ...model.lines.map(
      (l) =>
        `<li data-legend="line"><span class="swatch" style="background:${l.colour}"></span>` +
        `${escapeHtml(l.label)}</li>`,
    ),
    ...model.bands.map(
      (b) =>
        `<li data-legend="band"><span class="swatch band-swatch" ` +
        `style="background:${BAND_COLOUR}"></span>${escapeHtml(b.label)}</li>`,
    ),
  ];
  return `<ul class="legend">${items.join("")}</ul>`;
}
