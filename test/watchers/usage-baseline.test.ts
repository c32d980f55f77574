/** UsageBaseline under the mock runtime: exact alarm inputs, regions and providers, checks. */
import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { planBaselineAlarms, UsageBaseline, UsageBaselineArgs } from "../../components/watchers";
import { runUnderMocks, unwrap } from "../harness/mock-runtime";
import { keyArn, keyId, keyIdOf, T } from "../builders";
import { groupOf } from "./helpers";

const US = "us-east-1";
const EU = "eu-west-1";
const US_TOPIC = "arn:aws:sns:us-east-1:111122223333:kmsmon-dev-payments-standard";
const EU_TOPIC = "arn:aws:sns:eu-west-1:111122223333:kmsmon-dev-payments-all";

describe("UsageBaseline", () => {
  it("creates each planned alarm with exactly its metric queries and settings", async () => {
    const arn = keyArn(US, keyId(1));
    const group = groupOf("payments", [arn]);
    const result = await runUnderMocks(
      () =>
        new UsageBaseline("payments-baseline", {
          environment: "dev",
          group,
          regions: { [US]: { alarmActions: [US_TOPIC] } },
          keyUsages: { [arn]: "GENERATE_VERIFY_MAC" },
        }),
    );
    const component = result.one(T.usageBaseline, "payments-baseline");
    expect(component.inputs).to.deep.equal({ groupName: "payments" });
    const alarm = result.one(T.alarm, `payments-baseline-${US}-1`);
    expect(alarm.parent).to.equal(component.urn);
    expect(alarm.inputs).to.deep.equal({
      name: "kmsmon-dev-payments-baseline-1",
      alarmDescription:
        `Data-plane use of key group payments in ${US} (alarm 1 of 1, 1 keys) left its expected ` +
        "band of 2 standard deviations. Use outside the usual band: check which application " +
        `changed its traffic. Keys: ${keyIdOf(arn)} (GenerateMac)`,
      metricQueries: [
        {
          id: "m1",
          label: `${keyIdOf(arn)} GenerateMac`,
          returnData: false,
          metric: {
            namespace: "AWS/KMS",
            metricName: "SuccessfulRequest",
            dimensions: { KeyArn: arn, Operation: "GenerateMac" },
            period: 3600,
            stat: "Sum",
          },
        },
        {
          id: "e1",
          label: "Successful data-plane requests",
          returnData: true,
          expression: "SUM([m1])",
        },
        {
          id: "ad1",
          label: "Expected band",
          returnData: true,
          expression: "ANOMALY_DETECTION_BAND(e1, 2)",
        },
      ],
      thresholdMetricId: "ad1",
      comparisonOperator: "LessThanLowerOrGreaterThanUpperThreshold",
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: "notBreaching",
      actionsEnabled: true,
      alarmActions: [US_TOPIC],
    });
  });

  it("puts each region's alarms on that region's provider and topic", async () => {
    const arns = [
      ...Array.from({ length: 9 }, (_, i) => keyArn(US, keyId(i + 1))),
      keyArn(EU, keyId(20)),
    ];
    const group = groupOf("payments", arns);
    const result = await runUnderMocks(() => {
      const eu = new aws.Provider("eu", { region: EU });
      const c = new UsageBaseline("b", {
        environment: "dev",
        group,
        regions: {
          [US]: { alarmActions: [US_TOPIC] },
          [EU]: { provider: eu, alarmActions: [EU_TOPIC] },
        },
      });
      return { names: c.alarmNames, cost: c.monthlyCostUsd };
    });
    const specs = planBaselineAlarms(group, "dev");
    expect(result.ofType(T.alarm).map((a) => a.name)).to.have.members(
      specs.map((s) => `b-${s.region}-${s.index + 1}`),
    );
    for (const spec of specs) {
      const alarm = result.one(T.alarm, `b-${spec.region}-${spec.index + 1}`);
      expect(alarm.inputs.metricQueries).to.deep.equal(
        spec.metric.kind === "anomaly" ? spec.metric.queries : "not an anomaly alarm",
      );
      expect(alarm.inputs.thresholdMetricId).to.equal("ad1");
      expect(alarm.inputs.name).to.equal(spec.name);
    }
    expect(specs.map((s) => `${s.region}/${s.keys.length}`)).to.deep.equal([
      `${EU}/1`,
      `${US}/8`,
      `${US}/1`,
    ]);
    expect(result.one(T.alarm, `b-${EU}-1`).provider).to.match(/::eu::/);
    expect(result.one(T.alarm, `b-${US}-1`).provider).to.equal(undefined);
    expect(result.one(T.alarm, `b-${EU}-1`).inputs.alarmActions).to.deep.equal([EU_TOPIC]);
    expect(result.one(T.alarm, `b-${US}-2`).inputs.alarmActions).to.deep.equal([US_TOPIC]);
    expect(await unwrap(result.result.names)).to.deep.equal([
      "kmsmon-dev-payments-baseline-1",
      "kmsmon-dev-payments-baseline-1",
      "kmsmon-dev-payments-baseline-2",
    ]);
    // Per alarm, its keys plus 2 for the band, $0.10 per alarm metric: (1 + 2) + (8 + 2) + (1 + 2).
    expect(result.result.cost).to.equal(1.6);
  });

  it("creates no alarm when the baseline is disabled", async () => {
    const result = await runUnderMocks(
      () =>
        new UsageBaseline("b", {
          environment: "dev",
          group: groupOf("g", [keyArn(US, keyId(1))], { enabled: false }),
          regions: {},
        }),
    );
    expect(result.resources.map((r) => r.type)).to.deep.equal([T.usageBaseline]);
  });

  it("refuses bad arguments before registering anything, naming the argument", async () => {
    const base: UsageBaselineArgs = {
      environment: "dev",
      group: groupOf("g", [keyArn(US, keyId(1)), keyArn(EU, keyId(2))]),
      regions: { [US]: { alarmActions: [US_TOPIC] }, [EU]: { alarmActions: [EU_TOPIC] } },
    };
    const cases: [Partial<UsageBaselineArgs>, string][] = [
      [
        { regions: { [US]: { alarmActions: [US_TOPIC] } } },
        `UsageBaseline "x": regions: no context for ${EU}`,
      ],
      [
        { regions: { ...base.regions, [EU]: { alarmActions: [] } } },
        `UsageBaseline "x": regions["${EU}"].alarmActions: 0 given`,
      ],
      [
        { group: groupOf("g", [keyArn(US, keyId(1))], { bandWidth: -1 }) },
        'UsageBaseline "x": group: key group g: baseline: bandWidth: -1 is out of range (expected a number from 0.5 to 10)',
      ],
    ];
    for (const [args, message] of cases) {
      let registered = -1;
      await runUnderMocks(() => new UsageBaseline("x", { ...base, ...args })).then(
        (r) => (registered = r.resources.length),
        (e: Error) => expect(e.message).to.include(message),
      );
      expect(registered, message).to.equal(-1);
    }
  });
});
