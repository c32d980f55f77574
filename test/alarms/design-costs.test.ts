/**
 * docs/DESIGN.md's fixed-cost table states the prices the plan computes: each row's figure is
 * checked against the planned alarms, priced by components/alarms/pricing.ts.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { expect } from "chai";
import { alarmsMonthlyCostUsd } from "../../components/alarms/pricing";
import { planStack } from "../../components/plan/stack-plan";
import { keyArn, keyId, groupModel, resolvedGroup, resolvedKey, stackModel } from "../builders";

const DESIGN = readFileSync(join(__dirname, "..", "..", "docs", "DESIGN.md"), "utf8");

/** The dollar figure of the cost-table row whose item starts with `item`. */
function figure(item: string): number {
  const row = DESIGN.split("\n").find((line) => line.startsWith(`| ${item}`));
  if (!row) throw new Error(`docs/DESIGN.md has no cost row "${item}"`);
  const monthly = row.split("|")[3];
  const match = /\$(\d+\.\d\d)/.exec(monthly);
  if (!match) throw new Error(`cost row "${item}" has no dollar figure: ${monthly}`);
  return Number(match[1]);
}

describe("docs/DESIGN.md fixed monthly cost", () => {
  // One region, one group of 10 keys, one of them with expiring imported material.
  const keys = Array.from({ length: 10 }, (_, i) =>
    resolvedKey(
      keyArn("us-east-1", keyId(i + 1)),
      i === 0
        ? { flaggedImported: true, origin: "EXTERNAL", expirationModel: "KEY_MATERIAL_EXPIRES" }
        : {},
    ),
  );
  const group = resolvedGroup(groupModel("payments"), keys);
  const plan = planStack(stackModel([group.model]), [group], {
    accountId: "111122223333",
    partition: "aws",
  });
  const [region] = plan.alerting;

  it("prices each row as the plan does", () => {
    expect({
      queue: figure("dead-letter queue alarm"),
      quota: figure("request-quota alarms"),
      account: figure("account alarms"),
      tamper: figure("tamper alarms"),
      bands: figure("account usage bands"),
      baseline: figure("group baseline, level group"),
      expiry: figure("expiry alarm"),
    }).to.deep.equal({
      queue: region.deadLetterQueue.alarm.monthlyCostUsd,
      quota: alarmsMonthlyCostUsd(plan.quotaAlarms),
      account: alarmsMonthlyCostUsd(plan.accountFilters.flatMap((f) => (f.alarm ? [f.alarm] : []))),
      tamper: alarmsMonthlyCostUsd([
        ...plan.tamperAlarms.map((t) => t.alarm),
        ...(plan.silenceAlarm ? [plan.silenceAlarm] : []),
      ]),
      bands: alarmsMonthlyCostUsd(plan.usageBands),
      // the builder's group opts in to its own baseline (off by default in a stack's config)
      baseline: alarmsMonthlyCostUsd(plan.groups[0].baselineAlarms),
      expiry: alarmsMonthlyCostUsd(plan.groups[0].expiryAlarms),
    });
  });

  it("states the figures a reader can check by hand", () => {
    // 10 keys: alarms of 8 and 2 keys, (8 + 2) + (2 + 2) = 14 alarm metrics at $0.10.
    expect(figure("group baseline, level group")).to.equal(1.4);
    // One region: 3 bands (one per request-quota family), each 1 metric + 2 for the band.
    expect(figure("account usage bands")).to.equal(0.9);
    // 9 tamper signals and the trail-silence alarm at $0.10.
    expect(figure("tamper alarms")).to.equal(1);
  });
});
