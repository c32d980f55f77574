import { expect } from "chai";
import { alertTopicsNotAwsManagedKey } from "../../policies/alert-topics-not-aws-managed-key";
import { eventTargetsHaveDlqAndRetries } from "../../policies/event-targets-have-dlq-and-retries";
import { monitoringAlarmsActionable } from "../../policies/monitoring-alarms-actionable";
import { messagesOf, ours, resource } from "./helpers";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const TOPIC = "aws:sns/topic:Topic";
const TARGET = "aws:cloudwatch/eventTarget:EventTarget";
const TOPIC_ARN = "arn:aws:sns:us-east-1:111122223333:kmsmon-dev-payments-c";
const KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/e9242fd4-8a49-8b3e-2707-bff80b22b030";

const alarmInputs = {
  name: "kmsmon-dev-account-key-disabled",
  namespace: "KMSMonitoring/dev",
  metricName: "KeyDisabled",
  statistic: "Sum",
  period: 300,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  actionsEnabled: true,
  alarmActions: [TOPIC_ARN],
};

describe("policy monitoring-alarms-actionable", () => {
  it("passes our alarm with enabled actions", async () => {
    expect(
      await messagesOf(monitoringAlarmsActionable, [
        ours(ALARM, "kms-account-key-disabled-alarm", alarmInputs),
      ]),
    ).to.deep.equal([]);
  });

  it("reports our alarms (by URN or kmsmon- name) without actions or with actions disabled", async () => {
    const alarms = [
      ours(ALARM, "silent", { ...alarmInputs, alarmActions: [] }),
      resource(ALARM, "renamed", { ...alarmInputs, name: "kmsmon-dev-x", actionsEnabled: false }),
    ];
    expect(await messagesOf(monitoringAlarmsActionable, alarms)).to.deep.equal([
      'alarm "silent": no alarm actions; add the ARN of an SNS topic that reaches on-call to alarmActions so someone is told when it fires',
      'alarm "renamed": actionsEnabled is false; remove it or set actionsEnabled: true so the alarm\'s actions run when it fires',
    ]);
  });

  it("ignores alarms that are not ours, and actions unknown at preview", async () => {
    const alarms = [
      resource(ALARM, "app-cpu", { name: "app-cpu-high", metricName: "CPUUtilization" }),
      ours(ALARM, "computed", { ...alarmInputs, alarmActions: undefined }),
    ];
    expect(await messagesOf(monitoringAlarmsActionable, alarms)).to.deep.equal([]);
  });
});

describe("policy alert-topics-not-aws-managed-key", () => {
  it("passes our topics encrypted with a customer managed key", async () => {
    const topic = ours(TOPIC, "kms-payments-c-topic", {
      name: "kmsmon-dev-payments-c",
      kmsMasterKeyId: KEY_ARN,
    });
    expect(await messagesOf(alertTopicsNotAwsManagedKey, [topic])).to.deep.equal([]);
  });

  it("reports our unencrypted topic and the AWS managed key on a topic our alarm notifies", async () => {
    const plain = ours(TOPIC, "kms-plain-topic", { name: "kmsmon-dev-plain" });
    const shared = resource(
      TOPIC,
      "shared-alerts",
      { name: "shared-alerts", kmsMasterKeyId: "alias/aws/sns" },
      {
        outputs: {
          name: "shared-alerts",
          kmsMasterKeyId: "alias/aws/sns",
          arn: "arn:aws:sns:us-east-1:111122223333:shared-alerts",
        },
      },
    );
    const alarm = ours(ALARM, "kms-account-key-disabled-alarm", {
      ...alarmInputs,
      alarmActions: ["arn:aws:sns:us-east-1:111122223333:shared-alerts"],
    });
    const fix =
      "set kmsMasterKeyId to a customer managed KMS key whose policy lets cloudwatch.amazonaws.com and events.amazonaws.com use it";
    expect(await messagesOf(alertTopicsNotAwsManagedKey, [plain, shared, alarm])).to.deep.equal([
      `sns topic "kms-plain-topic" is not encrypted; ${fix}`,
      `sns topic "shared-alerts" (notified by alarm "kms-account-key-disabled-alarm") is encrypted with the AWS managed key alias/aws/sns, which CloudWatch alarms cannot publish to; ${fix}`,
    ]);
  });

  it("finds a topic our event target notifies through its dependency, by key ARN form too", async () => {
    const topic = resource(TOPIC, "team-topic", {
      name: "team",
      kmsMasterKeyId: "arn:aws:kms:us-east-1:111122223333:alias/aws/sns",
    });
    const target = ours(
      TARGET,
      "rule-target",
      { rule: "kmsmon-dev-payments-c-1", arn: undefined },
      {
        propertyDependencies: { arn: [topic.urn] },
      },
    );
    expect(await messagesOf(alertTopicsNotAwsManagedKey, [topic, target])).to.have.length(1);
  });

  it("leaves other topics alone and skips keys unknown at preview", async () => {
    const stack = [
      resource(TOPIC, "app-events", { name: "app-events" }),
      ours(TOPIC, "kms-computed-topic", { name: "kmsmon-dev-c", kmsMasterKeyId: undefined }),
    ];
    expect(await messagesOf(alertTopicsNotAwsManagedKey, stack)).to.deep.equal([]);
  });
});

describe("policy event-targets-have-dlq-and-retries", () => {
  const target = {
    rule: "kmsmon-dev-payments-c-1",
    targetId: "alert-topic",
    arn: TOPIC_ARN,
    retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 86400 },
    deadLetterConfig: { arn: "arn:aws:sqs:us-east-1:111122223333:kmsmon-dev-dlq" },
  };

  it("passes our target with a dead-letter queue and a retry policy", async () => {
    expect(
      await messagesOf(eventTargetsHaveDlqAndRetries, [
        ours(TARGET, "kms-payments-c-1-target", target),
      ]),
    ).to.deep.equal([]);
  });

  it("reports our targets (by URN or kmsmon- rule) missing either", async () => {
    const noDlq = { ...target, deadLetterConfig: { arn: "" } };
    const noRetry = {
      rule: target.rule,
      targetId: target.targetId,
      arn: target.arn,
      deadLetterConfig: target.deadLetterConfig,
    };
    const targets = [ours(TARGET, "no-dlq", noDlq), resource(TARGET, "no-retry", noRetry)];
    expect(await messagesOf(eventTargetsHaveDlqAndRetries, targets)).to.deep.equal([
      'event target "no-dlq": no dead-letter queue; set deadLetterConfig.arn to an SQS queue so events EventBridge cannot deliver are kept instead of dropped',
      'event target "no-retry": no retryPolicy; set retryPolicy (maximumRetryAttempts, maximumEventAgeInSeconds) so failed deliveries are retried before they go to the dead-letter queue',
    ]);
  });

  it("ignores other targets and a queue unknown at preview", async () => {
    const targets = [
      resource(TARGET, "app-target", {
        rule: "app-rule",
        arn: "arn:aws:lambda:us-east-1:111122223333:function:f",
      }),
      ours(TARGET, "computed", { ...target, deadLetterConfig: { arn: undefined } }),
    ];
    expect(await messagesOf(eventTargetsHaveDlqAndRetries, targets)).to.deep.equal([]);
  });
});
