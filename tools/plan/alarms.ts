/**
 * What kind of CloudWatch alarm a registered MetricAlarm is, which decides its price: a standard
 * alarm pays one alarm metric, a metric-math alarm one per metric it reads, an anomaly-detection
 * alarm its metrics plus two for the band, a Metrics Insights alarm one per metric its query
 * analyzes.
 */
import type { RecordedResource } from "../mock-runtime/mock-runtime";
import { KMS_SIGNALS } from "../../components/signals/catalog";
import { TAMPER_SIGNALS } from "../../components/signals/tamper-catalog";
import { planTamperAlarms } from "../../components/watchers/tamper-plan";
import { names as namesOf } from "../../components/core/names";
import type { AccountFilterSpec } from "../../components/account/account-filters";
import type { GroupPlan } from "../../components/groups/group-plan";
import { Inventory, STACK_GROUP } from "./inventory";

/** Type token of a CloudWatch metric alarm. */
export const METRIC_ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

/** Alarm kinds, by how AWS bills them. */
export type AlarmKind =
  "standard" | "high-resolution" | "metric-math" | "anomaly" | "metrics-insights";

/** An alarm's kind, and the metrics it reads (for Metrics Insights: its query's namespace). */
export interface AlarmClass {
  kind: AlarmKind;
  /** Metrics the alarm reads directly (0 for a Metrics Insights query). */
  metrics: number;
  /** The namespace a Metrics Insights query reads (`FROM SCHEMA("AWS/SNS", ...)`). */
  insightsNamespace?: string;
}

interface MetricQuery {
  expression?: string;
  metric?: unknown;
}

/** Classifies a MetricAlarm by its inputs. */
export function classifyAlarm(inputs: Record<string, unknown>): AlarmClass {
  const queries = (inputs.metricQueries as MetricQuery[] | undefined) ?? [];
  if (queries.length === 0) {
    const period = Number(inputs.period ?? 60);
    return { kind: period < 60 ? "high-resolution" : "standard", metrics: 1 };
  }
  const metrics = queries.filter((q) => q.metric !== undefined).length;
  const expressions = queries.map((q) => q.expression ?? "");
  if (expressions.some((e) => /ANOMALY_DETECTION_BAND\s*\(/i.test(e))) {
    return { kind: "anomaly", metrics };
  }
  const insights = expressions.find((e) => /^\s*SELECT\b/i.test(e));
  if (insights !== undefined) {
    const namespace = /FROM\s+(?:SCHEMA\(\s*)?"?([A-Za-z0-9/_.-]+)"?/i.exec(insights)?.[1];
    return { kind: "metrics-insights", metrics: 0, insightsNamespace: namespace };
  }
  return { kind: "metric-math", metrics };
}

/** Severity label of an alarm not derived from a signal (delivery failures, queues). */
export const OPERATIONAL = "operational";

/**
 * Severity of each alarm by its physical name: account and tamper alarms take their signal's
 * severity, expiry alarms are warnings (they fire ahead of the material-expired signal), baseline
 * alarms take the data-plane signal's. Alarms not in the map (delivery failures, queues, quotas,
 * silence) count as "operational".
 */
export function alarmSeverities(
  environment: string,
  accountFilters: readonly AccountFilterSpec[],
  groups: readonly GroupPlan[],
): Map<string, string> {
  const severityOf = new Map<string, string>(KMS_SIGNALS.map((s) => [s.id, s.severity]));
  const names = new Map<string, string>();
  for (const f of accountFilters) {
    if (f.alarm) names.set(f.alarm.name, severityOf.get(f.signalId) ?? OPERATIONAL);
  }
  const tamper = new Map<string, string>(TAMPER_SIGNALS.map((s) => [s.id, s.severity]));
  for (const t of planTamperAlarms(environment, { logGroupName: namesOf(environment).logGroup })) {
    names.set(t.alarm.name, tamper.get(t.signalId) ?? OPERATIONAL);
  }
  for (const g of groups) for (const a of g.expiryAlarms) names.set(a.name, "warning");
  return names;
}

/** Severity of a baseline alarm (`kmsmon-<env>-<group>-baseline-<n>`), else undefined. */
export function baselineSeverity(name: string): string | undefined {
  return /-baseline-\d+$/.test(name) ? severityOfSignal("data-plane-use") : undefined;
}

function severityOfSignal(id: string): string | undefined {
  return KMS_SIGNALS.find((s) => s.id === id)?.severity;
}

/** The physical name of an alarm resource (its `name` input, else its logical name). */
export function alarmName(alarm: RecordedResource): string {
  return typeof alarm.inputs.name === "string" ? alarm.inputs.name : alarm.name;
}

/** The alarms of one group at one severity. */
export interface AlarmGroupRow {
  group: string;
  severity: string;
  /** Physical names, in registration order. */
  alarms: string[];
}

const SEVERITY_ORDER = ["critical", "warning", "info", OPERATIONAL];

/** Alarms by group ("stack" first, then by name) and severity (critical first). */
export function alarmsByGroupAndSeverity(
  inv: Inventory,
  severities: ReadonlyMap<string, string>,
): AlarmGroupRow[] {
  const rows = new Map<string, AlarmGroupRow>();
  for (const alarm of inv.ofType(METRIC_ALARM)) {
    const name = alarmName(alarm);
    const group = inv.groupOf(alarm);
    const severity = severities.get(name) ?? baselineSeverity(name) ?? OPERATIONAL;
    const key = `${group}\u0000${severity}`;
    const row = rows.get(key) ?? { group, severity, alarms: [] };
    row.alarms.push(name);
    rows.set(key, row);
  }
  const groupRank = (g: string) => (g === STACK_GROUP ? "" : g);
  return [...rows.values()].sort(
    (a, b) =>
      groupRank(a.group).localeCompare(groupRank(b.group)) ||
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  );
}
