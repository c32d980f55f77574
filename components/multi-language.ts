/**
 * The components other languages get through `pulumi package add` (PulumiPlugin.yaml): every
 * component whose arguments other languages can express. KmsMonitoring, KeyGroupMonitor and
 * UsageBaseline take provider objects per region, which Pulumi's schema cannot carry across
 * languages; TypeScript programs import them from the package's main entry. KmsMonitoringStack
 * builds KmsMonitoring from arguments shaped like the stack config instead.
 */
export { KmsAuditTrail } from "./trail";
export { AlertTopic, AlertTopicKey, DeadLetterQueue } from "./alerts";
export { AccountKmsAlarms } from "./account/account-kms-alarms";
export { RegionAlerting } from "./monitoring/region-alerting";
export { TamperAlarms, RequestQuotaAlarms } from "./watchers";
export { KmsDashboard } from "./dashboard";
export { KmsMonitoringStack } from "./monitoring/kms-monitoring-stack";
