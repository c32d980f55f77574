import { expect } from "chai";
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { pathToFileURL } from "url";
import type { Browser, Page } from "playwright-core";
import type { MetricWidgetProperties, Widget } from "../../components/dashboard/types";
import type { PlanReport } from "../../tools/plan/report";
import { PROJECT_DIR, runCli, tempDir } from "./helpers";
import { chromiumOrSkip, pictureStats } from "./html-browser";

const SCREENSHOT = join(PROJECT_DIR, "test", "output", "plan.png");

/** What the page shows of one widget, read through the DOM. */
interface Drawn {
  type: string;
  title: string | null;
  tooltip: string | null;
  titleFits: boolean;
  meta: string;
  series: { label: string; points: number }[];
  bands: string[];
  annotations: number[];
  legend: string[];
  alarms: string[];
  markdownTags: string[];
}

/** Every widget of the first dashboard, in order. */
async function drawnWidgets(page: Page): Promise<Drawn[]> {
  return page.$$eval("section[data-dashboard]:first-of-type .widget", (els) =>
    els.map((e) => {
      const el = e as any;
      const all = (sel: string) => [...el.querySelectorAll(sel)] as any[];
      const title = el.querySelector(".widget-title");
      return {
        type: el.dataset.type,
        title: title ? title.textContent : null,
        tooltip: title ? title.getAttribute("title") : null,
        // Shown in full: nothing cut off sideways or below.
        titleFits: title
          ? title.scrollWidth <= title.clientWidth && title.scrollHeight <= title.clientHeight
          : true,
        meta: el.querySelector(".widget-meta")?.textContent ?? "",
        series: all("path.series").map((p) => ({
          label: p.dataset.label,
          points: p.getAttribute("d").split("L").length,
        })),
        bands: all("path.band").map((p) => p.dataset.band),
        annotations: all("line.annotation").map((l) => Number(l.dataset.value)),
        legend: all(".legend li").map((li) => li.textContent),
        alarms: all("li[data-alarm]").map((li) => li.textContent),
        markdownTags: all(".markdown *").map((n) => n.tagName.toLowerCase()),
      };
    }),
  );
}

