/** The pure baseline planner: chunks, exact queries, operations, limits and cost. */
import { expect } from "chai";
import {
  BaselineAlarmSpec,
  KEYS_PER_BASELINE_ALARM,
  baselineOperation,
  planBaselineAlarms,
} from "../../components/watchers";
import { metricCount } from "../../components/alarms/spec";
import { alarmsMonthlyCostUsd } from "../../components/alarms/pricing";
import { keyArn, keyId, keyIdOf } from "../builders";
import { groupOf } from "./helpers";
import { AWS_LIMITS } from "../../components/core/limits";

/** The queries of a baseline alarm (an anomaly alarm). */
function queriesOf(spec: BaselineAlarmSpec) {
  if (spec.metric.kind !== "anomaly") throw new Error(`${spec.name} is not an anomaly alarm`);
  return spec.metric.queries;
}

const EU = "eu-west-1";
const US = "us-east-1";

function metricOf(arn: string, operation: string, id: string) {
  return {
    id,
    label: `${keyIdOf(arn)} ${operation}`,
    returnData: false,
    metric: {
      namespace: "AWS/KMS",
      metricName: "SuccessfulRequest",
      dimensions: { KeyArn: arn, Operation: operation },
      period: 3600,
      stat: "Sum",
    },
  };
}

