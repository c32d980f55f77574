/**
 * RequestQuotaAlarms: in one region, an alarm per KMS cryptographic request-quota family when the
 * account's calls reach a share of the applied quota (see quota-plan.ts for what is counted and
 * why). Create one per region with watched keys, with that region's provider.
 *
 * Cost per region (us-east-1): 3 alarms x 1 metric x $0.10 = $0.30 a month.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Fail, failFor } from "../alerts/checks";
import { isRegion } from "../core/arn";
import { checkAlarmActions } from "./checks";
import { planQuotaAlarms, QuotaAlarmSpec, quotaMonthlyCostUsd } from "./quota-plan";

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

/** Default threshold, as StackModel.quotaAlarmPercent. */
export const DEFAULT_QUOTA_ALARM_PERCENT = 80;

/**
 * The planned alarms of each component. Kept off the instance: the schema analyzer of
 * multi-language packages takes every property of a component for an output.
 */
const plannedSpecs = new WeakMap<RequestQuotaAlarms, QuotaAlarmSpec[]>();

/** KMS request-quota alarms of one region. */
export class RequestQuotaAlarms extends pulumi.ComponentResource {
  /** Alarm names by family (symmetric, rsa, ecc). */
  readonly alarmNames: pulumi.Output<Record<string, string>>;
  /** Monthly price of the alarms in US dollars (us-east-1). */
  readonly monthlyCostUsd: number;

  /** The alarms as planned (pure data). */
  get specs(): QuotaAlarmSpec[] {
    return plannedSpecs.get(this)!;
  }

  constructor(name: string, args: RequestQuotaAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
    const fail: Fail = failFor(TYPE, name);
    if (typeof args.region !== "string" || !isRegion(args.region)) {
      fail(`region: ${JSON.stringify(args.region)} is not an AWS region name`);
    }
    checkAlarmActions(TYPE, name, args.alarmActions);
    let specs: QuotaAlarmSpec[] = [];
    try {
      specs = planQuotaAlarms(
        args.environment,
        args.region,
        args.quotaAlarmPercent ?? DEFAULT_QUOTA_ALARM_PERCENT,
      );
    } catch (e) {
      fail(`quotaAlarmPercent: ${(e as Error).message}`);
    }
    super("kms-monitoring:index:RequestQuotaAlarms", name, { region: args.region }, opts);
    plannedSpecs.set(this, specs);
    this.monthlyCostUsd = quotaMonthlyCostUsd(specs);
    const alarms: Record<string, pulumi.Output<string>> = {};
    for (const spec of specs) {
      alarms[spec.family] = new aws.cloudwatch.MetricAlarm(
        `${name}-${spec.family}`,
        {
          name: spec.name,
          alarmDescription: spec.description,
          metricQueries: spec.metricQueries,
          threshold: spec.threshold,
          comparisonOperator: spec.comparisonOperator,
          evaluationPeriods: spec.evaluationPeriods,
          datapointsToAlarm: spec.datapointsToAlarm,
          treatMissingData: spec.treatMissingData,
          actionsEnabled: true,
          alarmActions: args.alarmActions,
        },
        { parent: this },
      ).name;
    }
    this.alarmNames = pulumi.output(alarms);
    this.registerOutputs({ alarmNames: this.alarmNames });
  }
}
