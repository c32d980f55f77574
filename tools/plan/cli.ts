/**
 * `npm run plan -- [--stack dev|prod] [--config FILE] [--json FILE] [--html FILE] [--events DIR]`:
 * plans a stack offline (no Pulumi CLI, no AWS) and prints what it would create, the AWS quotas it
 * uses, what it would cost, what the policy pack says and, with `--events`, which alerts sample
 * events would raise. See docs/PLAN.md.
 */
import { mkdirSync, writeFileSync } from "fs";
import { dirname, resolve } from "path";
import { ConfigError } from "../../components/config";
import { parseArgs, USAGE, UsageError } from "./args";
import { renderHtml } from "./html";
import { planJsonText } from "./json";
import { Progress, ProgressStream } from "./progress";
import { buildReport, EXIT, exitCodeOf, PlanReport } from "./report";
import { renderTables } from "./tables";

/** Where the tool reads and writes. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  /** The project folder: stack files and policy configs are found from here. */
  cwd: string;
}

/** The process's own streams and folder. */
export const PROCESS_IO: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
};

/** Writes `text` to `file` (relative to `cwd`) and returns the absolute path written. */
function writeFile(cwd: string, file: string, text: string): string {
  const path = resolve(cwd, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** The result of {@link main}: the exit code, and the report when a plan was made. */
export interface CliResult {
  code: number;
  report?: PlanReport;
}

/** Runs the tool on `argv` (arguments after the script); resolves to the exit code and report. */
export async function main(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<CliResult> {
  const progress = new Progress(io.stderr);
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.stdout.write(`${USAGE}\n`);
      return { code: EXIT.ok };
    }
    const report = await buildReport(
      {
        ...args,
        configFile: args.configFile && resolve(io.cwd, args.configFile),
        eventsDir: args.eventsDir && resolve(io.cwd, args.eventsDir),
        policyConfigFile: args.policyConfigFile && resolve(io.cwd, args.policyConfigFile),
      },
      io.cwd,
      progress,
    );
    progress.stage("writing");
    const written: string[] = [];
    if (args.jsonFile) written.push(writeFile(io.cwd, args.jsonFile, planJsonText(report)));
    if (args.htmlFile) written.push(writeFile(io.cwd, args.htmlFile, renderHtml(report)));
    const stackSet = report.run.plan?.organization?.stackSet;
    if (args.templateFile) {
      if (!stackSet)
        throw new UsageError("--template: the stack has no kms-monitoring:organization");
      written.push(
        writeFile(io.cwd, args.templateFile, `${JSON.stringify(stackSet.template, null, 2)}\n`),
      );
    }
    progress.done();
    io.stdout.write(renderTables(report));
    for (const path of written) io.stdout.write(`\nWrote ${path}`);
    if (written.length > 0) io.stdout.write("\n");
    const code = exitCodeOf(report);
    io.stdout.write(`\nResult: ${verdict(code)} (exit ${code})\n`);
    return { code, report };
  } catch (error) {
    progress.done();
    // Config and usage problems are the user's to fix: their message alone, no stack trace.
    if (error instanceof ConfigError || error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`);
      if (error instanceof UsageError) io.stderr.write("Run with --help for the options.\n");
      return { code: EXIT.failed };
    }
    io.stderr.write(`plan failed: ${(error as Error).stack ?? String(error)}\n`);
    return { code: EXIT.failed };
  }
}

function verdict(code: number): string {
  switch (code) {
    case EXIT.quota:
      return "a quota is breached";
    case EXIT.policy:
      return "a mandatory policy fails";
    case EXIT.failed:
      return "the program failed";
    default:
      return "ok";
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    // Exit explicitly: the SDK's mock runtime can leave handles open after the run.
    ({ code }) => process.exit(code),
    () => process.exit(EXIT.failed),
  );
}
