import { expect } from "chai";
import { DEFAULT_ASSUMPTIONS, parseArgs, UsageError } from "../../tools/plan/args";
import { classifyAlarm } from "../../tools/plan/alarms";
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

  it("classifies alarms by how AWS bills them", () => {
    expect(classifyAlarm({ metricName: "X", period: 300 })).to.deep.equal({
      kind: "standard",
      metrics: 1,
    });
    expect(classifyAlarm({ metricName: "X", period: 10 }).kind).to.equal("high-resolution");
    const metric = { metric: { metricName: "X" } };
    expect(
      classifyAlarm({
        metricQueries: [metric, { expression: "ANOMALY_DETECTION_BAND(m1, 2)" }],
      }),
    ).to.deep.equal({ kind: "anomaly", metrics: 1 });
    expect(
      classifyAlarm({ metricQueries: [metric, metric, { expression: "m1/m2*100" }] }),
    ).to.deep.equal({ kind: "metric-math", metrics: 2 });
    expect(
      classifyAlarm({
        metricQueries: [{ expression: 'SELECT SUM(X) FROM SCHEMA("AWS/SNS", TopicName)' }],
      }),
    ).to.deep.equal({ kind: "metrics-insights", metrics: 0, insightsNamespace: "AWS/SNS" });
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
    expect(written[0]).to.match(/plan: running, 1 resources, \d+ s/);
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
