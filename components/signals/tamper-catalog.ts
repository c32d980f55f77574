/**
 * Tamper signals: calls that blind or silence the monitoring itself (the trail, its log group, our
 * metric filters, alarms, rules and topics). Like KMS_SIGNALS, each record says what happened, how
 * bad it is and what on-call does; the filter pattern is derived from it and scoped to our
 * resources by the request field that names them. Attempts count too: a denied call still shows
 * someone tried to silence the monitoring, so the patterns do not require a missing errorCode.
 */
import type { Severity } from "./types";
import { names } from "../core/names";
import { AWS_LIMITS } from "../core/limits";

/** Which of our resources a request field must name. */
export type TamperTarget =
  /** The trail, by name or by ARN (`...:trail/<name>`). */
  | "trail"
  /** The trail's log group, by name. */
  | "log-group"
  /** Anything we named: `kmsmon-<environment>-*`. */
  | "our-name"
  /** Anything we named, by ARN (the resource part starts with `kmsmon-<environment>-`). */
  | "our-arn";

/** Some events of a tamper signal, and how their record names the resource acted on. */
export interface TamperClause {
  /** CloudTrail event names this clause covers. */
  eventNames: readonly string[];
  /** Selectors under `$.requestParameters` that name the resource; any one may match. */
  fields: readonly string[];
  /** Which of our resources the fields must name. */
  target: TamperTarget;
  /** Also require this request field to hold one of these values. */
  only?: { field: string; values: readonly string[] };
}

/** One tamper signal. */
export interface TamperSignal {
  /** Stable kebab-case ID, used in resource names. */
  id: string;
  /** Short title for alerts and dashboards. */
  title: string;
  severity: Severity;
  /** One line an on-call engineer can act on at 3 a.m. */
  action: string;
  /** The `eventSource` of the calls, e.g. `cloudtrail.amazonaws.com`. */
  eventSource: string;
  /** Every event name the signal covers (the union of its clauses). */
  eventNames: readonly string[];
  /** Name of the CloudWatch metric the signal's metric filter publishes. */
  metricName: string;
  /** How each event names our resource. */
  clauses: readonly TamperClause[];
}

/** What a tamper pattern is scoped to. */
export interface TamperScope {
  /** Environment name: our resources are named `kmsmon-<environment>-*`. */
  environment: string;
  /** The trail's name. Defaults to `kmsmon-<environment>`, the name the module gives its trail. */
  trailName?: string;
  /** The trail's log group. Defaults to `/aws/cloudtrail/kmsmon-<environment>`. */
  logGroupName?: string;
}

const DEPLOY_NOTE = "If no kms-monitoring deploy ran just now,";

