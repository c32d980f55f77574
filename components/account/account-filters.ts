/**
 * Account-wide metric filters and alarms, as data: one filter per signal of the catalog (except
 * the data plane, which AWS/KMS metrics already count), on the trail's log group, with an alarm
 * for the signals that carry alarm defaults.
 */
import type { AlarmSpec } from "../alarms/spec";
import { priced } from "../alarms/pricing";
import { names } from "../core/names";
import { metricFilterSpec, MetricFilterSpec } from "../plan/metric-filter";
import { KMS_SIGNALS } from "../signals/catalog";
import { accountFilterPattern } from "../signals/filter-patterns";
import type { KmsSignal } from "../signals/types";

/** An account-wide metric filter on the trail's log group, with its optional alarm. */
export interface AccountFilterSpec extends MetricFilterSpec {
  signalId: string;
  /** Tells the security topic when the signal's count crosses its threshold. */
  alarm?: AlarmSpec;
}

/** Signals watched account-wide on the log group: every signal except the data plane. */
export function accountFilterSignals(): KmsSignal[] {
  return KMS_SIGNALS.filter((s) => s.source.kind !== "data-plane");
}

/** Where the filters live: the trail's log group, in the stack's region (absent: the provider's). */
export interface LogGroupPlace {
  region?: string;
  logGroupName: string;
}

/**
 * The account-wide filters and alarms of an environment, one per signal.
 *
 * @param environment - environment name, part of every name.
 * @param at - the trail's log group and its region.
 */
export function planAccountFilters(environment: string, at: LogGroupPlace): AccountFilterSpec[] {
  const n = names(environment);
  return accountFilterSignals().map((signal) => {
    const filter = metricFilterSpec({
      name: n.accountFilter(signal.id),
      ...(at.region !== undefined ? { region: at.region } : {}),
      logGroupName: at.logGroupName,
      pattern: accountFilterPattern(signal),
      namespace: n.metricNamespace,
      metricName: signal.metricName,
    });
    const defaults = signal.alarm;
    return {
      signalId: signal.id,
      ...filter,
      ...(defaults && {
        alarm: priced({
          name: n.accountAlarm(signal.id),
          description: `${signal.title} (${signal.severity}) anywhere in this account. ${signal.action}`,
          severity: signal.severity,
          ...(at.region !== undefined ? { region: at.region } : {}),
          metric: {
            kind: "standard" as const,
            namespace: filter.namespace,
            metricName: filter.metricName,
            statistic: defaults.statistic,
            periodSeconds: defaults.periodSeconds,
          },
          evaluationPeriods: defaults.evaluationPeriods,
          threshold: defaults.threshold,
          comparisonOperator: defaults.comparisonOperator,
          treatMissingData: defaults.treatMissingData,
          actions: { role: "security" as const, onOk: false },
          actionsEnabled: true,
        }),
      }),
    };
  });
}
