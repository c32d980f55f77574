/** Assertions every dashboard body must pass: grid placement and AWS quotas. */
import { expect } from "chai";

import { dashboardLimits, GRID_COLUMNS } from "../../components/dashboard/limits";
import type { DashboardBody, Widget } from "../../components/dashboard/types";
import { AWS_LIMITS } from "../../components/core/limits";

function overlaps(a: Widget, b: Widget): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whole-number positions inside the 24 columns, and no two widgets overlapping. */
export function expectValidGrid(body: DashboardBody): void {
  for (const w of body.widgets) {
    for (const n of [w.x, w.y, w.width, w.height]) expect(Number.isInteger(n)).to.equal(true);
    expect(w.x).to.be.at.least(0);
    expect(w.y).to.be.at.least(0);
    expect(w.width).to.be.at.least(1);
    expect(w.height).to.be.at.least(1);
    expect(w.x + w.width, JSON.stringify(w)).to.be.at.most(GRID_COLUMNS);
  }
  // Widgets are placed row by row, so sorting by row lets each widget be checked against the
  // widgets that start before its bottom edge only.
  const sorted = [...body.widgets].sort((a, b) => a.y - b.y);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].y < sorted[i].y + sorted[i].height; j++) {
      expect(overlaps(sorted[i], sorted[j]), `${i} overlaps ${j}`).to.equal(false);
    }
  }
}

/** Every AWS dashboard quota respected, per widget and per dashboard. */
export function expectWithinQuotas(body: DashboardBody): void {
  const usage = dashboardLimits(body);
  expect(usage.widgets).to.be.at.most(AWS_LIMITS.widgetsPerDashboard);
  expect(usage.metrics).to.be.at.most(AWS_LIMITS.metricsPerDashboard);
  expect(usage.maxMetricsPerWidget).to.be.at.most(AWS_LIMITS.metricsPerWidget);
  expect(usage.maxAlarmsPerWidget).to.be.at.most(AWS_LIMITS.alarmsPerAlarmWidget);
  expect(usage.withinLimits).to.equal(true);
}

/** The body survives the JSON round trip the component does. */
export function roundTrip(body: DashboardBody): DashboardBody {
  return JSON.parse(JSON.stringify(body)) as DashboardBody;
}
