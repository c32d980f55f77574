/**
 * The page's layout arithmetic, pure: where a widget of CloudWatch's 24-column grid sits in
 * pixels, how much room its graph gets, and the axis scale of a graph.
 */
import { GRID_COLUMNS } from "../../components/dashboard/limits";

/** Pixels per grid column and per grid row (a 24-column dashboard is 1,152 px wide). */
export const COLUMN_PX = 48;
export const ROW_PX = 40;
/** Space left between neighbouring boxes, so boxes never touch. */
export const GAP_PX = 4;
/** Padding inside a widget box, and its border width. */
export const PADDING_PX = 6;
export const BORDER_PX = 1;
/** Height of one line of widget title, meta line and legend (12 px text). */
export const LINE_PX = 16;
/** Average width of a character of 12 px text, to estimate wrapping. */
export const CHAR_PX = 6.5;
/** Average width of a character of a widget title (13 px bold). */
export const TITLE_CHAR_PX = 7.6;

/** A widget's place on the grid, in grid units. */
export interface GridPlace {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A rectangle in pixels, from the grid's top left corner. */
export interface PixelRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where a widget is drawn: its grid cells, less the gap on the right and bottom. */
export function widgetRect(p: GridPlace): PixelRect {
  return {
    left: p.x * COLUMN_PX,
    top: p.y * ROW_PX,
    width: p.width * COLUMN_PX - GAP_PX,
    height: p.height * ROW_PX - GAP_PX,
  };
}

/** Size of a dashboard's grid: 24 columns, as many rows as its lowest widget reaches. */
export function gridSize(places: readonly GridPlace[]): { width: number; height: number } {
  const rows = Math.max(0, ...places.map((p) => p.y + p.height));
  return { width: GRID_COLUMNS * COLUMN_PX, height: rows * ROW_PX };
}

/**
 * Lines `text` wraps to in `width` pixels of `charPx` wide characters (at least 1): words fill
 * a line while they fit, a word too long for any line is broken (CSS overflow-wrap: anywhere).
 */
export function wrappedLines(text: string, width: number, charPx = CHAR_PX): number {
  const perLine = Math.max(1, Math.floor(width / charPx));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const needed = used === 0 ? word.length : used + 1 + word.length;
    if (needed <= perLine) {
      used = needed;
    } else if (word.length <= perLine) {
      [lines, used] = [lines + 1, word.length];
    } else {
      // Broken across lines: the rest of this line, then whole lines.
      const rest = word.length - (perLine - used - (used === 0 ? 0 : 1));
      lines += Math.ceil(rest / perLine);
      used = rest % perLine || perLine;
    }
  }
  return lines;
}

/** Rows of a legend whose `labels` flow left to right in `width` pixels (a swatch each). */
export function legendRows(labels: readonly string[], width: number): number {
  let rows = labels.length > 0 ? 1 : 0;
  let used = 0;
  for (const label of labels) {
    const item = Math.min(width, 22 + label.length * CHAR_PX);
    if (used > 0 && used + item > width) [rows, used] = [rows + 1, 0];
    used += item;
  }
  return rows;
}

/** Legend rows shown before the legend scrolls, at most. */
export const MAX_LEGEND_ROWS = 4;
/** The smallest chart drawn, in pixels high. */
export const MIN_CHART_PX = 60;

/**
 * The chart's size inside a graph widget of `rect`: the inner width, and the height left under
 * the title (wrapped), the meta line and the legend (up to MAX_LEGEND_ROWS rows).
 */
export function chartSize(
  rect: PixelRect,
  title: string,
  labels: readonly string[],
): { width: number; height: number } {
  const inner = (n: number) => n - 2 * (PADDING_PX + BORDER_PX);
  const width = inner(rect.width);
  const legend = Math.min(MAX_LEGEND_ROWS, legendRows(labels, width));
  const used = (wrappedLines(title, width, TITLE_CHAR_PX) + 1 + legend) * LINE_PX;
  return { width, height: Math.max(MIN_CHART_PX, inner(rect.height) - used) };
}

/** An axis scale: its bounds and tick values, on round steps (1, 2, 2.5 or 5 times a power of 10). */
export interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

/**
 * A scale covering `low`..`high` with about `count` ticks. `min` and `max`, when given (the
 * widget's yAxis), are kept as they are, as CloudWatch does.
 */
export function niceScale(
  low: number,
  high: number,
  count = 4,
  fixed: { min?: number; max?: number } = {},
): Scale {
  const lo = fixed.min ?? Math.min(low, high);
  const hi = fixed.max ?? Math.max(high, low, lo + 1e-9);
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const min = fixed.min ?? Math.floor(lo / step) * step;
  const max = fixed.max ?? Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step / 1e6; v += step) {
    ticks.push(Number(v.toPrecision(12)));
  }
  return { min, max: max > min ? max : min + step, ticks };
}

/** Hours of a dashboard's time range (`-PT12H`, `-PT3H`, `-P1D`); 3 when unreadable. */
export function rangeHours(start: string): number {
  const m = /^-P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(start);
  if (!m || start === "-P" || start === "-PT") return 3;
  const hours = Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 60;
  return hours > 0 ? hours : 3;
}
