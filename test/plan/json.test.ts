import { expect } from "chai";
import { readFileSync } from "fs";
import { join } from "path";
import { runCli, tempDir } from "./helpers";

describe("plan --json (dev)", function () {
  this.timeout(60_000);
  let doc: any;
  let text: string;
  let stdout: string;
  let code: number;

  before(async () => {
    const file = join(tempDir(), "dev.json");
    const run = await runCli(["--stack", "dev", "--json", file]);
    code = run.code;
    stdout = run.stdout;
    text = readFileSync(file, "utf8");
    doc = JSON.parse(text);
  });

  it("exits 0 and prints every section", () => {
    expect(code).to.equal(0);
    for (const title of [
      "Resources by type",
      "Resources by key group",
      "Alarms by group and severity",
      "AWS quotas",
      "Estimated monthly cost (USD)",
      "Policy pack",
      "Assumptions",
    ]) {
      expect(stdout).to.include(`\n${title}\n`);
    }
  });

  it("has the documented keys, in order", () => {
    expect(Object.keys(doc)).to.deep.equal([
      "stack",
      "resources",
      "quotas",
      "cost",
      "alarms",
      "dashboards",
      "confirmations",
      "policies",
      "assumptions",
    ]);
    expect(doc.stack).to.equal("dev");
    for (const r of doc.resources) {
      expect(Object.keys(r)).to.deep.equal(["type", "name", "parent", "inputs"]);
      expect(r.type).to.be.a("string");
      expect(r.name).to.be.a("string");
      expect(r.parent === null || typeof r.parent === "string").to.equal(true);
      expect(r.inputs).to.be.an("object");
    }
    for (const q of doc.quotas) {
      expect(Object.keys(q)).to.deep.equal(["name", "used", "limit", "ok"]);
      expect(q.used).to.be.a("number");
      expect(q.limit).to.be.a("number");
      expect(q.ok).to.equal(q.used <= q.limit);
    }
    expect(Object.keys(doc.cost)).to.deep.equal(["monthlyUsd", "fixedMonthlyUsd", "items"]);
    for (const a of doc.alarms) {
      expect(Object.keys(a)).to.deep.equal([
        "name",
        "group",
        "region",
        "severity",
        "kind",
        "monthlyUsd",
      ]);
    }
    for (const i of doc.cost.items) {
      expect(Object.keys(i)).to.deep.equal([
        "item",
        "quantity",
        "unit",
        "unitUsd",
        "monthlyUsd",
        "source",
        "note",
      ]);
      expect(i.source).to.match(/^https:\/\/aws\.amazon\.com\//);
    }
    for (const p of doc.policies) {
      expect(Object.keys(p)).to.deep.equal(["policy", "level", "message", "resource"]);
    }
  });

  it("lists dev's resources: two groups of nineteen rules each, one trail, every filter", () => {
    const count = (type: string) => doc.resources.filter((r: any) => r.type === type).length;
    const groups = doc.resources.filter(
      (r: any) => r.type === "kms-monitoring:index:KeyGroupMonitor",
    );
    expect(groups.map((g: any) => g.inputs.groupName).sort()).to.deep.equal([
      "payments",
      "platform-secrets",
    ]);
    // Per group a rule per signal (18; 2 for refused calls on a key pending deletion), each with
    // its target; and the 2 new-key rules of the alerting region.
    expect(count("aws:cloudwatch/eventRule:EventRule")).to.equal(40);
    expect(count("aws:cloudwatch/eventTarget:EventTarget")).to.equal(40);
    expect(count("aws:cloudtrail/trail:Trail")).to.equal(1);
    expect(count("aws:sns/topic:Topic")).to.equal(3);
    // 20 account signals and 9 tamper signals.
    expect(count("aws:cloudwatch/logMetricFilter:LogMetricFilter")).to.equal(29);
    const urns = new Set(doc.resources.map((r: any) => r.parent).filter(Boolean));
    expect(urns.size).to.be.greaterThan(0);
  });

  it("lists the plan's alarms with their group, severity, kind and price", () => {
    expect(doc.alarms).to.have.length(27);
    const tally = new Map<string, number>();
    for (const a of doc.alarms) {
      const key = `${a.group} ${a.severity} ${a.kind}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(tally)).to.deep.equal({
      // 8 critical account signals (CIS 4.7 and key-made-public among them), 9 tamper signals
      "stack critical standard": 17,
      // key-created
      "stack warning standard": 1,
      // the trail's silence and the dead-letter queue
      "stack operational standard": 2,
      "stack operational metrics-insights": 1,
      // the 3 request-quota alarms
      "stack operational metric-math": 3,
      // the 3 account usage bands; group baselines are opt-in and dev opts in none
      "stack operational anomaly": 3,
    });
    expect(doc.alarms.find((a: any) => a.name === "kmsmon-dev-account-cis-4-7")).to.deep.equal({
      name: "kmsmon-dev-account-cis-4-7",
      group: "stack",
      region: "us-east-1",
      severity: "critical",
      kind: "standard",
      monthlyUsd: 0.1,
    });
    expect(doc.dashboards).to.deep.equal(["kmsmon-dev"]);
  });

  it("prices dev: $5.50 fixed, $34.96 with the assumed traffic", () => {
    // 2 keys $2.00, 20 standard alarms $2.00, 3 quota alarms $0.30, 3 bands x 3 alarm metrics
    // $0.90, the failed-notifications alarm analyzing 3 topics $0.30 (docs/DESIGN.md).
    expect(doc.cost.fixedMonthlyUsd).to.equal(5.5);
    expect(doc.cost.monthlyUsd).to.equal(34.96);
  });

  it("adds up the cost and keeps every quota", () => {
    const sum = doc.cost.items.reduce((n: number, i: any) => n + i.monthlyUsd, 0);
    expect(doc.cost.monthlyUsd).to.be.closeTo(sum, 0.01);
    expect(doc.cost.monthlyUsd).to.be.greaterThan(0);
    expect(doc.quotas.every((q: any) => q.ok)).to.equal(true);
    expect(doc.quotas.map((q: any) => q.name)).to.include(
      "Metric filters on the trail's log group",
    );
  });

  it("is byte-identical on a second run", async () => {
    const file = join(tempDir(), "again.json");
    await runCli(["--stack", "dev", "--json", file]);
    expect(readFileSync(file, "utf8")).to.equal(text);
  });
});
