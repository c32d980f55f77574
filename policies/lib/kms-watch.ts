/**
 * What in a stack watches KMS, whoever built it: log metric filters over kms.amazonaws.com
 * CloudTrail events, alarms on AWS/KMS metrics or on those filters' metrics, EventBridge rules on
 * aws.kms events and their targets. Policies about monitoring judge these, plus our own
 * resources (`ours`), unless their config narrows the scope to ours alone.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { isUnknown, knownString, Props } from "./known";
import { sameAs, StackResource, StackView } from "./stack-view";
import { KMS_EVENT_SOURCE } from "./trail-selectors";
import { anyTri, Tri } from "./tri";

export const FILTER_TYPE = "aws:cloudwatch/logMetricFilter:LogMetricFilter";
export const ALARM_TYPE = "aws:cloudwatch/metricAlarm:MetricAlarm";
export const RULE_TYPE = "aws:cloudwatch/eventRule:EventRule";
export const TARGET_TYPE = "aws:cloudwatch/eventTarget:EventTarget";

/** The namespace of the metrics KMS publishes. */
export const KMS_NAMESPACE = "AWS/KMS";

/** The EventBridge source of KMS events. */
export const KMS_EVENT_BUS_SOURCE = "aws.kms";

/** Config of a policy whose scope can be narrowed to kms-monitoring's own resources. */
export interface ScopeConfig {
  /** Judge only resources under a kms-monitoring component or named kmsmon-*. */
  kmsMonitoringResourcesOnly: boolean;
}

/** The configSchema property of {@link ScopeConfig}, default false (judge what watches KMS). */
export const SCOPE_SCHEMA: PolicyConfigSchema["properties"] = {
  kmsMonitoringResourcesOnly: { type: "boolean", default: false },
};

/** True when the policy's config narrows its scope to our resources. */
export function oursOnly(config: Partial<ScopeConfig>): boolean {
  return config.kmsMonitoringResourcesOnly === true;
}

/** True for a filter pattern with a term `$.eventSource = kms.amazonaws.com` (quoted or not). */
export function isKmsFilterPattern(pattern: unknown): boolean {
  const text = knownString(pattern);
  return text !== undefined && /\$\.eventSource\s*=\s*"?kms\.amazonaws\.com"?/.test(text);
}

/**
 * True for a pattern that looks like the CIS KMS control: it reads KMS events and names both
 * DisableKey and ScheduleKeyDeletion, in any order or spacing.
 */
export function looksLikeCisKmsPattern(pattern: unknown): boolean {
  const text = knownString(pattern) ?? "";
  return (
    isKmsFilterPattern(text) &&
    /\$\.eventName\s*=\s*"?DisableKey"?(\s|\)|\|)/.test(text) &&
    /\$\.eventName\s*=\s*"?ScheduleKeyDeletion"?(\s|\)|\|)/.test(text)
  );
}

/**
 * True for an EventBridge pattern (JSON text or object) that selects KMS events: `source` lists
 * aws.kms (or a prefix of it), or `detail.eventSource` lists kms.amazonaws.com.
 */
export function isKmsEventPattern(pattern: unknown): boolean {
  const parsed = typeof pattern === "string" && !isUnknown(pattern) ? parseJson(pattern) : pattern;
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return false;
  const p = parsed as Props;
  const alternatives: Props[] = Array.isArray(p.$or) ? [p, ...p.$or] : [p];
  return alternatives.some(
    (a) =>
      admits(a?.source, KMS_EVENT_BUS_SOURCE) || admits(a?.detail?.eventSource, KMS_EVENT_SOURCE),
  );
}

/** True when an event pattern's value list matches `wanted`, exactly or by a prefix matcher. */
function admits(values: unknown, wanted: string): boolean {
  if (!Array.isArray(values)) return false;
  return values.some(
    (v) =>
      v === wanted ||
      (typeof v?.prefix === "string" && v.prefix !== "" && wanted.startsWith(v.prefix)),
  );
}

