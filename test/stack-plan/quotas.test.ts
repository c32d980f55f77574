/** checkQuotas reads every planned filter, rule and alarm, tamper and quota ones included. */
import { expect } from "chai";
import { checkQuotas } from "../../components/monitoring/quotas";
import { alarmActionCount } from "../../components/alarms/spec";
import { planStack } from "../../components/plan/stack-plan";
import { keyArn, keyId, groupModel, resolvedGroup, resolvedKey, stackModel } from "../builders";

function onePaymentsGroup() {
  const group = resolvedGroup(groupModel("payments"), [resolvedKey(keyArn("us-east-1", keyId(1)))]);
  return planStack(stackModel([group.model]), [group], {
    accountId: "111122223333",
    partition: "aws",
  });
}

describe("checkQuotas on a one-group plan", () => {
  it("reports exactly these rows", () => {
    const plan = onePaymentsGroup();
    const row = (name: string, used: number, limit: number) => ({ name, used, limit, ok: true });
    expect(checkQuotas(plan)).to.deep.equal([
      // 20 account filters (a signal each) and 9 tamper filters.
      row("Metric filters on the trail's log group", 29, 100),
      // The wildcard-principal account filter (its nine spellings of a "*" principal) is longer
      // than any tamper filter (434).
      row("Longest filter pattern (characters)", 684, 1024),
      // The wildcard-principal rule: nine policy wildcards, and the key named in three places.
      row("Longest event pattern (characters)", 821, 2048),
      // kmsmon-prod-new-key-replicated (the group's longest is kmsmon-prod-payments-pun-1, 26).
      row("Longest rule name (characters)", 30, 64),
      // The wildcard-principal rule's template (kmsmon-prod-payments-pp-1).
      row("Longest input template (characters)", 884, 8192),
      row("Targets on one rule", 1, 5),
      // kmsmon-prod-tamper-... and -account-... names, not only expiry alarms.
      row("Longest alarm name (characters)", 41, 255),
      row("Alarm actions on one alarm", 1, 5),
      row("Metrics in one alarm", 1, 10),
      // The group's 19 rules (one per signal, two for refused calls) and 2 new-key rules.
      row("Rules on the default bus in us-east-1", 21, 300),
      row("Event buses we add in us-east-1", 0, 99),
      row("Metrics Insights alarms in us-east-1", 1, 200),
    ]);
  });

  it("counts one action per alarm: each role resolves to one topic", () => {
    expect(
      (["security", "group-critical", "group-warning"] as const).map((role) =>
        alarmActionCount({ actions: { role, onOk: true } }),
      ),
    ).to.deep.equal([1, 1, 1]);
  });

  it("reads each row from the specs that list its quota", () => {
    const plan = onePaymentsGroup();
    for (const g of plan.groups) {
      for (const r of g.rules) r.quotas = r.quotas.filter((q) => q !== "ruleNameLength");
    }
    for (const r of plan.alerting.flatMap((a) => a.newKeyRules)) {
      r.quotas = r.quotas.filter((q) => q !== "ruleNameLength");
    }
    plan.accountFilters.forEach((f) => (f.quotas = []));
    const rows = Object.fromEntries(checkQuotas(plan).map((r) => [r.name, r.used]));
    expect(rows["Longest rule name (characters)"]).to.equal(0);
    // Only the 9 tamper filters still count.
    expect(rows["Metric filters on the trail's log group"]).to.equal(9);
  });
});
