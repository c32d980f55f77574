import { expect } from "chai";
import { alertTopicsNotAwsManagedKey } from "../../policies/alert-topics-not-aws-managed-key";
import { cis47KmsFilter } from "../../policies/cis-4-7-kms-filter";
import { eventTargetsHaveDlqAndRetries } from "../../policies/event-targets-have-dlq-and-retries";
import { kmsKeysCoveredByMonitoring } from "../../policies/kms-keys-covered-by-monitoring";
import {
  isKmsEventPattern,
  isKmsFilterPattern,
  looksLikeCisKmsPattern,
} from "../../policies/lib/kms-watch";
import { monitoringAlarmsActionable } from "../../policies/monitoring-alarms-actionable";
import { trailLogGroupRetentionAndEncryption } from "../../policies/trail-log-group-retention-and-encryption";
import { FT, handBuiltKmsStack, LOOKALIKE_CIS_PATTERN, unrelatedStack } from "./foreign-stacks";
import { messagesOf, resource } from "./helpers";

const NOW = new Date("2030-01-01T00:00:00Z");
const { alarm: ALARM, rule: RULE, target: TARGET, topic: TOPIC, filter: FILTER } = FT;
const { logGroup: LOG_GROUP, key: KEY } = FT;
const CIS =
  "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}";

/** The policy's config that keeps today's scope: our resources only. */
const oursOnly = (policy: string) => ({
  config: { [policy]: { kmsMonitoringResourcesOnly: true } },
});

describe("what watches KMS", () => {
  it("knows filters over KMS events, and which look like the CIS control", () => {
    expect(isKmsFilterPattern(CIS)).to.equal(true);
    expect(isKmsFilterPattern('{ $.eventSource = "kms.amazonaws.com" }')).to.equal(true);
    expect(isKmsFilterPattern('{ $.eventSource = "ec2.amazonaws.com" }')).to.equal(false);
    expect(looksLikeCisKmsPattern(LOOKALIKE_CIS_PATTERN)).to.equal(true);
    expect(
      looksLikeCisKmsPattern(
        '{ ($.eventSource = "kms.amazonaws.com") && (($.eventName = "DisableKeyRotation") || ($.eventName = "ScheduleKeyDeletion")) }',
      ),
    ).to.equal(false);
  });

  it("knows EventBridge patterns on KMS events: source, prefix, $or and detail.eventSource", () => {
    expect(isKmsEventPattern('{"source":["aws.kms"]}')).to.equal(true);
    expect(isKmsEventPattern({ source: [{ prefix: "aws.k" }] })).to.equal(true);
    expect(isKmsEventPattern({ $or: [{ source: ["aws.ec2"] }, { source: ["aws.kms"] }] })).to.equal(
      true,
    );
    expect(isKmsEventPattern('{"detail":{"eventSource":["kms.amazonaws.com"]}}')).to.equal(true);
    expect(isKmsEventPattern('{"source":["aws.ec2"]}')).to.equal(false);
    expect(isKmsEventPattern("not json")).to.equal(false);
  });
});

describe("policy monitoring-alarms-actionable beyond our resources", () => {
  const kmsAlarm = resource(ALARM, "throttles", {
    name: "kms-throttles",
    namespace: "AWS/KMS",
    metricName: "ThrottleCount",
    alarmActions: [],
  });
  const viaQuery = resource(ALARM, "key-deletion-math", {
    name: "kms-deletions-math",
    actionsEnabled: false,
    alarmActions: ["arn:aws:sns:us-east-1:111122223333:sec"],
    metricQueries: [
      { id: "m1", metric: { metricName: "KmsKeyDeletion", namespace: "Platform/Security" } },
    ],
  });
  const filter = handBuiltKmsStack(NOW).filter((r) => r.type === FILTER);

  it("reports alarms on AWS/KMS metrics and on KMS filters' metrics (also in metric queries)", async () => {
    expect(
      await messagesOf(monitoringAlarmsActionable, [kmsAlarm, viaQuery, ...filter]),
    ).to.deep.equal([
      'alarm "throttles": no alarm actions; add the ARN of an SNS topic that reaches on-call to alarmActions so someone is told when it fires',
      'alarm "key-deletion-math": actionsEnabled is false; remove it or set actionsEnabled: true so the alarm\'s actions run when it fires',
    ]);
  });

  it("ignores alarms on other metrics, and foreign alarms when told to judge only ours", async () => {
    expect(await messagesOf(monitoringAlarmsActionable, unrelatedStack())).to.deep.equal([]);
    const stack = [kmsAlarm, viaQuery, ...filter];
    expect(
      await messagesOf(monitoringAlarmsActionable, stack, oursOnly("monitoring-alarms-actionable")),
    ).to.deep.equal([]);
  });
});

