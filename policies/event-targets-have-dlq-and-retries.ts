/**
 * event-targets-have-dlq-and-retries: an EventBridge target of our monitoring keeps the events it
 * cannot deliver (a dead-letter queue) and retries before giving up (a retry policy), so a KMS
 * alert is never dropped silently. Ours: under a kms-monitoring component, or on a `kmsmon-` rule.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { isUnknown } from "./lib/known";
import { isOurs } from "./lib/ours";
import { quoted, validateTypes } from "./lib/resource-policy";

/** Our EventBridge targets have a dead-letter queue and a retry policy. */
export const eventTargetsHaveDlqAndRetries: ResourceValidationPolicy = {
  name: "event-targets-have-dlq-and-retries",
  description:
    "kms-monitoring's EventBridge targets (under a kms-monitoring component or on a kmsmon-* " +
    "rule) set deadLetterConfig.arn and a retryPolicy.",
  enforcementLevel: "mandatory",
  validateResource: validateTypes(
    ["aws:cloudwatch/eventTarget:EventTarget"],
    (props, args, report) => {
      if (!isOurs(args.urn, args.opts.parent, props.rule)) return;
      const subject = `event target ${quoted(args.name)}`;
      const dlq = props.deadLetterConfig;
      if (!isUnknown(dlq) && !isUnknown(dlq?.arn) && !dlq?.arn) {
        report(
          `${subject}: no dead-letter queue; set deadLetterConfig.arn to an SQS queue so ` +
            "events EventBridge cannot deliver are kept instead of dropped",
        );
      }
      if (props.retryPolicy === undefined) {
        report(
          `${subject}: no retryPolicy; set retryPolicy (maximumRetryAttempts, ` +
            "maximumEventAgeInSeconds) so failed deliveries are retried before they go to " +
            "the dead-letter queue",
        );
      }
    },
  ),
};
