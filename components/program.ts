/**
 * The stack program as a function of the raw config, shared by `index.ts` (what `pulumi up` runs)
 * and the offline tools, which run it under the mock runtime and also need the plan.
 */
import * as pulumi from "@pulumi/pulumi";
import { parseStackConfig } from "./config";
import type { StackModel } from "./config/model";
import { KmsMonitoring } from "./monitoring/kms-monitoring";

/** What the program exports as stack outputs. */
export interface StackOutputs {
  environment: string;
  trailArn: pulumi.Output<string | undefined>;
  logGroupName: pulumi.Output<string>;
  securityTopicArns: pulumi.Output<Record<string, string>>;
  groupTopicArns: pulumi.Output<Record<string, Record<string, string>>>;
  dashboardUrls: pulumi.Output<string[]>;
}

/** The model, the facade and the outputs of one run. */
export interface ProgramRun {
  model: StackModel;
  monitoring: KmsMonitoring;
  outputs: StackOutputs;
}

/**
 * Validates the raw config (as `pulumi.runtime.allConfig()` returns it) and builds the
 * monitoring. Throws a ConfigError, before any resource exists, when the config is invalid.
 */
export async function runProgram(raw: Record<string, string>, stack: string): Promise<ProgramRun> {
  const model = parseStackConfig(raw, { stack });
  const monitoring = await KmsMonitoring.create("kms", model);
  return {
    model,
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
