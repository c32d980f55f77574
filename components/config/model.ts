/**
 * The validated, typed model of a kms-monitoring stack. Stack config is parsed into this shape
 * (see schema.ts) before any resource exists; components read only this model.
 */

/** Severity of a KMS signal; decides who is told (see {@link NotificationTargets}). */
export type Severity = "critical" | "warning" | "info";

/** Where alerts go. Every list defaults to empty. */
export interface NotificationTargets {
  /** E-mail addresses (SNS e-mail subscriptions; each recipient confirms once). */
  emails: string[];
  /** HTTPS endpoints (for example a pager's SNS integration URL). */
  https: string[];
  /** SQS queue ARNs (the queue policy must admit the topic). */
  sqs: string[];
  /** Lambda function ARNs. */
  lambda: string[];
}

/** Severity routing of a key group or of the stack defaults. */
export interface NotificationRouting {
  /** Targets of warning and info signals, and of critical ones when `critical` is absent. */
  default: NotificationTargets;
  /** Targets of critical signals (a pager); absent when critical signals go to `default`. */
  critical?: NotificationTargets;
}

/** A KMS key ARN broken into its parts. */
export interface KeyRef {
  arn: string;
  partition: string;
  region: string;
  accountId: string;
  /** The key ID (a UUID, or an `mrk-` ID for multi-Region keys). */
  keyId: string;
}

/** An alias selecting a key at deploy time, in a region. */
export interface AliasRef {
  /** The alias name, always starting with `alias/`. */
  name: string;
  /** The region to look it up in; the stack's region unless given as an alias ARN. */
  region: string;
}

/** Anomaly-detection baseline of a group's data-plane use. */
export interface BaselineSettings {
  /** Alarm when use leaves the band. Defaults to true. */
  enabled: boolean;
  /** Band width in standard deviations. Defaults to 2. */
  bandWidth: number;
  /** Data points that must breach. Defaults to 3 of 3 periods of 1 hour. */
  evaluationPeriods: number;
  datapointsToAlarm: number;
  /** Period in seconds. Defaults to 3600. */
  periodSeconds: number;
}

/** One team's or application's keys, watched together and alerting the same people. */
export interface KeyGroupModel {
  /** Lowercase letters, digits and dashes; unique in the stack. */
  name: string;
  /** Free text shown in alerts. Defaults to "". */
  description: string;
  /** Keys named by ARN. */
  keys: KeyRef[];
  /** Keys selected by alias at deploy time. */
  aliases: AliasRef[];
  /** Keys selected by tags at deploy time (all tags must match), in `tagRegions`. */
  tags: Record<string, string>;
  /** Regions searched for tagged keys. Defaults to the stack's region. */
  tagRegions: string[];
  /** ARNs of keys known to hold imported material (also found at deploy time via origin EXTERNAL). */
  importedKeys: string[];
  /** Warn this many days before imported key material expires. Defaults to 30. */
  expiryWarningDays: number;
  /** Who is told. Defaults to the stack's `notifications`. */
  notify: NotificationRouting;
  /** Data-plane baseline settings. */
  baseline: BaselineSettings;
}

/** How the stack gets its CloudTrail feed. */
export const TrailMode = {
  /** Create a multi-region trail in this account (the default). */
  Create: "create",
  /** Use a log group that an existing trail already feeds. */
  Existing: "existing",
  /** Create an organization trail (from the management account or a delegated administrator). */
  Organization: "organization",
} as const;
export type TrailMode = (typeof TrailMode)[keyof typeof TrailMode];

/**
 * How the stack gets its CloudTrail feed. Which fields apply depends on `mode`: the retention,
 * lifecycle and deletion fields to "create" and "organization", which the config parser always
 * fills (with their defaults when unset); `logGroupName` and `trailArn` to "existing".
 */
export interface TrailModel {
  /** Create a trail (the default), create an organization trail, or use an existing one. */
  mode: TrailMode;
  /** CloudWatch Logs retention in days (create and organization). Defaults to 400. */
  logRetentionDays?: number;
  /** Days before log files move to S3 Standard-IA (create and organization). Defaults to 30. */
  transitionToInfrequentAccessDays?: number;
  /**
   * Days before log files move to S3 Glacier Flexible Retrieval (create and organization).
   * Defaults to 90.
   */
  transitionToGlacierDays?: number;
  /**
   * Days before log files expire; 0 keeps them forever (create and organization). Defaults to 0.
   */
  expireAfterDays?: number;
  /**
   * Keep the bucket and log group on `pulumi destroy` (retainOnDelete; create and organization).
   * Defaults to true.
   */
  retainOnDelete?: boolean;
  /** Let `pulumi destroy` empty and delete the bucket (create and organization). Defaults to false. */
  forceDestroy?: boolean;
  /** Name of the log group the existing trail feeds, in the stack's region (existing; required). */
  logGroupName?: string;
  /** ARN of the existing trail, for the dashboards and policies (existing; optional). */
  trailArn?: string;
}

/** The whole validated stack config. */
export interface StackModel {
  /** Environment name used in resource names: lowercase letters, digits, dashes. */
  environment: string;
  /** The stack's region (aws:region): where the trail's log group and account alarms live. */
  region: string;
  trail: TrailModel;
  /** Stack defaults for every group's notifications. */
  notifications: NotificationRouting;
  /** Targets of tamper and delivery-failure alarms (the security team). Defaults to `notifications`. */
  security: NotificationTargets;
  /** Request-quota usage alarm threshold in percent. Defaults to 80. */
  quotaAlarmPercent: number;
  keyGroups: KeyGroupModel[];
}
