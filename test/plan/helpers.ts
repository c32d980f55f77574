/** Shared helpers of the plan tool's tests: run the CLI in-process, write stack files. */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { stringify } from "yaml";
import { main } from "../../tools/plan/cli";
import type { PlanReport } from "../../tools/plan/report";

/** The project folder (where Pulumi.<stack>.yaml and policies/config live). */
export const PROJECT_DIR = resolve(__dirname, "..", "..");

/** What one CLI run produced. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  report?: PlanReport;
}

/** Runs the plan tool's main function with `args`, capturing its output. */
export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const { code, report } = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { isTTY: false, write: (text: string) => (stderr += text) },
    cwd: PROJECT_DIR,
  });
  return { code, stdout, stderr, report };
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "kms-plan-"));
}

/** Writes a Pulumi stack file with `config` into `dir`; returns its path. */
export function writeStackFile(dir: string, name: string, config: Record<string, unknown>): string {
  const file = join(dir, name);
  writeFileSync(file, stringify({ config }));
  return file;
}

/** A small valid stack config whose groups are `groups`, e-mail alerts, a 365-day trail. */
export function stackConfig(groups: unknown[], trail: Record<string, unknown> = {}) {
  return {
    "aws:region": "us-east-1",
    "kms-monitoring:environment": "ci",
    "kms-monitoring:trail": { mode: "create", logRetentionDays: 365, ...trail },
    "kms-monitoring:notifications": { emails: ["kms-alerts@example.com"] },
    "kms-monitoring:keyGroups": groups,
  };
}
