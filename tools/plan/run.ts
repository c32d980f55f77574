/**
 * Runs the stack program offline: validates the config, runs `runProgram` under the mock runtime
 * in a stated fake account, and keeps the plan and every registered resource. A program that
 * fails after validation (a planner limit) is re-planned group by group, so the tool can still
 * report which quota the config breaches.
 */
import * as aws from "@pulumi/aws";
import { ConfigError, parseStackConfig } from "../../components/config";
import type { StackModel } from "../../components/config/model";
import { GroupPlan, planGroup } from "../../components/groups/group-plan";
import { resolveKeyGroups } from "../../components/groups/resolve-keys";
import { regionsToLookUp } from "../../components/monitoring/regions";
import type { StackPlan } from "../../components/plan/stack-plan";
import { runProgram } from "../../components/program";
import { MockRunOptions, RecordedResource, runUnderMocks } from "../mock-runtime/mock-runtime";
import { planWorld } from "./world";

/** Pulumi project name, as in Pulumi.yaml. */
export const PROJECT = "kms-monitoring";

/** What one offline run of the program produced. */
export interface PlanRun {
  stack: string;
  model: StackModel;
  /** The fake account the run used, and its partition. */
  accountId: string;
  partition: string;
  /** The stack plan; undefined when the program failed (see `failure`). */
  plan?: StackPlan;
  /** Every group's plan: from the stack plan, or re-planned after a failure. */
  groups: GroupPlan[];
  /** Every resource the program registered, in registration order. */
  resources: RecordedResource[];
  /** Warnings the program logged (keys it could not resolve, say). */
  warnings: string[];
  /** What the fake account stands for, as sentences. */
  assumptions: string[];
  /** Why the program failed after its config was valid. */
  failure?: string;
}

/** Options of {@link runPlan}. */
export interface RunPlanOptions {
  /** Keys each tag search finds offline. */
  taggedKeys: number;
  /** Called as each resource registers (progress). */
  onResource?: (resource: RecordedResource) => void;
}

/**
 * Plans the stack whose config map is `raw`. Throws the ConfigError of an invalid config before
 * anything runs.
 */
export async function runPlan(
  raw: Record<string, string>,
  stack: string,
  options: RunPlanOptions,
): Promise<PlanRun> {
  const model = parseStackConfig(raw, { stack });
  const { world, assumptions } = planWorld(model, options.taggedKeys);
  const mockOptions: MockRunOptions = { project: PROJECT, stack, config: raw, ...world };
  const base = {
    stack,
    model,
    accountId: world.accountId ?? "",
    partition: world.partition ?? "aws",
    assumptions,
  };
  try {
    const run = await runUnderMocks(() => runProgram(raw, stack), {
      ...mockOptions,
      onResource: options.onResource,
    });
    const plan = run.result.plan;
    return {
      ...base,
      plan,
      groups: plan.groups,
      resources: run.resources,
      warnings: run.warnings,
    };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const failure = error instanceof Error ? error.message : String(error);
    const replanned = await replanGroups(model, mockOptions);
    return { ...base, groups: replanned, resources: [], warnings: [], failure };
  }
}

/**
 * The groups' plans without the stack plan: resolves the keys as the program does, then plans each
 * group alone. Empty when even that fails.
 */
async function replanGroups(model: StackModel, options: MockRunOptions): Promise<GroupPlan[]> {
  try {
    const run = await runUnderMocks(async () => {
      const providers: Record<string, aws.Provider> = {};
      for (const region of regionsToLookUp(model)) {
        if (region !== model.region)
          providers[region] = new aws.Provider(`plan-${region}`, { region });
      }
      const groups = await resolveKeyGroups(model, { providers, warn: () => undefined });
      return groups.map((g) => planGroup(g, model.environment));
    }, options);
    return run.result;
  } catch {
    return [];
  }
}
