import { expect } from "chai";
import { encodeConfig } from "../config/helpers";
import type { MockRun } from "../harness/mock-runtime";
import { keyArn, keyId, T } from "../builders";
import {
  ProgramOutputs,
  dashboardBodyOf,
  inventoryRows,
  lineage,
  parentName,
  parsedInputs,
  runStack,
} from "./helpers";

/** Groups of one key each: 19 rules per group, far more than the default bus's budget of 100. */
const GROUPS = 110;
const DEFAULT_BUS_BUDGET = 100;
/**
 * Rules of a group with one route (`all`): one per signal (18), 2 for refused calls on a key
 * pending deletion.
 */
const RULES_PER_GROUP = 19;
/** The shard buses the planner spreads 2,090 group rules over: 2,090 / (250 x 0.85) = 9.8. */
const SHARDS = Array.from({ length: 10 }, (_, i) => `kmsmon-scale-shard-${i + 1}`);

/** The stack: e-mail defaults (one route per group), baselines off to keep the run short. */
function scaleConfig(): Record<string, string> {
  return encodeConfig({
    "aws:region": "us-east-1",
    "kms-monitoring:environment": "scale",
    "kms-monitoring:notifications": { emails: ["kms-alerts@example.com"] },
    "kms-monitoring:keyGroups": Array.from({ length: GROUPS }, (_, i) => ({
      name: `team-${String(i + 1).padStart(3, "0")}`,
      keys: [keyArn("us-east-1", keyId(i + 1))],
      baseline: { enabled: false },
    })),
  });
}

