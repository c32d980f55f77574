import { expect } from "chai";

import { buildDashboardBodies } from "../../components/dashboard/body";
import type { SizedWidget } from "../../components/dashboard/layout";
import { dashboardLimits } from "../../components/dashboard/limits";
import { packSections } from "../../components/dashboard/pack";
import type { Section } from "../../components/dashboard/sections";
import type { Widget } from "../../components/dashboard/types";
import type { DashboardInput } from "../../components/dashboard/input";
import { alarmWidgets, expiryWidgets } from "../../components/dashboard/widgets";
import { expectValidGrid, expectWithinQuotas } from "./checks";
import { ACCOUNT } from "../builders";
import { importedKey, key } from "./fixtures";

function titleOf(w: Widget): string {
  return w.type === "text" ? w.properties.markdown.split("\n")[0] : w.properties.title;
}

function graph(lines: number, label: string): SizedWidget {
  return {
    content: {
      type: "metric",
      properties: {
        title: label,
        region: "us-east-1",
        metrics: Array.from({ length: lines }, () => ["N", "M"]),
        view: "timeSeries",
        stacked: false,
        period: 60,
        stat: "Sum",
      },
    },
    width: 12,
    height: 6,
  };
}

function text(markdown: string): SizedWidget {
  return { content: { type: "text", properties: { markdown } }, width: 24, height: 2 };
}

function section(name: string, graphs: number, lines: number): Section {
  return {
    group: name,
    header: text(`## ${name}`),
    widgets: Array.from({ length: graphs }, (_, i) => graph(lines, `${name} ${i}`)),
    continuation: () => text(`## ${name} (continued)`),
  };
}

function names(page: { widgets: SizedWidget[] }): string[] {
  return page.widgets.map((w) =>
    w.content.type === "text" ? w.content.properties.markdown : w.content.properties.title,
  );
}

describe("dashboard splitting", () => {
  it("keeps sections whole when they fit, moving a section that does not to the next page", () => {
    const pages = packSections([section("a", 2, 10), section("b", 2, 10), section("c", 1, 10)], {
      widgets: 5,
      metrics: 100,
    });
    expect(pages.map(names)).to.deep.equal([
      ["## a", "a 0", "a 1"],
      ["## b", "b 0", "b 1", "## c", "c 0"],
    ]);
    expect(pages.map((p) => p.groups)).to.deep.equal([["a"], ["b", "c"]]);
  });

  it("starts a section too big for any page on the current one, continued under a header", () => {
    const pages = packSections([section("a", 1, 10), section("big", 5, 30)], {
      widgets: 10,
      metrics: 70,
    });
    expect(pages.map(names)).to.deep.equal([
      ["## a", "a 0", "## big", "big 0", "big 1"],
      ["## big (continued)", "big 2", "big 3"],
      ["## big (continued)", "big 4"],
    ]);
    expect(pages.map((p) => p.metrics)).to.deep.equal([70, 60, 30]);
    expect(pages.map((p) => p.groups)).to.deep.equal([["a", "big"], ["big"], ["big"]]);
  });

  it("chunks alarm status widgets at 100 alarms, per region", () => {
    const alarms = [
      ...Array.from({ length: 250 }, (_, i) => ({ name: `e${i}`, region: "eu-west-1" })),
      ...Array.from({ length: 30 }, (_, i) => ({ name: `u${i}`, region: "us-east-1" })),
    ];
    const widgets = alarmWidgets("Alarms of group g", alarms, ACCOUNT, "aws");
    expect(
      widgets.map((w) => (w.content.type === "alarm" ? w.content.properties.alarms.length : 0)),
    ).to.deep.equal([100, 100, 50, 30]);
    expect(
      widgets.map((w) => (w.content.type === "alarm" ? w.content.properties.title : "")),
    ).to.deep.equal([
      "Alarms of group g in eu-west-1 (1/3)",
      "Alarms of group g in eu-west-1 (2/3)",
      "Alarms of group g in eu-west-1 (3/3)",
      "Alarms of group g in us-east-1",
    ]);
  });

  it("chunks the expiry graph at 250 keys (500 lines)", () => {
    const keys = Array.from({ length: 600 }, (_, i) => importedKey(`k${i}`, "eu-west-1", "2027"));
    const widgets = expiryWidgets("g", "eu-west-1", keys);
    expect(
      widgets.map((w) => (w.content.type === "metric" ? w.content.properties.metrics.length : 0)),
    ).to.deep.equal([500, 500, 200]);
  });

  it("spreads one group of 600 keys over dashboards that each stay within quotas", () => {
    const keys = Array.from({ length: 600 }, (_, i) => key(`k${i}`, "us-east-1"));
    const input: DashboardInput = {
      environment: "big",
      stackRegion: "us-east-1",
      accountId: ACCOUNT,
      groups: [{ name: "huge", keys, alarms: [], expiryKeyArns: [], anomalyBandWidth: 2 }],
    };
    const dashboards = buildDashboardBodies(input);
    const usage = dashboards.map((d) => dashboardLimits(d.body));
    // Usage unknown: 600 graphs of 12 lines (11 operations and the band). 206 fit next to the
    // whole-account section (25 lines), 208 (2,496 lines) on the next, the last 186 with the
    // inventory tables on the third.
    expect(dashboards.map((d) => d.name)).to.deep.equal([
      "kmsmon-big",
      "kmsmon-big-2",
      "kmsmon-big-3",
    ]);
    expect(usage.map((u) => u.metrics)).to.deep.equal([2497, 2496, 2232]);
    for (const d of dashboards) {
      expectValidGrid(d.body);
      expectWithinQuotas(d.body);
    }
    expect(titleOf(dashboards[1].body.widgets[1])).to.equal("## Key group huge (continued)");
    expect(titleOf(dashboards[2].body.widgets[0])).to.equal("# KMS monitoring: big (part 3 of 3)");
    const last = dashboards[2].body.widgets;
    expect(titleOf(last[last.length - 1])).to.match(/^### Keys of group huge/);
  });
});
