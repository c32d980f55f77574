/**
 * The KMS monitoring dashboards: the component, the pure body builder, its quotas and its input.
 * This is also the entry the schema analyzer can start from to see KmsDashboard on its own.
 */
export { KmsDashboard, KMS_DASHBOARD_TYPE } from "./kms-dashboard";
export type { KmsDashboardArgs } from "./kms-dashboard";
export { buildDashboardBodies, dashboardName, DASHBOARD_START } from "./body";
export { dashboardGroups, dashboardInput } from "./from-plan";
export { OPERATIONS_BY_KEY_USAGE } from "./operations";
export { dashboardLimits, GRID_COLUMNS } from "./limits";
export type { DashboardUsage } from "./limits";
export { INVENTORY_COLUMNS, NOT_DESCRIBED } from "./inventory";
export type { AlarmRef, DashboardGroup, DashboardInput } from "./input";
export type { DashboardBody, NamedDashboard, Widget } from "./types";
