/**
 * monitoring-alarms-actionable: an alarm that watches KMS and fires without telling anyone is as
 * good as none. In scope: alarms on AWS/KMS metrics or on the metric of a log metric filter over
 * kms.amazonaws.com events, whoever built them, and our own alarms (under a kms-monitoring
 * component or named `kmsmon-...`); `kmsMonitoringResourcesOnly` narrows it to ours.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { isUnknown } from "./lib/known";
import { ALARM_TYPE, KmsWatch, oursOnly, SCOPE_SCHEMA, ScopeConfig } from "./lib/kms-watch";
import { quoted } from "./lib/resource-policy";
import { StackView } from "./lib/stack-view";

/** Alarms watching KMS have actions, and their actions are enabled. */
export const monitoringAlarmsActionable: StackValidationPolicy = {
  name: "monitoring-alarms-actionable",
  description:
    "CloudWatch alarms that watch KMS (on AWS/KMS metrics or on metrics of log metric filters " +
    "over kms.amazonaws.com events) and kms-monitoring's own alarms keep actionsEnabled on and " +
    "have at least one alarm action.",
  enforcementLevel: "mandatory",
  configSchema: { properties: SCOPE_SCHEMA },
  validateStack: (args, report) => {
    const view = new StackView(args.resources);
    const watch = new KmsWatch(view, oursOnly(args.getConfig<ScopeConfig>()));
    for (const alarm of view.ofType(ALARM_TYPE).filter((a) => watch.alarmInScope(a))) {
      const subject = `alarm ${quoted(alarm.name)}`;
      if (alarm.props.actionsEnabled === false) {
        report(
          `${subject}: actionsEnabled is false; remove it or set actionsEnabled: true so the ` +
            "alarm's actions run when it fires",
          alarm.urn,
        );
      }
      const actions = alarm.props.alarmActions;
      if (isUnknown(actions)) continue;
      if (!Array.isArray(actions) || actions.length === 0) {
        report(
          `${subject}: no alarm actions; add the ARN of an SNS topic that reaches on-call to ` +
            "alarmActions so someone is told when it fires",
          alarm.urn,
        );
      }
    }
  },
};