/** The tamper signals: the trail first, then what turns its records into alerts. */
export const TAMPER_SIGNALS: readonly TamperSignal[] = [
  {
    id: "trail-stopped",
    title: "Audit trail stopped",
    severity: "critical",
    action: `${DEPLOY_NOTE} run \`aws cloudtrail start-logging --name <trail>\` now and find the caller in this event: no KMS event is recorded while the trail is stopped.`,
    eventSource: "cloudtrail.amazonaws.com",
    eventNames: ["StopLogging"],
    metricName: "TamperTrailStopped",
    clauses: [{ eventNames: ["StopLogging"], fields: ["name"], target: "trail" }],
  },
  {
    id: "trail-deleted",
    title: "Audit trail deleted",
    severity: "critical",
    action: `${DEPLOY_NOTE} run \`pulumi up\` to recreate the trail and find the caller in this event: KMS events are no longer recorded.`,
    eventSource: "cloudtrail.amazonaws.com",
    eventNames: ["DeleteTrail"],
    metricName: "TamperTrailDeleted",
    clauses: [{ eventNames: ["DeleteTrail"], fields: ["name"], target: "trail" }],
  },
  {
    id: "trail-changed",
    title: "Audit trail settings or event selectors changed",
    severity: "critical",
    action: `${DEPLOY_NOTE} check \`aws cloudtrail get-event-selectors --trail-name <trail>\` still logs kms.amazonaws.com management events, and run \`pulumi up\` to restore the trail.`,
    eventSource: "cloudtrail.amazonaws.com",
    eventNames: ["PutEventSelectors", "PutInsightSelectors", "UpdateTrail"],
    metricName: "TamperTrailChanged",
    clauses: [
      {
        eventNames: ["PutEventSelectors", "PutInsightSelectors"],
        fields: ["trailName"],
        target: "trail",
      },
      { eventNames: ["UpdateTrail"], fields: ["name"], target: "trail" },
    ],
  },
  {
    id: "metric-filters-deleted",
    title: "Our metric filters deleted",
    severity: "critical",
    action: `${DEPLOY_NOTE} run \`pulumi up\` to restore the filters: until then their alarms cannot fire.`,
    eventSource: "logs.amazonaws.com",
    eventNames: ["DeleteMetricFilter"],
    metricName: "TamperMetricFiltersDeleted",
    clauses: [{ eventNames: ["DeleteMetricFilter"], fields: ["filterName"], target: "our-name" }],
  },
  {
    id: "log-group-changed",
    title: "Trail log group deleted or its retention changed",
    severity: "critical",
    action: `${DEPLOY_NOTE} check the log group still exists with its retention (\`aws logs describe-log-groups --log-group-name-prefix <group>\`) and run \`pulumi up\` to restore it.`,
    eventSource: "logs.amazonaws.com",
    eventNames: ["DeleteLogGroup", "PutRetentionPolicy", "DeleteRetentionPolicy"],
    metricName: "TamperLogGroupChanged",
    clauses: [
      {
        eventNames: ["DeleteLogGroup", "PutRetentionPolicy", "DeleteRetentionPolicy"],
        fields: ["logGroupName"],
        target: "log-group",
      },
    ],
  },
  {
    id: "alarms-silenced",
    title: "Our alarms deleted or their actions disabled",
    severity: "critical",
    action: `${DEPLOY_NOTE} run \`aws cloudwatch enable-alarm-actions --alarm-names <alarms>\` or \`pulumi up\` to restore them, and find the caller in this event.`,
    eventSource: "monitoring.amazonaws.com",
    eventNames: ["DeleteAlarms", "DisableAlarmActions"],
    metricName: "TamperAlarmsSilenced",
    clauses: [
      {
        eventNames: ["DeleteAlarms", "DisableAlarmActions"],
        fields: ["alarmNames[*]"],
        target: "our-name",
      },
    ],
  },
  {
    // CloudWatch alarm mute rules (2025) mute an alarm's actions on a schedule without
    // DisableAlarmActions; PutAlarmMuteRule creates a rule or, on an existing name, changes it.
    // DeleteAlarmMuteRule is not watched: it unmutes, and its record names only the rule.
    id: "alarms-muted",
    title: "A mute rule created or changed on our alarms",
    severity: "critical",
    action:
      "We create no mute rules: unless this mute window was agreed, delete it with `aws cloudwatch delete-alarm-mute-rule --alarm-mute-rule-name <rule>` and find the caller in this event; while it is active our alarms change state but notify nobody.",
    eventSource: "monitoring.amazonaws.com",
    eventNames: ["PutAlarmMuteRule"],
    metricName: "TamperAlarmsMuted",
    clauses: [
      {
        eventNames: ["PutAlarmMuteRule"],
        fields: ["muteTargets.alarmNames[*]"],
        target: "our-name",
      },
    ],
  },
  {
    id: "rules-silenced",
    title: "Our EventBridge rules disabled, deleted or stripped of targets",
    severity: "critical",
    action: `${DEPLOY_NOTE} run \`pulumi up\` to restore the rules and their targets: until then KMS events on the watched keys alert nobody.`,
    eventSource: "events.amazonaws.com",
    eventNames: ["DisableRule", "DeleteRule", "RemoveTargets"],
    metricName: "TamperRulesSilenced",
    clauses: [
      { eventNames: ["DisableRule", "DeleteRule"], fields: ["name"], target: "our-name" },
      { eventNames: ["RemoveTargets"], fields: ["rule"], target: "our-name" },
    ],
  },
  {
    id: "topics-changed",
    title: "Our alert topics' policy or encryption changed, topic deleted or subscription removed",
    severity: "critical",
    action: `${DEPLOY_NOTE} run \`pulumi up\` to restore the topic, its policy, key and subscriptions: a wrong policy or key silently drops every alert.`,
    eventSource: "sns.amazonaws.com",
    eventNames: ["SetTopicAttributes", "DeleteTopic", "Unsubscribe"],
    metricName: "TamperTopicsChanged",
    clauses: [
      {
        eventNames: ["SetTopicAttributes"],
        fields: ["topicArn"],
        target: "our-arn",
        only: { field: "attributeName", values: ["Policy", "KmsMasterKeyId"] },
      },
      { eventNames: ["DeleteTopic"], fields: ["topicArn"], target: "our-arn" },
      // A subscription ARN is its topic's ARN followed by `:<subscription id>`.
      { eventNames: ["Unsubscribe"], fields: ["subscriptionArn"], target: "our-arn" },
    ],
  },
];

