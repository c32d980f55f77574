/**
 * Account-wide metric filters and alarms, as data: one filter per signal of the catalog (except
 * the data plane, which AWS/KMS metrics already count), on the trail's log group.
 */
import { KMS_SIGNALS } from "../signals/catalog";
import { accountFilterPattern } from "../signals/filter-patterns";
import type { KmsSignal, SignalAlarmDefaults } from "../signals/types";
import { namePrefix } from "../groups/naming";

/** An account-wide metric filter on the trail's log group, with its optional alarm. */
export interface AccountFilterSpec {
  signalId: string;
  name: string;
  pattern: string;
  namespace: string;
  metricName: string;
  alarm?: SignalAlarmDefaults & { name: string; description: string };
}

/** Namespace of the metrics our filters publish, per environment. */
export function metricNamespace(environment: string): string {
  return `KMSMonitoring/${environment}`;
}

/** Signals watched account-wide on the log group: every signal except the data plane. */
export function accountFilterSignals(): KmsSignal[] {
  return KMS_SIGNALS.filter((s) => s.source.kind !== "data-plane");
}

/** The account-wide filters and alarms of an environment, one per signal. */
export function planAccountFilters(environment: string): AccountFilterSpec[] {
  return accountFilterSignals().map((signal) => ({
    signalId: signal.id,
    name: `${namePrefix(environment)}-${signal.id}`,
    pattern: accountFilterPattern(signal),
    namespace: metricNamespace(environment),
    metricName: signal.metricName,
    alarm: signal.alarm && {
      ...signal.alarm,
      name: `${namePrefix(environment)}-account-${signal.id}`,
      description: `${signal.title} (${signal.severity}) anywhere in this account. ${signal.action}`,
    },
  }));
}
