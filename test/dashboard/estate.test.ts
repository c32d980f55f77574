import { expect } from "chai";

import { buildDashboardBodies } from "../../components/dashboard/body";
import { dashboardLimits } from "../../components/dashboard/limits";
import type { NamedDashboard, Widget } from "../../components/dashboard/types";
import { expectValidGrid, expectWithinQuotas } from "./checks";
import { estate } from "./fixtures";

function titleOf(w: Widget): string {
  return w.type === "text" ? w.properties.markdown.split("\n")[0] : w.properties.title;
}

describe("dashboard of a 1,000-group, 10,000-key estate (pure function only)", function () {
  // Building is fast; the generous timeout covers slow CI machines.
  this.timeout(30000);
  let dashboards: NamedDashboard[];

  before(() => {
    dashboards = buildDashboardBodies(estate(1000, 10));
  });

  it("splits into 34 dashboards, kmsmon-prod to kmsmon-prod-34", () => {
    // A group: header, alarm status, expiry, 10 key graphs of 8 lines (7 symmetric operations
    // and Decrypt's band), inventory = 14 widgets and 82 lines. 30 groups fit in 2,500 lines,
    // next to the whole-account section (31 lines) on the first dashboard too:
    // 1 + ceil(970 / 30) = 34.
    expect(dashboards).to.have.length(34);
    expect(dashboards[0].name).to.equal("kmsmon-prod");
    expect(dashboards[33].name).to.equal("kmsmon-prod-34");
  });

  it("keeps every dashboard within 500 widgets and 2,500 metrics, on the grid", () => {
    for (const d of dashboards) {
      expectValidGrid(d.body);
      expectWithinQuotas(d.body);
    }
    const usage = dashboards.map((d) => dashboardLimits(d.body));
    expect(usage[0]).to.include({ widgets: 1 + 6 + 30 * 14, metrics: 31 + 30 * 82 });
    expect(usage[1]).to.include({ widgets: 1 + 30 * 14, metrics: 30 * 82 });
    expect(usage[33]).to.include({ widgets: 1 + 10 * 14, metrics: 10 * 82 });
    expect(usage.reduce((sum, u) => sum + u.metrics, 0)).to.equal(31 + 1000 * 82);
    expect(usage.reduce((sum, u) => sum + u.widgets, 0)).to.equal(34 + 6 + 1000 * 14);
  });

  it("shows every group once and graphs every key once", () => {
    const titles = dashboards.flatMap((d) => d.body.widgets.map(titleOf));
    const headers = titles.filter((t) => t.startsWith("## Key group "));
    expect(headers).to.have.length(1000);
    expect(new Set(headers).size).to.equal(1000);
    expect(titles.filter((t) => t.startsWith("Data-plane calls of "))).to.have.length(10000);
    expect(new Set(titles.filter((t) => t.startsWith("Data-plane calls of "))).size).to.equal(
      10000,
    );
  });

  it("lists every part, with its groups, in the first dashboard's header", () => {
    const header = dashboards[0].body.widgets[0];
    if (header.type !== "text") throw new Error("not text");
    const parts = header.properties.markdown.split("\n").filter((l) => l.startsWith("- [kmsmon"));
    expect(parts).to.have.length(34);
    expect(parts[0]).to.equal(
      "- [kmsmon-prod](https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1" +
        "#dashboards:name=kmsmon-prod): whole account and runbook; 30 groups, team-0001 to team-0030",
    );
    expect(parts[33]).to.match(/kmsmon-prod-34\): 10 groups, team-0991 to team-1000$/);
  });
});
