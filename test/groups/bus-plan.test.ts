/**
 * planRegionBuses: up to 100 group rules stay on the default bus; beyond that they move to shard
 * buses of at most 250 rules, fed by fan-out rules of at most 5 targets, with each group pinned
 * to a shard by a hash of its name.
 */
import { expect } from "chai";
import {
  DEFAULT_BUS_BUDGET,
  planRegionBuses,
  shardBusNames,
  shardPreference,
} from "../../components/groups/bus-plan";
import type { RegionBusPlan } from "../../components/groups/bus-plan";
import { GroupRuleSpec, planGroupRules } from "../../components/groups/rule-plan";
import { matchesEventPattern, toEventBridgeEvent } from "../../tools/matching";
import type { CloudTrailRecord } from "../../tools/matching";
import {
  kmsCloudTrailRecords,
  nativeKmsEvents,
  otherServiceRecords,
} from "../signals/fixture-events";
import { keyArn, keyId, groupModel, resolvedGroup, resolvedKey } from "../builders";
import { AWS_LIMITS } from "../../components/core/limits";
import { PUBLIC_POLICY_WILDCARDS } from "../program/group-rule-patterns";

const TEMPLATE = planGroupRules(
  resolvedGroup(groupModel("template", { critical: true }), [
    resolvedKey(keyArn("us-east-1", keyId(1))),
  ]),
  "prod",
)[0];

/** `count` rules of group `group` in `region` (copies of a real spec; the planner reads only these fields). */
function rulesOf(group: string, count: number, region = "us-east-1"): GroupRuleSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    ...TEMPLATE,
    group,
    region,
    id: `critical-${i + 1}`,
  }));
}

/** `groups` groups of `perGroup` rules each, named team-0000, team-0001, ... */
function estateRules(groups: number, perGroup: number, region = "us-east-1"): GroupRuleSpec[] {
  return Array.from({ length: groups }, (_, g) =>
    rulesOf(`team-${String(g).padStart(4, "0")}`, perGroup, region),
  ).flat();
}

/** Rules on each bus of the plan, the default bus included. */
function load(plan: RegionBusPlan, specs: readonly GroupRuleSpec[]): Record<string, number> {
  const counts: Record<string, number> = { default: plan.fanOutRules.length };
  for (const bus of shardBusNames(plan)) counts[bus] = 0;
  for (const s of specs.filter((r) => r.region === plan.region)) {
    counts[plan.busOfGroup[s.group]] += 1;
  }
  return counts;
}

function record(file: string): CloudTrailRecord {
  const found = [...kmsCloudTrailRecords(), ...otherServiceRecords()].find((e) => e.file === file);
  return found?.event as CloudTrailRecord;
}

