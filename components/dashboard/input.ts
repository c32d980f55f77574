/**
 * What the dashboard is built from: the environment, the key groups with their resolved keys and
 * alarms, and the account-wide alarms. Plain data only: the number of dashboards depends on it.
 */
import type { ResolvedKey } from "../groups/resolved";

/** A CloudWatch alarm, by name, in the region it lives in. */
export interface AlarmRef {
  /** The alarm's name. */
  name: string;
  /** The region of the alarm (alarm ARNs carry it, and the alarm status widget needs ARNs). */
  region: string;
}

/** One key group as the dashboard shows it. */
export interface DashboardGroup {
  /** The group's name, shown in its section header. */
  name: string;
  /** The group's keys with the metadata found at deploy time (the inventory table shows it). */
  keys: ResolvedKey[];
  /** The group's CloudWatch alarms (expiry, baseline), shown in alarm status widgets. */
  alarms: AlarmRef[];
  /**
   * ARNs of the group's keys whose imported material expires (one expiry line each). ARNs, not
   * key IDs: the replicas of a multi-Region key share its key ID.
   */
  expiryKeyArns: string[];
  /**
   * Width in standard deviations of the expected band drawn, on each key's graph, around the
   * operation the group's baseline alarms read. Defaults to no band (the group has no baseline).
   */
  anomalyBandWidth?: number;
  /**
   * The operation each key's baseline alarm reads, by key ARN: the band is drawn around it. The
   * stack plan's baseline alarms give it. Defaults, for a key not listed, to the operation
   * UsageBaseline reads for the key's usage (Decrypt, Sign, GenerateMac or DeriveSharedSecret).
   */
  bandOperations?: Record<string, string>;
  /**
   * In an organization hub, the label of each member account the group's keys live in, by account
   * ID ("payments-prod (222233334444)", or the ID): the inventory gets an Account column and member
   * keys' graphs name the account and read its metrics through the hub's sink. Defaults to none
   * (every key is in the dashboard's account).
   */
  accountLabels?: Record<string, string>;
}

/** Everything {@link buildDashboardBodies} needs. */
export interface DashboardInput {
  /** Environment name: dashboards are named `kmsmon-<environment>`, `kmsmon-<environment>-2`, ... */
  environment: string;
  /** The stack's region: where the account-wide metric filters publish and alarms live. */
  stackRegion: string;
  /** The account the alarms live in (12 digits), for alarm ARNs. */
  accountId: string;
  /** The account's partition, for alarm ARNs. Defaults to "aws". */
  partition?: string;
  /** The key groups, one dashboard section each, in this order. */
  groups: DashboardGroup[];
  /**
   * Account-wide alarms shown next to the control-plane events: those the stack plan creates
   * (account, tamper and silence alarms). Defaults to none (no widget).
   */
  accountAlarms?: AlarmRef[];
  /**
   * Alarms on KMS request-quota usage: the quota alarms and the account usage bands. Defaults to
   * none (no widget).
   */
  quotaAlarms?: AlarmRef[];
  /** Threshold of the quota alarms in percent, drawn on the quota graphs. Defaults to no line. */
  quotaAlarmPercent?: number;
}
