/**
 * TamperAlarms: tells the security team when someone blinds or silences the monitoring. One metric
 * filter per tamper signal on the trail's log group, each with an alarm (any occurrence in five
 * minutes), plus a silence alarm on the log group receiving nothing.
 *
 * Cost (us-east-1, per stack): 8 tamper alarms x 1 metric x $0.10 + 1 silence alarm x $0.10 =
 * $0.90 a month. The filters publish a data point only when a record matches (no defaultValue), so
 * their 8 custom metrics cost ($0.30 each, prorated by the hour) only in hours with tampering.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { TAMPER_SIGNALS, TamperScope, tamperFilterPattern } from "../signals/tamper-catalog";
import { Fail, failFor } from "../alerts/checks";
import { checkAlarmActions, checkInteger } from "./checks";
import {
  DEFAULT_SILENCE_HOURS,
  planSilenceAlarm,
  planTamperAlarms,
  SilenceAlarmSpec,
  TamperAlarmSpec,
} from "./tamper-plan";

/** Arguments of {@link TamperAlarms}. */
export interface TamperAlarmsArgs {
  /** Environment name: our resources are named `kmsmon-<environment>-*`. */
  environment: string;
  /** The log group the trail writes to, in this provider's region; the filters live on it. */
  logGroupName: pulumi.Input<string>;
  /** The trail's name. Defaults to `kmsmon-<environment>`, the name of the trail the module creates. */
  trailName?: pulumi.Input<string>;
  /** Topics told when an alarm fires (the security topic); 1 to 5. */
  alarmActions: pulumi.Input<string>[];
  /** Hours without any record before the silence alarm fires; 0 disables it. Defaults to 6. */
  silenceHours?: number;
}

const TYPE = "TamperAlarms";

/**
 * The planned alarms of each component. Kept off the instance: the schema analyzer of
 * multi-language packages takes every property of a component for an output.
 */
const plans = new WeakMap<
  TamperAlarms,
  { specs: TamperAlarmSpec[]; silenceSpec: SilenceAlarmSpec | undefined }
>();

/** Tamper filters and alarms on the trail's log group. */
export class TamperAlarms extends pulumi.ComponentResource {
  /** Metric filter names by tamper signal ID. */
  readonly filterNames: pulumi.Output<Record<string, string>>;
  /** Alarm names by tamper signal ID, plus `trail-silent` when the silence alarm exists. */
  readonly alarmNames: pulumi.Output<Record<string, string>>;
  /** Filter patterns by tamper signal ID. */
  readonly patterns: pulumi.Output<Record<string, string>>;

  /** The filters and alarms as planned (pure data). */
  get specs(): TamperAlarmSpec[] {
    return plans.get(this)!.specs;
  }

  /** The silence alarm as planned; undefined when disabled. */
  get silenceSpec(): SilenceAlarmSpec | undefined {
    return plans.get(this)!.silenceSpec;
  }

  constructor(name: string, args: TamperAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
    const fail: Fail = failFor(TYPE, name);
    if (typeof args.environment !== "string" || args.environment === "") {
      fail(`environment: ${JSON.stringify(args.environment)} is not an environment name`);
    }
    checkAlarmActions(TYPE, name, args.alarmActions);
    const silenceHours = args.silenceHours ?? DEFAULT_SILENCE_HOURS;
    checkInteger(TYPE, name, "silenceHours", silenceHours, 0, 24);
    const patternsFor = (scope: TamperScope): Record<string, string> => {
      try {
        return Object.fromEntries(TAMPER_SIGNALS.map((s) => [s.id, tamperFilterPattern(s, scope)]));
      } catch (e) {
        return fail(`logGroupName/trailName: ${(e as Error).message}`);
      }
    };
    // Plain names are checked now, so a bad name fails before anything is registered.
    const { logGroupName, trailName } = args;
    if (
      typeof logGroupName === "string" &&
      (trailName === undefined || typeof trailName === "string")
    ) {
      patternsFor({ environment: args.environment, logGroupName, trailName });
    }
    super("kms-monitoring:index:TamperAlarms", name, {}, opts);
    const specs = planTamperAlarms(args.environment);
    const silenceSpec = planSilenceAlarm(args.environment, silenceHours);
    plans.set(this, { specs, silenceSpec });
    this.patterns = pulumi
      .all([args.logGroupName, args.trailName])
      .apply(([logGroupName, trailName]) =>
        patternsFor({ environment: args.environment, logGroupName, trailName }),
      );

    const filters: Record<string, pulumi.Output<string>> = {};
    const alarms: Record<string, pulumi.Output<string>> = {};
    for (const spec of specs) {
      const filter = new aws.cloudwatch.LogMetricFilter(
        `${name}-${spec.signalId}`,
        {
          name: spec.filterName,
          logGroupName: args.logGroupName,
          pattern: this.patterns.apply((p) => p[spec.signalId]),
          // No defaultValue: a data point only when tampering happens, so the metric costs nothing
          // in quiet hours; the alarm treats the missing data as not breaching.
          metricTransformation: { name: spec.metricName, namespace: spec.namespace, value: "1" },
        },
        { parent: this },
      );
      filters[spec.signalId] = filter.name;
      alarms[spec.signalId] = new aws.cloudwatch.MetricAlarm(
        `${name}-${spec.signalId}-alarm`,
        {
          name: spec.alarmName,
          alarmDescription: spec.description,
          namespace: spec.namespace,
          metricName: spec.metricName,
          statistic: spec.statistic,
          period: spec.periodSeconds,
          evaluationPeriods: spec.evaluationPeriods,
          threshold: spec.threshold,
          comparisonOperator: spec.comparisonOperator,
          treatMissingData: spec.treatMissingData,
          actionsEnabled: true,
          alarmActions: args.alarmActions,
        },
        // The metric exists only once the filter does.
        { parent: this, dependsOn: [filter] },
      ).name;
    }
    if (silenceSpec) {
      const spec = silenceSpec;
      alarms["trail-silent"] = new aws.cloudwatch.MetricAlarm(
        `${name}-trail-silent`,
        {
          name: spec.alarmName,
          alarmDescription: spec.description,
          namespace: spec.namespace,
          metricName: spec.metricName,
          dimensions: { LogGroupName: args.logGroupName },
          statistic: spec.statistic,
          period: spec.periodSeconds,
          evaluationPeriods: spec.evaluationPeriods,
          datapointsToAlarm: spec.datapointsToAlarm,
          threshold: spec.threshold,
          comparisonOperator: spec.comparisonOperator,
          treatMissingData: spec.treatMissingData,
          actionsEnabled: true,
          alarmActions: args.alarmActions,
          // Recovery matters here: it says records flow again.
          okActions: args.alarmActions,
        },
        { parent: this },
      ).name;
    }
    this.filterNames = pulumi.output(filters);
    this.alarmNames = pulumi.output(alarms);
    this.registerOutputs({
      filterNames: this.filterNames,
      alarmNames: this.alarmNames,
      patterns: this.patterns,
    });
  }
}