describe("planBaselineAlarms", () => {
  it("plans one anomaly alarm summing the keys' main operation, with these exact queries", () => {
    const [a, b] = [keyArn(US, keyId(2)), keyArn(US, keyId(1))];
    const group = groupOf("payments", [a, b]);
    const specs = planBaselineAlarms(group, "dev", { [a]: "SIGN_VERIFY" });
    expect(specs).to.have.length(1);
    const { description, ...rest } = specs[0];
    expect(rest).to.deep.equal({
      group: "payments",
      region: US,
      index: 0,
      name: "kmsmon-dev-payments-baseline-1",
      keys: [
        { arn: b, operation: "Decrypt" },
        { arn: a, operation: "Sign" },
      ],
      severity: "info",
      metric: {
        kind: "anomaly",
        bandId: "ad1",
        queries: [
          metricOf(b, "Decrypt", "m1"),
          metricOf(a, "Sign", "m2"),
          {
            id: "e1",
            label: "Successful data-plane requests",
            returnData: true,
            expression: "SUM([m1,m2])",
          },
          {
            id: "ad1",
            label: "Expected band",
            returnData: true,
            expression: "ANOMALY_DETECTION_BAND(e1, 2)",
          },
        ],
      },
      comparisonOperator: "LessThanLowerOrGreaterThanUpperThreshold",
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: "notBreaching",
      actions: { role: "group-warning", onOk: false },
      actionsEnabled: true,
      monthlyCostUsd: 0.4, // 2 metrics + 2 for the band, $0.10 each
      quotas: ["alarmNameLength", "actionsPerAlarmState", "metricQueriesPerAlarm"],
    });
    expect(description).to.equal(
      "Data-plane use of key group payments in us-east-1 (alarm 1 of 1, 2 keys) left its " +
        "expected band of 2 standard deviations. Use outside the usual band: check which " +
        `application changed its traffic. Keys: ${keyIdOf(b)} (Decrypt), ${keyIdOf(a)} (Sign)`,
    );
  });

  it("reads Decrypt, Sign, GenerateMac or DeriveSharedSecret by key usage; Decrypt if unknown", () => {
    expect(baselineOperation("ENCRYPT_DECRYPT")).to.equal("Decrypt");
    expect(baselineOperation("SIGN_VERIFY")).to.equal("Sign");
    expect(baselineOperation("GENERATE_VERIFY_MAC")).to.equal("GenerateMac");
    expect(baselineOperation("KEY_AGREEMENT")).to.equal("DeriveSharedSecret");
    expect(baselineOperation(undefined)).to.equal("Decrypt");
    expect(baselineOperation("SOMETHING_NEW")).to.equal("Decrypt");
  });

  it("splits a region's keys into chunks of 8, each alarm within 10 queries", () => {
    const arns = Array.from({ length: 17 }, (_, i) => keyArn(US, keyId(i + 1)));
    const specs = planBaselineAlarms(groupOf("big", arns), "dev");
    expect(KEYS_PER_BASELINE_ALARM).to.equal(8);
    expect(specs.map((s) => s.keys.length)).to.deep.equal([8, 8, 1]);
    expect(specs.map((s) => s.name)).to.deep.equal([
      "kmsmon-dev-big-baseline-1",
      "kmsmon-dev-big-baseline-2",
      "kmsmon-dev-big-baseline-3",
    ]);
    expect(specs.flatMap((s) => s.keys.map((k) => k.arn))).to.deep.equal([...arns].sort());
    for (const spec of specs) {
      expect(queriesOf(spec).length).to.be.at.most(AWS_LIMITS.metricQueriesPerAlarm);
      expect(metricCount(queriesOf(spec))).to.equal(spec.keys.length);
      expect(spec.description.length).to.be.at.most(1024);
      const ids = queriesOf(spec)
        .filter((q) => q.metric)
        .map((q) => q.id);
      expect(queriesOf(spec).find((q) => q.id === "e1")!.expression).to.equal(
        `SUM([${ids.join(",")}])`,
      );
    }
    expect(queriesOf(specs[2]).map((q) => q.id)).to.deep.equal(["m1", "e1", "ad1"]);
  });

  it("plans per region, and includes keys that could not be described", () => {
    const eu = keyArn(EU, keyId(5));
    const us = keyArn(US, keyId(6));
    const specs = planBaselineAlarms(groupOf("g", [us, eu, us], {}, [eu]), "prod");
    expect(specs.map((s) => [s.region, s.name, s.keys])).to.deep.equal([
      [EU, "kmsmon-prod-g-baseline-1", [{ arn: eu, operation: "Decrypt" }]],
      [US, "kmsmon-prod-g-baseline-1", [{ arn: us, operation: "Decrypt" }]],
    ]);
  });

  it("follows the group's settings", () => {
    const specs = planBaselineAlarms(
      groupOf("g", [keyArn(US, keyId(1))], {
        bandWidth: 3.5,
        periodSeconds: 900,
        evaluationPeriods: 4,
        datapointsToAlarm: 2,
      }),
      "dev",
    );
    expect(queriesOf(specs[0])[0].metric!.period).to.equal(900);
    expect(queriesOf(specs[0])[2].expression).to.equal("ANOMALY_DETECTION_BAND(e1, 3.5)");
    expect([specs[0].evaluationPeriods, specs[0].datapointsToAlarm]).to.deep.equal([4, 2]);
  });

  it("gives each key its own alarm at level key: 1 metric + 2 band metrics, $0.30 a key", () => {
    const arns = [keyArn(US, keyId(1)), keyArn(US, keyId(2)), keyArn(EU, keyId(3))];
    const specs = planBaselineAlarms(groupOf("g", arns, { level: "key" }), "dev");
    expect(specs.map((s) => [s.name, s.region, s.keys.map((k) => k.arn)])).to.deep.equal([
      ["kmsmon-dev-g-baseline-1", EU, [arns[2]]],
      ["kmsmon-dev-g-baseline-1", US, [arns[0]]],
      ["kmsmon-dev-g-baseline-2", US, [arns[1]]],
    ]);
    expect(specs.map((s) => s.monthlyCostUsd)).to.deep.equal([0.3, 0.3, 0.3]);
  });

  it("plans nothing when the baseline is disabled or the group has no keys", () => {
    expect(
      planBaselineAlarms(groupOf("g", [keyArn(US, keyId(1))], { enabled: false }), "dev"),
    ).to.deep.equal([]);
    expect(planBaselineAlarms(groupOf("g", []), "dev")).to.deep.equal([]);
  });

  it("refuses settings AWS would reject, by the stack config's baseline rules", () => {
    const PERIODS = "one of 60, 300, 900, 3600, 21600, 86400";
    const bad: [object, string][] = [
      [{ bandWidth: 0 }, "bandWidth: 0 is out of range (expected a number from 0.5 to 10)"],
      [{ periodSeconds: 30 }, `periodSeconds: 30 is not a baseline period (expected ${PERIODS})`],
      [{ periodSeconds: 90 }, `periodSeconds: 90 is not a baseline period (expected ${PERIODS})`],
      [
        { periodSeconds: 172800 },
        `periodSeconds: 172800 is not a baseline period (expected ${PERIODS})`,
      ],
      [
        { evaluationPeriods: 0 },
        "evaluationPeriods: 0 is out of range (expected an integer from 1 to 24)",
      ],
      [
        { datapointsToAlarm: 4 },
        "datapointsToAlarm: 4 is more than evaluationPeriods (3) (expected an integer from 1 to 3)",
      ],
      [
        { periodSeconds: 86400, evaluationPeriods: 8, datapointsToAlarm: 8 },
        "evaluationPeriods: 8 periods of 86,400 seconds are 691,200 seconds; CloudWatch allows at most 604,800 seconds (7 days) for periodSeconds x evaluationPeriods (expected at most 7 periods of 86,400 seconds)",
      ],
    ];
    for (const [settings, message] of bad) {
      expect(() =>
        planBaselineAlarms(groupOf("g", [keyArn(US, keyId(1))], settings), "dev"),
      ).to.throw(`key group g: baseline: ${message}`);
    }
  });

  it("prices the keys read plus 2 band metrics per alarm at $0.10 (K + 2 x ceil(K / 8))", () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => keyArn(US, keyId(i + 1)));
    const cost = (n: number) =>
      alarmsMonthlyCostUsd(planBaselineAlarms(groupOf("g", keys(n)), "dev"));
    expect(cost(1)).to.equal(0.3); // (1 + 2) x $0.10
    expect(cost(8)).to.equal(1); // (8 + 2) x $0.10
    expect(cost(10)).to.equal(1.4); // (10 + 2 x 2) x $0.10, the figure of docs/DESIGN.md
    expect(cost(20)).to.equal(2.6); // (20 + 3 x 2) x $0.10
    expect(cost(0)).to.equal(0);
  });
});
