/**
 * The plan as text tables for the terminal: resources by type and by key group, quotas, cost,
 * policy results, event matches, then the assumptions the figures rest on.
 */
import { alarmsMonthlyCostUsd } from "../../components/alarms/pricing";
import { organizationSection } from "./organization";
import { alarmsByGroupAndSeverity } from "./alarms";
import { confirmationsPerRecipient } from "./confirmations";
import type { PlanReport } from "./report";

type Align = "left" | "right";

/** Renders rows under headers, columns padded to their widest cell. */
export function table(headers: string[], rows: string[][], align: Align[] = []): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (align[i] === "right" ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const usd = (n: number) => `$${n.toFixed(2)}`;
const count = (n: number) => n.toLocaleString("en-US");

function section(title: string, body: string): string {
  return `${title}\n${"=".repeat(title.length)}\n${body}\n`;
}

function resourcesByType(report: PlanReport): string {
  const rows = report.inventory.countByType().map(([type, n]) => [type, count(n)]);
  return table(["type", "count"], rows, ["left", "right"]);
}

function resourcesByGroup(report: PlanReport): string {
  const inv = report.inventory;
  const of = (type: string) => inv.countOfTypeByGroup(type);
  const rules = of("aws:cloudwatch/eventRule:EventRule");
  const alarms = of("aws:cloudwatch/metricAlarm:MetricAlarm");
  const topics = of("aws:sns/topic:Topic");
  const rows = inv
    .countByGroup()
    .map(([g, n]) => [
      g,
      count(n),
      count(rules.get(g) ?? 0),
      count(alarms.get(g) ?? 0),
      count(topics.get(g) ?? 0),
    ]);
  return table(["group", "resources", "rules", "alarms", "topics"], rows, [
    "left",
    "right",
    "right",
    "right",
    "right",
  ]);
}

function alarms(report: PlanReport): string {
  if (!report.run.plan) return "none";
  const rows = alarmsByGroupAndSeverity(report.run.plan).map((r) => [
    r.group,
    r.severity,
    count(r.alarms.length),
  ]);
  return rows.length
    ? table(["group", "severity", "alarms"], rows, ["left", "left", "right"])
    : "none";
}

function confirmations(report: PlanReport): string {
  if (!report.run.plan) return "none";
  const rows = confirmationsPerRecipient(report.run.plan).map((r) => [
    r.protocol,
    r.endpoint,
    count(r.confirmations),
  ]);
  return rows.length
    ? table(["protocol", "recipient", "confirmations"], rows, ["left", "left", "right"]) +
        "\nSNS asks each recipient to confirm every topic it is subscribed to; until then that " +
        "topic's alerts do not reach it."
    : "none (no e-mail or HTTPS recipients)";
}

/**
 * The baselines of normal use and their monthly price: the stack's account-level bands, each
 * group's own baseline where it has one, and what a baseline would add to the groups without.
 */
function baselines(report: PlanReport): string {
  const plan = report.run.plan;
  if (!plan) return "none";
  const bandRegions = [...new Set(plan.usageBands.map((b) => b.region))];
  const levelOf = new Map(report.run.model.keyGroups.map((g) => [g.name, g.baseline.level]));
  const rows = [
    [
      "stack (usageBaseline)",
      "account",
      count(plan.usageBands.length),
      usd(alarmsMonthlyCostUsd(plan.usageBands)),
    ],
    ...plan.groups
      .filter((g) => g.baselineAlarms.length > 0)
      .map((g) => [
        g.name,
        levelOf.get(g.name) ?? "group",
        count(g.baselineAlarms.length),
        usd(alarmsMonthlyCostUsd(g.baselineAlarms)),
      ]),
  ];
  const text = [
    table(["baseline", "level", "alarms", "monthly"], rows, ["left", "left", "right", "right"]),
  ];
  text.push(
    bandRegions.length
      ? `Account-level bands in ${bandRegions.join(", ")}: one per request quota (symmetric, RSA, ECC).`
      : "No account-level bands (usageBaseline.enabled is false).",
  );
  const without = plan.groups.filter((g) => g.baselineAlarms.length === 0);
  if (without.length > 0) {
    const range = (level: "group" | "key") => {
      const prices = without.map((g) => g.baselinePrices[level]);
      const [low, high] = [Math.min(...prices), Math.max(...prices)];
      const sum = prices.reduce((a, b) => a + b, 0);
      return `${low === high ? usd(low) : `${usd(low)}-${usd(high)}`} at level ${level} (all of them: ${usd(sum)})`;
    };
    text.push(
      `${count(without.length)} group(s) without their own baseline; turning it on adds per group ` +
        `${range("group")}, or ${range("key")}.`,
    );
  }
  return text.join("\n");
}

function quotas(report: PlanReport): string {
  const rows = report.quotas.map((q) => [
    q.name,
    count(q.used),
    count(q.limit),
    q.limit ? `${Math.round((q.used / q.limit) * 100)}%` : "-",
    q.ok ? "ok" : "BREACHED",
  ]);
  return table(["quota", "used", "limit", "use", "status"], rows, [
    "left",
    "right",
    "right",
    "right",
    "left",
  ]);
}

function cost(report: PlanReport): string {
  if (!report.cost) return "none";
  const rows = report.cost.items.map((i) => [
    i.item,
    count(i.quantity),
    i.unit,
    usd(i.monthlyUsd),
    i.note ?? "",
  ]);
  rows.push(["Fixed (alarms, dashboards, keys)", "", "", usd(report.cost.fixedMonthlyUsd), ""]);
  rows.push(["Total (monthly, estimated)", "", "", usd(report.cost.monthlyUsd), ""]);
  return table(["item", "quantity", "unit", "monthly", "note"], rows, [
    "left",
    "right",
    "left",
    "right",
    "left",
  ]);
}

function policies(report: PlanReport): string {
  if (report.run.failure) return "not run: the program did not finish";
  if (report.policies.length === 0) return "no violations";
  const names = new Map(report.run.resources.map((r) => [r.urn, r.name]));
  return report.policies
    .map((p) => {
      const where = p.resource ? ` [${names.get(p.resource) ?? p.resource}]` : " [stack]";
      return `${p.level.toUpperCase()} ${p.policy}${where}: ${p.message}`;
    })
    .join("\n");
}

function events(report: PlanReport): string {
  const rows = (report.events ?? []).map((e) => [
    e.file,
    e.error ? `error: ${e.error}` : e.signals.join(", ") || "-",
    e.error ? "" : [...new Set(e.alerts.map((a) => `${a.group} (${a.route})`))].join(", ") || "-",
  ]);
  if (!rows.length) return "no event files";
  return [table(["file", "account signals", "group alerts"], rows), ...messages(report)].join("\n");
}

/** The message each destination would receive, per file and matched rule. */
function messages(report: PlanReport): string[] {
  return (report.events ?? []).flatMap((e) =>
    e.alerts.map(
      (a) => `\n--- ${e.file} -> topic ${a.topic} in ${a.region} (rule ${a.rule}):\n${a.message}`,
    ),
  );
}

/** The whole report as text. */
export function renderTables(report: PlanReport): string {
  const { run } = report;
  const aws = run.resources.filter((r) => r.custom).length;
  const header =
    `Plan of stack ${report.stack} (environment ${run.model.environment}, region ` +
    `${run.model.region}) from ${report.configFile}\n` +
    `${count(run.resources.length)} resources: ${count(aws)} AWS resources and providers, ` +
    `${count(run.resources.length - aws)} components. ` +
    (report.cost
      ? `Estimated ${usd(report.cost.monthlyUsd)} a month ` +
        `(${usd(report.cost.fixedMonthlyUsd)} fixed, the rest traffic).\n`
      : "No cost estimate: the program did not finish.\n");
  const parts = [header];
  const unavailable = "not available: the program did not finish";
  const unlessFailed = (render: (r: PlanReport) => string) =>
    run.failure ? unavailable : render(report);
  if (run.failure) parts.push(section("Program failed", run.failure));
  parts.push(section("Resources by type", unlessFailed(resourcesByType)));
  parts.push(section("Resources by key group", unlessFailed(resourcesByGroup)));
  parts.push(section("Alarms by group and severity", unlessFailed(alarms)));
  parts.push(section("Subscriptions each recipient must confirm", unlessFailed(confirmations)));
  const organization = organizationSection(run.plan?.organization);
  if (organization) parts.push(section("Organization", organization));
  parts.push(section("AWS quotas", quotas(report)));
  parts.push(section("Estimated monthly cost (USD)", unlessFailed(cost)));
  parts.push(
    section("Baselines of normal use (monthly, in the fixed cost)", unlessFailed(baselines)),
  );
  parts.push(section("Policy pack", policies(report)));
  if (report.events) parts.push(section("Events", events(report)));
  if (run.warnings.length) parts.push(section("Program warnings", run.warnings.join("\n")));
  parts.push(section("Assumptions", report.assumptions.map((a) => `- ${a}`).join("\n")));
  return parts.join("\n");
}
