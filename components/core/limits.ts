/**
 * AWS's limits that the package checks before anything is created: one table, one naming style
 * (`<resource><What>` in camelCase, lengths in characters, durations in the unit their name says).
 * Each entry names the AWS quota or API rule it comes from.
 */
export const AWS_LIMITS = {
  /** EventBridge PutRule: `Name` is 1-64 characters. */
  ruleNameLength: 64,
  /** CloudWatch PutMetricAlarm: `AlarmName` is 1-255 characters. */
  alarmNameLength: 255,
  /** SNS CreateTopic: a standard topic name is 1-256 characters. */
  topicNameLength: 256,
  /** SQS CreateQueue: a queue name is 1-80 characters (`.fifo` included). */
  queueNameLength: 80,
  /** CloudWatch Logs CreateLogGroup: `logGroupName` is 1-512 characters. */
  logGroupNameLength: 512,
  /** CloudTrail CreateTrail: a trail name is 3-128 characters. */
  trailNameLength: 128,
  /** CloudTrail CreateTrail: the shortest trail name. */
  trailNameMinLength: 3,
  /** KMS CreateAlias: `AliasName` is 1-256 characters, `alias/` included. */
  aliasNameLength: 256,
  /** IAM CreateRole: `RoleName` is 1-64 characters. */
  roleNameLength: 64,
  /** Lambda: a function name is 1-64 characters. */
  lambdaNameLength: 64,
  /** Lambda: a version or alias qualifier is 1-128 characters. */
  lambdaQualifierLength: 128,
  /** KMS TagResource: a key holds at most 50 tags. */
  tagsPerKey: 50,
  /** Tagging (all services): a tag key is 1-128 characters. */
  tagKeyLength: 128,
  /** Tagging (all services): a tag value is 0-256 characters. */
  tagValueLength: 256,
  /** CloudWatch PutMetricAlarm: Period x EvaluationPeriods must not exceed 7 days. */
  alarmEvaluationSeconds: 604_800,
  /** CloudWatch PutMetricAlarm: an anomaly-detection alarm's period is at least 60 seconds. */
  alarmPeriodMinSeconds: 60,
  /** S3 lifecycle: objects move to STANDARD_IA no earlier than 30 days after creation. */
  s3InfrequentAccessMinDays: 30,
  /** S3 lifecycle: objects stay in STANDARD_IA at least 30 days before a Glacier transition. */
  s3InfrequentAccessStayDays: 30,
  /** CloudWatch Logs: metric filters per log group (fixed quota). */
  metricFiltersPerLogGroup: 100,
  /** EventBridge: event buses per account and Region (default quota). */
  eventBusesPerRegion: 100,
  /** CloudWatch: Metrics Insights alarms per account and Region (fixed quota). */
  metricsInsightsAlarmsPerRegion: 200,
  /** CloudWatch PutMetricAlarm: at most 5 actions per alarm state. */
  actionsPerAlarmState: 5,
  /**
   * CloudWatch PutMetricAlarm: "alarms based on metric math expressions can have up to 10
   * metrics". Plans count every query of an alarm (metrics and expressions) against it, so they
   * fit however AWS counts.
   */
  metricQueriesPerAlarm: 10,
  /** EventBridge PutTargets: an input transformer template is at most 8,192 characters. */
  inputTemplateLength: 8192,
  /** EventBridge PutRule: an event pattern is at most 2,048 characters. */
  eventPatternLength: 2048,
  /** CloudWatch Logs PutMetricFilter: a filter pattern is at most 1,024 characters. */
  filterPatternLength: 1024,
  /** SNS delivery policy: an HTTP/S retry policy spans at most 3,600 seconds. */
  snsHttpRetrySeconds: 3600,
  /** SNS CreateTopic: `DisplayName` is at most 100 characters. */
  topicDisplayNameLength: 100,
  /** CloudWatch dashboards: at most 500 widgets per dashboard. */
  widgetsPerDashboard: 500,
  /** CloudWatch dashboards: at most 500 metrics per graph widget. */
  metricsPerWidget: 500,
  /** CloudWatch dashboards: at most 2,500 metrics per dashboard. */
  metricsPerDashboard: 2500,
  /** EventBridge: rules per event bus (adjustable quota; the planner stays under the default). */
  rulesPerBus: 300,
  /** EventBridge PutTargets: at most 5 targets per rule. */
  targetsPerRule: 5,
  /** CloudWatch dashboards: at most 100 alarms in one alarm status widget. */
  alarmsPerAlarmWidget: 100,
  /** KMS ScheduleKeyDeletion: the waiting period is 7-30 days; our keys take the longest. */
  keyDeletionWindowMaxDays: 30,
  /** CloudFormation quotas: a template body passed in a request is at most 51,200 bytes. */
  templateBodyBytes: 51_200,
  /** CloudFormation quotas: stack instances per stack set. */
  stackInstancesPerStackSet: 100_000,
  /** CloudFormation CreateStackInstances: at most 50 OUs in one operation. */
  organizationalUnitsPerOperation: 50,
  /** CloudFormation StackSets: most accounts one operation acts on at once, per region. */
  stackSetMaxConcurrentAccounts: 100,
  /** EventBridge PutPermission: a bus's resource policy is at most 10,240 characters. */
  eventBusPolicyLength: 10_240,
  /** CloudWatch cross-account observability: source accounts linked to one monitoring account. */
  sourceAccountsPerSink: 100_000,
} as const;

/**
 * The plan's quota vocabulary: the AWS_LIMITS entries a planned resource counts against, one by
 * one (its own name, pattern or queries) or with its neighbours (rules on a bus, filters on a log
 * group, buses or Metrics Insights alarms in a region). Every spec of the plan lists its quotas in
 * these words, and monitoring/quotas.ts reads the figures from AWS_LIMITS by the same key.
 */
export type Quota = keyof Pick<
  typeof AWS_LIMITS,
  | "eventBusesPerRegion"
  | "rulesPerBus"
  | "targetsPerRule"
  | "ruleNameLength"
  | "eventPatternLength"
  | "inputTemplateLength"
  | "metricFiltersPerLogGroup"
  | "filterPatternLength"
  | "alarmNameLength"
  | "actionsPerAlarmState"
  | "metricQueriesPerAlarm"
  | "metricsInsightsAlarmsPerRegion"
  | "widgetsPerDashboard"
  | "metricsPerDashboard"
  | "topicNameLength"
  | "queueNameLength"
  | "aliasNameLength"
  | "roleNameLength"
  | "templateBodyBytes"
  | "stackInstancesPerStackSet"
  | "organizationalUnitsPerOperation"
  | "eventBusPolicyLength"
  | "sourceAccountsPerSink"
>;