/** An event pattern as text, whether the props hold it as JSON text or as an object. */
function patternText(pattern: unknown): string {
  return typeof pattern === "string" ? pattern : (JSON.stringify(pattern) ?? "");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The metric a filter publishes: `{ name, namespace }`, either possibly unknown. */
export function filterMetric(filter: StackResource): { name: unknown; namespace: unknown } {
  const t = filter.props.metricTransformation;
  return { name: t?.name, namespace: t?.namespace };
}

/** The metrics an alarm reads: its own metric, or those of its metric queries. */
function alarmMetrics(alarm: StackResource): { name: unknown; namespace: unknown }[] {
  const own = { name: alarm.props.metricName, namespace: alarm.props.namespace };
  const queries: unknown = alarm.props.metricQueries;
  const fromQueries = Array.isArray(queries)
    ? queries.flatMap((q: Props) =>
        q?.metric ? [{ name: q.metric.metricName, namespace: q.metric.namespace }] : [],
      )
    : [];
  return own.name !== undefined || own.namespace !== undefined
    ? [own, ...fromQueries]
    : fromQueries;
}

/** The KMS watchers of a stack, and whether a resource is in a policy's scope. */
export class KmsWatch {
  /** Filters over KMS CloudTrail events. */
  readonly filters: StackResource[];
  /** Rules on aws.kms events. */
  readonly rules: StackResource[];

  constructor(
    private readonly view: StackView,
    /** When true, only our resources are in scope. */
    readonly oursOnly = false,
  ) {
    this.filters = view.ofType(FILTER_TYPE).filter((f) => isKmsFilterPattern(f.props.pattern));
    this.rules = view.ofType(RULE_TYPE).filter((r) => isKmsEventPattern(r.props.eventPattern));
  }

  /** True for an alarm on an AWS/KMS metric or on the metric of a KMS filter. */
  isKmsAlarm(alarm: StackResource): boolean {
    return alarmMetrics(alarm).some(
      (m) =>
        m.namespace === KMS_NAMESPACE ||
        this.filters.some((f) => {
          const fm = filterMetric(f);
          return knownString(fm.name) === m.name && knownString(fm.namespace) === m.namespace;
        }),
    );
  }

  /** Whether a target belongs to a rule on aws.kms events (by its `rule` name or dependency). */
  isKmsTarget(target: StackResource): Tri {
    return anyTri(
      this.rules.map((rule) =>
        this.view.refersTo(target, "rule", rule, sameAs(rule, "name", "id")),
      ),
    );
  }

  /** True when the stack has a KMS filter, a rule on aws.kms events, or an alarm watching KMS. */
  get any(): boolean {
    return (
      this.filters.length > 0 ||
      this.rules.length > 0 ||
      this.view.ofType(ALARM_TYPE).some((a) => this.isKmsAlarm(a))
    );
  }

  /**
   * Whether a KMS watcher of the stack sees `key`'s events: a filter or rule that does not narrow
   * to keys (CloudTrail and EventBridge see every key of the account), one that names the key,
   * or an alarm on an AWS/KMS metric whose KeyId or KeyArn dimension is the key.
   */
  watchesKey(key: StackResource): Tri {
    const ids = sameAs(key, "arn", "keyId", "id");
    const names = (text: string): Tri => {
      if (!/resources|keyId|KeyId|ARN/.test(text)) return true;
      const known = ["arn", "keyId", "id"].map((p) => knownString(key.props[p]));
      if (known.some((v) => v !== undefined && text.includes(v))) return true;
      return known.every((v) => v === undefined) ? "unknown" : false;
    };
    const alarms = this.view.ofType(ALARM_TYPE).map((alarm): Tri => {
      if (alarm.props.namespace !== KMS_NAMESPACE) return false;
      const d = alarm.props.dimensions;
      if (this.view.dependenciesOf(alarm, "dimensions").some((r) => r.urn === key.urn)) return true;
      const values = [d?.KeyId, d?.KeyArn].filter((v) => v !== undefined);
      if (values.some(isUnknown)) return "unknown";
      return values.some((v) => typeof v === "string" && ids(v));
    });
    return anyTri([
      ...this.filters.map((f) => names(knownString(f.props.pattern) ?? "")),
      ...this.rules.map((r) => names(patternText(r.props.eventPattern))),
      ...alarms,
    ]);
  }

  /** True when `alarm` is in scope: ours, or (unless ours only) watching KMS. */
  alarmInScope(alarm: StackResource): boolean {
    return alarm.ours || (!this.oursOnly && this.isKmsAlarm(alarm));
  }

  /** True when `target` is in scope: ours, or (unless ours only) certainly on a KMS rule. */
  targetInScope(target: StackResource): boolean {
    return target.ours || (!this.oursOnly && this.isKmsTarget(target) === true);
  }
}