describe("policy alert-topics-not-aws-managed-key beyond our resources", () => {
  const topicArn = "arn:aws:sns:us-east-1:111122223333:kms-team";
  const stack = [
    resource(
      TOPIC,
      "kms-team",
      { name: "kms-team" },
      { outputs: { name: "kms-team", arn: topicArn } },
    ),
    resource(RULE, "kms-api", {
      name: "kms-api-calls",
      eventPattern: '{"detail":{"eventSource":["kms.amazonaws.com"]}}',
    }),
    resource(TARGET, "kms-api-to-team", { rule: "kms-api-calls", arn: topicArn }),
  ];

  it("reports a topic a target of a KMS rule notifies", async () => {
    expect(await messagesOf(alertTopicsNotAwsManagedKey, stack)).to.deep.equal([
      'sns topic "kms-team" (notified by event target "kms-api-to-team") is not encrypted; set kmsMasterKeyId to a customer managed KMS key whose policy lets cloudwatch.amazonaws.com and events.amazonaws.com use it',
    ]);
  });

  it("ignores topics nothing KMS-related notifies, and foreign senders when told to judge only ours", async () => {
    expect(await messagesOf(alertTopicsNotAwsManagedKey, unrelatedStack())).to.deep.equal([]);
    expect(
      await messagesOf(
        alertTopicsNotAwsManagedKey,
        stack,
        oursOnly("alert-topics-not-aws-managed-key"),
      ),
    ).to.deep.equal([]);
  });
});

describe("policy event-targets-have-dlq-and-retries beyond our resources", () => {
  const rule = resource(RULE, "kms-events", {
    name: "kms-key-events",
    eventPattern: '{"source":["aws.kms"]}',
  });
  const linked = resource(
    TARGET,
    "by-dependency",
    { rule: undefined, arn: "arn:aws:lambda:us-east-1:111122223333:function:f" },
    { propertyDependencies: { rule: [rule.urn] } },
  );
  const byName = resource(TARGET, "by-name", {
    rule: "kms-key-events",
    arn: "arn:aws:sqs:us-east-1:111122223333:q",
    retryPolicy: { maximumRetryAttempts: 10, maximumEventAgeInSeconds: 3600 },
  });

  it("reports targets of aws.kms rules, linked by rule name or dependency", async () => {
    expect(await messagesOf(eventTargetsHaveDlqAndRetries, [rule, linked, byName])).to.deep.equal([
      'event target "by-dependency": no dead-letter queue; set deadLetterConfig.arn to an SQS queue so events EventBridge cannot deliver are kept instead of dropped',
      'event target "by-dependency": no retryPolicy; set retryPolicy (maximumRetryAttempts, maximumEventAgeInSeconds) so failed deliveries are retried before they go to the dead-letter queue',
      'event target "by-name": no dead-letter queue; set deadLetterConfig.arn to an SQS queue so events EventBridge cannot deliver are kept instead of dropped',
    ]);
  });

  it("ignores targets of other rules, and foreign targets when told to judge only ours", async () => {
    expect(await messagesOf(eventTargetsHaveDlqAndRetries, unrelatedStack())).to.deep.equal([]);
    const config = oursOnly("event-targets-have-dlq-and-retries");
    expect(
      await messagesOf(eventTargetsHaveDlqAndRetries, [rule, linked, byName], config),
    ).to.deep.equal([]);
  });
});

