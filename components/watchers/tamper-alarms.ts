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
import type { AlarmSpec } from "../alarms/spec";
import { createMetricAlarm } from "../alarms/metric-alarm";
import { names } from "../core/names";
import { TOKENS } from "../core/tokens";
import { TAMPER_SIGNALS, TamperScope, tamperFilterPattern } from "../signals/tamper-catalog";
import { Fail, failFor } from "../alerts/checks";
import { checkAlarmActions, checkInteger } from "./checks";
import {
  DEFAULT_SILENCE_HOURS,
  planSilenceAlarm,
  planTamperAlarms,
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

/** The stack plan's slice of {@link TamperAlarms}. */
export interface TamperAlarmsPlan {
  tamperAlarms: TamperAlarmSpec[];
  silenceAlarm?: AlarmSpec;
}

const TYPE = "TamperAlarms";

/** Tamper filters and alarms on the trail's log group. */
export class TamperAlarms extends pulumi.ComponentResource {
  /** Metric filter names by tamper signal ID. */
  readonly filterNames: pulumi.Output<Record<string, string>>;
  /** Alarm names by tamper signal ID, plus `trail-silent` when the silence alarm exists. */
  readonly alarmNames: pulumi.Output<Record<string, string>>;
  /** Filter patterns by tamper signal ID. */
  readonly patterns: pulumi.Output<Record<string, string>>;

  /**
   * @param name Component name; children are `<name>-<signal>`, `<name>-<signal>-alarm` and
   *   `<name>-trail-silent`.
   * @param args See {@link TamperAlarmsArgs}.
   * @param opts Component options.
   * @param planned The stack plan's tamper and silence alarms (planStack), realised as given.
   *   Defaults to planning them from `args` (the component used on its own).
   */
  constructor(
    name: string,
    args: TamperAlarmsArgs,
    opts?: pulumi.ComponentResourceOptions,
    planned?: TamperAlarmsPlan,
  ) {
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
    super(TOKENS.TamperAlarms, name, {}, opts);
    const plan = planned ?? planOnItsOwn(args, silenceHours);
    this.patterns = planned
      ? pulumi.output(
          Object.fromEntries(planned.tamperAlarms.map((t) => [t.signalId, t.filter.pattern])),
        )
      : pulumi
          .all([args.logGroupName, args.trailName])
          .apply(([logGroupName, trailName]) =>
            patternsFor({ environment: args.environment, logGroupName, trailName }),
          );

    const filters: Record<string, pulumi.Output<string>> = {};
    const alarms: Record<string, pulumi.Output<string>> = {};
    for (const { signalId, filter: spec, alarm } of plan.tamperAlarms) {
      const filter = new aws.cloudwatch.LogMetricFilter(
        `${name}-${signalId}`,
        {
          name: spec.name,
          logGroupName: args.logGroupName,
          pattern: this.patterns.apply((p) => p[signalId]),
          // No defaultValue: a data point only when tampering happens, so the metric costs nothing
          // in quiet hours; the alarm treats the missing data as not breaching.
          metricTransformation: { name: spec.metricName, namespace: spec.namespace, value: "1" },
        },
        { parent: this },
      );
      filters[signalId] = filter.name;
      alarms[signalId] = createMetricAlarm(
        `${name}-${signalId}-alarm`,
        alarm,
        { actions: args.alarmActions },
        // The metric exists only once the filter does.
        { parent: this, dependsOn: [filter] },
      ).name;
    }
    if (plan.silenceAlarm) {
      alarms["trail-silent"] = createMetricAlarm(
        `${name}-trail-silent`,
        plan.silenceAlarm,
        // The log group as an Output, so the alarm waits for it.
        { actions: args.alarmActions, dimensions: { LogGroupName: args.logGroupName } },
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

/**
 * The plan of a TamperAlarms used on its own. Names do not depend on the log group or trail; the
 * filters' patterns, which do, are built when those resolve.
 */
function planOnItsOwn(args: TamperAlarmsArgs, silenceHours: number): TamperAlarmsPlan {
  const at = {
    logGroupName:
      typeof args.logGroupName === "string" ? args.logGroupName : names(args.environment).logGroup,
  };
  return {
    tamperAlarms: planTamperAlarms(args.environment, at),
    silenceAlarm: planSilenceAlarm(args.environment, at, silenceHours),
  };
}
