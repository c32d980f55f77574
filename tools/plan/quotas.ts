/**
 * Quota rows of the plan: the planner's own check (`checkQuotas`), rows counted on the registered
 * resources (what would really be created), and the rules each key group puts on one bus, which
 * the tool computes even when the planner refused the stack.
 */
import {
  ACTIONS_PER_ALARM,
  checkQuotas,
  METRICS_PER_ALARM,
  QuotaUsage,
} from "../../components/monitoring/quotas";
import { DEFAULT_BUS_BUDGET } from "../../components/groups/bus-plan";
import type { GroupPlan } from "../../components/groups/group-plan";
import { METRIC_ALARM } from "./alarms";
import type { Inventory } from "./inventory";
import type { PlanRun } from "./run";

export type { QuotaUsage };

/** AWS quota: trails per region (a multi-Region trail counts in every region). */
export const TRAILS_PER_REGION = 5;
/** AWS quota: IAM roles per account (adjustable). */
export const ROLES_PER_ACCOUNT = 1000;
/** AWS quota: widgets per dashboard. */
export const WIDGETS_PER_DASHBOARD = 500;
/** AWS quota: metrics per dashboard. */
export const METRICS_PER_DASHBOARD = 2500;
/** AWS quota: dimensions per metric filter. */
export const DIMENSIONS_PER_METRIC_FILTER = 3;

function usage(name: string, used: number, limit: number): QuotaUsage {
  return { name, used, limit, ok: used <= limit };
}

function max(values: number[]): number {
  return values.reduce((a, b) => Math.max(a, b), 0);
}

/**
 * Per region, the most rules one key group needs. A group's rules share one bus, and the planner
 * keeps a bus at its budget (below AWS's 300), so a larger group cannot be placed at all.
 */
export function groupBusRows(groups: readonly GroupPlan[]): QuotaUsage[] {
  const perRegion = new Map<string, Map<string, number>>();
  for (const g of groups) {
    for (const r of g.rules) {
      const counts = perRegion.get(r.region) ?? new Map<string, number>();
      counts.set(g.name, (counts.get(g.name) ?? 0) + 1);
      perRegion.set(r.region, counts);
    }
  }
  return [...perRegion.keys()].sort().map((region) => {
    const counts = perRegion.get(region) ?? new Map<string, number>();
    const [group, most] = [...counts].sort(([, a], [, b]) => b - a)[0];
    return usage(
      `Rules of one key group on one bus in ${region} (largest: ${group}; planner budget)`,
      most,
      DEFAULT_BUS_BUDGET.shardBus,
    );
  });
}

interface DashboardBody {
  widgets?: { properties?: { metrics?: unknown[] } }[];
}

function dashboardBodies(inv: Inventory): DashboardBody[] {
  return inv.ofType("aws:cloudwatch/dashboard:Dashboard").flatMap((d) => {
    try {
      return [JSON.parse(String(d.inputs.dashboardBody)) as DashboardBody];
    } catch {
      return [];
    }
  });
}

/** Rows counted on the registered resources. */
export function resourceRows(inv: Inventory): QuotaUsage[] {
  const alarms = inv.ofType(METRIC_ALARM);
  const actions = (a: (typeof alarms)[number]) =>
    max(
      ["alarmActions", "okActions", "insufficientDataActions"].map(
        (k) => (a.inputs[k] ?? []).length,
      ),
    );
  const queries = (a: (typeof alarms)[number]) =>
    ((a.inputs.metricQueries ?? []) as { metric?: unknown }[]).filter((q) => q.metric).length || 1;
  const filters = inv.ofType("aws:cloudwatch/logMetricFilter:LogMetricFilter");
  const rows = [
    usage(
      "Actions of one kind on one alarm (all alarms)",
      max(alarms.map(actions)),
      ACTIONS_PER_ALARM,
    ),
    usage("Metrics read by one alarm (all alarms)", max(alarms.map(queries)), METRICS_PER_ALARM),
    usage(
      "Dimensions of one metric filter",
      max(filters.map((f) => Object.keys(f.inputs.metricTransformation?.dimensions ?? {}).length)),
      DIMENSIONS_PER_METRIC_FILTER,
    ),
    usage("IAM roles we add (account)", inv.ofType("aws:iam/role:Role").length, ROLES_PER_ACCOUNT),
  ];
  const trails = inv.ofType("aws:cloudtrail/trail:Trail").length;
  if (trails > 0) rows.push(usage("Trails we add (each region)", trails, TRAILS_PER_REGION));
  const bodies = dashboardBodies(inv);
  if (bodies.length > 0) {
    const widgets = bodies.map((b) => b.widgets ?? []);
    rows.push(
      usage("Widgets on one dashboard", max(widgets.map((w) => w.length)), WIDGETS_PER_DASHBOARD),
    );
    rows.push(
      usage(
        "Metrics on one dashboard",
        max(widgets.map((ws) => ws.reduce((n, w) => n + (w.properties?.metrics?.length ?? 0), 0))),
        METRICS_PER_DASHBOARD,
      ),
    );
  }
  return rows;
}

/** Every quota row of a run: the planner's, the groups' bus rows, and the resource counts. */
export function planQuotas(run: PlanRun, inv: Inventory): QuotaUsage[] {
  return [
    ...(run.plan ? checkQuotas(run.plan) : []),
    ...groupBusRows(run.groups),
    ...resourceRows(inv),
  ];
}
