/**
 * Estimated monthly cost of the registered resources, line by line, from the price table and
 * stated assumptions about traffic. Counts come from the resources (what would be deployed), not
 * from the plan, so a component added later is priced as soon as it registers.
 */
import type { StackModel } from "../../components/config/model";
import { ANOMALY_BAND_ALARM_METRICS } from "../../components/alarms/pricing";
import type { CostAssumptions } from "./args";
import { AlarmClass, AlarmKind, classifyAlarm, METRIC_ALARM } from "./alarms";
import type { Inventory } from "./inventory";
import { Price, PriceId, PRICES, PRICING_REGION } from "./pricing";

/** One line of the estimate. */
export interface CostItem {
  item: string;
  quantity: number;
  unit: string;
  /** Price of one `unit` (after dividing the list price by its batch size). */
  unitUsd: number;
  monthlyUsd: number;
  /** The pricing page. */
  source: string;
  /** How the quantity was found, when it is not a plain count. */
  note?: string;
}

/** The whole estimate. */
export interface CostEstimate {
  monthlyUsd: number;
  items: CostItem[];
  /** Every assumption the figures rest on, as sentences. */
  assumptions: string[];
}

const GB_PER_KB = 1 / (1024 * 1024);

const count = (n: number) => n.toLocaleString("en-US");

function cents(usd: number): number {
  return Math.round(usd * 100) / 100;
}

/** A line for `quantity` units at `price`, less `free` units when the estimate deducts them. */
function line(item: string, id: PriceId, quantity: number, free = 0, note?: string): CostItem {
  const price: Price = PRICES[id];
  const unitUsd = price.usd / price.per;
  const billed = Math.max(0, quantity - free);
  return {
    item,
    quantity: Math.round(quantity * 1000) / 1000,
    unit: price.unit,
    unitUsd,
    monthlyUsd: cents(billed * unitUsd),
    source: price.source,
    ...(note ? { note } : {}),
  };
}

/** Alarm metrics AWS bills for one alarm; `topics` counts the SNS topics of its region. */
function billedUnits(c: AlarmClass, topics: () => number): number {
  switch (c.kind) {
    case "standard":
    case "high-resolution":
      return 1;
    case "metric-math":
      return c.metrics;
    case "anomaly":
      // The band is billed as two more alarm metrics (components/alarms/pricing.ts).
      return c.metrics + ANOMALY_BAND_ALARM_METRICS;
    case "metrics-insights":
      // A query over AWS/SNS analyzes one metric per topic of the alarm's region.
      return c.insightsNamespace === "AWS/SNS" ? Math.max(1, topics()) : 1;
  }
}

const ALARM_LINES: [AlarmKind, string, PriceId][] = [
  ["standard", "Standard alarms", "alarmStandard"],
  ["high-resolution", "High-resolution alarms", "alarmHighResolution"],
  ["metric-math", "Metric-math alarms, per metric read", "alarmStandard"],
  ["anomaly", "Anomaly-detection alarms, metrics + 2 each", "alarmStandard"],
  ["metrics-insights", "Metrics Insights alarms, per metric analyzed", "alarmMetricsInsights"],
];

function alarmLines(inv: Inventory): CostItem[] {
  const alarms = new Map<AlarmKind, number>();
  const units = new Map<AlarmKind, number>();
  const topics = inv.ofType("aws:sns/topic:Topic");
  for (const alarm of inv.ofType(METRIC_ALARM)) {
    const c = classifyAlarm(alarm.inputs);
    const region = inv.regionOf(alarm);
    alarms.set(c.kind, (alarms.get(c.kind) ?? 0) + 1);
    const billed = billedUnits(c, () => topics.filter((t) => inv.regionOf(t) === region).length);
    units.set(c.kind, (units.get(c.kind) ?? 0) + billed);
  }
  const lines = ALARM_LINES.filter(([kind], i) => i === 0 || alarms.has(kind)).map(
    ([kind, label, price]) => {
      const note =
        kind === "metrics-insights" ? "an SNS query analyzes one metric per topic" : undefined;
      return line(`${label} (${alarms.get(kind) ?? 0})`, price, units.get(kind) ?? 0, 0, note);
    },
  );
  const composite = inv.ofType("aws:cloudwatch/compositeAlarm:CompositeAlarm").length;
  if (composite > 0)
    lines.push(line(`Composite alarms (${composite})`, "alarmComposite", composite));
  return lines;
}

