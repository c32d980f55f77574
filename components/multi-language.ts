/**
 * The components other languages get through `pulumi package add` (PulumiPlugin.yaml): every
 * component whose arguments other languages can express. KmsMonitoring, KeyGroupMonitor and
 * UsageBaseline take provider objects per region, which Pulumi's schema cannot carry across
 * languages; TypeScript programs import them from the package's main entry. KmsMonitoringStack
 * builds KmsMonitoring from arguments shaped like the stack config instead. KmsDashboard is not
 * offered: its groups carry the keys' DescribeKey records, which only the TypeScript lookups make
 * at deploy time (KmsMonitoringStack builds its dashboards itself).
 *
 * package-provider.ts constructs these classes by name; schema.json (`npm run schema`) describes
 * their arguments.
 */
export { KmsAuditTrail } from "./trail";
export { AlertTopic, AlertTopicKey, DeadLetterQueue } from "./alerts";
export { AccountKmsAlarms } from "./account/account-kms-alarms";
export { RegionAlerting } from "./monitoring/region-alerting";
export { TamperAlarms, RequestQuotaAlarms } from "./watchers";
export { KmsMonitoringStack } from "./monitoring/kms-monitoring-stack";