describe("planRegionBuses", () => {
  it("keeps up to 100 rules on the default bus, with no shard bus and no fan-out rule", () => {
    const specs = [...estateRules(50, 2), ...estateRules(80, 2, "eu-west-1")];
    const plan = planRegionBuses("us-east-1", specs, "prod");
    expect(plan.shardBuses).to.deep.equal([]);
    expect(plan.fanOutRules).to.deep.equal([]);
    expect(Object.keys(plan.busOfGroup)).to.have.length(50);
    expect(new Set(Object.values(plan.busOfGroup))).to.deep.equal(new Set(["default"]));
  });

  it("plans an empty default-bus layout for a region without group rules", () => {
    expect(planRegionBuses("ap-south-1", estateRules(3, 2), "prod")).to.deep.equal({
      region: "ap-south-1",
      shardBuses: [],
      busOfGroup: {},
      fanOutRules: [],
    });
  });

  describe("a region with more rules than the default bus budget", () => {
    const specs = estateRules(590, 3);
    const plan = planRegionBuses("us-east-1", specs, "prod");

    it("moves every rule to shard buses of at most 250 rules", () => {
      expect(plan.shardBuses).to.deep.equal(
        Array.from({ length: 9 }, (_, i) => ({
          name: `kmsmon-prod-shard-${i + 1}`,
          region: "us-east-1",
          monthlyCostUsd: 0,
          quotas: ["eventBusesPerRegion"],
        })),
      );
      const counts = load(plan, specs);
      expect(counts.default).to.equal(2);
      for (const bus of shardBusNames(plan)) {
        expect(counts[bus], bus).to.be.within(1, DEFAULT_BUS_BUDGET.shardBus);
      }
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).to.equal(1770 + 2);
      expect(Object.keys(plan.busOfGroup)).to.have.length(590);
      expect(
        Object.values(plan.busOfGroup).filter((b) => !shardBusNames(plan).includes(b)),
      ).to.deep.equal([]);
    });

    it("feeds every shard exactly once from fan-out rules of at most 5 targets", () => {
      expect(plan.fanOutRules.map((f) => [f.name, f.targetBuses])).to.deep.equal([
        [
          "kmsmon-prod-fanout-1",
          [
            "kmsmon-prod-shard-1",
            "kmsmon-prod-shard-2",
            "kmsmon-prod-shard-3",
            "kmsmon-prod-shard-4",
            "kmsmon-prod-shard-5",
          ],
        ],
        [
          "kmsmon-prod-fanout-2",
          [
            "kmsmon-prod-shard-6",
            "kmsmon-prod-shard-7",
            "kmsmon-prod-shard-8",
            "kmsmon-prod-shard-9",
          ],
        ],
      ]);
      const targets = plan.fanOutRules.flatMap((f) => f.targetBuses);
      expect([...targets].sort()).to.deep.equal([...shardBusNames(plan)].sort());
      for (const f of plan.fanOutRules) {
        expect(f.targetBuses.length).to.be.at.most(AWS_LIMITS.targetsPerRule);
      }
    });

    it("forwards every KMS event a group rule can match, and no other event", () => {
      const pattern = plan.fanOutRules[0].eventPattern;
      expect(pattern).to.deep.equal({
        source: ["aws.kms"],
        $or: [
          {
            "detail-type": ["AWS API Call via CloudTrail"],
            detail: { eventSource: ["kms.amazonaws.com"] },
            $or: [
              {
                detail: {
                  eventName: [
                    "ScheduleKeyDeletion",
                    "CancelKeyDeletion",
                    "DisableKey",
                    "EnableKey",
                    "PutKeyPolicy",
                    "CreateGrant",
                    "RevokeGrant",
                    "RetireGrant",
                    "ImportKeyMaterial",
                    "DeleteImportedKeyMaterial",
                    "DisableKeyRotation",
                    "RotateKeyOnDemand",
                  ],
                  errorCode: [{ exists: false }],
                },
              },
              {
                detail: {
                  eventName: [
                    "ScheduleKeyDeletion",
                    "DisableKey",
                    "PutKeyPolicy",
                    "DeleteImportedKeyMaterial",
                    "DisableKeyRotation",
                  ],
                  errorCode: [{ prefix: "AccessDenied" }],
                },
              },
              {
                detail: {
                  eventName: ["PutKeyPolicy", "CreateKey", "ReplicateKey"],
                  errorCode: [{ exists: false }],
                  requestParameters: {
                    policy: PUBLIC_POLICY_WILDCARDS,
                  },
                },
              },
            ],
          },
          {
            "detail-type": [
              "KMS Imported Key Material Expiration",
              "KMS CMK Rotation",
              "KMS CMK Deletion",
            ],
          },
          {
            "detail-type": ["AWS API Call via CloudTrail"],
            detail: {
              eventSource: ["kms.amazonaws.com"],
              errorCode: ["KMSInvalidStateException", "DisabledException"],
              errorMessage: [{ wildcard: "*is pending deletion*" }],
            },
          },
        ],
      });
      expect(plan.fanOutRules[1].eventPattern).to.deep.equal(pattern);
      const forwarded = (file: string) =>
        matchesEventPattern(pattern, toEventBridgeEvent(record(file)));
      expect(forwarded("cloudtrail/DisableKey.json")).to.equal(true);
      expect(forwarded("synthesized/Decrypt-pending-deletion.json")).to.equal(true);
      expect(forwarded("synthesized/DisableKey-AccessDenied.json")).to.equal(true);
      expect(forwarded("synthesized/PutKeyPolicy-public-AWS-star.json")).to.equal(true);
      expect(forwarded("synthesized/CreateKey-public-Principal-star.json")).to.equal(true);
      expect(forwarded("cloudtrail/CreateKey.json")).to.equal(false);
      expect(forwarded("cloudtrail/Decrypt.json")).to.equal(false);
      expect(forwarded("synthesized/Decrypt-pending-import.json")).to.equal(false);
      expect(forwarded("cloudtrail-tamper/events-PutRule.json")).to.equal(false);
      for (const { file, event } of nativeKmsEvents()) {
        expect(matchesEventPattern(pattern, event), file).to.equal(true);
      }
    });

    it("places each fan-out rule in the region, free, with the quotas a rule counts against", () => {
      expect(
        plan.fanOutRules.map(({ region, monthlyCostUsd, quotas }) => ({
          region,
          monthlyCostUsd,
          quotas,
        })),
      ).to.deep.equal(
        [1, 2].map(() => ({
          region: "us-east-1",
          monthlyCostUsd: 0,
          quotas: ["rulesPerBus", "ruleNameLength", "eventPatternLength", "targetsPerRule"],
        })),
      );
    });

    it("plans the region's forwarding role (an IAM role, global, named after the region)", () => {
      expect(plan.forwardingRole).to.deep.equal({
        name: "kmsmon-prod-fanout-us-east-1",
        region: "us-east-1",
        monthlyCostUsd: 0,
        quotas: ["roleNameLength"],
      });
    });

    it("is the same plan on every run", () => {
      expect(planRegionBuses("us-east-1", specs, "prod")).to.deep.equal(plan);
      expect(planRegionBuses("us-east-1", [...specs].reverse(), "prod")).to.deep.equal(plan);
    });

    it("keeps each group on its shard when groups are added or removed and the count holds", () => {
      const grown = [...specs, ...rulesOf("new-team-a", 3), ...rulesOf("new-team-b", 5)];
      const shrunk = specs.slice(0, specs.length - 9);
      for (const other of [grown, shrunk]) {
        const next = planRegionBuses("us-east-1", other, "prod");
        expect(next.shardBuses).to.deep.equal(plan.shardBuses);
        const moved = Object.keys(next.busOfGroup).filter(
          (g) => g in plan.busOfGroup && next.busOfGroup[g] !== plan.busOfGroup[g],
        );
        expect(moved).to.deep.equal([]);
      }
    });
  });

  it("keeps every bus within AWS's 300 rules for 1,000 groups of 3 rules", () => {
    const specs = estateRules(1000, 3);
    const plan = planRegionBuses("us-east-1", specs, "prod");
    const counts = load(plan, specs);
    // 3,000 rules / (250 x 0.85) = 14.1: 15 shard buses.
    expect(plan.shardBuses).to.have.length(15);
    expect(plan.fanOutRules).to.have.length(3);
    for (const [bus, count] of Object.entries(counts)) {
      expect(count, bus).to.be.at.most(AWS_LIMITS.rulesPerBus);
    }
  });

  it("fills shard buses close to their budget: 1,000 groups of 20 rules on 95 buses", () => {
    const specs = estateRules(1000, 20);
    const plan = planRegionBuses("us-east-1", specs, "prod");
    const counts = load(plan, specs);
    // 20,000 / (250 x 0.85) = 94.1: 95 shard buses, 96 of a region's 100 with the default bus.
    expect(plan.shardBuses).to.have.length(95);
    const shards = shardBusNames(plan).map((bus) => counts[bus]);
    expect(shards.reduce((a, b) => a + b, 0)).to.equal(20000);
    expect(Math.max(...shards)).to.be.at.most(250);
    // Plain rendezvous hashing left the fullest shard at 1.4 times its share; here none is empty.
    expect(Math.min(...shards)).to.be.at.least(100);
  });

  it("places a group of a bus's worth among many small ones without extra buses, whatever its name", () => {
    // 950 groups of 20 rules and one of 246: 19,246 / (250 x 0.85) = 90.6, so 91 buses. Taken in
    // hash order alone, the big group could arrive when no bus had 246 free (up to 157 buses).
    const small = estateRules(950, 20);
    for (const big of ["big", "zzz-big", "a-big", "m-big"]) {
      const specs = [...small, ...rulesOf(big, 246)];
      const plan = planRegionBuses("us-east-1", specs, "prod");
      expect(plan.shardBuses, big).to.have.length(91);
      expect(load(plan, specs)[plan.busOfGroup[big]], big).to.be.at.most(250);
    }
  });

  it("refuses more rules than 99 shard buses take, before any resource exists", () => {
    expect(() => planRegionBuses("us-east-1", estateRules(1000, 24), "prod")).to.throw(
      "the 24000 EventBridge rules of the key groups in us-east-1 need more than 99 shard buses " +
        "of 250 rules, the event buses a region has left (AWS allows 100); watch fewer keys in " +
        "us-east-1 or split the stack by region or by groups",
    );
    // An organization hub's own bus leaves 98.
    expect(() =>
      planRegionBuses("us-east-1", estateRules(1000, 21), "prod", DEFAULT_BUS_BUDGET, "org"),
    ).to.throw("need more than 98 shard buses");
  });

  describe("when a shard is added (rendezvous hashing)", () => {
    const groups = Array.from({ length: 1000 }, (_, g) => `team-${String(g).padStart(4, "0")}`);

    for (const shards of [1, 4, 15, 40]) {
      it(`moves only the groups the new shard wins, about 1/${shards + 1} of them (${shards} -> ${shards + 1})`, () => {
        const moved = groups.filter(
          (g) => shardPreference(g, shards)[0] !== shardPreference(g, shards + 1)[0],
        );
        // Every group that moves goes to the new shard; nobody moves between old shards.
        expect(moved.map((g) => shardPreference(g, shards + 1)[0])).to.deep.equal(
          moved.map(() => shards),
        );
        const expected = groups.length / (shards + 1);
        expect(moved.length).to.be.within(expected * 0.7, expected * 1.3);
      });
    }

    it("spreads groups evenly: no shard of 15 holds more than 1.4 times its share", () => {
      const counts = new Array<number>(15).fill(0);
      for (const g of groups) counts[shardPreference(g, 15)[0]] += 1;
      expect(Math.max(...counts)).to.be.at.most((1000 / 15) * 1.4);
      expect(Math.min(...counts)).to.be.at.least((1000 / 15) * 0.6);
    });

    it("keeps most groups on their bus when the estate outgrows its shard count", () => {
      const before = planRegionBuses("us-east-1", estateRules(1000, 3), "prod");
      const after = planRegionBuses("us-east-1", estateRules(1100, 3), "prod");
      expect(after.shardBuses.length).to.be.greaterThan(before.shardBuses.length);
      const moved = Object.keys(before.busOfGroup).filter(
        (g) => after.busOfGroup[g] !== before.busOfGroup[g],
      );
      // n -> n + k shards moves about k / (n + k) of the groups.
      const k = after.shardBuses.length - before.shardBuses.length;
      const share = k / after.shardBuses.length;
      expect(moved.length / 1000).to.be.within(share * 0.6, share * 1.4);
    });
  });

  it("honours a custom budget", () => {
    const specs = [...rulesOf("a", 6), ...rulesOf("b", 6), ...rulesOf("c", 6)];
    expect(
      planRegionBuses("us-east-1", specs, "dev", { defaultBus: 18, shardBus: 12 }).shardBuses,
    ).to.deep.equal([]);
    const plan = planRegionBuses("us-east-1", specs, "dev", { defaultBus: 10, shardBus: 12 });
    const counts = load(plan, specs);
    expect(plan.shardBuses.length).to.be.at.least(2);
    for (const bus of shardBusNames(plan)) expect(counts[bus], bus).to.be.at.most(12);
  });

  it("fits a group of exactly one bus's worth of rules", () => {
    const specs = rulesOf("big", 250);
    const plan = planRegionBuses("us-east-1", specs, "prod");
    expect(shardBusNames(plan)).to.include(plan.busOfGroup.big);
    expect(load(plan, specs)[plan.busOfGroup.big]).to.equal(250);
  });

  it("refuses a group with more rules than one bus holds, naming it", () => {
    const specs = [...estateRules(10, 2), ...rulesOf("huge", 251)];
    expect(() => planRegionBuses("us-east-1", specs, "prod")).to.throw(
      "key group huge needs 251 EventBridge rules in us-east-1, more than a shard bus takes " +
        "(250); split it into smaller groups",
    );
  });
});