/** The tamper signal with this ID; throws for an unknown ID (a programming error). */
export function tamperSignalById(id: string): TamperSignal {
  const found = TAMPER_SIGNALS.find((s) => s.id === id);
  if (!found) throw new Error(`unknown tamper signal "${id}"`);
  return found;
}

// Names we put inside quoted pattern values: no quote, backslash or wildcard may slip in.
const SAFE_NAME = /^[A-Za-z0-9_\-/.#]+$/;

function checkName(what: string, value: string): string {
  if (!SAFE_NAME.test(value)) {
    throw new Error(`tamper pattern: ${what} ${JSON.stringify(value)} has unsupported characters`);
  }
  return value;
}

/** The quoted values a request field must equal (wildcards included) to name the target. */
function targetValues(target: TamperTarget, scope: TamperScope): string[] {
  const ours = names(checkName("environment", scope.environment));
  const prefix = ours.prefix;
  switch (target) {
    case "trail": {
      const trail = checkName("trailName", scope.trailName ?? ours.trail);
      return [trail, `*:trail/${trail}`];
    }
    case "log-group":
      return [checkName("logGroupName", scope.logGroupName ?? ours.logGroup)];
    case "our-name":
      return [`${prefix}-*`];
    case "our-arn":
      return [`*:${prefix}-*`];
  }
}

function anyOf(terms: string[]): string {
  return terms.length === 1 ? terms[0] : `(${terms.join(" || ")})`;
}

function equals(selector: string, values: readonly string[]): string {
  return anyOf(values.map((v) => `(${selector} = "${v}")`));
}

function clauseTerm(clause: TamperClause, scope: TamperScope): string {
  const values = targetValues(clause.target, scope);
  const terms = [
    equals("$.eventName", clause.eventNames),
    anyOf(clause.fields.map((f) => equals(`$.requestParameters.${f}`, values))),
  ];
  if (clause.only)
    terms.push(equals(`$.requestParameters.${clause.only.field}`, clause.only.values));
  return `(${terms.join(" && ")})`;
}

/**
 * The CloudWatch Logs filter pattern of a tamper signal, scoped to our resources: it matches a
 * CloudTrail record of one of the signal's calls whose request names our trail, log group, or a
 * resource named `kmsmon-<environment>-*`, whether the call succeeded or was denied.
 *
 * @param signal - the tamper signal.
 * @param scope - environment, and the trail and log group names (see {@link TamperScope}).
 * @returns the pattern, at most 1,024 characters.
 * @throws when a name holds characters a pattern cannot carry, or the pattern is too long.
 */
export function tamperFilterPattern(signal: TamperSignal, scope: TamperScope): string {
  const source = `($.eventSource = "${signal.eventSource}")`;
  const clauses = anyOf(signal.clauses.map((c) => clauseTerm(c, scope)));
  const pattern = `{ ${source} && ${clauses} }`;
  if (pattern.length > AWS_LIMITS.filterPatternLength) {
    throw new Error(
      `tamper pattern of ${signal.id} is ${pattern.length} characters, over AWS's ` +
        `${AWS_LIMITS.filterPatternLength}; use a shorter trail or log group name`,
    );
  }
  return pattern;
}
