/**
 * An organization at scale: 1,000 groups x 10 keys (critical routing, the worst case) spread over
 * 500 member accounts in three regions fits every quota the plan checks, and the organization's
 * own figures stay where docs/DESIGN.md says. Pure planning only.
 */
import { expect } from "chai";

import { checkQuotas } from "../../components/monitoring/quotas";
import { organizationQuotas } from "../../components/organization/org-quotas";
import { planStack, type StackPlan } from "../../components/plan/stack-plan";
import { estate, stackModel } from "../builders";

const REGIONS = ["us-east-1", "us-west-2", "eu-west-1"];
const member = (i: number) => String(200_000_000_000 + i);

function organizationAtScale(): StackPlan {
  const groups = estate({ groups: 1000, keysPerGroup: 10, regions: REGIONS, critical: true });
  // Group i's keys live in member i % 500.
  groups.forEach((group, i) =>
    group.keys.forEach((key) => {
      key.accountId = member(i % 500);
      key.arn = key.arn.replace(":111122223333:", `:${member(i % 500)}:`);
    }),
  );
  const members = Array.from({ length: 500 }, (_, i) => ({
    accountId: member(i),
    regions: REGIONS,
  }));
  const model = stackModel(
    groups.map((g) => g.model),
    {
      organization: {
        organizationId: "o-a1b2c3d4e5",
        organizationalUnits: ["ou-ab12-34cd5678"],
        members,
        callAs: "DELEGATED_ADMIN",
        memberQuotaAlarms: true,
        memberUsageBands: false,
        rollout: {
          maxConcurrentPercent: 25,
          failureTolerancePercent: 10,
          concurrencyMode: "STRICT_FAILURE_TOLERANCE",
          regionConcurrency: "PARALLEL",
        },
      },
    },
  );
  return planStack(model, groups, { accountId: "999988887777", partition: "aws" });
}

describe("organization: 500 members x 3 regions, 1,000 groups x 10 keys", function () {
  this.timeout(120_000);
  let plan: StackPlan;
  before(() => {
    plan = organizationAtScale();
  });

  it("fits every quota", () => {
    expect(checkQuotas(plan).filter((q) => !q.ok)).to.deep.equal([]);
  });

  it("keeps the hub bus policy, template, instances and sink links where DESIGN.md says", () => {
    expect(
      organizationQuotas(plan.organization!).map((q) => [q.name, q.used, q.limit]),
    ).to.deep.equal([
      ["Hub bus policy (characters)", 279, 10_240],
      // The forwarding rule's pattern carries every group signal's clause, the wildcard-principal
      // one's nine policy wildcards and the denied calls included.
      // With each member's three request-quota alarms and the rule forwarding them.
      ["Member template (bytes)", 7_805, 51_200],
      ["StackSet instances (member accounts x regions)", 1_500, 100_000],
      ["OUs in one StackSet operation", 1, 50],
      ["Accounts linked to one hub sink", 500, 100_000],
    ]);
  });

  it("has each member pay its own quota alarms: $0.30 a region, $0.90 a member, $0 to the hub", () => {
    const { stackSet } = plan.organization!;
    expect([
      stackSet.memberAlarms.length,
      stackSet.memberMonthlyCostUsdPerRegion,
      stackSet.memberMonthlyCostUsd,
      stackSet.monthlyCostUsd,
    ]).to.deep.equal([3, 0.3, 0.9, 0]);
    // One hub rule per region for every member's alarms: the hub's rule count does not grow.
    expect(plan.organization!.hubRegions.map((h) => h.memberAlarmRule.name)).to.deep.equal(
      Array(3).fill("kmsmon-prod-org-member-alarms"),
    );
  });

  it("puts group rules on shard buses fed from the hub bus, and reads members' metrics by account", () => {
    // About 6,670 rules a region (a rule per signal): 6,670 / (250 x 0.85) = 31.4, so 32 shard
    // buses and 7 fan-out rules in each region (each feeds up to 5 shard buses).
    const onHub = (count: number) => Array(count).fill("kmsmon-prod-org");
    expect(
      plan.buses.map((b) => [b.region, b.fanOutRules.map((r) => r.eventBusName)]),
    ).to.deep.equal([
      ["eu-west-1", onHub(7)],
      ["us-east-1", onHub(7)],
      ["us-west-2", onHub(7)],
    ]);
    const expiry = plan.groups.flatMap((g) => g.expiryAlarms);
    expect(expiry.length).to.equal(1000);
    expect(
      expiry.every((a) => a.metric.kind === "metric-math" && a.metric.queries[0].accountId),
    ).to.equal(true);
  });
});
