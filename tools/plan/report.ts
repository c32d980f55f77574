/**
 * The whole plan as one value: the run, its quotas, cost, policy results and event matches, and
 * the exit code they add up to. Every output (tables, JSON, HTML) renders this.
 */
import { existsSync } from "fs";
import { join } from "path";
import type { PlanArgs } from "./args";
import { CostEstimate, estimateCost } from "./cost";
import { Dashboards, planDashboards } from "./dashboards";
import { EventFileMatch, matchEventFiles, signalFilters } from "./events";
import { Inventory } from "./inventory";
import { checkPolicies, hasMandatory, loadPolicyConfig, PolicyViolation } from "./policies";
import type { Progress } from "./progress";
import { planQuotas, QuotaUsage } from "./quotas";
import { PlanRun, runPlan } from "./run";
import { loadStackFile, stackFilePath } from "./stack-config";

/** Exit codes of the plan tool. */
export const EXIT = { ok: 0, failed: 1, quota: 2, policy: 3 } as const;

/** Everything one plan found. */
export interface PlanReport {
  stack: string;
  /** The stack file read. */
  configFile: string;
  /** The policy config applied, if any. */
  policyConfigFile?: string;
  run: PlanRun;
  inventory: Inventory;
  quotas: QuotaUsage[];
  /** Undefined when the program failed (no plan to price). */
  cost?: CostEstimate;
  policies: PolicyViolation[];
  dashboards: Dashboards;
  /** Present with `--events`. */
  events?: EventFileMatch[];
  /** What the figures rest on: the offline world's assumptions, then the cost's. */
  assumptions: string[];
}

/** The policy config of a plan: `--policy-config`, else `policies/config/<stack>.json` if any. */
function policyConfigFile(args: PlanArgs, projectDir: string): string | undefined {
  if (args.policyConfigFile) return args.policyConfigFile;
  const file = join(projectDir, "policies", "config", `${args.stack}.json`);
  return existsSync(file) ? file : undefined;
}

/** Plans the stack `args` names. Throws ConfigError and UsageError for the caller to print. */
export async function buildReport(
  args: PlanArgs,
  projectDir: string,
  progress: Progress,
): Promise<PlanReport> {
  const configFile = args.configFile ?? stackFilePath(projectDir, args.stack);
  const raw = loadStackFile(configFile);
  const policyFile = policyConfigFile(args, projectDir);
  const policyConfig = policyFile ? loadPolicyConfig(policyFile) : undefined;
  progress.stage("running the program under mocks");
  const run = await runPlan(raw, args.stack, {
    taggedKeys: args.taggedKeys,
    onResource: () => progress.tick(),
  });
  const inventory = new Inventory(run.resources, run.model.region);
  progress.stage("checking policies");
  const policies = run.failure ? [] : await checkPolicies(run.resources, policyConfig);
  progress.stage("estimating");
  const cost = run.plan ? estimateCost(run.plan, args.assumptions) : undefined;
  const events = args.eventsDir
    ? matchEventFiles(args.eventsDir, {
        filters: signalFilters(run.plan, run.model.environment),
        groups: run.groups,
        buses: run.plan?.buses,
      })
    : undefined;
  return {
    stack: args.stack,
    configFile,
    policyConfigFile: policyFile,
    run,
    inventory,
    quotas: planQuotas(run),
    cost,
    policies,
    dashboards: planDashboards(run),
    events,
    assumptions: [
      ...run.assumptions,
      policyFile ? `Policy config: ${policyFile}.` : "Policy config: the pack's defaults.",
      ...(cost?.assumptions ?? []),
    ],
  };
}

/**
 * The exit code: 2 when a quota is breached (the stack cannot be deployed as planned, whatever
 * the policies say), 1 when the program failed for another reason or an event file could not be
 * read, 3 on a mandatory violation.
 */
export function exitCodeOf(report: PlanReport): number {
  if (report.quotas.some((q) => !q.ok)) return EXIT.quota;
  if (report.run.failure) return EXIT.failed;
  // An event file nobody could read would otherwise pass as "no alert".
  if (report.events?.some((e) => e.error !== undefined)) return EXIT.failed;
  if (hasMandatory(report.policies)) return EXIT.policy;
  return EXIT.ok;
}
