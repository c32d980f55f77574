/**
 * RequestQuotaAlarms: in one region, an alarm per KMS cryptographic request-quota family when the
 * account's calls reach a share of the applied quota (see quota-plan.ts for what is counted and
 * why), and, when the stack plan has them, the account-level usage bands on the same metrics
 * (usage-band-plan.ts). Create one per region with watched keys, with that region's provider.
 *
 * Cost per region (us-east-1): 3 alarms x 1 metric x $0.10 = $0.30 a month; the bands add
 * 3 x (1 + 2) x $0.10 = $0.90.
 */
import * as pulumi from "@pulumi/pulumi";
import { createMetricAlarm } from "../alarms/metric-alarm";
import { alarmsMonthlyCostUsd } from "../alarms/pricing";
import { TOKENS } from "../core/tokens";
import { Fail, failFor } from "../alerts/checks";
import { isRegion } from "../core/arn";
import { checkAlarmActions } from "./checks";
import { planQuotaAlarms, QuotaAlarmSpec } from "./quota-plan";
import type { UsageBandAlarmSpec } from "./usage-band-plan";
import { DEFAULTS } from "../config/constants";

/** Arguments of {@link RequestQuotaAlarms}. */
export interface RequestQuotaAlarmsArgs {
  /** Environment name, part of every alarm name (`kmsmon-<environment>-quota-<family>`). */
  environment: string;
  /** The region the alarms live in (the provider's region), named in their descriptions. */
  region: string;
  /** Alarm threshold in percent of the quota, above 0 and at most 100. Defaults to 80. */
  quotaAlarmPercent?: number;
  /** Topics told when an alarm fires; 1 to 5. */
  alarmActions: pulumi.Input<string>[];
}

const TYPE = "RequestQuotaAlarms";

/** KMS request-quota alarms of one region. */
export class RequestQuotaAlarms extends pulumi.ComponentResource {
  /** Alarm names by family (symmetric, rsa, ecc). */
  readonly alarmNames: pulumi.Output<Record<string, string>>;
  /** Monthly price of the alarms in US dollars (us-east-1). */
  readonly monthlyCostUsd: number;

  /**
   * @param name Component name; children are `<name>-<family>`.
   * @param args See {@link RequestQuotaAlarmsArgs}.
   * @param opts Component options.
   * @param planned The stack plan's quota alarms of this region (planStack), realised as given.
   *   Defaults to planning them from `args` (the component used on its own).
   * @param bands The stack plan's usage bands of this region (planStack), realised as given,
   *   told to the same topics. Defaults to none.
   */
  constructor(
    name: string,
    args: RequestQuotaAlarmsArgs,
    opts?: pulumi.ComponentResourceOptions,
    planned?: QuotaAlarmSpec[],
    bands: UsageBandAlarmSpec[] = [],
  ) {
    const fail: Fail = failFor(TYPE, name);
    if (typeof args.region !== "string" || !isRegion(args.region)) {
      fail(`region: ${JSON.stringify(args.region)} is not an AWS region name`);
    }
    checkAlarmActions(TYPE, name, args.alarmActions);
    let specs: QuotaAlarmSpec[] = planned ?? [];
    if (!planned) {
      try {
        specs = planQuotaAlarms(
          args.environment,
          args.region,
          args.quotaAlarmPercent ?? DEFAULTS.quotaAlarmPercent,
        );
      } catch (e) {
        fail(`quotaAlarmPercent: ${(e as Error).message}`);
      }
    }
    super(TOKENS.RequestQuotaAlarms, name, { region: args.region }, opts);
    this.monthlyCostUsd = alarmsMonthlyCostUsd([...specs, ...bands]);
    const alarms: Record<string, pulumi.Output<string>> = {};
    for (const spec of specs) {
      alarms[spec.family] = createMetricAlarm(
        `${name}-${spec.family}`,
        spec,
        { actions: args.alarmActions },
        { parent: this },
      ).name;
    }
    for (const band of bands) {
      createMetricAlarm(
        `${name}-usage-${band.family}`,
        band,
        { actions: args.alarmActions },
        { parent: this },
      );
    }
    this.alarmNames = pulumi.output(alarms);
    this.registerOutputs({ alarmNames: this.alarmNames });
  }
}
