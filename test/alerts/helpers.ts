/** Shared fixtures of the alert component tests: the fake account, type tokens, resource views. */
import type { AlertTopicArgs, DeadLetterQueueArgs } from "../../components/alerts";
import type { NotificationTargets } from "../../components/config/model";
import { MockRun, RecordedResource } from "../harness/mock-runtime";
import { ACCOUNT, keyArn, REGION } from "../builders";

/** ArnLike patterns of the stack's alarms, rules and topics. */
export const ALARM_PREFIX = `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:kmsmon-prod-*`;
export const RULE_PREFIX = `arn:aws:events:${REGION}:${ACCOUNT}:rule/kmsmon-prod-*`;
export const TOPIC_PREFIX = `arn:aws:sns:${REGION}:${ACCOUNT}:kmsmon-prod-*`;
/** The security team's topic, which the alarms of the alert path notify. */
export const SECURITY_TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT}:kmsmon-prod-security`;
/** A customer managed key of the account. */
export const KEY_ARN = keyArn(REGION, "0987dcba-09fe-87dc-65ba-ab0987654321");
/** A dead-letter queue of the account. */
export const DLQ_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:kmsmon-prod-dlq`;

/** One target of each kind, and a second e-mail. */
export const TARGETS: NotificationTargets = {
  emails: ["secops@example.com", "oncall@example.com"],
  https: ["https://events.pager.example/integration/abc/enqueue"],
  sqs: [`arn:aws:sqs:${REGION}:${ACCOUNT}:siem-intake`],
  lambda: [`arn:aws:lambda:${REGION}:${ACCOUNT}:function:kms-alert-router:live`],
};

/** No target at all. */
export const NO_TARGETS: NotificationTargets = { emails: [], https: [], sqs: [], lambda: [] };

/** Valid DeadLetterQueue arguments; each test overrides what it needs. */
export const DLQ_ARGS: DeadLetterQueueArgs = {
  queueName: "kmsmon-prod-dlq",
  ruleArnPrefix: RULE_PREFIX,
  topicArnPrefix: TOPIC_PREFIX,
  alarmActions: [SECURITY_TOPIC],
};

/** Valid AlertTopic arguments with only the required ones; each test adds what it needs. */
export const TOPIC_ARGS: AlertTopicArgs = {
  topicName: "kmsmon-prod-payments-critical",
  kmsKeyArn: KEY_ARN,
  targets: TARGETS,
};

/** `type name <- parent name` for every resource, sorted. */
export function summary(run: MockRun<unknown>): string[] {
  const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
  return run.resources
    .map(
      (r) =>
        `${r.type} ${r.name} <- ${r.parent ? (byUrn.get(r.parent)?.name ?? r.parent) : "(root)"}`,
    )
    .sort();
}

/** The inputs of a resource with its JSON fields (policies, delivery and redrive) parsed. */
export function parsedInputs(resource: RecordedResource): Record<string, unknown> {
  const inputs: Record<string, unknown> = { ...resource.inputs };
  for (const field of ["policy", "deliveryPolicy", "redrivePolicy"]) {
    if (typeof inputs[field] === "string") inputs[field] = JSON.parse(inputs[field] as string);
  }
  return inputs;
}

/** The parsed `policy` input of a resource. */
export function policyOf<T = unknown>(resource: RecordedResource): T {
  return JSON.parse(resource.inputs.policy as string) as T;
}
