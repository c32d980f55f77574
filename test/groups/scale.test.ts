/**
 * The largest estate the config allows (1,000 groups, 10,000 keys), every group routing critical
 * signals to a pager (a rule per signal, two for refused calls on a key pending deletion, per
 * region: 19 rules, and 20 at 10 keys because the wildcard-principal rule, whose 9 policy
 * wildcards come with each key named in 3 places, takes 8 keys a rule; the worst case), fits
 * every AWS quota. Pure planning only: the plan is what components turn into resources one to one.
 */
import { expect } from "chai";
import { DEFAULT_BUS_BUDGET } from "../../components/groups/bus-plan";
import { checkQuotas } from "../../components/monitoring/quotas";
import { planStack, StackPlan } from "../../components/plan/stack-plan";
import { metricCount } from "../../components/alarms/spec";
import { estate, stackModel } from "../builders";
import { AWS_LIMITS } from "../../components/core/limits";

function planOf(regions: string[]): StackPlan {
  const groups = estate({ groups: 1000, keysPerGroup: 10, regions, critical: true });
  return planStack(stackModel(groups.map((g) => g.model)), groups, {
    accountId: "111122223333",
    partition: "aws",
  });
}

/** The figures the scale tests pin. */
function figures(plan: StackPlan) {
  const rules = plan.groups.flatMap((g) => g.rules);
  const baseline = plan.groups.flatMap((g) => g.baselineAlarms);
  return {
    keys: new Set(rules.flatMap((r) => r.keyIds.map((id) => `${r.region}/${id}`))).size,
    rules: rules.length,
    criticalRules: rules.filter((r) => r.route === "critical").length,
    standardRules: rules.filter((r) => r.route === "standard").length,
    topics: plan.groups.flatMap((g) => g.topics).length,
    expiryAlarms: plan.groups.flatMap((g) => g.expiryAlarms).length,
    shardBuses: Object.fromEntries(plan.buses.map((b) => [b.region, b.shardBuses.length])),
    fanOutRules: Object.fromEntries(plan.buses.map((b) => [b.region, b.fanOutRules.length])),
    metricFilters: plan.accountFilters.length + plan.tamperAlarms.length,
    baselineAlarms: baseline.length,
    mostMetricsInOneAlarm: Math.max(
      ...baseline.map((b) => (b.metric.kind === "anomaly" ? metricCount(b.metric.queries) : 0)),
    ),
  };
}

function longestPattern(plan: StackPlan): number {
  return Math.max(
    ...plan.groups.flatMap((g) => g.rules).map((r) => JSON.stringify(r.eventPattern).length),
    ...plan.buses.flatMap((b) => b.fanOutRules).map((f) => JSON.stringify(f.eventPattern).length),
  );
}

/** Rules on every bus: the default bus of each region and each shard bus. */
function rulesPerBus(plan: StackPlan): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const bus of plan.buses) {
    counts[`${bus.region}/default`] = bus.fanOutRules.length;
    for (const shard of bus.shardBuses) counts[`${bus.region}/${shard.name}`] = 0;
  }
  for (const rule of plan.groups.flatMap((g) => g.rules)) {
    const bus = plan.buses.find((b) => b.region === rule.region)?.busOfGroup[rule.group];
    counts[`${rule.region}/${bus}`] += 1;
  }
  return counts;
}

function expectWithinBusQuotas(plan: StackPlan): void {
  for (const [bus, count] of Object.entries(rulesPerBus(plan))) {
    expect(count, bus).to.be.at.most(AWS_LIMITS.rulesPerBus);
    if (!bus.endsWith("/default")) expect(count, bus).to.be.at.most(DEFAULT_BUS_BUDGET.shardBus);
  }
}

describe("scale: 1,000 groups of 10 keys, critical routing everywhere", () => {
  describe("in one region", () => {
    let plan: StackPlan;
    before(() => {
      plan = planOf(["us-east-1"]);
    });

    it("fits every quota", () => {
      const rows = checkQuotas(plan);
      expect(rows.filter((r) => !r.ok)).to.deep.equal([]);
      expect(rows).to.have.length(9 + 95 + 3);
    });

    it("plans the exact number of rules, topics, alarms, buses and filters", () => {
      expect(figures(plan)).to.deep.equal({
        keys: 10000,
        rules: 20000,
        criticalRules: 9000,
        standardRules: 11000,
        topics: 2000,
        expiryAlarms: 1000,
        shardBuses: { "us-east-1": 95 },
        fanOutRules: { "us-east-1": 19 },
        metricFilters: 29,
        baselineAlarms: 2000,
        mostMetricsInOneAlarm: 8,
      });
    });

    it("keeps every event pattern within 2,048 characters and every bus within 300 rules", () => {
      expect(longestPattern(plan)).to.equal(1917);
      expect(longestPattern(plan)).to.be.at.most(AWS_LIMITS.eventPatternLength);
      expectWithinBusQuotas(plan);
    });
  });

  describe("spread over three regions", () => {
    let plan: StackPlan;
    before(() => {
      plan = planOf(["us-east-1", "eu-west-1", "ap-southeast-2"]);
    });

    it("fits every quota", () => {
      const rows = checkQuotas(plan);
      expect(rows.filter((r) => !r.ok)).to.deep.equal([]);
      expect(rows).to.have.length(9 + 3 * 3 + 3 * 32);
    });

    it("plans the exact number of rules, topics, alarms, buses and filters", () => {
      expect(figures(plan)).to.deep.equal({
        keys: 10000,
        rules: 20000,
        criticalRules: 9000,
        standardRules: 11000,
        topics: 2000,
        expiryAlarms: 1000,
        shardBuses: { "ap-southeast-2": 32, "eu-west-1": 32, "us-east-1": 32 },
        fanOutRules: { "ap-southeast-2": 7, "eu-west-1": 7, "us-east-1": 7 },
        metricFilters: 29,
        baselineAlarms: 2000,
        mostMetricsInOneAlarm: 8,
      });
      expect(plan.regions).to.deep.equal(["ap-southeast-2", "eu-west-1", "us-east-1"]);
    });

    it("keeps every event pattern within 2,048 characters and every bus within 300 rules", () => {
      expect(longestPattern(plan)).to.equal(1917);
      expectWithinBusQuotas(plan);
    });
  });
});
