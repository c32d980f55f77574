/**
 * The dashboard bodies of an environment, as a pure function: one dashboard `kmsmon-<env>` while
 * everything fits AWS's dashboard quotas, then `kmsmon-<env>-2`, `-3`, ... Splitting keeps every
 * key's graphs (each dashboard costs $3 a month) instead of summarising them away, because a
 * summary would hide which key misbehaves.
 */
import { names } from "../core/names";
import { placeWidgets } from "./layout";
import { packSections } from "./pack";
import { accountSection, groupSection } from "./sections";
import { dashboardHeader, DashboardPart } from "./text";
import type { NamedDashboard } from "./types";
import type { DashboardInput } from "./input";

/** Time range a dashboard opens with: the last 12 hours. */
export const DASHBOARD_START = "-PT12H";

/** AWS rule for dashboard names. */
const DASHBOARD_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** Name of dashboard `index` (0-based) of an environment: `kmsmon-<env>`, `kmsmon-<env>-2`, ... */
export function dashboardName(environment: string, index: number): string {
  const name = names(environment).dashboard(index);
  if (!DASHBOARD_NAME.test(name)) {
    throw new Error(
      `dashboard: name ${JSON.stringify(name)} is not a dashboard name ` +
        "(letters, digits, - and _, at most 255)",
    );
  }
  return name;
}

function checkInput(input: DashboardInput): void {
  const seen = new Set<string>();
  for (const g of input.groups) {
    if (seen.has(g.name)) throw new Error(`dashboard: groups: ${g.name} is listed twice`);
    seen.add(g.name);
  }
}

/** Builds the dashboards of an environment: names and bodies, in order. Pure. */
export function buildDashboardBodies(input: DashboardInput): NamedDashboard[] {
  checkInput(input);
  const partition = input.partition ?? "aws";
  const pages = packSections([
    accountSection(input),
    ...input.groups.map((g) => groupSection(g, input.accountId, partition)),
  ]);
  const parts: DashboardPart[] = pages.map((page, i) => ({
    name: dashboardName(input.environment, i),
    groups:
      page.groups.length === 0
        ? undefined
        : {
            first: page.groups[0],
            last: page.groups[page.groups.length - 1],
            count: page.groups.length,
          },
  }));
  return pages.map((page, i) => ({
    name: parts[i].name,
    body: {
      start: DASHBOARD_START,
      periodOverride: "auto",
      widgets: placeWidgets([
        dashboardHeader(input.environment, input.stackRegion, parts, i, input.partition),
        ...page.widgets,
      ]),
    },
  }));
}
