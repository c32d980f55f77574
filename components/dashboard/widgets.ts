/**
 * The graph and alarm widgets of the dashboard, one builder each. Builders return sized widgets;
 * the layout places them. Widgets that could outgrow an AWS quota come back in chunks.
 */
import { names } from "../core/names";
import { KMS_SIGNALS } from "../signals/catalog";
import type { ResolvedKey } from "../groups/resolved";
import { KMS_REQUEST_QUOTA_FAMILIES } from "../watchers/quota-plan";
import { GRAPH_HEIGHT, HALF_WIDTH, SizedWidget, THIRD_WIDTH } from "./layout";
import { chunk } from "./limits";
import { bandOperation, operationsOf } from "./operations";
import type { MetricLine, MetricWidgetProperties } from "./types";
import type { AlarmRef } from "./input";
import { AWS_LIMITS } from "../core/limits";

/** Expiry lines per key: the seconds metric (hidden) and its value in days. */
const EXPIRY_LINES_PER_KEY = 2;
const SECONDS_PER_DAY = 86400;

/** How a key is named on graphs: its first alias, else its key ID. */
export function keyLabel(key: ResolvedKey): string {
  return key.aliases[0] ?? key.keyId;
}

/**
 * Where a member key's metrics are, in a hub: its account's label for titles and legends, and the
 * `accountId` option its metric lines need; nothing for a key of the dashboard's own account.
 */
function memberAccount(
  key: ResolvedKey,
  accountLabels: Readonly<Record<string, string>> | undefined,
): { label: string; options: { accountId: string } } | undefined {
  const label = accountLabels?.[key.accountId];
  return label === undefined ? undefined : { label, options: { accountId: key.accountId } };
}

function graph(
  props: Omit<MetricWidgetProperties, "view" | "stacked">,
  width = HALF_WIDTH,
): SizedWidget {
  return {
    content: { type: "metric", properties: { view: "timeSeries", stacked: false, ...props } },
    width,
    height: GRAPH_HEIGHT,
  };
}

/**
 * KMS control-plane events of the whole account: the catalog's control-plane signals, as the
 * trail's metric filters count them. The filters cannot tell groups apart, hence the title.
 */
export function controlPlaneWidget(environment: string, stackRegion: string): SizedWidget {
  const signals = KMS_SIGNALS.filter((s) => s.widget === "control-plane-events");
  return graph({
    title: "KMS control-plane events, whole account (all keys, not per group)",
    region: stackRegion,
    metrics: signals.map((s) => [
      names(environment).metricNamespace,
      s.metricName,
      { label: s.title },
    ]),
    period: 300,
    stat: "Sum",
    yAxis: { left: { label: "events", min: 0 } },
  });
}

/**
 * Usage of the KMS cryptographic request quotas in one region, in percent, with the quota alarms'
 * threshold when given. CallCount sums the calls of a period while SERVICE_QUOTA is per second,
 * so the sum is divided by PERIOD first (the alarms divide by their fixed 60 s).
 */
export function quotaWidget(region: string, alarmPercent?: number): SizedWidget {
  const metrics: MetricLine[] = KMS_REQUEST_QUOTA_FAMILIES.flatMap((family, i) => [
    [
      "AWS/Usage",
      "CallCount",
      "Service",
      "KMS",
      "Type",
      "API",
      "Resource",
      family.usageResource,
      "Class",
      "None",
      { id: `q${i}`, visible: false },
    ],
    [
      {
        id: `p${i}`,
        expression: `q${i}/PERIOD(q${i})/SERVICE_QUOTA(q${i})*100`,
        label: family.quotaName,
      },
    ],
  ]);
  return graph({
    title: `KMS request quota usage in ${region} (% of the account's quota, all keys)`,
    region,
    metrics,
    period: 60,
    stat: "Sum",
    yAxis: { left: { label: "% of quota", min: 0, max: 100 } },
    ...(alarmPercent === undefined
      ? {}
      : { annotations: { horizontal: [{ value: alarmPercent, label: "Quota alarm" }] } }),
  });
}

