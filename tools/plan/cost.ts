/**
 * Estimated monthly cost of the stack plan, line by line. What the resources cost is the plan's
 * (each alarm, dashboard, key and metric filter carries its price, from components/alarms/pricing.ts
 * and the planners); what traffic costs comes from the traffic price table and stated assumptions.
 */
import {
  ALARM_METRIC_MONTHLY_USD,
  alarmsMonthlyCostUsd,
  billedAlarmMetrics,
  HIGH_RESOLUTION_ALARM_METRIC_MONTHLY_USD,
  INSIGHTS_METRIC_MONTHLY_USD,
  standardAlarmMonthlyUsd,
} from "../../components/alarms/pricing";
import type { AlarmSpec } from "../../components/alarms/spec";
import { KMS_KEY_MONTHLY_USD } from "../../components/alerts/alert-plan";
import {
  DASHBOARD_MONTHLY_USD,
  FREE_DASHBOARDS_PER_ACCOUNT,
} from "../../components/plan/dashboards";
import { CUSTOM_METRIC_MONTHLY_USD } from "../../components/plan/metric-filter";
import { planAlarms, StackPlan } from "../../components/plan/stack-plan";
import type { CostAssumptions } from "./args";
import { CLOUDWATCH, KMS, Price, PriceId, PRICES, PRICING_REGION } from "./pricing";

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
  /**
   * What the planned resources cost whatever the traffic: alarms, dashboards beyond the free
   * ones and keys (the sum of the plan's prices).
   */
  fixedMonthlyUsd: number;
  items: CostItem[];
  /** Every assumption the figures rest on, as sentences. */
  assumptions: string[];
}

/** The sum of planned prices, to the cent. */
const sumUsd = alarmsMonthlyCostUsd;

const GB_PER_KB = 1 / (1024 * 1024);

const count = (n: number) => n.toLocaleString("en-US");

function cents(usd: number): number {
  return Math.round(usd * 100) / 100;
}

/** A traffic line: `quantity` units at `price`, less `free` units when the estimate deducts them. */
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

/** A line of planned resources: their count and the sum of their plan prices. */
function plannedLine(
  item: string,
  quantity: number,
  [unit, unitUsd, source]: [string, number, string],
  monthlyUsd: number,
  note?: string,
): CostItem {
  return {
    item,
    quantity,
    unit,
    unitUsd,
    monthlyUsd: cents(monthlyUsd),
    source,
    ...(note ? { note } : {}),
  };
}

/** How AWS bills an alarm: the kind of its spec, standard split by resolution. */
type AlarmLine = "standard" | "high-resolution" | "metric-math" | "anomaly" | "metrics-insights";

function alarmLineOf(alarm: AlarmSpec): AlarmLine {
  const m = alarm.metric;
  if (m.kind !== "standard") return m.kind;
  // The pricing function knows which periods are high resolution.
  return standardAlarmMonthlyUsd(m.periodSeconds) === ALARM_METRIC_MONTHLY_USD
    ? "standard"
    : "high-resolution";
}

const ALARM_METRIC: [string, number, string] = [
  "alarm metric-month",
  ALARM_METRIC_MONTHLY_USD,
  CLOUDWATCH,
];

const ALARM_LINES: [AlarmLine, string, [string, number, string]][] = [
  ["standard", "Standard alarms", ALARM_METRIC],
  [
    "high-resolution",
    "High-resolution alarms",
    ["alarm metric-month", HIGH_RESOLUTION_ALARM_METRIC_MONTHLY_USD, CLOUDWATCH],
  ],
  ["metric-math", "Metric-math alarms, per metric read", ALARM_METRIC],
  ["anomaly", "Anomaly-detection alarms, metrics + 2 each", ALARM_METRIC],
  [
    "metrics-insights",
    "Metrics Insights alarms, per metric analyzed",
    ["metric analyzed-month", INSIGHTS_METRIC_MONTHLY_USD, CLOUDWATCH],
  ],
];

/** One line per kind of alarm, with the plan's prices (Standard always, others when present). */
function alarmLines(plan: StackPlan): CostItem[] {
  const byLine = new Map<AlarmLine, AlarmSpec[]>();
  for (const alarm of planAlarms(plan)) {
    const kind = alarmLineOf(alarm);
    byLine.set(kind, [...(byLine.get(kind) ?? []), alarm]);
  }
  return ALARM_LINES.filter(([kind], i) => i === 0 || byLine.has(kind)).map(
    ([kind, label, unit]) => {
      const alarms = byLine.get(kind) ?? [];
      const note =
        kind === "metrics-insights" ? "an SNS query analyzes one metric per topic" : undefined;
      return plannedLine(
        `${label} (${alarms.length})`,
        alarms.reduce((n, a) => n + billedAlarmMetrics(a.metric), 0),
        unit,
        alarmsMonthlyCostUsd(alarms),
        note,
      );
    },
  );
}

