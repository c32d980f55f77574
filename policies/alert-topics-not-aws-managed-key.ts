/**
 * alert-topics-not-aws-managed-key: alert topics are encrypted with a customer managed key.
 * CloudWatch alarms cannot publish to a topic encrypted with the AWS managed key alias/aws/sns
 * (its key policy cannot admit cloudwatch.amazonaws.com), so such an alarm fails silently.
 * Checked: our topics, and every topic our alarms or event targets notify.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { isUnknown } from "./lib/known";
import { quoted } from "./lib/resource-policy";
import { StackResource, StackView } from "./lib/stack-view";
import { TOPIC_TYPE, topicsReferencedBy } from "./lib/topics";

/** Who sends to a topic, by property. */
const SENDERS: Record<string, string[]> = {
  "aws:cloudwatch/metricAlarm:MetricAlarm": [
    "alarmActions",
    "okActions",
    "insufficientDataActions",
  ],
  "aws:cloudwatch/eventTarget:EventTarget": ["arn"],
};

const KIND: Record<string, string> = {
  "aws:cloudwatch/metricAlarm:MetricAlarm": "alarm",
  "aws:cloudwatch/eventTarget:EventTarget": "event target",
};

/** Our alert topics use a customer managed KMS key. */
export const alertTopicsNotAwsManagedKey: StackValidationPolicy = {
  name: "alert-topics-not-aws-managed-key",
  description:
    "kms-monitoring's SNS topics, and topics its alarms and event targets notify, are encrypted " +
    "(kmsMasterKeyId set) with a customer managed key, not alias/aws/sns.",
  enforcementLevel: "mandatory",
  validateStack: (args, report) => {
    const view = new StackView(args.resources);
    for (const { topic, via } of topicsInScope(view)) {
      const key = topic.props.kmsMasterKeyId;
      if (isUnknown(key)) continue;
      const subject = `sns topic ${quoted(topic.name)}${via ? ` (notified by ${via})` : ""}`;
      if (key === undefined || key === "") {
        report(
          `${subject} is not encrypted; set kmsMasterKeyId to a customer managed KMS key whose ` +
            "policy lets cloudwatch.amazonaws.com and events.amazonaws.com use it",
          topic.urn,
        );
      } else if (isAwsManagedSnsKey(key)) {
        report(
          `${subject} is encrypted with the AWS managed key alias/aws/sns, which CloudWatch ` +
            "alarms cannot publish to; set kmsMasterKeyId to a customer managed KMS key whose " +
            "policy lets cloudwatch.amazonaws.com and events.amazonaws.com use it",
          topic.urn,
        );
      }
    }
  },
};

/** True for `alias/aws/sns`, by name or ARN. */
export function isAwsManagedSnsKey(value: unknown): boolean {
  return (
    typeof value === "string" && (value === "alias/aws/sns" || value.endsWith(":alias/aws/sns"))
  );
}

/** Our topics, then other topics that our alarms or targets certainly notify (with the first). */
function topicsInScope(view: StackView): { topic: StackResource; via?: string }[] {
  const scope = new Map<string, { topic: StackResource; via?: string }>();
  for (const topic of view.ofType(TOPIC_TYPE)) {
    if (topic.ours) scope.set(topic.urn, { topic });
  }
  for (const sender of view.ofType(...Object.keys(SENDERS))) {
    if (!sender.ours) continue;
    for (const prop of SENDERS[sender.type]) {
      for (const { topic, refers } of topicsReferencedBy(view, sender, prop)) {
        if (refers !== true || scope.has(topic.urn)) continue;
        scope.set(topic.urn, { topic, via: `${KIND[sender.type]} ${quoted(sender.name)}` });
      }
    }
  }
  return [...scope.values()];
}
