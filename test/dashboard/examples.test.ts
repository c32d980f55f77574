import { expect } from "chai";

import { buildDashboardBodies } from "../../components/dashboard/body";
import { dashboardLimits } from "../../components/dashboard/limits";
import type { Widget } from "../../components/dashboard/types";
import { expectValidGrid, expectWithinQuotas, roundTrip } from "./checks";
import { devStack, prodStack } from "./fixtures";

function titleOf(w: Widget): string {
  return w.type === "text" ? w.properties.markdown.split("\n")[0] : w.properties.title;
}

function countByType(widgets: Widget[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const w of widgets) counts[w.type] = (counts[w.type] ?? 0) + 1;
  return counts;
}

describe("dashboard of the example stacks", () => {
  it("dev (2 groups, 3 keys, us-east-1): one dashboard of 14 widgets and 46 metrics", () => {
    const dashboards = buildDashboardBodies(devStack().input);
    expect(dashboards.map((d) => d.name)).to.deep.equal(["kmsmon-dev"]);
    const body = roundTrip(dashboards[0].body);
    expectValidGrid(body);
    expectWithinQuotas(body);
    // Group baselines are opt-in and dev opts in none: each symmetric key graphs its 7
    // operations, no band, and no group has an alarm widget. The quota graph draws 3 quota
    // usages and the 3 account usage bands' call counts.
    expect(dashboardLimits(body)).to.include({ widgets: 14, metrics: 19 + 6 + 3 * 7 });
    expect(countByType(body.widgets)).to.deep.equal({ text: 7, metric: 5, alarm: 2 });
    expect(body.widgets.filter((w) => w.type === "alarm").map(titleOf)).to.deep.equal([
      "Account-wide KMS and tamper alarms in us-east-1",
      "KMS quota and usage-band alarms in us-east-1",
    ]);
    expect(body.widgets.filter((w) => w.type === "text").map(titleOf)).to.deep.equal([
      "# KMS monitoring: dev",
      "## Whole account",
      "## What to do",
      "## Key group payments",
      "### Keys of group payments, as found at deploy time",
      "## Key group platform-secrets",
      "### Keys of group platform-secrets, as found at deploy time",
    ]);
  });

  it("prod (4 groups, 10 keys, us-east-1 and eu-west-1): one dashboard of 30 widgets", () => {
    const dashboards = buildDashboardBodies(prodStack().input);
    expect(dashboards.map((d) => d.name)).to.deep.equal(["kmsmon-prod"]);
    const body = roundTrip(dashboards[0].body);
    expectValidGrid(body);
    expectWithinQuotas(body);
    // 9 described keys graph 7 operations each, platform-secrets' 2 (its baseline opted in) also
    // Decrypt's band; partner-exchange's imported key adds 2 expiry lines; two regions of quota
    // usage. Alarm widgets: the account's, one quota and usage-band widget per region, and one
    // per group and region with alarms (partner-exchange 1, platform-secrets 2).
    expect(dashboardLimits(body)).to.include({
      widgets: 30,
      metrics: 19 + 2 * 6 + 7 * 7 + 2 * 8 + 2,
    });
    expect(countByType(body.widgets)).to.deep.equal({ text: 11, metric: 13, alarm: 6 });
    const titles = body.widgets.map(titleOf);
    expect(titles).to.include("Alarms of group partner-exchange in eu-west-1");
    expect(titles).to.include(
      "Days left on imported key material, group partner-exchange in eu-west-1",
    );
    expect(titles).to.include(
      "Data-plane calls of mrk-6e2b9c4d1a8f47e3b5c0d9a2e7f4b1c8 (eu-west-1), by operation",
    );
  });

  it("prod: draws platform-secrets' band with its configured width of 3", () => {
    const body = buildDashboardBodies(prodStack().input)[0].body;
    const bands = body.widgets.flatMap((w) =>
      w.type === "metric" && w.properties.title.includes("b9e4c7a2")
        ? w.properties.metrics.flatMap((m) =>
            m.flatMap((part) =>
              typeof part === "object" && part.expression?.startsWith("ANOMALY")
                ? [part.expression]
                : [],
            ),
          )
        : [],
    );
    expect(bands).to.deep.equal(["ANOMALY_DETECTION_BAND(o1, 3)"]);
  });

  it("prod: the tag-selected key that could not be described is listed, not graphed", () => {
    const body = buildDashboardBodies(prodStack().input)[0].body;
    const inventory = body.widgets.find((w) =>
      titleOf(w).startsWith("### Keys of group customer-data"),
    );
    if (inventory?.type !== "text") throw new Error("no inventory");
    expect(inventory.properties.markdown).to.include(
      "| 2f3e4d5c-6b7a-4891-a2b3-c4d5e6f7a8b9 | - | eu-west-1 | not described | - | - | - | - |",
    );
    expect(body.widgets.map(titleOf).filter((t) => t.includes("2f3e4d5c"))).to.deep.equal([]);
  });
});
