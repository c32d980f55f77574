/**
 * cis-4-7-kms-filter: CIS AWS Foundations 4.7 / Security Hub CloudWatch.7. A stack with our KMS
 * monitoring, or with a metric filter that looks like the control (DisableKey and
 * ScheduleKeyDeletion on kms.amazonaws.com, whoever built it), has the metric filter with the
 * exact CIS pattern, an alarm on its metric, and that alarm tells a subscribed SNS topic. Security
 * Hub compares the pattern byte for byte; Prowler also needs its terms in order (event source,
 * DisableKey, ScheduleKeyDeletion). `kmsMonitoringResourcesOnly` applies it to our stacks only.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { CIS_4_7_FILTER_PATTERN } from "../components/signals/catalog";
import { isUnknown, knownString } from "./lib/known";
import {
  ALARM_TYPE,
  FILTER_TYPE,
  filterMetric,
  KmsWatch,
  looksLikeCisKmsPattern,
  oursOnly,
  SCOPE_SCHEMA,
  ScopeConfig,
} from "./lib/kms-watch";
import { quoted } from "./lib/resource-policy";
import { StackResource, StackView } from "./lib/stack-view";
import { notifiesSubscribedTopic } from "./lib/topics";
import { anyTri, Tri } from "./lib/tri";
import { TOKENS } from "../components/core/tokens";

/** Prowler's check of the pattern (cloudwatch_log_metric_filter_disable_or_scheduled_deletion_of_kms_cmk). */
export const PROWLER_CIS_4_7 =
  /\$\.eventSource\s*=\s*.?kms.amazonaws.com.+\$\.eventName\s*=\s*.?DisableKey.+\$\.eventName\s*=\s*.?ScheduleKeyDeletion/;

/** Components whose presence makes the policy apply. */
const OUR_MONITORING = [TOKENS.KmsMonitoring, TOKENS.AccountKmsAlarms];

/** Our stacks carry the CIS 4.7 filter, its alarm, and a subscribed topic for the alarm. */
export const cis47KmsFilter: StackValidationPolicy = {
  name: "cis-4-7-kms-filter",
  description:
    "Stacks with KmsMonitoring or AccountKmsAlarms, or with a log metric filter that looks like " +
    "the CIS KMS control, have a log metric filter with the exact CIS 4.7 pattern, a CloudWatch " +
    "alarm on its metric, and an SNS topic with a subscription among the alarm's actions.",
  enforcementLevel: "mandatory",
  configSchema: { properties: SCOPE_SCHEMA },
  validateStack: (args, report) => {
    const view = new StackView(args.resources);
    const watch = new KmsWatch(view, oursOnly(args.getConfig<ScopeConfig>()));
    const owner = view.ofType(...OUR_MONITORING)[0];
    const lookalikes = watch.oursOnly
      ? []
      : watch.filters.filter((f) => looksLikeCisKmsPattern(f.props.pattern));
    if (!owner && lookalikes.length === 0) {
      args.notApplicable(
        "the stack has no KmsMonitoring or AccountKmsAlarms and no filter like the CIS KMS control",
      );
    }
    const filters = view.ofType(FILTER_TYPE);
    const exact = filters.filter((f) => f.props.pattern === CIS_4_7_FILTER_PATTERN);
    if (exact.length === 0) {
      if (filters.some((f) => isUnknown(f.props.pattern))) return;
      if (owner) report(missingFilterMessage(filters), owner.urn);
      else for (const f of lookalikes) report(notExactMessage(f), f.urn);
      return;
    }
    for (const filter of exact) {
      if (!PROWLER_CIS_4_7.test(filter.props.pattern)) {
        report(
          `metric filter ${quoted(filter.name)}: the CIS 4.7 pattern fails Prowler's check, ` +
            "which needs the eventSource term, then DisableKey, then ScheduleKeyDeletion; " +
            "restore CIS_4_7_FILTER_PATTERN in components/signals/catalog.ts",
          filter.urn,
        );
      }
    }
    const verdicts = exact.map((f) => alarmVerdict(view, f));
    if (verdicts.some((v) => v.ok !== false)) return;
    for (const { filter, alarms } of verdicts) {
      if (alarms.length === 0) {
        const metric = filterMetric(filter);
        report(
          `metric filter ${quoted(filter.name)} (CIS 4.7): no CloudWatch alarm on its metric ` +
            `${metric.namespace}/${metric.name}; add a MetricAlarm with that namespace and ` +
            "metricName (Sum >= 1 over 5 minutes) and a subscribed SNS topic in alarmActions",
          filter.urn,
        );
      }
      for (const alarm of alarms) {
        report(
          `alarm ${quoted(alarm.name)} (CIS 4.7) notifies no SNS topic with a subscription; add ` +
            "a topic with at least one aws.sns.TopicSubscription to its alarmActions",
          alarm.urn,
        );
      }
    }
  },
};

/** The alarms on a filter's metric and whether one of them notifies a subscribed topic. */
function alarmVerdict(view: StackView, filter: StackResource) {
  const metric = filterMetric(filter);
  const unknownMetric = isUnknown(metric.name) || isUnknown(metric.namespace);
  const candidates = view.ofType(ALARM_TYPE).map((alarm) => {
    const { metricName, namespace } = alarm.props;
    const on: Tri =
      unknownMetric || isUnknown(metricName) || isUnknown(namespace)
        ? "unknown"
        : metricName === metric.name && namespace === metric.namespace;
    return { alarm, on };
  });
  const alarms = candidates.filter((c) => c.on === true).map((c) => c.alarm);
  const ok = anyTri([
    ...candidates.filter((c) => c.on === "unknown").map(() => "unknown" as const),
    ...alarms.map((a) => notifiesSubscribedTopic(view, a, "alarmActions")),
  ]);
  return { filter, alarms, ok };
}

function missingFilterMessage(filters: StackResource[]): string {
  const near = filters
    .filter((f) => PROWLER_CIS_4_7.test(knownString(f.props.pattern) ?? ""))
    .map((f) => quoted(f.name));
  const nearText = near.length
    ? ` (${near.join(", ")} ${near.length > 1 ? "match" : "matches"} the terms but not the exact text)`
    : "";
  return (
    "the stack runs kms-monitoring but has no CloudWatch Logs metric filter with the exact CIS " +
    `4.7 pattern${nearText}; add one on the trail's log group with pattern ` +
    `${CIS_4_7_FILTER_PATTERN} (AccountKmsAlarms creates it)`
  );
}

function notExactMessage(filter: StackResource): string {
  return (
    `metric filter ${quoted(filter.name)} looks like the CIS 4.7 KMS control (DisableKey and ` +
    "ScheduleKeyDeletion on kms.amazonaws.com) but is not its exact text, which Security Hub " +
    `CloudWatch.7 compares byte for byte; set its pattern to ${CIS_4_7_FILTER_PATTERN}`
  );
}
