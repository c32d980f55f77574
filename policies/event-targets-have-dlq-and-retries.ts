/**
 * event-targets-have-dlq-and-retries: an EventBridge target that carries KMS events keeps the
 * events it cannot deliver (a dead-letter queue) and retries before giving up (a retry policy), so
 * a KMS alert is never dropped silently. In scope: targets of rules on aws.kms events, whoever
 * built them, and our own targets (under a kms-monitoring component or on a `kmsmon-` rule);
 * `kmsMonitoringResourcesOnly` narrows it to ours.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { isUnknown } from "./lib/known";
import { KmsWatch, oursOnly, SCOPE_SCHEMA, ScopeConfig, TARGET_TYPE } from "./lib/kms-watch";
import { quoted } from "./lib/resource-policy";
import { StackView } from "./lib/stack-view";

/** Targets carrying KMS events have a dead-letter queue and a retry policy. */
export const eventTargetsHaveDlqAndRetries: StackValidationPolicy = {
  name: "event-targets-have-dlq-and-retries",
  description:
    "EventBridge targets of rules on aws.kms events, and kms-monitoring's own targets, set " +
    "deadLetterConfig.arn and a retryPolicy.",
  enforcementLevel: "mandatory",
  configSchema: { properties: SCOPE_SCHEMA },
  validateStack: (args, report) => {
    const view = new StackView(args.resources);
    const watch = new KmsWatch(view, oursOnly(args.getConfig<ScopeConfig>()));
    for (const target of view.ofType(TARGET_TYPE).filter((t) => watch.targetInScope(t))) {
      const subject = `event target ${quoted(target.name)}`;
      const dlq = target.props.deadLetterConfig;
      if (!isUnknown(dlq) && !isUnknown(dlq?.arn) && !dlq?.arn) {
        report(
          `${subject}: no dead-letter queue; set deadLetterConfig.arn to an SQS queue so ` +
            "events EventBridge cannot deliver are kept instead of dropped",
          target.urn,
        );
      }
      if (target.props.retryPolicy === undefined) {
        report(
          `${subject}: no retryPolicy; set retryPolicy (maximumRetryAttempts, ` +
            "maximumEventAgeInSeconds) so failed deliveries are retried before they go to " +
            "the dead-letter queue",
          target.urn,
        );
      }
    }
  },
};
