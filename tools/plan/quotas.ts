/**
 * Quota rows of the plan: the planner's own check (`checkQuotas`), the rules each key group puts
 * on one bus (computed even when the planner refused the stack), and the rows of the plan the
 * check leaves out (trails, IAM roles, the dashboards' widgets and metrics).
 */
import { checkQuotas, QuotaUsage } from "../../components/monitoring/quotas";
import { dashboardLimits } from "../../components/dashboard/limits";
import { DEFAULT_BUS_BUDGET } from "../../components/groups/bus-plan";
import type { GroupPlan } from "../../components/groups/group-plan";
import type { StackPlan } from "../../components/plan/stack-plan";
import type { PlanRun } from "./run";
import { AWS_LIMITS } from "../../components/core/limits";

export type { QuotaUsage };

/** AWS quota: trails per region (a multi-Region trail counts in every region). */
export const TRAILS_PER_REGION = 5;
/** AWS quota: IAM roles per account (adjustable). */
export const ROLES_PER_ACCOUNT = 1000;

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

/** Rows the planner's check leaves to the tool: trails, IAM roles, and the dashboards' size. */
export function planRows(plan: StackPlan): QuotaUsage[] {
  const rows = [
    usage("IAM roles we add (account)", plan.trail.created?.iamRoles ?? 0, ROLES_PER_ACCOUNT),
  ];
  if (plan.trail.created) rows.push(usage("Trails we add (each region)", 1, TRAILS_PER_REGION));
  if (plan.dashboards.length > 0) {
    const sizes = plan.dashboards.map((d) => dashboardLimits(d.body));
    rows.push(
      usage(
        "Widgets on one dashboard",
        max(sizes.map((u) => u.widgets)),
        AWS_LIMITS.widgetsPerDashboard,
      ),
      usage(
        "Metrics on one dashboard",
        max(sizes.map((u) => u.metrics)),
        AWS_LIMITS.metricsPerDashboard,
      ),
    );
  }
  return rows;
}

/** Every quota row of a run: the planner's, the groups' bus rows, and the plan's other rows. */
export function planQuotas(run: PlanRun): QuotaUsage[] {
  return [
    ...(run.plan ? checkQuotas(run.plan) : []),
    ...groupBusRows(run.groups),
    ...(run.plan ? planRows(run.plan) : []),
  ];
}
