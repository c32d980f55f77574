/**
 * `--html FILE`: the plan as one self-contained page (inline CSS, no scripts, no external assets):
 * the dashboards drawn as their widget grids, the alarms by group and severity, then the cost,
 * quota, policy and resource tables. Elements carry `data-*` attributes that tests select on.
 */
import { alarmsByGroupAndSeverity } from "./alarms";
import { DASHBOARD_CSS, dashboardsHtml } from "./html-dashboard";
import { escapeHtml } from "./html-text";
import type { PlanReport } from "./report";

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1b1f24}
h1{font-size:22px}h2{font-size:18px;margin-top:28px}h3{font-size:15px}
small,.note{color:#556;font-weight:normal}
table{border-collapse:collapse;margin:8px 0;font-size:13px}
th,td{border:1px solid #c8ced6;padding:3px 8px;text-align:left;vertical-align:top}
td.num{text-align:right}
tr[data-ok="false"] td,.mandatory{color:#a11}
${DASHBOARD_CSS}`;

type Cell = string | { text: string; num?: boolean };

/** A table whose rows carry the given data attributes. */
function table(
  section: string,
  headers: string[],
  rows: { attrs: Record<string, string | number | boolean>; cells: Cell[] }[],
): string {
  const head = `<tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr>`;
  const body = rows.map(({ attrs, cells }) => {
    const a = Object.entries(attrs)
      .map(([k, v]) => ` data-${k}="${escapeHtml(String(v))}"`)
      .join("");
    const tds = cells.map((c) =>
      typeof c === "string"
        ? `<td>${escapeHtml(c)}</td>`
        : `<td${c.num ? ' class="num"' : ""}>${escapeHtml(c.text)}</td>`,
    );
    return `<tr${a}>${tds.join("")}</tr>`;
  });
  return `<table data-table="${section}">${head}${body.join("")}</table>`;
}

const num = (n: number, digits = 0) => ({
  text: n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  num: true,
});

function alarmsHtml(report: PlanReport): string {
  const plan = report.run.plan;
  const rows = (plan ? alarmsByGroupAndSeverity(plan) : []).map((r) => ({
    attrs: { "alarm-group": r.group, severity: r.severity, count: r.alarms.length },
    cells: [r.group, r.severity, num(r.alarms.length), r.alarms.join(", ")],
  }));
  return table("alarms", ["group", "severity", "alarms", "names"], rows);
}

function costHtml(report: PlanReport): string {
  if (!report.cost) return `<p data-table="cost">No estimate: the program did not finish.</p>`;
  const rows = report.cost.items.map((i) => ({
    attrs: { "cost-item": i.item, "monthly-usd": i.monthlyUsd },
    cells: [i.item, num(i.quantity), i.unit, num(i.unitUsd, 4), num(i.monthlyUsd, 2), i.note ?? ""],
  }));
  rows.push({
    attrs: { "cost-item": "fixed", "monthly-usd": report.cost.fixedMonthlyUsd },
    cells: [
      "Fixed (alarms, dashboards, keys)",
      "",
      "",
      "",
      num(report.cost.fixedMonthlyUsd, 2),
      "",
    ],
  });
  rows.push({
    attrs: { "cost-item": "total", "monthly-usd": report.cost.monthlyUsd },
    cells: ["Total", "", "", "", num(report.cost.monthlyUsd, 2), ""],
  });
  return table("cost", ["item", "quantity", "unit", "unit USD", "monthly USD", "note"], rows);
}

function quotasHtml(report: PlanReport): string {
  const rows = report.quotas.map((q) => ({
    attrs: { quota: q.name, used: q.used, limit: q.limit, ok: q.ok },
    cells: [q.name, num(q.used), num(q.limit), q.ok ? "ok" : "BREACHED"],
  }));
  return table("quotas", ["quota", "used", "limit", "status"], rows);
}

function policiesHtml(report: PlanReport): string {
  if (report.policies.length === 0) return `<p data-table="policies">No violations.</p>`;
  const names = new Map(report.run.resources.map((r) => [r.urn, r.name]));
  const rows = report.policies.map((p) => ({
    attrs: { policy: p.policy, level: p.level },
    cells: [
      p.level,
      p.policy,
      p.resource ? (names.get(p.resource) ?? p.resource) : "stack",
      p.message,
    ],
  }));
  return table("policies", ["level", "policy", "resource", "message"], rows);
}

function resourcesHtml(report: PlanReport): string {
  const byGroup = report.inventory.countByGroup().map(([g, n]) => ({
    attrs: { "resource-group": g, count: n },
    cells: [g, num(n)],
  }));
  const byType = report.inventory.countByType().map(([t, n]) => ({
    attrs: { "resource-type": t, count: n },
    cells: [t, num(n)],
  }));
  return (
    `<h3>By key group</h3>${table("resources-by-group", ["group", "resources"], byGroup)}` +
    `<h3>By type</h3>${table("resources-by-type", ["type", "resources"], byType)}`
  );
}

/** The whole page. */
export function renderHtml(report: PlanReport): string {
  const { run } = report;
  const monthlyUsd = report.cost?.monthlyUsd ?? 0;
  const title = `kms-monitoring plan: ${report.stack}`;
  const failure = run.failure
    ? `<p class="mandatory" data-failure>The program failed: ${escapeHtml(run.failure)}</p>`
    : "";
  return [
    "<!DOCTYPE html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style></head><body>`,
    `<header data-stack="${escapeHtml(report.stack)}" data-resources="${run.resources.length}" ` +
      `data-monthly-usd="${monthlyUsd}"><h1>${escapeHtml(title)}</h1>`,
    `<p>Environment ${escapeHtml(run.model.environment)}, ` +
      `region ${escapeHtml(run.model.region)}: ${run.resources.length} resources, ` +
      `about $${monthlyUsd.toFixed(2)} a month.</p>` +
      `</header>`,
    failure,
    dashboardsHtml(report.dashboards),
    `<h2>Alarms by group and severity</h2>${alarmsHtml(report)}`,
    `<h2>Estimated monthly cost</h2>${costHtml(report)}`,
    `<h2>AWS quotas</h2>${quotasHtml(report)}`,
    `<h2>Policy pack</h2>${policiesHtml(report)}`,
    `<h2>Resources</h2>${resourcesHtml(report)}`,
    `<h2>Assumptions</h2><ul data-assumptions>` +
      report.assumptions.map((a) => `<li>${escapeHtml(a)}</li>`).join("") +
      `</ul>`,
    "</body></html>",
    "",
  ].join("\n");
}
