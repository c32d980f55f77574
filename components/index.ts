/**
 * kms-monitoring: Pulumi components that watch AWS KMS keys. This is the package's public face,
 * what platform teams import (`import { KmsMonitoring } from "kms-monitoring"`).
 */
export * from "./config";
export * from "./signals";
export * from "./iam";
export * from "./trail";
export * from "./alerts";
export { KeyGroupMonitor } from "./groups/key-group-monitor";
export type { KeyGroupMonitorArgs, GroupRegionContext } from "./groups/key-group-monitor";
export { resolveKeyGroups } from "./groups/resolve-keys";
export type { ResolvedKey, ResolvedKeyGroup } from "./groups/resolved";
export { AccountKmsAlarms } from "./account/account-kms-alarms";
export type { AccountKmsAlarmsArgs } from "./account/account-kms-alarms";
export { KmsMonitoring, auditTrailArgs } from "./monitoring/kms-monitoring";
export type { KmsMonitoringArgs } from "./monitoring/kms-monitoring";
export { KmsMonitoringStack, stackArgsConfig } from "./monitoring/kms-monitoring-stack";
export type {
  KmsMonitoringStackArgs,
  StackTrail,
  AlertTargets,
  AlertRouting,
  KeyGroup,
  KeyGroupBaseline,
} from "./monitoring/kms-monitoring-stack";
export { RegionAlerting } from "./monitoring/region-alerting";
export { planStack, planAlarms } from "./plan/stack-plan";
export type { StackPlan, TrailPlan } from "./plan/stack-plan";
export type { AlarmSpec, AlarmMetric, AlarmRole, AlarmSeverity } from "./alarms/spec";
export { alarmMonthlyCostUsd } from "./alarms/pricing";
export { checkQuotas } from "./monitoring/quotas";
export type { QuotaUsage } from "./monitoring/quotas";
export * from "./watchers";
export * from "./dashboard";
export * as matching from "./matching";
export { runProgram } from "./program";
export type { ProgramRun, StackOutputs } from "./program";
