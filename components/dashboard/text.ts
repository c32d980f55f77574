/**
 * The text widgets that explain the dashboard: its header (environment, what each section means,
 * links), the runbook table drawn from the signal catalog, and the header of each group section.
 */
import { KMS_SIGNALS } from "../signals/catalog";
import { TAMPER_SIGNALS } from "../signals/tamper-catalog";
import type { ResolvedKey } from "../groups/resolved";
import { FULL_WIDTH, SizedWidget, textHeight } from "./layout";

/** One dashboard of the set, for the header's list of parts. */
export interface DashboardPart {
  name: string;
  /** First and last group shown on the part; undefined for a part without groups. */
  groups?: { first: string; last: string; count: number };
}

/** The AWS console's address for a region of a partition (China and GovCloud have their own). */
export function consoleOrigin(region: string, partition = "aws"): string {
  if (partition === "aws-cn") return "https://console.amazonaws.cn";
  if (partition === "aws-us-gov") return "https://console.amazonaws-us-gov.com";
  return `https://${region}.console.aws.amazon.com`;
}

/** Console URL of a dashboard (plain strings only; see KmsDashboard for Outputs). */
export function dashboardConsoleUrl(region: string, name: string, partition = "aws"): string {
  return `${consoleOrigin(region, partition)}/cloudwatch/home?region=${region}#dashboards:name=${name}`;
}

function text(markdown: string, extraLines = 0): SizedWidget {
  const lines = markdown.split("\n").length + extraLines;
  return {
    content: { type: "text", properties: { markdown } },
    width: FULL_WIDTH,
    height: textHeight(lines),
    newRow: true,
  };
}

function partLine(region: string, partition: string, part: DashboardPart, index: number): string {
  const link = `[${part.name}](${dashboardConsoleUrl(region, part.name, partition)})`;
  const shown = index === 0 ? ["whole account and runbook"] : [];
  if (part.groups) {
    const { first, last, count } = part.groups;
    shown.push(count === 1 ? `group ${first}` : `${count} groups, ${first} to ${last}`);
  }
  return `- ${link}: ${shown.join("; ")}`;
}

/** The header of dashboard `index` (0-based) of `parts`. */
export function dashboardHeader(
  environment: string,
  stackRegion: string,
  parts: readonly DashboardPart[],
  index: number,
  partition = "aws",
): SizedWidget {
  const r = stackRegion;
  const origin = consoleOrigin(r, partition);
  const title =
    parts.length > 1
      ? `# KMS monitoring: ${environment} (part ${index + 1} of ${parts.length})`
      : `# KMS monitoring: ${environment}`;
  const lines = [title, ""];
  if (index === 0) {
    lines.push(
      `Stack region ${r}. Event counts come from the audit trail (about 5 minutes late), ` +
        "key and quota graphs from AWS/KMS and AWS/Usage metrics.",
      "",
      "- **Whole account**: KMS control-plane events counted by the trail's metric filters " +
        "(every key of the account, not per group), the account-wide alarms (CIS 4.7 and the " +
        "tamper alarms among them) and KMS request-quota usage per region.",
      "- **One section per key group**: the group's alarms (imported material expiry, " +
        "data-plane baseline), days left on imported key material, data-plane calls of each " +
        "key by operation (with the expected band where the group has a baseline) and the " +
        "key inventory found at deploy time.",
      "- **Runbook**: the *What to do* table below gives the first action for every alert. " +
        `[Alarms](${origin}/cloudwatch/home?region=${r}#alarmsV2:) · ` +
        `[KMS keys](${origin}/kms/home?region=${r}#/kms/keys)`,
    );
  } else {
    lines.push(
      `Key groups continued. The whole-account section and the runbook are on ` +
        `[${parts[0].name}](${dashboardConsoleUrl(r, parts[0].name, partition)}).`,
    );
  }
  if (parts.length > 1) lines.push("", ...parts.map((p, i) => partLine(r, partition, p, i)));
  return text(lines.join("\n"));
}

/** The runbook: every KMS and tamper signal with its severity and first action. */
export function runbookWidget(): SizedWidget {
  const escape = (s: string) => s.replace(/\|/g, "\\|");
  const rows = [...KMS_SIGNALS, ...TAMPER_SIGNALS].map(
    (s) => `| ${escape(s.title)} | ${s.severity} | ${escape(s.action)} |`,
  );
  const markdown = [
    "## What to do",
    "",
    "| Alert | Severity | First action |",
    "| --- | --- | --- |",
    ...rows,
  ].join("\n");
  // Actions wrap onto a second line in a full-width table.
  return text(markdown, rows.length);
}

/** The header of a group's section, or of its continuation on a later dashboard. */
export function groupHeader(
  group: string,
  keys: readonly ResolvedKey[],
  alarmCount: number,
  continued = false,
): SizedWidget {
  if (continued) return text(`## Key group ${group} (continued)`);
  const regions = [...new Set(keys.map((k) => k.region))].sort();
  const undescribed = keys.filter((k) => !k.described).length;
  const parts = [
    keys.length === 0
      ? "No keys were found for this group."
      : `${keys.length} key${keys.length === 1 ? "" : "s"} in ${regions.join(", ")}.`,
  ];
  if (undescribed > 0) {
    parts.push(
      `${undescribed} could not be described: their events are watched, their graphs wait ` +
        "until they can be described.",
    );
  }
  parts.push(
    alarmCount === 0
      ? "No CloudWatch alarms: its control-plane events alert through EventBridge, and the " +
          "whole-account graph counts them."
      : `${alarmCount} CloudWatch alarm${alarmCount === 1 ? "" : "s"}; control-plane events ` +
          "alert through EventBridge, and the whole-account graph counts them.",
  );
  return text(`## Key group ${group}\n${parts.join(" ")}`);
}
