/**
 * Places widgets on the 24-column grid, row by row: a widget goes right of the previous one when
 * it fits, otherwise it starts a new row below the tallest widget of the row. Headers always
 * start a row. Positions are explicit, so CloudWatch never reflows the dashboard, and no two
 * widgets can overlap.
 */
import { GRID_COLUMNS } from "./limits";
import type { Widget, WidgetContent } from "./types";

/** Full width: headers, inventory tables. */
export const FULL_WIDTH = GRID_COLUMNS;
/** Half width: account-wide graphs, alarm status, expiry. */
export const HALF_WIDTH = 12;
/** A third: one key's data-plane graph. */
export const THIRD_WIDTH = 8;
/** Height of every graph and alarm status widget. */
export const GRAPH_HEIGHT = 6;

/** A widget with its size, not yet placed. */
export interface SizedWidget {
  content: WidgetContent;
  width: number;
  height: number;
  /** Start a new row (section headers). Defaults to false. */
  newRow?: boolean;
}

/** Grid rows a markdown text of `lines` lines needs (about one and a half lines per row). */
export function textHeight(lines: number): number {
  return Math.max(2, Math.ceil(lines / 1.5) + 1);
}

/** Places the widgets in order, row by row, from the top left. */
export function placeWidgets(widgets: readonly SizedWidget[]): Widget[] {
  const placed: Widget[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const w of widgets) {
    if (w.width < 1 || w.width > GRID_COLUMNS) {
      throw new Error(`widget width ${w.width} is outside 1..${GRID_COLUMNS}`);
    }
    if (x > 0 && (w.newRow || x + w.width > GRID_COLUMNS)) {
      y += rowHeight;
      x = 0;
      rowHeight = 0;
    }
    placed.push({ ...w.content, x, y, width: w.width, height: w.height });
    x += w.width;
    rowHeight = Math.max(rowHeight, w.height);
  }
  return placed;
}
