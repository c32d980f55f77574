/**
 * The one place an `aws.cloudwatch.MetricAlarm` is made: from an {@link AlarmSpec} and the topics
 * its role resolves to. Components realise their planned alarms through it, so every alarm of the
 * package is written the same way.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { AlarmSpec } from "./spec";

/** What the spec cannot know before deployment: the topics, and inputs that carry dependencies. */
export interface AlarmWiring {
  /** The topics the spec's role resolves to (1 to 5). */
  actions: pulumi.Input<string>[];
  /**
   * Dimension values to use instead of the spec's, when the value is an Output of the resource
   * measured (so the alarm waits for it). They must resolve to the spec's values.
   */
  dimensions?: Record<string, pulumi.Input<string>>;
  /** Tags of the alarm. Defaults to none. */
  tags?: Record<string, pulumi.Input<string>>;
}

/** The MetricAlarm arguments of a spec. */
export function metricAlarmArgs(
  spec: AlarmSpec,
  wiring: AlarmWiring,
): aws.cloudwatch.MetricAlarmArgs {
  const m = spec.metric;
  const reads: aws.cloudwatch.MetricAlarmArgs =
    m.kind === "standard"
      ? {
          namespace: m.namespace,
          metricName: m.metricName,
          ...(m.dimensions ? { dimensions: { ...m.dimensions, ...wiring.dimensions } } : {}),
          statistic: m.statistic,
          period: m.periodSeconds,
        }
      : m.kind === "metrics-insights"
        ? {
            metricQueries: [
              { id: m.id, expression: m.query, period: m.periodSeconds, returnData: true },
            ],
          }
        : {
            metricQueries: m.queries,
            ...(m.kind === "anomaly" ? { thresholdMetricId: m.bandId } : {}),
          };
  return {
    name: spec.name,
    alarmDescription: spec.description,
    ...reads,
    evaluationPeriods: spec.evaluationPeriods,
    ...(spec.datapointsToAlarm !== undefined ? { datapointsToAlarm: spec.datapointsToAlarm } : {}),
    ...(spec.threshold !== undefined ? { threshold: spec.threshold } : {}),
    comparisonOperator: spec.comparisonOperator,
    treatMissingData: spec.treatMissingData,
    ...(spec.actionsEnabled !== undefined ? { actionsEnabled: spec.actionsEnabled } : {}),
    alarmActions: wiring.actions,
    ...(spec.actions.onOk ? { okActions: wiring.actions } : {}),
    ...(wiring.tags ? { tags: wiring.tags } : {}),
  };
}

/**
 * Creates the alarm `logicalName` of `spec`.
 *
 * @param logicalName - the Pulumi name, derived from the owning component's name.
 * @param spec - the planned alarm.
 * @param wiring - its topics and deploy-time inputs.
 * @param opts - parent, provider, dependencies.
 */
export function createMetricAlarm(
  logicalName: string,
  spec: AlarmSpec,
  wiring: AlarmWiring,
  opts: pulumi.CustomResourceOptions,
): aws.cloudwatch.MetricAlarm {
  return new aws.cloudwatch.MetricAlarm(logicalName, metricAlarmArgs(spec, wiring), opts);
}
