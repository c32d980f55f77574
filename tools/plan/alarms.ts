/**
 * The alarms of the stack plan by key group and severity. Each alarm's severity is the one its
 * planner gave it (its signal's, "warning" for expiry, "operational" for the monitoring's own
 * plumbing); a group owns its expiry and baseline alarms, the stack everything else.
 */
import type { AlarmSeverity, AlarmSpec } from "../../components/alarms/spec";
import { planAlarms, StackPlan } from "../../components/plan/stack-plan";
import { STACK_GROUP } from "./inventory";

/** The alarms of one group at one severity. */
export interface AlarmGroupRow {
  group: string;
  severity: AlarmSeverity;
  /** Physical names, in plan order. */
  alarms: string[];
}

const SEVERITY_ORDER: AlarmSeverity[] = ["critical", "warning", "info", "operational"];

/** Every alarm of the plan with the group it belongs to, in plan order. */
export function alarmsWithGroup(plan: StackPlan): { group: string; alarm: AlarmSpec }[] {
  const groupOf = new Map<string, string>();
  for (const g of plan.groups) {
    for (const a of [...g.expiryAlarms, ...g.baselineAlarms]) groupOf.set(a.name, g.name);
  }
  return planAlarms(plan).map((alarm) => ({
    group: groupOf.get(alarm.name) ?? STACK_GROUP,
    alarm,
  }));
}

/** Alarms by group ("stack" first, then by name) and severity (critical first). */
export function alarmsByGroupAndSeverity(plan: StackPlan): AlarmGroupRow[] {
  const rows = new Map<string, AlarmGroupRow>();
  for (const { group, alarm } of alarmsWithGroup(plan)) {
    const key = `${group}\u0000${alarm.severity}`;
    const row = rows.get(key) ?? { group, severity: alarm.severity, alarms: [] };
    row.alarms.push(alarm.name);
    rows.set(key, row);
  }
  const groupRank = (g: string) => (g === STACK_GROUP ? "" : g);
  return [...rows.values()].sort(
    (a, b) =>
      groupRank(a.group).localeCompare(groupRank(b.group)) ||
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  );
}
