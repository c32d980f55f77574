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
  // The same group with a band per key.
  const perKey = resolvedGroup(
    groupModel("payments", { baseline: { ...group.model.baseline, level: "key" } }),
    keys,
  );
  const perKeyPlan = planStack(stackModel([perKey.model]), [perKey], {
    accountId: "111122223333",
    partition: "aws",
  });

  it("prices each row as the plan does", () => {
    expect({
      queue: figure("dead-letter queue alarm"),
      quota: figure("request-quota alarms"),
      account: figure("account alarms"),
      tamper: figure("tamper alarms"),
      usageBands: figure("account usage bands"),
      groupLevel: figure("group baseline, level group"),
      keyLevel: figure("group baseline, level key"),
      expiry: figure("expiry alarm"),
    }).to.deep.equal({
      queue: region.deadLetterQueue.alarm.monthlyCostUsd,
      quota: alarmsMonthlyCostUsd(plan.quotaAlarms),
      account: alarmsMonthlyCostUsd(plan.accountFilters.flatMap((f) => (f.alarm ? [f.alarm] : []))),
      tamper: alarmsMonthlyCostUsd([
        ...plan.tamperAlarms.map((t) => t.alarm),
        ...(plan.silenceAlarm ? [plan.silenceAlarm] : []),
      ]),
      usageBands: alarmsMonthlyCostUsd(plan.usageBands),
      groupLevel: alarmsMonthlyCostUsd(plan.groups[0].baselineAlarms),
      keyLevel: alarmsMonthlyCostUsd(perKeyPlan.groups[0].baselineAlarms),
      expiry: alarmsMonthlyCostUsd(plan.groups[0].expiryAlarms),
    });
  });

  it("states the figures a reader can check by hand", () => {
    // 10 keys: alarms of 8 and 2 keys, (8 + 2) + (2 + 2) = 14 alarm metrics at $0.10.
    expect(figure("group baseline, level group")).to.equal(1.4);
    // 10 alarms of (1 + 2) alarm metrics; 3 quota families x (1 + 2) a region.
    expect(figure("group baseline, level key")).to.equal(3.0);
    expect(figure("account usage bands")).to.equal(0.9);
    expect(figure("tamper alarms")).to.equal(0.9);
  });
});
