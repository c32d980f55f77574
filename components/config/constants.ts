/** Names, limits and defaults of the stack config, shared by the schemas, the parser and docs. */

/** The project namespace of the config keys, as in `kms-monitoring:keyGroups`. */
export const NAMESPACE = "kms-monitoring";

/** CloudWatch Logs' allowed retention periods, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

/** Allowed baseline periods, in seconds. */
export const BASELINE_PERIOD_SECONDS = [60, 300, 900, 3600, 21600, 86400] as const;

/** What one band of a group's baseline watches: up to 8 summed keys, or one key. */
export const BASELINE_LEVELS = ["group", "key"] as const;

/** Limits of a stack's config. */
export const LIMITS = {
  /** Most key groups in one stack. */
  keyGroups: 1000,
  /** Most keys and aliases named in one stack, over all groups. */
  keys: 10_000,
  /** Longest group name. */
  groupName: 32,
  /** Longest environment name. */
  environment: 16,
  /** Longest group description. */
  description: 256,
} as const;

/** Defaults of optional settings. */
export const DEFAULTS = {
  environment: "dev",
  quotaAlarmPercent: 80,
  logRetentionDays: 400,
  transitionToInfrequentAccessDays: 30,
  transitionToGlacierDays: 90,
  expireAfterDays: 0,
  retainOnDelete: true,
  forceDestroy: false,
  expiryWarningDays: 30,
  baseline: {
    enabled: false,
    level: "group",
    bandWidth: 2,
    evaluationPeriods: 3,
    periodSeconds: 3600,
  },
  usageBaseline: { enabled: true, bandWidth: 2, evaluationPeriods: 3, periodSeconds: 3600 },
  /** StackSet rollout: a quarter of the accounts at once, stop a region after a tenth fail. */
  organization: {
    callAs: "DELEGATED_ADMIN",
    maxConcurrentPercent: 25,
    failureTolerancePercent: 10,
    concurrencyMode: "STRICT_FAILURE_TOLERANCE",
    regionConcurrency: "PARALLEL",
    /** Off: a member's bands cost 9 alarm metrics ($0.90) a month in each region. */
    memberQuotaAlarms: true,
    memberUsageBands: false,
  },
} as const;

/** The known `kms-monitoring:` config keys, in the order issues are reported. */
export const CONFIG_KEYS = [
  "environment",
  "trail",
  "notifications",
  "security",
  "quotaAlarmPercent",
  "usageBaseline",
  "keyGroups",
  "organization",
] as const;

/** A known config key, without its namespace. */
export type ConfigKey = (typeof CONFIG_KEYS)[number];
