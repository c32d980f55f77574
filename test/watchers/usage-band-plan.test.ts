/** The account-level usage bands: the stack's default baseline of normal use. */
import { expect } from "chai";
import { planUsageBands } from "../../components/watchers/usage-band-plan";

const SETTINGS = {
  enabled: true,
  bandWidth: 2,
  evaluationPeriods: 3,
  datapointsToAlarm: 3,
  periodSeconds: 3600,
};

describe("planUsageBands", () => {
  it("plans one band per request quota, on the account's AWS/Usage CallCount, filled with 0", () => {
    const [symmetric, ...others] = planUsageBands("prod", "eu-west-1", SETTINGS);
    expect(others.map((b) => [b.name, b.family])).to.deep.equal([
      ["kmsmon-prod-usage-rsa", "rsa"],
      ["kmsmon-prod-usage-ecc", "ecc"],
    ]);
    expect({ ...symmetric, description: undefined }).to.deep.equal({
      family: "symmetric",
      region: "eu-west-1",
      name: "kmsmon-prod-usage-symmetric",
      description: undefined,
      severity: "operational",
      metric: {
        kind: "anomaly",
        queries: [
          {
            id: "m1",
            label: "CallCount CryptographicOperationsSymmetric",
            returnData: false,
            metric: {
              namespace: "AWS/Usage",
              metricName: "CallCount",
              dimensions: {
                Service: "KMS",
                Type: "API",
                Resource: "CryptographicOperationsSymmetric",
                Class: "None",
              },
              period: 3600,
              stat: "Sum",
            },
          },
          {
            id: "e1",
            label: "Cryptographic requests (symmetric)",
            returnData: true,
            expression: "FILL(m1, 0)",
          },
          {
            id: "ad1",
            label: "Expected band",
            returnData: true,
            expression: "ANOMALY_DETECTION_BAND(e1, 2)",
          },
        ],
        bandId: "ad1",
      },
      comparisonOperator: "LessThanLowerOrGreaterThanUpperThreshold",
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: "notBreaching",
      actions: { role: "security", onOk: false },
      actionsEnabled: true,
      monthlyCostUsd: 0.3,
      quotas: ["alarmNameLength", "actionsPerAlarmState", "metricQueriesPerAlarm"],
    });
  });

  it("follows the settings and plans nothing when disabled", () => {
    const settings = { ...SETTINGS, bandWidth: 3, periodSeconds: 300, datapointsToAlarm: 2 };
    const [band] = planUsageBands("dev", "us-east-1", settings);
    expect(band.metric.kind === "anomaly" && band.metric.queries[2].expression).to.equal(
      "ANOMALY_DETECTION_BAND(e1, 3)",
    );
    expect(band.metric.kind === "anomaly" && band.metric.queries[0].metric?.period).to.equal(300);
    expect([band.evaluationPeriods, band.datapointsToAlarm]).to.deep.equal([3, 2]);
    expect(planUsageBands("dev", "us-east-1", { ...SETTINGS, enabled: false })).to.deep.equal([]);
  });
});
