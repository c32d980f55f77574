/** One price per kind of alarm (us-east-1 list prices), and the quotas each kind counts against. */
import { expect } from "chai";
import {
  alarmMonthlyCostUsd,
  alarmQuotas,
  billedAlarmMetrics,
} from "../../components/alarms/pricing";
import type { AlarmMetric, MetricQuerySpec } from "../../components/alarms/spec";

function metricQuery(n: number): MetricQuerySpec {
  return {
    id: `m${n}`,
    returnData: false,
    metric: {
      namespace: "AWS/KMS",
      metricName: "SuccessfulRequest",
      dimensions: { KeyArn: `key-${n}`, Operation: "Decrypt" },
      period: 3600,
      stat: "Sum",
    },
  };
}

function metrics(count: number): MetricQuerySpec[] {
  return Array.from({ length: count }, (_, i) => metricQuery(i + 1));
}

const SUM: MetricQuerySpec = { id: "e1", returnData: true, expression: "SUM(METRICS())" };
const BAND: MetricQuerySpec = {
  id: "ad1",
  returnData: true,
  expression: "ANOMALY_DETECTION_BAND(e1, 2)",
};

function standard(periodSeconds: number): AlarmMetric {
  return {
    kind: "standard",
    namespace: "AWS/SQS",
    metricName: "ApproximateNumberOfMessagesVisible",
    statistic: "Maximum",
    periodSeconds,
  };
}

describe("alarm pricing", () => {
  it("prices a standard alarm at $0.10, or $0.30 at high resolution", () => {
    expect(alarmMonthlyCostUsd(standard(300))).to.equal(0.1);
    expect(alarmMonthlyCostUsd(standard(60))).to.equal(0.1);
    expect(alarmMonthlyCostUsd(standard(10))).to.equal(0.3);
    expect(billedAlarmMetrics(standard(300))).to.equal(1);
  });

  it("prices a metric-math alarm per metric it references, not per expression", () => {
    const math: AlarmMetric = { kind: "metric-math", queries: [...metrics(3), SUM] };
    expect(billedAlarmMetrics(math)).to.equal(3);
    expect(alarmMonthlyCostUsd(math)).to.equal(0.3);
  });

  it("prices an anomaly alarm as its metrics plus 2 for the band", () => {
    const anomaly = (k: number): AlarmMetric => ({
      kind: "anomaly",
      queries: [...metrics(k), SUM, BAND],
      bandId: "ad1",
    });
    expect(billedAlarmMetrics(anomaly(8))).to.equal(10);
    expect(alarmMonthlyCostUsd(anomaly(8))).to.equal(1);
    expect(alarmMonthlyCostUsd(anomaly(1))).to.equal(0.3);
    // 10 keys of one region make two alarms (8 + 2 keys): (8 + 2) + (2 + 2) = 14 alarm metrics.
    expect(alarmMonthlyCostUsd(anomaly(8)) + alarmMonthlyCostUsd(anomaly(2))).to.equal(1.4);
  });

  it("prices a Metrics Insights alarm per metric its query analyzes", () => {
    const insights: AlarmMetric = {
      kind: "metrics-insights",
      id: "failed",
      query: 'SELECT SUM(NumberOfNotificationsFailed) FROM SCHEMA("AWS/SNS", TopicName)',
      periodSeconds: 300,
      metricsAnalyzed: 5,
    };
    expect(billedAlarmMetrics(insights)).to.equal(5);
    expect(alarmMonthlyCostUsd(insights)).to.equal(0.5);
  });

  it("counts Metrics Insights alarms against their regional quota, and no other kind", () => {
    expect(alarmQuotas(standard(300))).to.deep.equal([
      "alarmNameLength",
      "actionsPerAlarmState",
      "metricQueriesPerAlarm",
    ]);
    expect(
      alarmQuotas({
        kind: "metrics-insights",
        id: "q",
        query: "SELECT 1",
        periodSeconds: 60,
        metricsAnalyzed: 1,
      }),
    ).to.deep.equal([
      "alarmNameLength",
      "actionsPerAlarmState",
      "metricQueriesPerAlarm",
      "metricsInsightsAlarmsPerRegion",
    ]);
  });
});
