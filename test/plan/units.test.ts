import { expect } from "chai";
import { DEFAULT_ASSUMPTIONS, parseArgs, UsageError } from "../../tools/plan/args";
import type { AlarmMetric, AlarmSpec } from "../../components/alarms/spec";
import type { StackPlan } from "../../components/plan/stack-plan";
import { estimateCost } from "../../tools/plan/cost";
import { toBoxes } from "../../tools/plan/dashboards";
import { PRICES } from "../../tools/plan/pricing";
import { Progress } from "../../tools/plan/progress";
import { parseSizes } from "../../tools/bench/bench";

describe("plan tool units", () => {
  it("parses arguments, with defaults and both flag forms", () => {
    const args = parseArgs(["--stack=prod", "--json", "out.json", "--events-per-month", "5000"]);
    expect(args).to.include({ stack: "prod", jsonFile: "out.json", taggedKeys: 1, help: false });
    expect(args.assumptions).to.deep.equal({ ...DEFAULT_ASSUMPTIONS, eventsPerMonth: 5000 });
    expect(parseArgs([]).stack).to.equal("dev");
    expect(parseArgs(["--first-trail"]).assumptions.firstTrail).to.equal(true);
    expect(() => parseArgs(["--json"])).to.throw(UsageError, "--json needs a value");
    expect(() => parseArgs(["--tagged-keys", "1.5"])).to.throw(UsageError, "not a whole number");
    expect(() => parseArgs(["plan"])).to.throw(UsageError, 'unknown argument "plan"');
  });

  it("prices alarms by kind with the plan's own prices, high resolution apart", () => {
    const alarm = (name: string, metric: AlarmMetric, monthlyCostUsd: number): AlarmSpec => ({
      name,
      description: name,
      severity: "operational",
      region: "us-east-1",
      metric,
      evaluationPeriods: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: 1,
      treatMissingData: "notBreaching",
      actions: { role: "security", onOk: false },
      monthlyCostUsd,
      quotas: [],
    });
    const std = { namespace: "X", metricName: "Y", statistic: "Sum" } as const;
    const m = (id: string) => ({
      id,
      returnData: false,
      metric: { namespace: "X", metricName: id, dimensions: {}, period: 300, stat: "Sum" },
    });
    const plan = {
      environment: "t",
      stackRegion: "us-east-1",
      regions: ["us-east-1"],
      account: { accountId: "111122223333", partition: "aws" },
      trail: { mode: "existing", region: "us-east-1", logGroupName: "lg" },
      alerting: [],
      accountFilters: [],
      tamperAlarms: [],
      usageBands: [],
      quotaAlarms: [
        alarm("a", { kind: "standard", ...std, periodSeconds: 300 }, 0.1),
        alarm("b", { kind: "standard", ...std, periodSeconds: 10 }, 0.3),
        alarm("c", { kind: "metric-math", queries: [m("m1"), m("m2")] }, 0.2),
        alarm("d", { kind: "anomaly", queries: [m("m1")], bandId: "band" }, 0.3),
        alarm(
          "e",
          {
            kind: "metrics-insights",
            id: "q",
            query: "SELECT",
            periodSeconds: 300,
            metricsAnalyzed: 4,
          },
          0.4,
        ),
      ],
      groups: [],
      buses: [],
      dashboards: [],
    } as unknown as StackPlan;
    const cost = estimateCost(plan, DEFAULT_ASSUMPTIONS);
    expect(
      cost.items.slice(0, 5).map((i) => [i.item, i.quantity, i.unitUsd, i.monthlyUsd]),
    ).to.deep.equal([
      ["Standard alarms (1)", 1, 0.1, 0.1],
      ["High-resolution alarms (1)", 1, 0.3, 0.3],
      ["Metric-math alarms, per metric read (1)", 2, 0.1, 0.2],
      ["Anomaly-detection alarms, metrics + 2 each (1)", 3, 0.1, 0.3],
      ["Metrics Insights alarms, per metric analyzed (1)", 4, 0.1, 0.4],
    ]);
    // No trail of ours (existing mode), no keys, no dashboards: the fixed part is the alarms.
    expect(cost.fixedMonthlyUsd).to.equal(1.3);
    expect(cost.items.map((i) => i.item)).not.to.include(
      "CloudTrail: our trail's copy of management events",
    );
  });

  it("keeps every price with its source page", () => {
    for (const [id, price] of Object.entries(PRICES)) {
      expect(price.source, id).to.match(/^https:\/\/aws\.amazon\.com\/[a-z]+\/pricing\/$/);
      expect(price.read, id).to.match(/^20\d\d/);
      expect(price.per, id).to.be.greaterThan(0);
    }
  });

  it("places widgets without x/y the way CloudWatch does: left to right, wrapping at 24", () => {
    const boxes = toBoxes([
      { type: "text", width: 24, height: 2, properties: { markdown: "# Title\nmore" } },
      { type: "metric", width: 12, height: 6, properties: { title: "a", metrics: [[], []] } },
      { type: "metric", width: 12, height: 6, properties: { title: "b", metrics: [] } },
      { type: "alarm", width: 8, height: 6, properties: { title: "c", alarms: ["x"] } },
    ]);
    expect(boxes.map((b) => [b.x, b.y, b.title, b.metrics, b.alarms])).to.deep.equal([
      [0, 0, "Title", 0, 0],
      [0, 2, "a", 2, 0],
      [12, 2, "b", 0, 0],
      [0, 8, "c", 0, 1],
    ]);
  });

  it("shows progress only on a terminal, and only after the delay", async () => {
    const written: string[] = [];
    const pipe = new Progress({ isTTY: false, write: (t: string) => written.push(t) }, 0);
    await new Promise((r) => setTimeout(r, 300));
    pipe.done();
    expect(written).to.deep.equal([]);
    const tty = new Progress({ isTTY: true, write: (t: string) => written.push(t) }, 0);
    tty.stage("running");
    tty.tick();
    await new Promise((r) => setTimeout(r, 300));
    tty.done();
    // The stage draws at once (delay 0); the timer redraws with the resource counted since.
    expect(written[0]).to.match(/plan: running, 0 resources, \d+ s/);
    expect(written.some((t) => /plan: running, 1 resources, \d+ s/.test(t))).to.equal(true);
    expect(written[written.length - 1]).to.equal("\r\x1b[2K");
    const slow = new Progress({ isTTY: true, write: (t: string) => written.push(t) }, 60_000);
    const before = written.length;
    await new Promise((r) => setTimeout(r, 300));
    slow.done();
    expect(written).to.have.length(before);
  });

  it("reads bench sizes", () => {
    expect(parseSizes([])).to.deep.equal([100, 1000, 10000]);
    expect(parseSizes(["--sizes", "100,1000"])).to.deep.equal([100, 1000]);
    expect(() => parseSizes(["--sizes", "0"])).to.throw("not a list of key counts");
  });
});
