/**
 * Packs sections into as few dashboards as the quotas allow. Sections stay whole and in order
 * when they fit; a section too big for one dashboard continues on the next, under a
 * "(continued)" header. Each dashboard keeps one widget free for its own header.
 */
import type { SizedWidget } from "./layout";
import { widgetMetricCount } from "./limits";
import type { Section } from "./sections";
import { AWS_LIMITS } from "../core/limits";

/** What one dashboard can hold besides its header. */
export interface PageBudget {
  widgets: number;
  metrics: number;
}

/** The quotas of a dashboard, less the header widget. */
export const DEFAULT_PAGE_BUDGET: PageBudget = {
  widgets: AWS_LIMITS.widgetsPerDashboard - 1,
  metrics: AWS_LIMITS.metricsPerDashboard,
};

/** The widgets of one dashboard (header excluded) and the groups they show. */
export interface Page {
  widgets: SizedWidget[];
  metrics: number;
  groups: string[];
}

function metricsOf(widgets: readonly SizedWidget[]): number {
  return widgets.reduce((sum, w) => sum + widgetMetricCount(w.content), 0);
}

/** The pages so far and the one being filled. */
class Pager {
  readonly pages: Page[] = [];
  private page: Page = { widgets: [], metrics: 0, groups: [] };

  constructor(private readonly budget: PageBudget) {}

  get empty(): boolean {
    return this.page.widgets.length === 0;
  }

  /** Whether `widgets` fit on the current page (`onEmpty`: on a new one). */
  fits(widgets: readonly SizedWidget[], onEmpty = false): boolean {
    const usedWidgets = onEmpty ? 0 : this.page.widgets.length;
    const usedMetrics = onEmpty ? 0 : this.page.metrics;
    return (
      usedWidgets + widgets.length <= this.budget.widgets &&
      usedMetrics + metricsOf(widgets) <= this.budget.metrics
    );
  }

  /** Puts `widgets` on the current page, noting the group they show. */
  add(widgets: readonly SizedWidget[], group?: string): void {
    this.page.widgets.push(...widgets);
    this.page.metrics += metricsOf(widgets);
    if (group !== undefined && !this.page.groups.includes(group)) this.page.groups.push(group);
  }

  /** Closes the current page (unless empty) and opens a new one. */
  next(): void {
    if (!this.empty) this.pages.push(this.page);
    this.page = { widgets: [], metrics: 0, groups: [] };
  }
}

/** Distributes the sections over dashboards; every page fits `budget`. */
export function packSections(
  sections: readonly Section[],
  budget: PageBudget = DEFAULT_PAGE_BUDGET,
): Page[] {
  const pager = new Pager(budget);
  for (const section of sections) {
    const all = [section.header, ...section.widgets];
    for (const w of section.widgets) {
      const lines = widgetMetricCount(w.content);
      if (lines > AWS_LIMITS.metricsPerWidget || lines > budget.metrics) {
        throw new Error(`dashboard: a widget has ${lines} metrics, more than one widget may hold`);
      }
    }
    if (pager.fits(all)) {
      pager.add(all, section.group);
      continue;
    }
    if (pager.fits(all, true)) {
      pager.next();
      pager.add(all, section.group);
      continue;
    }
    // Too big for any one dashboard: start on this one (when its first widget fits), go on.
    if (!pager.fits([section.header, ...section.widgets.slice(0, 1)])) pager.next();
    pager.add([section.header], section.group);
    for (const w of section.widgets) {
      if (!pager.fits([w])) {
        pager.next();
        pager.add([section.continuation()], section.group);
      }
      pager.add([w], section.group);
    }
  }
  pager.next();
  return pager.pages;
}
