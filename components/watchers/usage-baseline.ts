/**
 * UsageBaseline: anomaly-detection alarms on a key group's data-plane use (see baseline-plan.ts
 * for the design and its cost). Each alarm lives in its keys' region and tells the group's warning
 * topic there. A disabled baseline creates nothing.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type { ResolvedKeyGroup } from "../groups/resolved";
import { createMetricAlarm } from "../alarms/metric-alarm";
import { alarmsMonthlyCostUsd } from "../alarms/pricing";
import { TOKENS } from "../core/tokens";
import { Fail, failFor } from "../alerts/checks";
import { checkAlarmActions } from "./checks";
import { BaselineAlarmSpec, planBaselineAlarms } from "./baseline-plan";

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
   * picks the operation read per key. Defaults to `{}`: every key reads what DescribeKey reported,
   * else Decrypt.
   */
  keyUsages?: Record<string, string>;
  /**
   * The group's baseline alarms as the stack plan has them (planStack), realised as given.
   * Defaults to planning them from `group` and `keyUsages`.
   */
  plan?: BaselineAlarmSpec[];
}

const TYPE = "UsageBaseline";

/** Anomaly-detection alarms on one key group's data-plane use. */
export class UsageBaseline extends pulumi.ComponentResource {
  /** Names of the baseline alarms (empty when the baseline is disabled). */
  readonly alarmNames: pulumi.Output<string[]>;
  /**
   * Monthly price of the alarms in US dollars (us-east-1): per alarm, the keys it reads plus 2
   * for the band, at $0.10 each (see alarms/pricing.ts).
   */
  readonly monthlyCostUsd: number;

  constructor(name: string, args: UsageBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
    const fail: Fail = failFor(TYPE, name);
    let specs: BaselineAlarmSpec[] = args.plan ?? [];
    if (!args.plan) {
      try {
        specs = planBaselineAlarms(args.group, args.environment, args.keyUsages ?? {});
      } catch (e) {
        fail(`group: ${(e as Error).message}`);
      }
    }
    for (const region of [...new Set(specs.map((s) => s.region))]) {
      const ctx = args.regions?.[region];
      if (!ctx) fail(`regions: no context for ${region} (its keys need a provider and a topic)`);
      checkAlarmActions(TYPE, name, ctx.alarmActions, `regions["${region}"].alarmActions`);
    }
    super(TOKENS.UsageBaseline, name, { groupName: args.group.model.name }, opts);
    this.monthlyCostUsd = alarmsMonthlyCostUsd(specs);

    const alarms = specs.map((spec) => {
      const ctx = args.regions[spec.region];
      return createMetricAlarm(
        `${name}-${spec.region}-${spec.index + 1}`,
        spec,
        { actions: ctx.alarmActions },
        { parent: this, provider: ctx.provider },
      );
    });
    this.alarmNames = pulumi.output(alarms.map((a) => a.name));
    this.registerOutputs({ alarmNames: this.alarmNames });
  }
}
