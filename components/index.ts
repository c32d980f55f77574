/**
 * kms-monitoring: Pulumi components that watch AWS KMS keys. This is the package's public face,
 * what platform teams import (`import { KmsMonitoring } from "kms-monitoring"`): the components
 * and their arguments, the config parser, the plan and its quota check, and the signal catalog.
 * Everything else is internal and may change between releases; test/package/public-face.test.ts
 * pins this list.
 */

// The whole monitoring: from a parsed stack config (TypeScript) or config-shaped args (any language).
export { KmsMonitoring, lookUpMonitoring } from "./monitoring/kms-monitoring";
export type { KmsMonitoringArgs, MonitoringLookups } from "./monitoring/kms-monitoring";
export { KmsMonitoringStack } from "./monitoring/kms-monitoring-stack";
export type {
  KmsMonitoringStackArgs,
  StackTrail,
  AlertTargets,
  AlertRouting,
  KeyGroup,
  KeyGroupBaseline,
  StackUsageBaseline,
} from "./monitoring/kms-monitoring-stack";

// The parts, for programs that assemble their own monitoring.
export { KmsAuditTrail } from "./trail/audit-trail";
export type { KmsAuditTrailArgs } from "./trail/args";
export { AlertTopic } from "./alerts/alert-topic";
export type { AlertTopicArgs } from "./alerts/alert-topic-args";
export { AlertTopicKey } from "./alerts/topic-key";
export type { AlertTopicKeyArgs } from "./alerts/topic-key";
export { DeadLetterQueue } from "./alerts/dead-letter-queue";
export type { DeadLetterQueueArgs } from "./alerts/dead-letter-queue";
export { RegionAlerting } from "./monitoring/region-alerting";
export type { RegionAlertingArgs } from "./monitoring/region-alerting";
export { KeyGroupMonitor } from "./groups/key-group-monitor";
export type { KeyGroupMonitorArgs } from "./groups/key-group-monitor";
export { AccountKmsAlarms } from "./account/account-kms-alarms";
export type { AccountKmsAlarmsArgs } from "./account/account-kms-alarms";
export { TamperAlarms } from "./watchers/tamper-alarms";
export type { TamperAlarmsArgs } from "./watchers/tamper-alarms";
export { RequestQuotaAlarms } from "./watchers/request-quota-alarms";
export type { RequestQuotaAlarmsArgs } from "./watchers/request-quota-alarms";
export { UsageBaseline } from "./watchers/usage-baseline";
export type { UsageBaselineArgs } from "./watchers/usage-baseline";
export { KmsDashboard } from "./dashboard/kms-dashboard";
export type { KmsDashboardArgs } from "./dashboard/kms-dashboard";

// Config: the validated model every part is built from.
export { parseStackConfig, parseStackValues } from "./config/parse";
export type { ParseOptions, StackValues } from "./config/parse";
export { ConfigError } from "./config/errors";
export type { ConfigIssue } from "./config/errors";
export type { StackModel, KeyGroupModel, TrailModel } from "./config/model";

// The plan: everything a stack will create, as data, with its quotas and cost.
export { resolveKeyGroups } from "./groups/resolve-keys";
export type { ResolvedKey, ResolvedKeyGroup } from "./groups/resolved";
export { planStack, planAlarms } from "./plan/stack-plan";
export type { StackPlan } from "./plan/stack-plan";
export type { AlarmSpec } from "./alarms/spec";
export { alarmMonthlyCostUsd } from "./alarms/pricing";
export { checkQuotas } from "./monitoring/quotas";
export type { QuotaUsage } from "./monitoring/quotas";

// The signal catalog: what is watched and how.
export { KMS_SIGNALS, CIS_4_7_FILTER_PATTERN, signalById } from "./signals/catalog";
export { TAMPER_SIGNALS } from "./signals/tamper-catalog";
export type { TamperSignal } from "./signals/tamper-catalog";
export type { KmsSignal, Severity } from "./signals/types";
