/**
 * The validated, typed model of a kms-monitoring stack. Stack config is parsed into this shape
 * before any resource exists; components read only this model. The types are the config
 * schema's output (schema.ts), which owns every field, default, range and description; the few
 * types written here are shapes the parser builds, not config fields.
 */
import type { z } from "zod";

import type { ConfigSchemas, RawKeyGroup } from "./schema";

export type { AliasRef, KeyRef } from "../core/arn";

/** Severity of a KMS signal; decides who is told (see {@link NotificationTargets}). */
export type Severity = "critical" | "warning" | "info";

/**
 * Where alerts go: the schema's target lists, each filled (`[]` when unset). Written out as an
 * interface because component arguments use it; test/package/analyzer.test.ts holds it to the
 * schema's fields and descriptions. Other languages get the config schema's own targets, every
 * list optional (schema.json, tools/schema/).
 */
export interface NotificationTargets {
  /** E-mail addresses (SNS e-mail subscriptions; each recipient confirms once), compared without case. Defaults to `[]`. */
  emails: string[];
  /** `https:` URLs, such as a pager's SNS integration URL; `http:` is refused so alerts are encrypted in transit. Defaults to `[]`. */
  https: string[];
  /** SQS queue ARNs `arn:<partition>:sqs:<region>:<account>:<queue>` (not queue URLs); the queue policy must admit the topic. Defaults to `[]`. */
  sqs: string[];
  /** Lambda function ARNs `arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`. Defaults to `[]`. */
  lambda: string[];
}

/** Severity routing of a key group or of the stack defaults. */
export interface NotificationRouting {
  /** Targets of warning and info signals, and of critical ones when `critical` is absent. */
  default: NotificationTargets;
  /** Targets of critical signals (a pager); absent when critical signals go to `default`. */
  critical?: NotificationTargets;
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

/** The parsed value of each config key. */
type Parsed = { [Key in keyof ConfigSchemas]: z.output<ConfigSchemas[Key]> };

/** How the stack gets its CloudTrail feed: one of the trail modes, with its fields. */
export type TrailModel = Parsed["trail"];

/** One team's or application's keys, watched together and alerting the same people. */
export type KeyGroupModel = Omit<RawKeyGroup, "notify"> & {
  /** The group's `notify` merged over the stack's `notifications`. */
  notify: NotificationRouting;
};

/** Anomaly-detection baseline of a group's data-plane use. */
export type BaselineSettings = KeyGroupModel["baseline"];

/** The stack's account-level bands on KMS request-quota usage. */
export type UsageBaselineSettings = Parsed["usageBaseline"];

/** The whole validated stack config. */
export type StackModel = Omit<
  Parsed,
  "notifications" | "security" | "keyGroups" | "organization"
> & {
  /** The stack's region (aws:region): where the trail's log group and account alarms live. */
  region: string;
  /** Stack defaults for every group's notifications. */
  notifications: NotificationRouting;
  /** Targets of tamper and delivery-failure alarms. */
  security: NotificationTargets;
  keyGroups: KeyGroupModel[];
  /** The organization the stack is the hub of; absent for one account. */
  organization?: OrganizationModel;
};

/** The organization a hub stack watches (`kms-monitoring:organization`). */
export type OrganizationModel = NonNullable<Parsed["organization"]>;
