/**
 * UsageBaseline: anomaly-detection alarms on a key group's data-plane use (see baseline-plan.ts
 * for the design and its cost). Each alarm lives in its keys' region and tells the group's warning
 * topic there. A disabled baseline creates nothing.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type { ResolvedKeyGroup } from "../groups/resolved";
import { Fail, failFor } from "../alerts/checks";
import { checkAlarmActions } from "./checks";
import { BaselineAlarmSpec, baselineMonthlyCostUsd, planBaselineAlarms } from "./baseline-plan";

/** What the baseline needs from each region the group has keys in. */
export interface BaselineRegionContext {
  /** Provider of the region; the inherited provider when absent (the stack's region). */
  provider?: aws.Provider;
  /** Topics told when an alarm fires: the group's warning topic (route standard, else all); 1 to 5. */
  alarmActions: pulumi.Input<string>[];
}

/** Arguments of {@link UsageBaseline}. */
export interface UsageBaselineArgs {
  /** Environment name, part of every alarm name (`kmsmon-<environment>-<group>-baseline-<n>`). */
  environment: string;
  /** The group with its keys resolved; its `model.baseline` settings drive the alarms. */
  group: ResolvedKeyGroup;
  /** Context per region of the group's keys; every such region must be present. */
  regions: Record<string, BaselineRegionContext>;
  /**
   * KeyUsage by key ARN (ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC, KEY_AGREEMENT), which
   * picks the operation read per key. Defaults to `{}`: every key reads Decrypt.
   */
  keyUsages?: Record<string, string>;
}

const TYPE = "UsageBaseline";

/**
 * The planned alarms of each component. Kept off the instance: the schema analyzer of
 * multi-language packages takes every property of a component for an output.
 */
const plannedSpecs = new WeakMap<UsageBaseline, BaselineAlarmSpec[]>();

/** Anomaly-detection alarms on one key group's data-plane use. */
export class UsageBaseline extends pulumi.ComponentResource {
  /** Names of the baseline alarms (empty when the baseline is disabled). */
  readonly alarmNames: pulumi.Output<string[]>;
  /** Monthly price of the alarms in US dollars (us-east-1, 3 alarm metrics per metric read). */
  readonly monthlyCostUsd: number;

  /** The alarms as planned (pure data). */
  get specs(): BaselineAlarmSpec[] {
    return plannedSpecs.get(this)!;
  }

  constructor(name: string, args: UsageBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
    const fail: Fail = failFor(TYPE, name);
    let specs: BaselineAlarmSpec[] = [];
    try {
      specs = planBaselineAlarms(args.group, args.environment, args.keyUsages ?? {});
    } catch (e) {
      fail(`group: ${(e as Error).message}`);
    }
    for (const region of [...new Set(specs.map((s) => s.region))]) {
      const ctx = args.regions?.[region];
      if (!ctx) fail(`regions: no context for ${region} (its keys need a provider and a topic)`);
      checkAlarmActions(TYPE, name, ctx.alarmActions, `regions["${region}"].alarmActions`);
    }
    super("kms-monitoring:index:UsageBaseline", name, { groupName: args.group.model.name }, opts);
    plannedSpecs.set(this, specs);
    this.monthlyCostUsd = baselineMonthlyCostUsd(specs);

    const alarms = specs.map((spec) => {
      const ctx = args.regions[spec.region];
      return new aws.cloudwatch.MetricAlarm(
        `${name}-${spec.region}-${spec.index + 1}`,
        {
          name: spec.name,
          alarmDescription: spec.description,
          metricQueries: spec.metricQueries,
          thresholdMetricId: spec.thresholdMetricId,
          comparisonOperator: spec.comparisonOperator,
          evaluationPeriods: spec.evaluationPeriods,
          datapointsToAlarm: spec.datapointsToAlarm,
          treatMissingData: spec.treatMissingData,
          actionsEnabled: true,
          alarmActions: ctx.alarmActions,
        },
        { parent: this, provider: ctx.provider },
      );
    });
    this.alarmNames = pulumi.output(alarms.map((a) => a.name));
    this.registerOutputs({ alarmNames: this.alarmNames });
  }
}