/** Dashboards beyond the account's free ones, the filters' custom metrics, and keys. */
function resourceLines(plan: StackPlan): Record<"dashboards" | "customMetrics" | "keys", CostItem> {
  const dashboards = plan.dashboards;
  const keys = [
    ...plan.alerting.map((a) => a.topicKey),
    ...(plan.trail.created ? [plan.trail.created.key] : []),
  ];
  const filters = [...plan.accountFilters, ...plan.tamperAlarms.map((t) => t.filter)];
  return {
    dashboards: plannedLine(
      `Dashboards (${dashboards.length}), beyond ${FREE_DASHBOARDS_PER_ACCOUNT} free`,
      dashboards.length,
      ["dashboard-month", DASHBOARD_MONTHLY_USD, CLOUDWATCH],
      sumUsd(dashboards.slice(FREE_DASHBOARDS_PER_ACCOUNT)),
    ),
    customMetrics: plannedLine(
      "Custom metrics of the metric filters",
      filters.length,
      ["metric-month", CUSTOM_METRIC_MONTHLY_USD, CLOUDWATCH],
      sumUsd(filters.map((f) => ({ monthlyCostUsd: f.worstCaseMonthlyUsd }))),
      "worst case: every filter's metric reports each hour of the month",
    ),
    keys: plannedLine(
      "KMS keys we create",
      keys.length,
      ["key-month", KMS_KEY_MONTHLY_USD, KMS],
      sumUsd(keys),
    ),
  };
}

const usdOfItems = (items: readonly CostItem[]) =>
  sumUsd(items.map((i) => ({ monthlyCostUsd: i.monthlyUsd })));

function trailLines(plan: StackPlan, a: CostAssumptions): CostItem[] {
  if (!plan.trail.created) return [];
  const gb = a.eventsPerMonth * a.eventKb * GB_PER_KB;
  const retentionDays = plan.trail.logRetentionDays ?? 0;
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

function snsLines(plan: StackPlan, a: CostAssumptions): CostItem[] {
  const topics = [
    ...plan.alerting.map((r) => r.securityTopic),
    ...plan.groups.flatMap((g) => g.topics),
  ];
  const subs = topics.flatMap((t) => t.subscriptions);
  const perTopic = (protocols: string[]) =>
    topics.length === 0
      ? 0
      : (a.notificationsPerMonth * subs.filter((s) => protocols.includes(s.protocol)).length) /
        topics.length;
  return [
    line("SNS publishes", "snsPublish", a.notificationsPerMonth, PRICES.snsPublish.freePerMonth),
    line("SNS e-mail deliveries", "snsEmail", perTopic(["email"]), PRICES.snsEmail.freePerMonth),
    line("SNS HTTPS deliveries", "snsHttps", perTopic(["https"]), PRICES.snsHttps.freePerMonth),
    line("SNS SQS and Lambda deliveries", "snsFreeDelivery", perTopic(["sqs", "lambda"])),
  ];
}

/** Estimates the monthly cost of the planned stack under `assumptions`. */
export function estimateCost(plan: StackPlan, a: CostAssumptions): CostEstimate {
  const resources = resourceLines(plan);
  // The custom metrics' price is a worst case that depends on traffic: not fixed.
  const fixed = [...alarmLines(plan), resources.dashboards];
  const items = [
    ...fixed,
    resources.customMetrics,
    resources.keys,
    line(
      "KMS requests of encrypted topics",
      "kmsRequests",
      a.notificationsPerMonth * 2,
      0,
      "2 per notification",
    ),
    ...trailLines(plan, a),
    ...snsLines(plan, a),
  ];
  return {
    monthlyUsd: usdOfItems(items),
    fixedMonthlyUsd: usdOfItems([...fixed, resources.keys]),
    items,
    assumptions: [
      `Prices: ${PRICING_REGION} list prices. The plan prices its alarms ` +
        "(components/alarms/pricing.ts), dashboards, keys and metric filters; traffic prices " +
        "are in tools/plan/pricing.ts, each with its page. Free tiers are not deducted except " +
        `SNS's and the first ${FREE_DASHBOARDS_PER_ACCOUNT} dashboards (the account is assumed ` +
        "to have no other dashboards).",
      `${count(a.eventsPerMonth)} management events a month reach the trail, ${a.eventKb} KB ` +
        "each on average (--events-per-month, --event-kb).",
      `${count(a.notificationsPerMonth)} messages a month are published to our topics, spread ` +
        "evenly over them (--notifications-per-month).",
      "Not estimated: S3 storage of the trail's log files, KMS requests of the trail's log " +
        "encryption, EventBridge forwarding to shard buses.",
    ],
  };
}
