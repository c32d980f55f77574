/** The one MetricAlarm factory: the exact arguments each kind of spec becomes. */
import { expect } from "chai";
import { metricAlarmArgs } from "../../components/alarms/metric-alarm";
import type { AlarmSpec } from "../../components/alarms/spec";

const TOPIC = "arn:aws:sns:us-east-1:111122223333:kmsmon-dev-security";

const BASE = {
  name: "kmsmon-dev-x",
  description: "What happened and what to do.",
  severity: "operational",
  region: "us-east-1",
  evaluationPeriods: 2,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  treatMissingData: "notBreaching",
  monthlyCostUsd: 0.1,
  quotas: [],
} as const;

describe("metricAlarmArgs", () => {
  it("writes a standard alarm, with OK actions and without actionsEnabled when unset", () => {
    const spec: AlarmSpec = {
      ...BASE,
      metric: {
        kind: "standard",
        namespace: "AWS/SQS",
        metricName: "ApproximateNumberOfMessagesVisible",
        dimensions: { QueueName: "q" },
        statistic: "Maximum",
        periodSeconds: 300,
      },
      datapointsToAlarm: 1,
      threshold: 1,
      actions: { role: "security", onOk: true },
      quotas: [],
    };
    expect(metricAlarmArgs(spec, { actions: [TOPIC] })).to.deep.equal({
      name: "kmsmon-dev-x",
      alarmDescription: "What happened and what to do.",
      namespace: "AWS/SQS",
      metricName: "ApproximateNumberOfMessagesVisible",
      dimensions: { QueueName: "q" },
      statistic: "Maximum",
      period: 300,
      evaluationPeriods: 2,
      datapointsToAlarm: 1,
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      treatMissingData: "notBreaching",
      alarmActions: [TOPIC],
      okActions: [TOPIC],
    });
  });

  it("takes a dimension from the wiring and adds tags when given", () => {
    const spec: AlarmSpec = {
      ...BASE,
      metric: {
        kind: "standard",
        namespace: "AWS/SNS",
        metricName: "NumberOfNotificationsFailed",
        dimensions: { TopicName: "planned" },
        statistic: "Sum",
        periodSeconds: 300,
      },
      threshold: 1,
      actions: { role: "security", onOk: false },
      actionsEnabled: true,
      quotas: [],
    };
    const args = metricAlarmArgs(spec, {
      actions: [TOPIC],
      dimensions: { TopicName: "wired" },
      tags: { team: "sec" },
    });
    expect(args.dimensions).to.deep.equal({ TopicName: "wired" });
    expect(args.tags).to.deep.equal({ team: "sec" });
    expect(args.actionsEnabled).to.equal(true);
    expect(args).to.not.have.property("okActions");
  });

  it("writes an anomaly alarm with its band as threshold and no threshold value", () => {
    const queries = [
      { id: "e1", returnData: true, expression: "SUM(METRICS())" },
      { id: "ad1", returnData: true, expression: "ANOMALY_DETECTION_BAND(e1, 2)" },
    ];
    const spec: AlarmSpec = {
      ...BASE,
      metric: { kind: "anomaly", queries, bandId: "ad1" },
      comparisonOperator: "LessThanLowerOrGreaterThanUpperThreshold",
      actions: { role: "group-warning", onOk: false },
      quotas: [],
    };
    const args = metricAlarmArgs(spec, { actions: [TOPIC] });
    expect(args.metricQueries).to.deep.equal(queries);
    expect(args.thresholdMetricId).to.equal("ad1");
    expect(args).to.not.have.property("threshold");
    expect(args).to.not.have.property("namespace");
  });

  it("writes a Metrics Insights alarm as one query entry with its period", () => {
    const spec: AlarmSpec = {
      ...BASE,
      metric: {
        kind: "metrics-insights",
        id: "failed",
        query: "SELECT SUM(x) FROM y",
        periodSeconds: 300,
        metricsAnalyzed: 3,
      },
      threshold: 1,
      actions: { role: "security", onOk: false },
      quotas: [],
    };
    expect(metricAlarmArgs(spec, { actions: [TOPIC] }).metricQueries).to.deep.equal([
      { id: "failed", expression: "SELECT SUM(x) FROM y", period: 300, returnData: true },
    ]);
  });
});