function trailLines(inv: Inventory, model: StackModel, a: CostAssumptions): CostItem[] {
  if (inv.ofType("aws:cloudtrail/trail:Trail").length === 0) return [];
  const gb = a.eventsPerMonth * a.eventKb * GB_PER_KB;
  const retention = inv.ofType("aws:cloudwatch/logGroup:LogGroup")[0]?.inputs.retentionInDays;
  const retentionDays =
    typeof retention === "number" ? retention : model.trail.mode === "existing" ? 0 : 365;
  return [
    line(
      "CloudTrail: our trail's copy of management events",
      "cloudTrailExtraCopy",
      a.firstTrail ? 0 : a.eventsPerMonth,
      0,
      a.firstTrail
        ? "first copy in the account: free (--first-trail)"
        : "another trail is the free first copy",
    ),
    line("CloudWatch Logs: trail events ingested", "logsIngestion", gb),
    line(
      "CloudWatch Logs: trail events stored",
      "logsStorage",
      gb * (retentionDays / 30),
      0,
      `${retentionDays}-day retention, steady state, uncompressed (an upper bound)`,
    ),
  ];
}

function snsLines(inv: Inventory, a: CostAssumptions): CostItem[] {
  const topics = inv.ofType("aws:sns/topic:Topic").length;
  const subs = inv.ofType("aws:sns/topicSubscription:TopicSubscription");
  const perTopic = (protocols: string[]) =>
    topics === 0
      ? 0
      : (a.notificationsPerMonth *
          subs.filter((s) => protocols.includes(String(s.inputs.protocol))).length) /
        topics;
  const email = perTopic(["email", "email-json"]);
  const https = perTopic(["https", "http"]);
  const free = perTopic(["sqs", "lambda"]);
  return [
    line("SNS publishes", "snsPublish", a.notificationsPerMonth, PRICES.snsPublish.freePerMonth),
    line("SNS e-mail deliveries", "snsEmail", email, PRICES.snsEmail.freePerMonth),
    line("SNS HTTPS deliveries", "snsHttps", https, PRICES.snsHttps.freePerMonth),
    line("SNS SQS and Lambda deliveries", "snsFreeDelivery", free),
  ];
}

/** Estimates the monthly cost of the resources under `assumptions`. */
export function estimateCost(inv: Inventory, model: StackModel, a: CostAssumptions): CostEstimate {
  const keys = inv.ofType("aws:kms/key:Key").length;
  const dashboards = inv.ofType("aws:cloudwatch/dashboard:Dashboard").length;
  const filters = inv.ofType("aws:cloudwatch/logMetricFilter:LogMetricFilter").length;
  const items = [
    ...alarmLines(inv),
    line(
      `Dashboards (${dashboards}), beyond ${PRICES.dashboard.freePerMonth} free`,
      "dashboard",
      dashboards,
      PRICES.dashboard.freePerMonth,
    ),
    line(
      "Custom metrics of the metric filters",
      "customMetric",
      filters,
      0,
      "worst case: every filter's metric reports each hour of the month",
    ),
    line("KMS keys we create", "kmsKey", keys),
    line(
      "KMS requests of encrypted topics",
      "kmsRequests",
      a.notificationsPerMonth * 2,
      0,
      "2 per notification",
    ),
    ...trailLines(inv, model, a),
    ...snsLines(inv, a),
  ];
  const monthlyUsd = cents(items.reduce((sum, i) => sum + i.monthlyUsd, 0));
  return {
    monthlyUsd,
    items,
    assumptions: [
      `Prices: ${PRICING_REGION} list prices (see tools/plan/pricing.ts for each page); free ` +
        `tiers are not deducted except SNS's and the first ${PRICES.dashboard.freePerMonth} ` +
        "dashboards (the account is assumed to have no other dashboards).",
      `${count(a.eventsPerMonth)} management events a month reach the trail, ${a.eventKb} KB ` +
        "each on average (--events-per-month, --event-kb).",
      `${count(a.notificationsPerMonth)} messages a month are published to our topics, spread ` +
        "evenly over them (--notifications-per-month).",
      "Not estimated: S3 storage of the trail's log files, KMS requests of the trail's log " +
        "encryption, EventBridge forwarding to shard buses.",
    ],
  };
}