describe("program: 110 key groups in one region", function () {
  // About 4,500 resources under mocks (19 rules per group): about a minute on a busy machine.
  this.timeout(180000);

  let run: MockRun<ProgramOutputs>;
  before(async () => {
    run = await runStack(scaleConfig(), { stack: "scale" });
  });

  it("registers per group a monitor, a topic and 19 rules, plus the shared shard plumbing", () => {
    const counts = run.countByType();
    expect(counts[T.groupMonitor]).to.equal(GROUPS);
    // Group baselines are opt-in: none asks for one.
    expect(counts[T.usageBaseline]).to.equal(undefined);
    // one topic per group and the security topic
    expect(counts[T.alertTopic]).to.equal(GROUPS + 1);
    expect(counts[T.topic]).to.equal(GROUPS + 1);
    expect(counts[T.subscription]).to.equal(GROUPS + 1);
    // 19 rules per group, each with one target, 2 fan-out rules of 5 targets (10 shards) and the
    // region's 2 new-key rules, each with one target
    expect(counts[T.rule]).to.equal(GROUPS * RULES_PER_GROUP + 2 + 2);
    expect(counts[T.target]).to.equal(GROUPS * RULES_PER_GROUP + 10 + 2);
    expect(counts[T.busShards]).to.equal(1);
    expect(counts[T.bus]).to.equal(10);
    // the trail's delivery role and the forwarding role
    expect(counts[T.role]).to.equal(2);
    expect(counts[T.rolePolicy]).to.equal(2);
    expect(counts[T.dashboards]).to.equal(1);
    expect(counts[T.dashboard]).to.equal(1);
    expect(run.warnings).to.deep.equal([]);
  });

  it("fits every group on one dashboard: a header, a graph and an inventory row per group", () => {
    const body = dashboardBodyOf(run, "scale");
    const headers = body.widgets.filter(
      (w) => w.type === "text" && /^## Key group /.test(w.properties.markdown),
    );
    expect(headers).to.have.length(GROUPS);
    // The dashboard's header and the whole account (title, control-plane graph, account alarms,
    // quota graph and alarms, runbook); per group its header, its key's graph and its inventory
    // (no baseline, so no alarm widget).
    expect(body.widgets).to.have.length(1 + 6 + 3 * GROUPS);
    for (let i = 1; i <= GROUPS; i++) {
      const [row] = inventoryRows(body, `team-${String(i).padStart(3, "0")}`);
      expect(row.slice(0, 4)).to.deep.equal([keyId(i), "-", "us-east-1", "Enabled"]);
    }
  });

  it("puts every group rule and its target on a shard bus, under the group's monitor", () => {
    const buses = run.ofType(T.bus).map((b) => b.inputs.name as string);
    expect(buses).to.deep.equal(SHARDS);
    const groupRules = run.ofType(T.rule).filter((r) => !r.name.startsWith("kms-us-east-1-"));
    expect(groupRules).to.have.length(GROUPS * RULES_PER_GROUP);
    for (const r of groupRules) {
      expect(buses, r.name).to.include(r.inputs.eventBusName);
      expect(parentName(run, r)).to.match(/^kms-team-\d{3}$/);
    }
    const groupTargets = run.ofType(T.target).filter((t) => t.inputs.targetId === "alert-topic");
    expect(groupTargets).to.have.length(GROUPS * RULES_PER_GROUP);
    for (const t of groupTargets) expect(buses, t.name).to.include(t.inputs.eventBusName);
  });

  it("keeps the default bus within budget: fan-out rules of at most 5 targets, new-key rules", () => {
    const onDefault = run.ofType(T.rule).filter((r) => r.inputs.eventBusName === undefined);
    expect(onDefault.length).to.be.at.most(DEFAULT_BUS_BUDGET);
    // the region's 2 new-key rules to security; 10 shards, at most 5 targets per rule: 2 fan-out
    expect(onDefault.map((r) => r.inputs.name)).to.deep.equal([
      "kmsmon-scale-new-key-created",
      "kmsmon-scale-new-key-replicated",
      "kmsmon-scale-fanout-1",
      "kmsmon-scale-fanout-2",
    ]);
    const fanOuts = onDefault.filter((r) => r.inputs.name.includes("-fanout-"));
    const role = run.one(T.role, "kms-us-east-1-buses-forwarding-role");
    fanOuts.forEach((fanOut, f) => {
      expect(fanOut.inputs.state).to.equal("ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");
      const targets = run.ofType(T.target).filter((t) => t.inputs.rule === fanOut.inputs.name);
      // fan-out 1 feeds shards 1-5, fan-out 2 shards 6-10; target IDs count within the rule
      expect(targets.map((t) => t.inputs)).to.deep.equal(
        [1, 2, 3, 4, 5].map((t) => ({
          rule: `kmsmon-scale-fanout-${f + 1}`,
          targetId: `shard-${t}`,
          arn: run.one(T.bus, `kms-us-east-1-buses-shard-${t + 5 * f}`).state.arn,
          roleArn: role.state.arn,
          retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 86400 },
          deadLetterConfig: {
            arn: "arn:aws:sqs:us-east-1:111122223333:kmsmon-scale-undelivered",
          },
        })),
      );
    });
  });

  it("forwards through a role only our fan-out rules assume, allowed PutEvents on the shards", () => {
    const role = run.one(T.role, "kms-us-east-1-buses-forwarding-role");
    expect(parsedInputs(role)).to.deep.equal({
      name: "kmsmon-scale-fanout-us-east-1",
      assumeRolePolicy: {
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "AllowFanOutRulesAssumeRole",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: {
              StringEquals: { "aws:SourceAccount": "111122223333" },
              ArnLike: {
                "aws:SourceArn": "arn:aws:events:us-east-1:111122223333:rule/kmsmon-scale-fanout-*",
              },
            },
          },
        ],
      },
    });
    const policy = run.one(T.rolePolicy, "kms-us-east-1-buses-forwarding-policy");
    expect(parsedInputs(policy)).to.deep.equal({
      role: "kmsmon-scale-fanout-us-east-1",
      policy: {
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "AllowPutEventsOnShardBuses",
            Effect: "Allow",
            Action: "events:PutEvents",
            Resource: SHARDS.map((s) => `arn:aws:events:us-east-1:111122223333:event-bus/${s}`),
          },
        ],
      },
    });
    const shards = run.one(T.busShards, "kms-us-east-1-buses");
    for (const r of [role, policy, run.one(T.bus, "kms-us-east-1-buses-shard-1")]) {
      expect(lineage(run, r)).to.deep.equal([r.name, shards.name, "kms"]);
    }
  });
});
