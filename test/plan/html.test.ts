import { expect } from "chai";
import { readFileSync } from "fs";
import { join } from "path";
import { pathToFileURL } from "url";
import type { Browser } from "playwright-core";
import { COLUMN_PX, GAP_PX, ROW_PX } from "../../tools/plan/html-dashboard";
import type { PlanReport } from "../../tools/plan/report";
import { runCli, tempDir } from "./helpers";
import { chromiumOrSkip } from "./html-browser";

interface Box {
  dashboard: string;
  x: number;
  y: number;
  width: number;
  height: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  gridLeft: number;
  gridTop: number;
}

describe("plan --html in a browser (prod)", function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let report: PlanReport;
  let file: string;

  before(async function () {
    browser = await chromiumOrSkip(this);
    file = join(tempDir(), "plan.html");
    const run = await runCli(["--stack", "prod", "--html", file]);
    expect(run.code).to.equal(0);
    report = run.report as PlanReport;
  });

  after(async () => {
    await browser?.close();
  });

  it("is one self-contained page", () => {
    const html = readFileSync(file, "utf8");
    expect(html).to.match(/^<!DOCTYPE html>/);
    expect(html).not.to.match(/<(script|link|img)\b/i);
    expect(html).not.to.match(/\bsrc=|url\(|@import/i);
    // Links are the markdown's console links: followed on a click, never fetched.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).to.include(
      "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:",
    );
    for (const href of hrefs)
      expect(href).to.match(/^https:\/\/[a-z0-9-]+\.console\.aws\.amazon\.com\//);
  });

  it("draws every widget at its grid place, without overlaps, in grid order", async () => {
    const page = await (browser as Browser).newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(file).href);
    const boxes: Box[] = await page.$$eval(".widget", (elements) =>
      elements.map((e) => {
        const el = e as any;
        const parent = el.parentElement as any;
        const grid = parent.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return {
          dashboard: (el.closest("section") as any).dataset.dashboard ?? "",
          x: Number(el.dataset.x),
          y: Number(el.dataset.y),
          width: Number(el.dataset.width),
          height: Number(el.dataset.height),
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
          // Positions count from inside the grid's border.
          gridLeft: grid.left + parent.clientLeft,
          gridTop: grid.top + parent.clientTop,
        };
      }),
    );
    const expected = report.dashboards.dashboards.flatMap((d) => d.widgets);
    expect(expected.length).to.be.greaterThan(10);
    expect(boxes).to.have.length(expected.length);
    expect(await page.locator("section[data-dashboard]").count()).to.equal(
      report.dashboards.dashboards.length,
    );
    boxes.forEach((b, i) => {
      expect([b.x, b.y, b.width, b.height]).to.deep.equal([
        expected[i].x,
        expected[i].y,
        expected[i].width,
        expected[i].height,
      ]);
      expect(b.left - b.gridLeft).to.be.closeTo(b.x * COLUMN_PX, 0.5);
      expect(b.top - b.gridTop).to.be.closeTo(b.y * ROW_PX, 0.5);
      expect(b.right - b.left).to.be.closeTo(b.width * COLUMN_PX - GAP_PX, 0.5);
      expect(b.bottom - b.top).to.be.closeTo(b.height * ROW_PX - GAP_PX, 0.5);
      expect(b.x + b.width).to.be.at.most(24);
    });
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        if (a.dashboard !== b.dashboard) continue;
        const apart =
          a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, `widgets at ${a.x},${a.y} and ${b.x},${b.y} overlap`).to.equal(true);
      }
    }
    for (let i = 1; i < boxes.length; i++) {
      const [a, b] = [boxes[i - 1], boxes[i]];
      if (a.dashboard !== b.dashboard) continue;
      const inOrder = a.top < b.top || (a.top === b.top && a.left < b.left);
      expect(inOrder, `widget ${i} comes before widget ${i - 1} on the grid`).to.equal(true);
    }
    const metrics = await page.$$eval(".widget", (els) =>
      els.map((e) => Number((e as any).dataset.metrics)),
    );
    expect(metrics).to.deep.equal(expected.map((w) => w.metrics));
    await page.close();
  });

  it("shows the alarms by group and severity, the cost and the quotas", async () => {
    const page = await (browser as Browser).newPage();
    await page.goto(pathToFileURL(file).href);
    const cost = report.cost;
    if (!cost) throw new Error("prod has a cost estimate");
    // Every item, then the fixed part and the total: $9.80 fixed (docs/DESIGN.md, "Fixed monthly
    // cost"), $39.79 with the assumed traffic.
    expect(await page.locator("tr[data-cost-item]").count()).to.equal(cost.items.length + 2);
    expect(
      await page.locator('tr[data-cost-item="total"]').getAttribute("data-monthly-usd"),
    ).to.equal("39.79");
    expect(
      await page.locator('tr[data-cost-item="fixed"]').getAttribute("data-monthly-usd"),
    ).to.equal("9.8");
    expect(await page.locator("tr[data-quota]").count()).to.equal(report.quotas.length);
    expect(await page.locator('tr[data-quota][data-ok="false"]').count()).to.equal(0);
    const groups = await page.$$eval("tr[data-alarm-group]", (rows) =>
      rows.map((r) => (r as any).dataset.alarmGroup),
    );
    expect(new Set(groups)).to.deep.equal(
      // Groups with alarms of their own: partner-exchange's expiry, platform-secrets' baseline.
      new Set(["stack", "partner-exchange", "platform-secrets"]),
    );
    expect(
      await page
        .locator('tr[data-alarm-group="partner-exchange"][data-severity="warning"]')
        .count(),
    ).to.equal(1);
    expect(await page.locator("header[data-stack]").getAttribute("data-stack")).to.equal("prod");
    await page.close();
  });
});
