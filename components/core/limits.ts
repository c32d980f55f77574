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
} as const;
