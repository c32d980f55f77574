/**
 * AccountKmsAlarms: account-wide metric filters on the trail's log group, one per signal of the
 * catalog, and alarms on the ones that must never go unnoticed, including the CIS 4.7 filter with
 * Security Hub's exact pattern. Filter count is fixed by the catalog (not by the number of groups),
 * which keeps the log group far below its 100-filter quota.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { createMetricAlarm } from "../alarms/metric-alarm";
import { names } from "../core/names";
import { TOKENS } from "../core/tokens";
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

/** Account-wide KMS metric filters and their alarms. */
export class AccountKmsAlarms extends pulumi.ComponentResource {
  /** Metric filter names by signal ID. */
  readonly filterNames: pulumi.Output<Record<string, string>>;
  /** Alarm names by signal ID. */
  readonly alarmNames: pulumi.Output<Record<string, string>>;

  /**
   * @param name Component name; children are `<name>-<signal>` and `<name>-<signal>-alarm`.
   * @param args See {@link AccountKmsAlarmsArgs}.
   * @param opts Component options.
   * @param planned The stack plan's account filters (planStack), realised as given. Defaults to
   *   planning them from `args` (the component used on its own).
   */
  constructor(
    name: string,
    args: AccountKmsAlarmsArgs,
    opts?: pulumi.ComponentResourceOptions,
    planned?: AccountFilterSpec[],
  ) {
    if (args.alarmActions.length < 1 || args.alarmActions.length > 5) {
      throw new Error(
        `AccountKmsAlarms "${name}": alarmActions: ${args.alarmActions.length} given; ` +
          "give 1 to 5 topic ARNs (an alarm without an action tells nobody)",
      );
    }
    super(TOKENS.AccountKmsAlarms, name, {}, opts);
    // On its own the component may not know the log group's name yet (an Output); the filters
    // take `args.logGroupName` either way.
    const logGroupName =
      typeof args.logGroupName === "string" ? args.logGroupName : names(args.environment).logGroup;
    const specs = planned ?? planAccountFilters(args.environment, { logGroupName });
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
      alarms[spec.signalId] = createMetricAlarm(
        `${name}-${spec.signalId}-alarm`,
        spec.alarm,
        { actions: args.alarmActions },
        // The metric exists only once the filter does.
        { parent: this, dependsOn: [filter] },
      ).name;
    }
    this.filterNames = pulumi.output(filters);
    this.alarmNames = pulumi.output(alarms);
    this.registerOutputs({ filterNames: this.filterNames, alarmNames: this.alarmNames });
  }
}
