/**
 * The shape of a KMS signal: one thing that can happen to a key that someone must hear about.
 * Filters, rules, alarms, dashboards, docs and policies are all derived from these records.
 */
import type { Severity } from "../config/model";

export type { Severity };

/** How an occurrence of the signal shows up in AWS's event streams. */
export type SignalSource =
  /** A successful KMS API call recorded by CloudTrail (eventType AwsApiCall). */
  | { kind: "api-call"; eventNames: readonly string[] }
  /**
   * Something KMS did on its own (eventType AwsServiceEvent in CloudTrail), which KMS also
   * publishes to EventBridge as a native event with its own detail-type.
   */
  | { kind: "service-event"; eventNames: readonly string[]; nativeDetailType: string }
  /** A failed call whose error message says the key is pending deletion, whatever the operation. */
  | { kind: "pending-deletion-use"; errorCodes: readonly string[]; messageFragment: string }
  /** Successful data-plane calls, counted for baselines rather than alerted one by one. */
  | { kind: "data-plane"; eventNames: readonly string[] }
  /**
   * Calls that were denied: `errorCode` starts with `errorCodePrefix` ("AccessDenied" covers the
   * "AccessDenied" CloudTrail writes for KMS and the API's "AccessDeniedException").
   */
  | { kind: "denied-call"; eventNames: readonly string[]; errorCodePrefix: string }
  /**
   * Successful calls whose `requestParameters.policy` (a JSON document sent as a string) contains
   * one of `principalTexts` verbatim: the spellings of a wildcard principal that string matching
   * can see. See docs/SIGNALS.md for what it cannot see.
   */
  | { kind: "policy-text"; eventNames: readonly string[]; principalTexts: readonly string[] };

/** CloudWatch alarm defaults for a count of the signal's events. */
export interface SignalAlarmDefaults {
  statistic: "Sum" | "Maximum" | "Minimum" | "Average" | "SampleCount";
  periodSeconds: number;
  evaluationPeriods: number;
  threshold: number;
  comparisonOperator:
    | "GreaterThanOrEqualToThreshold"
    | "GreaterThanThreshold"
    | "LessThanThreshold"
    | "LessThanOrEqualToThreshold";
  treatMissingData: "missing" | "ignore" | "breaching" | "notBreaching";
}

/** Which dashboard widget shows the signal. */
export type SignalWidget = "control-plane-events" | "data-plane-baseline" | "none";

/**
 * A field of the event the alert shows under its own label, e.g. the deletion date of a
 * ScheduleKeyDeletion. The path is a dot-notation JSON path into the EventBridge event.
 */
export interface SignalAlertField {
  label: string;
  path: string;
  /** Said after the value, e.g. what an empty value means. Default: nothing. */
  note?: string;
}

/** One signal of the catalog. */
export interface KmsSignal {
  /** Stable kebab-case ID, used in resource names and metric names. */
  id: string;
  /** Short title for alerts and dashboards. */
  title: string;
  severity: Severity;
  /** One line an on-call engineer can act on at 3 a.m. */
  action: string;
  source: SignalSource;
  /** "keys": scoped to a group's keys; "account": watched once per account (compliance). */
  scope: "keys" | "account";
  /**
   * The exact CloudWatch Logs filter pattern for account scope, when it must be byte-for-byte
   * (CIS 4.7 / Security Hub CloudWatch.7). Otherwise the pattern is built from `source`.
   */
  exactFilterPattern?: string;
  /** Alarm defaults for the account-wide metric of this signal; absent: no account alarm. */
  alarm?: SignalAlarmDefaults;
  widget: SignalWidget;
  /** Name of the CloudWatch metric the account-wide metric filter publishes. */
  metricName: string;
  /** Event fields the group alert shows for this signal. Default: none. */
  alertFields?: readonly SignalAlertField[];
  /**
   * Two lowercase letters naming the signal's group rules (`kmsmon-<env>-<group>-<code>-<n>`),
   * fixed for good: a code is never changed or reused, so rule names never move. Required for
   * signals alerted per group.
   */
  ruleCode?: string;
}
