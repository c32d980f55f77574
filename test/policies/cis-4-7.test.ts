import { expect } from "chai";
import { CIS_4_7_FILTER_PATTERN } from "../../components/signals/catalog";
import { cis47KmsFilter, PROWLER_CIS_4_7 } from "../../policies/cis-4-7-kms-filter";
import { OfflineResource } from "../../policies/offline";
import { messagesOf, monitoring, ours, resource, runOne } from "./helpers";

/** The exact filter CIS 4.7 and Security Hub CloudWatch.7 require, written out. */
const CIS =
  "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}";
const FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const TOPIC = "aws:sns/topic:Topic";
const SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const TOPIC_ARN = "arn:aws:sns:us-east-1:111122223333:kmsmon-dev-security";
const METRIC = { name: "CisKmsKeyDisabledOrScheduledForDeletion", namespace: "KMSMonitoring/dev" };

const filter = ours(FILTER, "kms-account-cis-4-7", {
  name: "kmsmon-dev-cis-4-7",
  logGroupName: "/aws/cloudtrail/kmsmon-dev",
  pattern: CIS,
  metricTransformation: { ...METRIC, value: "1", defaultValue: "0" },
});
const topic = ours(
  TOPIC,
  "kms-security-topic",
  { name: "kmsmon-dev-security" },
  {
    outputs: { name: "kmsmon-dev-security", arn: TOPIC_ARN },
  },
);
const subscription = ours(SUBSCRIPTION, "kms-security-email", {
  topic: TOPIC_ARN,
  protocol: "email",
  endpoint: "sec@example.com",
});

function alarm(changes: Record<string, unknown> = {}, extra: Partial<OfflineResource> = {}) {
  return ours(
    ALARM,
    "kms-account-cis-4-7-alarm",
    {
      name: "kmsmon-dev-account-cis-4-7",
      namespace: METRIC.namespace,
      metricName: METRIC.name,
      statistic: "Sum",
      period: 300,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      actionsEnabled: true,
      alarmActions: [TOPIC_ARN],
      ...changes,
    },
    extra,
  );
}

describe("policy cis-4-7-kms-filter", () => {
  it("passes the exact filter with an alarm notifying a subscribed topic (by ARN or dependency)", async () => {
    expect(
      await messagesOf(cis47KmsFilter, [monitoring(), filter, alarm(), topic, subscription]),
    ).to.deep.equal([]);
    const linked = [
      monitoring(),
      filter,
      alarm({ alarmActions: [undefined] }, { propertyDependencies: { alarmActions: [topic.urn] } }),
      { ...topic, outputs: { name: "kmsmon-dev-security", arn: undefined } },
      {
        ...subscription,
        inputs: { ...subscription.inputs, topic: undefined },
        propertyDependencies: { topic: [topic.urn] },
      },
    ];
    expect(await messagesOf(cis47KmsFilter, linked)).to.deep.equal([]);
  });

  it("keeps the catalog's pattern in Prowler's order, byte for byte the CIS text", () => {
    expect(CIS_4_7_FILTER_PATTERN).to.equal(CIS);
    expect(PROWLER_CIS_4_7.test(CIS)).to.equal(true);
    const reordered =
      "{($.eventSource=kms.amazonaws.com) && (($.eventName=ScheduleKeyDeletion) || ($.eventName=DisableKey))}";
    expect(PROWLER_CIS_4_7.test(reordered)).to.equal(false);
  });

  it("reports a missing filter on our component, naming near misses", async () => {
    const spaced = {
      ...filter,
      inputs: {
        ...filter.inputs,
        pattern:
          "{ ($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }",
      },
    };
    const violations = await runOne(cis47KmsFilter, [
      monitoring(),
      spaced,
      alarm(),
      topic,
      subscription,
    ]);
    expect(violations).to.deep.equal([
      {
        policy: "cis-4-7-kms-filter",
        level: "mandatory",
        message:
          "the stack runs kms-monitoring but has no CloudWatch Logs metric filter with the exact " +
          'CIS 4.7 pattern ("kms-account-cis-4-7" matches the terms but not the exact text); add one ' +
          `on the trail's log group with pattern ${CIS} (AccountKmsAlarms creates it)`,
        resource: monitoring().urn,
      },
    ]);
  });

  it("reports a filter without an alarm, and an alarm without a subscribed topic", async () => {
    expect(
      await messagesOf(cis47KmsFilter, [monitoring(), filter, topic, subscription]),
    ).to.deep.equal([
      'metric filter "kms-account-cis-4-7" (CIS 4.7): no CloudWatch alarm on its metric ' +
        "KMSMonitoring/dev/CisKmsKeyDisabledOrScheduledForDeletion; add a MetricAlarm with that " +
        "namespace and metricName (Sum >= 1 over 5 minutes) and a subscribed SNS topic in alarmActions",
    ]);
    const unsubscribed = await runOne(cis47KmsFilter, [monitoring(), filter, alarm(), topic]);
    expect(unsubscribed.map((v) => [v.message, v.resource])).to.deep.equal([
      [
        'alarm "kms-account-cis-4-7-alarm" (CIS 4.7) notifies no SNS topic with a subscription; ' +
          "add a topic with at least one aws.sns.TopicSubscription to its alarmActions",
        alarm().urn,
      ],
    ]);
    const lambdaOnly = alarm({
      alarmActions: ["arn:aws:lambda:us-east-1:111122223333:function:pager"],
    });
    expect(
      await messagesOf(cis47KmsFilter, [monitoring(), filter, lambdaOnly, topic, subscription]),
    ).to.have.length(1);
  });

  it("counts a subscription to a topic from outside the stack", async () => {
    const outside = "arn:aws:sns:us-east-1:111122223333:security-hub";
    const stack = [
      monitoring(),
      filter,
      alarm({ alarmActions: [outside] }),
      resource(SUBSCRIPTION, "hub-sqs", {
        topic: outside,
        protocol: "sqs",
        endpoint: "arn:aws:sqs:us-east-1:111122223333:q",
      }),
    ];
    expect(await messagesOf(cis47KmsFilter, stack)).to.deep.equal([]);
  });

  it("does not apply without our monitoring, and skips unknowns", async () => {
    expect(await messagesOf(cis47KmsFilter, [resource(TOPIC, "t", { name: "t" })])).to.deep.equal(
      [],
    );
    const unknownPattern = { ...filter, inputs: { ...filter.inputs, pattern: undefined } };
    expect(await messagesOf(cis47KmsFilter, [monitoring(), unknownPattern])).to.deep.equal([]);
    const unknownActions = alarm({ alarmActions: undefined });
    expect(await messagesOf(cis47KmsFilter, [monitoring(), filter, unknownActions])).to.deep.equal(
      [],
    );
  });
});
