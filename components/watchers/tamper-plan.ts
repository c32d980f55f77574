/**
 * Tamper alarms as data: one metric filter and one alarm per tamper signal on the trail's log
 * group, plus a silence alarm on the log group itself. The filters cannot see their own log group
 * being deleted (the filters go with it) nor a trail that stopped delivering; the silence alarm
 * does: no CloudTrail record for hours means the feed is broken, whatever broke it.
 *
 * Cost (us-east-1, per stack): 8 tamper alarms x 1 metric x $0.10 + 1 silence alarm x $0.10 =
 * $0.90 a month (see alarms/pricing.ts). The filters publish a data point only when a record
 * matches (no defaultValue), so their 8 custom metrics cost only in hours with tampering.
 */
import type { AlarmSpec } from "../alarms/spec";
import { priced } from "../alarms/pricing";
import { names } from "../core/names";
import { metricFilterSpec, MetricFilterSpec } from "../plan/metric-filter";
import { TAMPER_SIGNALS, tamperFilterPattern } from "../signals/tamper-catalog";

/** One tamper signal's metric filter and its alarm, both named `kmsmon-<env>-tamper-<signal>`. */
export interface TamperAlarmSpec {
  signalId: string;
  filter: MetricFilterSpec;
  alarm: AlarmSpec;
}

/** What the tamper filters watch: the trail and its log group, in the stack's region. */
export interface TamperScopePlan {
  /** The stack's region. Absent when the component used on its own plans: its provider's. */
  region?: string;
  /** The trail's log group; the filters live on it. */
  logGroupName: string;
  /** The trail's name, when known (an existing trail given without its ARN is not). */
  trailName?: string;
}

/** Any occurrence within five minutes alarms; silence between tamper calls is normal. */
const TAMPER_PERIOD_SECONDS = 300;

/** Silence is measured in hours: a multi-region trail logs some management event every hour. */
const SILENCE_PERIOD_SECONDS = 3600;

/** Default hours without a single record before the silence alarm fires. */
export const DEFAULT_SILENCE_HOURS = 6;

/**
 * The tamper filters and alarms of an environment, one per tamper signal.
 *
 * @throws when a name has characters a filter pattern cannot carry.
 */
export function planTamperAlarms(environment: string, scope: TamperScopePlan): TamperAlarmSpec[] {
  const n = names(environment);
  return TAMPER_SIGNALS.map((signal) => {
    const filter = metricFilterSpec({
      name: n.tamper(signal.id),
      ...(scope.region !== undefined ? { region: scope.region } : {}),
      logGroupName: scope.logGroupName,
      pattern: tamperFilterPattern(signal, { environment, ...scope }),
      namespace: n.metricNamespace,
      metricName: signal.metricName,
    });
    const alarm = priced({
      name: n.tamper(signal.id),
      description:
        `${signal.title} (${signal.severity}, tampering with KMS monitoring ${n.prefix}). ` +
        `Covers ${signal.eventNames.join(", ")}, also when denied (errorCode set). ${signal.action}`,
      severity: signal.severity,
      ...(scope.region !== undefined ? { region: scope.region } : {}),
      metric: {
        kind: "standard" as const,
        namespace: filter.namespace,
        metricName: filter.metricName,
        statistic: "Sum" as const,
        periodSeconds: TAMPER_PERIOD_SECONDS,
      },
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold" as const,
      treatMissingData: "notBreaching" as const,
      actions: { role: "security" as const, onOk: false },
      actionsEnabled: true,
    });
    return { signalId: signal.id, filter, alarm };
  });
}

/**
 * The silence alarm: ALARM when the log group received no record for `hours` hours in a row, or
 * publishes no metric at all (deleted). Undefined when `hours` is 0 (disabled).
 *
 * @param environment - environment name.
 * @param scope - the log group watched.
 * @param hours - hours of silence before it fires; 0 disables it.
 */
export function planSilenceAlarm(
  environment: string,
  scope: Pick<TamperScopePlan, "region" | "logGroupName">,
  hours: number,
): AlarmSpec | undefined {
  if (hours === 0) return undefined;
  const { prefix, silenceAlarm } = names(environment);
  return priced({
    name: silenceAlarm,
    description:
      `The trail's log group received no CloudTrail record for ${hours} hours (kms-monitoring ` +
      `${prefix}): the trail is stopped, deleted, no longer delivers to the log group, or the ` +
      "log group is gone. No KMS alert can fire until records flow again: check " +
      "`aws cloudtrail get-trail-status --name <trail>` and run `pulumi up`.",
    severity: "operational",
    ...(scope.region !== undefined ? { region: scope.region } : {}),
    metric: {
      kind: "standard",
      namespace: "AWS/Logs",
      metricName: "IncomingLogEvents",
      dimensions: { LogGroupName: scope.logGroupName },
      statistic: "Sum",
      periodSeconds: SILENCE_PERIOD_SECONDS,
    },
    evaluationPeriods: hours,
    datapointsToAlarm: hours,
    threshold: 1,
    comparisonOperator: "LessThanThreshold",
    treatMissingData: "breaching",
    // Recovery matters here: it says records flow again.
    actions: { role: "security", onOk: true },
    actionsEnabled: true,
  });
}
