/**
 * The sections of the dashboard, as lists of sized widgets: the whole-account section first, then
 * one section per key group. Each section knows how to head its continuation, for when it has to
 * be split over two dashboards.
 */
import { inventoryWidgets } from "./inventory";
import { FULL_WIDTH, SizedWidget } from "./layout";
import { groupHeader, runbookWidget } from "./text";
import type { DashboardGroup, DashboardInput } from "./input";
import {
  alarmWidgets,
  controlPlaneWidget,
  dataPlaneWidget,
  expiryWidgets,
  quotaWidget,
} from "./widgets";

/** A run of widgets that belong together, led by a header. */
export interface Section {
  /** The group shown; undefined for the whole-account section. */
  group?: string;
  header: SizedWidget;
  widgets: SizedWidget[];
  /** The header of the section's continuation on a later dashboard. */
  continuation(): SizedWidget;
}

function sectionTitle(markdown: string): SizedWidget {
  return {
    content: { type: "text", properties: { markdown } },
    width: FULL_WIDTH,
    height: 2,
    newRow: true,
  };
}

/**
 * The whole-account section: control-plane events and account alarms, request-quota usage in
 * every region with keys (plus the stack's), quota alarms, then the runbook.
 */
export function accountSection(input: DashboardInput): Section {
  const { environment, stackRegion, accountId } = input;
  const partition = input.partition ?? "aws";
  const regions = [
    ...new Set([stackRegion, ...input.groups.flatMap((g) => g.keys.map((k) => k.region))]),
  ].sort();
  const accountAlarms = input.accountAlarms ?? [];
  return {
    header: sectionTitle(
      "## Whole account\nEvery KMS key of the account, whichever group it belongs to.",
    ),
    widgets: [
      controlPlaneWidget(environment, stackRegion),
      ...alarmWidgets("Account-wide KMS and tamper alarms", accountAlarms, accountId, partition),
      ...regions.map((region) => quotaWidget(region, input.quotaAlarmPercent)),
      ...alarmWidgets(
        "KMS quota and usage-band alarms",
        input.quotaAlarms ?? [],
        accountId,
        partition,
      ),
      runbookWidget(),
    ],
    continuation: () => sectionTitle("## Whole account (continued)"),
  };
}

function expiryKeys(group: DashboardGroup) {
  return group.expiryKeyArns.map((arn) => {
    const key = group.keys.find((k) => k.arn === arn);
    if (!key) {
      throw new Error(`dashboard: group ${group.name}: expiry key ${arn} is not one of its keys`);
    }
    return key;
  });
}

/**
 * A group's section: header, alarm status, days left on imported material per region,
 * data-plane calls of each described key, and the key inventory.
 */
export function groupSection(group: DashboardGroup, accountId: string, partition: string): Section {
  const expiring = expiryKeys(group);
  const expiryRegions = [...new Set(expiring.map((k) => k.region))].sort();
  return {
    group: group.name,
    header: groupHeader(group.name, group.keys, group.alarms.length),
    widgets: [
      ...alarmWidgets(`Alarms of group ${group.name}`, group.alarms, accountId, partition),
      ...expiryRegions.flatMap((region) =>
        expiryWidgets(
          group.name,
          region,
          expiring.filter((k) => k.region === region),
          group.accountLabels,
        ),
      ),
      // Keys that could not be described get no graph yet, like their other metrics.
      ...group.keys
        .filter((k) => k.described)
        .map((k) =>
          dataPlaneWidget(k, group.anomalyBandWidth, group.bandOperations, group.accountLabels),
        ),
      ...inventoryWidgets(group.name, group.keys, group.accountLabels),
    ],
    continuation: () => groupHeader(group.name, group.keys, group.alarms.length, true),
  };
}