describe("plan --html: the dashboard looks like the CloudWatch dashboard it plans (prod)", function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let page: Page;
  let widgets: Widget[];
  let drawn: Drawn[];

  before(async function () {
    browser = await chromiumOrSkip(this);
    const file = join(tempDir(), "plan.html");
    const run = await runCli(["--stack", "prod", "--html", file]);
    expect(run.code).to.equal(0);
    const report = run.report as PlanReport;
    // The body CloudWatch gets is what the page must show.
    widgets = (report.run.plan?.dashboards ?? [])[0].body.widgets;
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(file).href);
    drawn = await drawnWidgets(page);
  });

  after(async () => {
    await browser?.close();
  });

  it("draws every widget of the body", () => {
    expect(drawn.map((d) => d.type)).to.deep.equal(widgets.map((w) => w.type));
    expect(drawn.filter((d) => d.type === "metric")).to.have.length(15);
  });

  it("renders the text widgets' markdown: headings, lists, bold, links, tables, code", async () => {
    expect(drawn[0].markdownTags).to.deep.equal([
      "h1",
      "p",
      "ul",
      "li",
      "strong",
      "li",
      "strong",
      "li",
      "strong",
      "em",
      "a",
      "a",
    ]);
    const header = page.locator('.widget[data-widget="0"]');
    expect(await header.locator("h1").textContent()).to.equal("KMS monitoring: prod");
    expect(await header.locator("a").first().textContent()).to.equal("Alarms");
    expect(await header.locator("a").last().getAttribute("href")).to.equal(
      "https://us-east-1.console.aws.amazon.com/kms/home?region=us-east-1#/kms/keys",
    );
    const runbook = page.locator(".widget-text").filter({ hasText: "What to do" });
    expect(await runbook.locator("h2").textContent()).to.equal("What to do");
    expect(await runbook.locator("th").allTextContents()).to.deep.equal([
      "Alert",
      "Severity",
      "First action",
    ]);
    expect(await runbook.locator("tbody tr").count()).to.be.greaterThan(20);
    expect(await runbook.locator("code").first().textContent()).to.equal(
      "aws kms cancel-key-deletion --key-id <key> --region <region>",
    );
    // No markdown syntax is left as text.
    for (const text of await page.locator(".widget-text").allTextContents()) {
      expect(text).not.to.match(/\*\*|\]\(|^#|\| --- \|/m);
    }
  });

  it("titles graphs and alarm widgets in full, with a tooltip and the region", () => {
    widgets.forEach((w, i) => {
      if (w.type === "text") return;
      expect(drawn[i].title, `widget ${i}`).to.equal(w.properties.title);
      expect(drawn[i].tooltip, `widget ${i}`).to.equal(w.properties.title);
      expect(drawn[i].titleFits, `title of widget ${i} is cut`).to.equal(true);
    });
    const dataPlane = drawn.find((d) => d.title?.startsWith("Data-plane calls of 8d3f1a52"));
    expect(dataPlane?.title).to.equal(
      "Data-plane calls of 8d3f1a52-6c7e-4b90-a1d4-3e5f7c9b2a68 (us-east-1), by operation",
    );
    expect(dataPlane?.meta).to.equal("us-east-1 · Sum · 5 min");
  });

  it("draws one line per visible metric, a band per anomaly band, and the thresholds", () => {
    let bands = 0;
    widgets.forEach((w, i) => {
      if (w.type !== "metric") return;
      const p: MetricWidgetProperties = w.properties;
      const options = p.metrics
        .map((m) => m[m.length - 1])
        .map((o) => (typeof o === "object" ? o : {}));
      const isBand = (o: { expression?: string }) =>
        /^ANOMALY_DETECTION_BAND\(/.test(o.expression ?? "");
      const lines = options.filter((o) => o.visible !== false && !isBand(o));
      expect(drawn[i].series.length, p.title).to.equal(lines.length);
      drawn[i].series.forEach((s) => expect(s.points).to.equal(48));
      expect(drawn[i].bands, p.title).to.deep.equal(
        options.filter(isBand).map((o) => /\((\w+),/.exec(o.expression ?? "")?.[1]),
      );
      expect(drawn[i].annotations).to.deep.equal(
        (p.annotations?.horizontal ?? []).map((a) => a.value),
      );
      bands += drawn[i].bands.length;
    });
    // Group baselines are opt-in: only platform-secrets' 2 keys (one per region) have a band.
    expect(bands).to.equal(2);
    const quota = drawn.find((d) => d.title?.startsWith("KMS request quota usage in eu-west-1"));
    expect(quota?.annotations).to.deep.equal([75]);
    // Hidden CallCount lines feed the percentages and are not drawn, as in CloudWatch.
    expect(quota?.legend).to.deep.equal([
      "Cryptographic operations (symmetric) request rate",
      "Cryptographic operations (RSA) request rate",
      "Cryptographic operations (ECC) request rate",
    ]);
    const payments = drawn.find((d) => d.title?.startsWith("Data-plane calls of 8d3f1a52"));
    expect(payments?.bands).to.deep.equal([]);
    const secrets = drawn.find((d) => d.title?.startsWith("Data-plane calls of b9e4c7a2"));
    expect(secrets?.bands).to.deep.equal(["o1"]);
    // platform-secrets' configured band width
    expect(secrets?.legend).to.include("Decrypt expected range (3 standard deviations)");
  });

  it("lists the alarms of each alarm status widget", () => {
    widgets.forEach((w, i) => {
      if (w.type !== "alarm") return;
      expect(drawn[i].alarms).to.deep.equal(w.properties.alarms.map((a) => a.split(":alarm:")[1]));
    });
    const account = drawn.find(
      (d) => d.title === "Account-wide KMS and tamper alarms in us-east-1",
    );
    expect(account?.alarms).to.include("kmsmon-prod-account-cis-4-7");
  });

  it("says the graphs' data is illustrative", async () => {
    expect(await page.locator("[data-illustrative]").textContent()).to.match(
      /^Graphs show illustrative data, not your metrics/,
    );
    const label = await page.locator("svg.chart").first().getAttribute("aria-label");
    expect(label).to.match(/illustrative data$/);
  });

  it("takes a screenshot that shows the drawn dashboard", async () => {
    mkdirSync(join(PROJECT_DIR, "test", "output"), { recursive: true });
    await page.locator("section[data-dashboard]").first().screenshot({ path: SCREENSHOT });
    const png = readFileSync(SCREENSHOT);
    expect(png.subarray(1, 4).toString()).to.equal("PNG");
    // Line colours 1 and 2, the band's grey, the threshold's red.
    const colours = ["#1f77b4", "#ff7f0e", "#b9bec6", "#d13212"];
    const stats = await pictureStats(page, png, colours);
    expect(stats.width).to.be.greaterThan(1100);
    expect(stats.height).to.be.greaterThan(5000);
    // A blank or wireframe picture has a handful of colours; charts and text have thousands.
    expect(stats.distinctColours).to.be.greaterThan(1000);
    for (const c of colours) expect(stats.pixelsOf[c], c).to.be.greaterThan(100);
  });
});