/**
 * Successful data-plane calls of one key by operation (AWS/KMS SuccessfulRequest), for the
 * operations its key usage allows. With a baseline, the expected band of the operation the
 * baseline alarms read is drawn too.
 */
export function dataPlaneWidget(
  key: ResolvedKey,
  bandWidth?: number,
  bandOperations?: Readonly<Record<string, string>>,
  accountLabels?: Readonly<Record<string, string>>,
): SizedWidget {
  const operations = operationsOf(key);
  const member = memberAccount(key, accountLabels);
  const metrics: MetricLine[] = operations.map((operation, i) => [
    "AWS/KMS",
    "SuccessfulRequest",
    "KeyArn",
    key.arn,
    "Operation",
    operation,
    { id: `o${i}`, label: operation, ...member?.options },
  ]);
  if (bandWidth !== undefined) {
    const main = bandOperation(key, bandOperations);
    metrics.push([
      {
        id: "band",
        expression: `ANOMALY_DETECTION_BAND(o${operations.indexOf(main)}, ${bandWidth})`,
        label: `${main} expected range (${bandWidth} standard deviations)`,
      },
    ]);
  }
  return graph(
    {
      title: `Data-plane calls of ${keyLabel(key)} (${key.region}${member ? `, account ${member.label}` : ""}), by operation`,
      region: key.region,
      metrics,
      period: 300,
      stat: "Sum",
      yAxis: { left: { label: "calls", min: 0 } },
    },
    THIRD_WIDTH,
  );
}

/**
 * Days left on imported key material (AWS/KMS SecondsUntilKeyMaterialExpiration, Minimum), for
 * keys of one region; one widget per chunk of keys that fits a widget.
 */
export function expiryWidgets(
  group: string,
  region: string,
  keys: ResolvedKey[],
  accountLabels?: Readonly<Record<string, string>>,
): SizedWidget[] {
  const perWidget = Math.floor(AWS_LIMITS.metricsPerWidget / EXPIRY_LINES_PER_KEY);
  const chunks = chunk(keys, perWidget);
  return chunks.map((part, n) =>
    graph({
      title:
        `Days left on imported key material, group ${group} in ${region}` +
        (chunks.length > 1 ? ` (${n + 1}/${chunks.length})` : ""),
      region,
      metrics: part.flatMap((key, i) => {
        const member = memberAccount(key, accountLabels);
        const label = member ? `${keyLabel(key)}, account ${member.label}` : keyLabel(key);
        return [
          [
            "AWS/KMS",
            "SecondsUntilKeyMaterialExpiration",
            "KeyId",
            key.keyId,
            { id: `s${i}`, visible: false, ...member?.options },
          ],
          [{ id: `d${i}`, expression: `s${i}/${SECONDS_PER_DAY}`, label }],
        ];
      }),
      period: 3600,
      stat: "Minimum",
      yAxis: { left: { label: "days", min: 0 } },
    }),
  );
}

/** ARN of an alarm. */
export function alarmArn(alarm: AlarmRef, accountId: string, partition: string): string {
  return `arn:${partition}:cloudwatch:${alarm.region}:${accountId}:alarm:${alarm.name}`;
}

/**
 * Alarm status widgets: one per region of the alarms, in chunks of the most alarms a widget
 * takes. `title` names what the alarms watch; none for no alarms.
 */
export function alarmWidgets(
  title: string,
  alarms: readonly AlarmRef[],
  accountId: string,
  partition: string,
): SizedWidget[] {
  const regions = [...new Set(alarms.map((a) => a.region))].sort();
  return regions.flatMap((region) => {
    const arns = alarms
      .filter((a) => a.region === region)
      .map((a) => alarmArn(a, accountId, partition));
    const chunks = chunk(arns, AWS_LIMITS.alarmsPerAlarmWidget);
    return chunks.map((part, n) => ({
      content: {
        type: "alarm" as const,
        properties: {
          title:
            `${title} in ${region}` + (chunks.length > 1 ? ` (${n + 1}/${chunks.length})` : ""),
          alarms: part,
          sortBy: "stateUpdatedTimestamp" as const,
        },
      },
      width: HALF_WIDTH,
      height: GRAPH_HEIGHT,
    }));
  });
}
