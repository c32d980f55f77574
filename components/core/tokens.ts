/**
 * The type tokens of the package's components: `kms-monitoring:index:<Class>`. The schema of the
 * multi-language package and the policy pack match components by these tokens.
 */

/** The package name of every token. */
export const PACKAGE = "kms-monitoring";

/** How every token of the package starts. */
export const TOKEN_PREFIX = `${PACKAGE}:`;

/** Token of each component, by class name. */
export const TOKENS = {
  KmsMonitoring: `${PACKAGE}:index:KmsMonitoring`,
  KmsMonitoringStack: `${PACKAGE}:index:KmsMonitoringStack`,
  KmsAuditTrail: `${PACKAGE}:index:KmsAuditTrail`,
  AlertTopic: `${PACKAGE}:index:AlertTopic`,
  AlertTopicKey: `${PACKAGE}:index:AlertTopicKey`,
  DeadLetterQueue: `${PACKAGE}:index:DeadLetterQueue`,
  RegionAlerting: `${PACKAGE}:index:RegionAlerting`,
  EventBusShards: `${PACKAGE}:index:EventBusShards`,
  AccountKmsAlarms: `${PACKAGE}:index:AccountKmsAlarms`,
  TamperAlarms: `${PACKAGE}:index:TamperAlarms`,
  RequestQuotaAlarms: `${PACKAGE}:index:RequestQuotaAlarms`,
  UsageBaseline: `${PACKAGE}:index:UsageBaseline`,
  KeyGroupMonitor: `${PACKAGE}:index:KeyGroupMonitor`,
  KmsDashboard: `${PACKAGE}:index:KmsDashboard`,
  OrganizationHubRegion: `${PACKAGE}:index:OrganizationHubRegion`,
  MemberStackSet: `${PACKAGE}:index:MemberStackSet`,
} as const;

/** Class name of a component of the package. */
export type ComponentClass = keyof typeof TOKENS;
