/**
 * AccountKmsAlarms: account-wide metric filters on the trail's log group, one per signal of the
 * catalog, and alarms on the ones that must never go unnoticed, including the CIS 4.7 filter with
 * Security Hub's exact pattern. Filter count is fixed by the catalog (not by the number of groups),
 * which keeps the log group far below its 100-filter quota.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { planAccountFilters, AccountFilterSpec } from "./account-filters";

/** Arguments of {@link AccountKmsAlarms}. */
export interface AccountKmsAlarmsArgs {
  /** Environment name, part of every physical name. */
  environment: string;
  /** The log group the trail writes to, in this provider's region. */
  logGroupName: pulumi.Input<string>;
  /** Topics told when an alarm fires; at least one, at most 5 (AWS's limit per alarm). */
  alarmActions: pulumi.Input<string>[];
}

/**
 * The planned filters of each component. Kept off the instance: the schema analyzer of
 * multi-language packages takes every property of a component for an output.
 */
const plannedSpecs = new WeakMap<AccountKmsAlarms, AccountFilterSpec[]>();

/** Account-wide KMS metric filters and their alarms. */
export class AccountKmsAlarms extends pulumi.ComponentResource {
  /** Metric filter names by signal ID. */
  readonly filterNames: pulumi.Output<Record<string, string>>;
  /** Alarm names by signal ID. */
  readonly alarmNames: pulumi.Output<Record<string, string>>;

  /** The filters and alarms as planned (pure data). */
  get specs(): AccountFilterSpec[] {
    return plannedSpecs.get(this)!;
  }

  constructor(name: string, args: AccountKmsAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
    if (args.alarmActions.length < 1 || args.alarmActions.length > 5) {
      throw new Error(
        `AccountKmsAlarms "${name}": alarmActions: ${args.alarmActions.length} given; ` +
          "give 1 to 5 topic ARNs (an alarm without an action tells nobody)",
      );
    }
    super("kms-monitoring:index:AccountKmsAlarms", name, {}, opts);
    const specs = planAccountFilters(args.environment);
    plannedSpecs.set(this, specs);
    const filters: Record<string, pulumi.Output<string>> = {};
    const alarms: Record<string, pulumi.Output<string>> = {};
    for (const spec of specs) {
      const filter = new aws.cloudwatch.LogMetricFilter(
        `${name}-${spec.signalId}`,
        {
          name: spec.name,
          logGroupName: args.logGroupName,
          pattern: spec.pattern,
          metricTransformation: {
            name: spec.metricName,
            namespace: spec.namespace,
            // No default value: a metric that only exists when something happened costs nothing
            // the rest of the time, and the alarms treat missing data as "not breaching".
            value: "1",
          },
        },
        { parent: this },
      );
      filters[spec.signalId] = filter.name;
      if (!spec.alarm) continue;
      const alarm = new aws.cloudwatch.MetricAlarm(
        `${name}-${spec.signalId}-alarm`,
        {
          name: spec.alarm.name,
          alarmDescription: spec.alarm.description,
          namespace: spec.namespace,
          metricName: spec.metricName,
          statistic: spec.alarm.statistic,
          period: spec.alarm.periodSeconds,
          evaluationPeriods: spec.alarm.evaluationPeriods,
          threshold: spec.alarm.threshold,
          comparisonOperator: spec.alarm.comparisonOperator,
          treatMissingData: spec.alarm.treatMissingData,
          actionsEnabled: true,
          alarmActions: args.alarmActions,
        },
        // The metric exists only once the filter does.
        { parent: this, dependsOn: [filter] },
      );
      alarms[spec.signalId] = alarm.name;
    }
    this.filterNames = pulumi.output(filters);
    this.alarmNames = pulumi.output(alarms);
    this.registerOutputs({ filterNames: this.filterNames, alarmNames: this.alarmNames });
  }
}
