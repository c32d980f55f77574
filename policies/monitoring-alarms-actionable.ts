/**
 * monitoring-alarms-actionable: an alarm of our monitoring that fires without telling anyone is
 * as good as none. Ours: under a kms-monitoring component, or named `kmsmon-...`.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { isUnknown } from "./lib/known";
import { isOurs } from "./lib/ours";
import { quoted, validateTypes } from "./lib/resource-policy";

/** Our CloudWatch alarms have actions, and their actions are enabled. */
export const monitoringAlarmsActionable: ResourceValidationPolicy = {
  name: "monitoring-alarms-actionable",
  description:
    "kms-monitoring's CloudWatch alarms (under a kms-monitoring component or named kmsmon-*) " +
    "keep actionsEnabled on and have at least one alarm action.",
  enforcementLevel: "mandatory",
  validateResource: validateTypes(
    ["aws:cloudwatch/metricAlarm:MetricAlarm"],
    (props, args, report) => {
      if (!isOurs(args.urn, args.opts.parent, props.name)) return;
      const subject = `alarm ${quoted(args.name)}`;
      if (props.actionsEnabled === false) {
        report(
          `${subject}: actionsEnabled is false; remove it or set actionsEnabled: true so the ` +
            "alarm's actions run when it fires",
        );
      }
      const actions = props.alarmActions;
      if (isUnknown(actions)) return;
      if (!Array.isArray(actions) || actions.length === 0) {
        report(
          `${subject}: no alarm actions; add the ARN of an SNS topic that reaches on-call to ` +
            "alarmActions so someone is told when it fires",
        );
      }
    },
  ),
};