describe("policy cis-4-7-kms-filter beyond our stacks", () => {
  const lookalike = resource(FILTER, "key-deletion", {
    logGroupName: "/platform/cloudtrail",
    pattern: LOOKALIKE_CIS_PATTERN,
    metricTransformation: { name: "KmsKeyDeletion", namespace: "Platform/Security", value: "1" },
  });

  it("reports a filter that looks like the control but is not its exact text", async () => {
    expect(await messagesOf(cis47KmsFilter, [lookalike])).to.deep.equal([
      'metric filter "key-deletion" looks like the CIS 4.7 KMS control (DisableKey and ScheduleKeyDeletion on kms.amazonaws.com) but is not its exact text, which Security Hub CloudWatch.7 compares byte for byte; ' +
        `set its pattern to ${CIS}`,
    ]);
  });

  it("checks the alarm of a foreign exact filter", async () => {
    const exact = { ...lookalike, inputs: { ...lookalike.inputs, pattern: CIS } };
    expect(await messagesOf(cis47KmsFilter, [exact])).to.deep.equal([
      'metric filter "key-deletion" (CIS 4.7): no CloudWatch alarm on its metric Platform/Security/KmsKeyDeletion; add a MetricAlarm with that namespace and metricName (Sum >= 1 over 5 minutes) and a subscribed SNS topic in alarmActions',
    ]);
  });

  it("does not apply to other filters, nor to foreign stacks when told to judge only ours", async () => {
    const scheduled = resource(FILTER, "scheduled", {
      pattern: '{ ($.eventSource = "kms.amazonaws.com") && ($.eventName = "ScheduleKeyDeletion") }',
    });
    expect(await messagesOf(cis47KmsFilter, [scheduled, ...unrelatedStack()])).to.deep.equal([]);
    expect(
      await messagesOf(cis47KmsFilter, [lookalike], oursOnly("cis-4-7-kms-filter")),
    ).to.deep.equal([]);
  });
});

describe("policy trail-log-group-retention-and-encryption beyond trails and ours", () => {
  const group = resource(LOG_GROUP, "org-trail-copy", {
    name: "/org/cloudtrail",
    retentionInDays: 365,
  });
  const filter = resource(FILTER, "kms-calls", {
    logGroupName: "/org/cloudtrail",
    pattern: '{ $.eventSource = "kms.amazonaws.com" }',
    metricTransformation: { name: "KmsCalls", namespace: "Org", value: "1" },
  });

  it("reports a log group a KMS filter reads", async () => {
    expect(await messagesOf(trailLogGroupRetentionAndEncryption, [group, filter])).to.deep.equal([
      'log group "org-trail-copy" (read by KMS metric filter "kms-calls"): kmsKeyId is not set; encrypt it with a customer managed KMS key whose policy lets logs.<region>.amazonaws.com use it',
    ]);
  });

  it("ignores groups other filters read, and KMS filters' groups when told to judge only ours", async () => {
    const other = { ...filter, inputs: { ...filter.inputs, pattern: '{ $.level = "ERROR" }' } };
    expect(await messagesOf(trailLogGroupRetentionAndEncryption, [group, other])).to.deep.equal([]);
    const config = oursOnly("trail-log-group-retention-and-encryption");
    expect(
      await messagesOf(trailLogGroupRetentionAndEncryption, [group, filter], config),
    ).to.deep.equal([]);
  });
});

describe("policy kms-keys-covered-by-monitoring in stacks that watch KMS themselves", () => {
  const key = resource(
    KEY,
    "orders-key",
    {},
    {
      outputs: { arn: "arn:aws:kms:us-east-1:111122223333:key/orders", keyId: "orders" },
    },
  );
  const narrowRule = resource(RULE, "payments-key-events", {
    eventPattern: JSON.stringify({
      source: ["aws.kms"],
      resources: ["arn:aws:kms:us-east-1:111122223333:key/payments"],
    }),
  });

  it("reports a key none of the stack's KMS watchers sees", async () => {
    expect(await messagesOf(kmsKeysCoveredByMonitoring, [key, narrowRule])).to.deep.equal([
      'kms key "orders-key" is not watched: the stack\'s KMS metric filters, aws.kms rules and AWS/KMS alarms all name other keys; add the key to one of them, or watch it with a kms-monitoring key group',
    ]);
  });

  it("counts watchers that see every key or name this one, and keeps today's scope on request", async () => {
    const accountWide = resource(RULE, "all-key-events", {
      eventPattern: '{"source":["aws.kms"]}',
    });
    expect(
      await messagesOf(kmsKeysCoveredByMonitoring, [key, narrowRule, accountWide]),
    ).to.deep.equal([]);
    const expiryAlarm = resource(ALARM, "orders-expiry", {
      namespace: "AWS/KMS",
      metricName: "SecondsUntilKeyMaterialExpiration",
      dimensions: { KeyId: "orders" },
    });
    expect(
      await messagesOf(kmsKeysCoveredByMonitoring, [key, narrowRule, expiryAlarm]),
    ).to.deep.equal([]);
    const config = oursOnly("kms-keys-covered-by-monitoring");
    expect(await messagesOf(kmsKeysCoveredByMonitoring, [key, narrowRule], config)).to.deep.equal(
      [],
    );
    expect(await messagesOf(kmsKeysCoveredByMonitoring, [key, ...unrelatedStack()])).to.deep.equal(
      [],
    );
  });
});
