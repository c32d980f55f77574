/**
 * The stack program as a function of the raw config, shared by `index.ts` (what `pulumi up` runs)
 * and the offline tools, which run it under the mock runtime and also need the plan.
 */
import * as pulumi from "@pulumi/pulumi";
import { parseStackConfig } from "./config";
import type { StackModel } from "./config/model";
import { KmsMonitoring, lookUpMonitoring } from "./monitoring/kms-monitoring";
import { planStack, StackPlan } from "./plan/stack-plan";

/** What the program exports as stack outputs. */
export interface StackOutputs {
  environment: string;
  trailArn: pulumi.Output<string | undefined>;
  logGroupName: pulumi.Output<string>;
  securityTopicArns: pulumi.Output<Record<string, string>>;
  groupTopicArns: pulumi.Output<Record<string, Record<string, string>>>;
  dashboardUrls: pulumi.Output<string[]>;
}

/** The model, the plan, the facade and the outputs of one run. */
export interface ProgramRun {
  model: StackModel;
  /** What the stack realises. */
  plan: StackPlan;
  monitoring: KmsMonitoring;
  outputs: StackOutputs;
}

/**
 * Validates the raw config (as `pulumi.runtime.allConfig()` returns it) and builds the
 * monitoring. Throws a ConfigError, before any resource exists, when the config is invalid.
 */
export async function runProgram(raw: Record<string, string>, stack: string): Promise<ProgramRun> {
  const model = parseStackConfig(raw, { stack });
  const lookups = await lookUpMonitoring("kms", model);
  const plan = planStack(model, lookups.groups, {
    accountId: lookups.accountId,
    partition: lookups.partition ?? "aws",
  });
  const monitoring = new KmsMonitoring("kms", { model, ...lookups, plan });
  return {
    model,
    plan,
    monitoring,
    outputs: {
      environment: model.environment,
      trailArn: monitoring.trailArn,
      logGroupName: monitoring.logGroupName,
      securityTopicArns: monitoring.securityTopicArns,
      groupTopicArns: monitoring.groupTopicArns,
      dashboardUrls: monitoring.dashboardUrls,
    },
  };
}
