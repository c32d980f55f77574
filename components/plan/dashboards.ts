/** The dashboards of the plan: names and bodies, from the plan's own alarms. */
import { buildDashboardBodies } from "../dashboard/body";
import { dashboardInput, DashboardPlanInput } from "../dashboard/from-plan";
import type { DashboardBody } from "../dashboard/types";
import type { ResolvedKeyGroup } from "../groups/resolved";
import type { Quota } from "../core/limits";

/** Price of a dashboard per month (us-east-1); AWS gives 3 per account free. */
export const DASHBOARD_MONTHLY_USD = 3;
/** Dashboards AWS gives each account free every month. */
export const FREE_DASHBOARDS_PER_ACCOUNT = 3;

/** One CloudWatch dashboard. */
export interface DashboardSpec {
  /** Physical name: `kmsmon-<env>`, `kmsmon-<env>-2`, ... */
  name: string;
  /** Dashboards are global; this is the region their console URL opens. */
  region: string;
  body: DashboardBody;
  /** List price; the account's first 3 dashboards are free. */
  monthlyCostUsd: number;
  quotas: Quota[];
}

/**
 * The dashboards of a planned stack.
 *
 * @param plan - the rest of the plan.
 * @param groups - the resolved groups, one section each, in this order.
 */
export function planDashboards(
  plan: DashboardPlanInput,
  groups: readonly ResolvedKeyGroup[],
): DashboardSpec[] {
  return buildDashboardBodies(dashboardInput(plan, groups)).map((d) => ({
    name: d.name,
    region: plan.stackRegion,
    body: d.body,
    monthlyCostUsd: DASHBOARD_MONTHLY_USD,
    quotas: ["widgetsPerDashboard", "metricsPerDashboard"],
  }));
}
