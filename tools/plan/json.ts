/**
 * `--json FILE`: the plan as JSON with a fixed key order (see docs/PLAN.md), so two plans of the
 * same config are byte-identical and diff cleanly.
 */
import type { StackPlan } from "../../components/plan/stack-plan";
import { alarmsWithGroup } from "./alarms";
import type { PlanReport } from "./report";
import { confirmationsPerRecipient } from "./confirmations";

/** Every alarm of the plan: name, group, region, severity, kind and monthly price. */
function alarmsJson(plan: StackPlan): Record<string, unknown>[] {
  return alarmsWithGroup(plan).map(({ group, alarm }) => ({
    name: alarm.name,
    group,
    region: alarm.region ?? plan.stackRegion,
    severity: alarm.severity,
    kind: alarm.metric.kind,
    monthlyUsd: alarm.monthlyCostUsd,
  }));
}

/** A copy of `value` whose object keys are sorted at every level (inputs come in engine order). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

/** The JSON document of a plan, keys in the documented order. */
export function planJson(report: PlanReport): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    stack: report.stack,
    resources: report.run.resources.map((r) => ({
      type: r.type,
      name: r.name,
      parent: r.parent ?? null,
      inputs: sortKeys(r.inputs),
    })),
    quotas: report.quotas.map((q) => ({ name: q.name, used: q.used, limit: q.limit, ok: q.ok })),
    cost: report.cost
      ? {
          monthlyUsd: report.cost.monthlyUsd,
          fixedMonthlyUsd: report.cost.fixedMonthlyUsd,
          items: report.cost.items.map((i) => ({
            item: i.item,
            quantity: i.quantity,
            unit: i.unit,
            unitUsd: i.unitUsd,
            monthlyUsd: i.monthlyUsd,
            source: i.source,
            note: i.note ?? null,
          })),
        }
      : null,
    alarms: report.run.plan ? alarmsJson(report.run.plan) : [],
    dashboards: report.run.plan?.dashboards.map((d) => d.name) ?? [],
    confirmations: report.run.plan ? confirmationsPerRecipient(report.run.plan) : [],
    policies: report.policies.map((p) => ({
      policy: p.policy,
      level: p.level,
      message: p.message,
      resource: p.resource ?? null,
    })),
    assumptions: report.assumptions,
  };
  if (report.run.failure) doc.failure = report.run.failure;
  if (report.events) doc.events = report.events;
  return doc;
}

/** The JSON text written to the file: two-space indent, trailing newline. */
export function planJsonText(report: PlanReport): string {
  return `${JSON.stringify(planJson(report), null, 2)}\n`;
}
