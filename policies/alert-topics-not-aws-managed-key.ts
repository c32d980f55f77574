/**
 * alert-topics-not-aws-managed-key: alert topics are encrypted with a customer managed key.
 * CloudWatch alarms cannot publish to a topic encrypted with the AWS managed key alias/aws/sns
 * (its key policy cannot admit cloudwatch.amazonaws.com), so such an alarm fails silently.
 * Checked: our topics, and every topic that an alarm or event target watching KMS (see
 * `KmsWatch`: whoever built it) or one of ours notifies; `kmsMonitoringResourcesOnly` narrows the
 * senders to ours.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { isUnknown } from "./lib/known";
import {
  ALARM_TYPE,
  KmsWatch,
  oursOnly,
  SCOPE_SCHEMA,
  ScopeConfig,
  TARGET_TYPE,
} from "./lib/kms-watch";
import { quoted } from "./lib/resource-policy";
import { StackResource, StackView } from "./lib/stack-view";
import { TOPIC_TYPE, topicsReferencedBy } from "./lib/topics";

/** Who sends to a topic, by property. */
const SENDERS: Record<string, string[]> = {
  [ALARM_TYPE]: ["alarmActions", "okActions", "insufficientDataActions"],
  [TARGET_TYPE]: ["arn"],
};

const KIND: Record<string, string> = {
  [ALARM_TYPE]: "alarm",
  [TARGET_TYPE]: "event target",
};

/** Our alert topics use a customer managed KMS key. */
export const alertTopicsNotAwsManagedKey: StackValidationPolicy = {
  name: "alert-topics-not-aws-managed-key",
  description:
    "kms-monitoring's SNS topics, and topics that alarms watching KMS or targets of aws.kms " +
    "rules (or kms-monitoring's own) notify, are encrypted (kmsMasterKeyId set) with a customer " +
    "managed key, not alias/aws/sns.",
  enforcementLevel: "mandatory",
  configSchema: { properties: SCOPE_SCHEMA },
  validateStack: (args, report) => {
    const view = new StackView(args.resources);
    const watch = new KmsWatch(view, oursOnly(args.getConfig<ScopeConfig>()));
    for (const { topic, via } of topicsInScope(view, watch)) {
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

/** Our topics, then topics that senders in scope certainly notify (with the first sender). */
function topicsInScope(view: StackView, watch: KmsWatch): { topic: StackResource; via?: string }[] {
  const scope = new Map<string, { topic: StackResource; via?: string }>();
  for (const topic of view.ofType(TOPIC_TYPE)) {
    if (topic.ours) scope.set(topic.urn, { topic });
  }
  for (const sender of view.ofType(...Object.keys(SENDERS))) {
    const inScope =
      sender.type === ALARM_TYPE ? watch.alarmInScope(sender) : watch.targetInScope(sender);
    if (!inScope) continue;
    for (const prop of SENDERS[sender.type]) {
      for (const { topic, refers } of topicsReferencedBy(view, sender, prop)) {
        if (refers !== true || scope.has(topic.urn)) continue;
        scope.set(topic.urn, { topic, via: `${KIND[sender.type]} ${quoted(sender.name)}` });
      }
    }
  }
  return [...scope.values()];
}
