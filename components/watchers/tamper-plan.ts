/**
 * Tamper alarms as data: one metric filter and one alarm per tamper signal on the trail's log
 * group, plus a silence alarm on the log group itself. The filters cannot see their own log group
 * being deleted (the filters go with it) nor a trail that stopped delivering; the silence alarm
 * does: no CloudTrail record for hours means the feed is broken, whatever broke it.
 */
import { TAMPER_SIGNALS } from "../signals/tamper-catalog";
import { namePrefix } from "../groups/naming";
import { metricNamespace } from "../account/account-filters";

/** One tamper metric filter and its alarm. The pattern is built from names known at deploy time. */
export interface TamperAlarmSpec {
  signalId: string;
  /** Metric filter name: `kmsmon-<env>-tamper-<signal>`. */
  filterName: string;
  /** Alarm name: `kmsmon-<env>-tamper-<signal>`. */
  alarmName: string;
  description: string;
  namespace: string;
  metricName: string;
  statistic: "Sum";
  periodSeconds: number;
  evaluationPeriods: number;
  threshold: number;
  comparisonOperator: "GreaterThanOrEqualToThreshold";
  treatMissingData: "notBreaching";
}

/** The alarm on the trail's log group receiving nothing. */
export interface SilenceAlarmSpec {
  alarmName: string;
  description: string;
  namespace: "AWS/Logs";
  metricName: "IncomingLogEvents";
  statistic: "Sum";
  periodSeconds: number;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  threshold: number;
  comparisonOperator: "LessThanThreshold";
  treatMissingData: "breaching";
}

/** Any occurrence within five minutes alarms; silence between tamper calls is normal. */
const TAMPER_PERIOD_SECONDS = 300;

/** Silence is measured in hours: a multi-region trail logs some management event every hour. */
const SILENCE_PERIOD_SECONDS = 3600;

/** Default hours without a single record before the silence alarm fires. */
export const DEFAULT_SILENCE_HOURS = 6;

/** The tamper filters and alarms of an environment, one per tamper signal. */
export function planTamperAlarms(environment: string): TamperAlarmSpec[] {
  const prefix = namePrefix(environment);
  return TAMPER_SIGNALS.map((signal) => ({
    signalId: signal.id,
    filterName: `${prefix}-tamper-${signal.id}`,
    alarmName: `${prefix}-tamper-${signal.id}`,
    description:
      `${signal.title} (${signal.severity}, tampering with KMS monitoring ${prefix}). ` +
      `Covers ${signal.eventNames.join(", ")}, also when denied (errorCode set). ${signal.action}`,
    namespace: metricNamespace(environment),
    metricName: signal.metricName,
    statistic: "Sum",
    periodSeconds: TAMPER_PERIOD_SECONDS,
    evaluationPeriods: 1,
    threshold: 1,
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    treatMissingData: "notBreaching",
  }));
}

/**
 * The silence alarm: ALARM when the log group received no record for `hours` hours in a row, or
 * publishes no metric at all (deleted). Undefined when `hours` is 0 (disabled).
 */
export function planSilenceAlarm(environment: string, hours: number): SilenceAlarmSpec | undefined {
  if (hours === 0) return undefined;
  const prefix = namePrefix(environment);
  return {
    alarmName: `${prefix}-tamper-trail-silent`,
    description:
      `The trail's log group received no CloudTrail record for ${hours} hours (kms-monitoring ` +
      `${prefix}): the trail is stopped, deleted, no longer delivers to the log group, or the ` +
      "log group is gone. No KMS alert can fire until records flow again: check " +
      "`aws cloudtrail get-trail-status --name <trail>` and run `pulumi up`.",
    namespace: "AWS/Logs",
    metricName: "IncomingLogEvents",
    statistic: "Sum",
    periodSeconds: SILENCE_PERIOD_SECONDS,
    evaluationPeriods: hours,
    datapointsToAlarm: hours,
    threshold: 1,
    comparisonOperator: "LessThanThreshold",
    treatMissingData: "breaching",
  };
}
