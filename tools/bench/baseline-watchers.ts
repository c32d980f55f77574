/**
 * The stack-wide parts of the benchmark's baseline program: watchers on the trail's log group,
 * quota alarms, and the shard buses, as plain `@pulumi/aws` resources from the pure plans.
 */
import * as aws from "@pulumi/aws";
import type { AlarmSpec } from "../../components/alarms/spec";
import type { StackPlan } from "../../components/plan/stack-plan";
import { shardBusNames } from "../../components/groups/bus-plan";
import { alarm, policy } from "./baseline-parts";

/** The reads of a single-metric alarm, as the plain alarm takes them. */
function standardReads(spec: AlarmSpec): Record<string, unknown> {
  if (spec.metric.kind !== "standard") throw new Error(`bench: ${spec.name} is not standard`);
  const { namespace, metricName, statistic, periodSeconds } = spec.metric;
  return { namespace, metricName, statistic, period: periodSeconds, threshold: spec.threshold };
}

/**
 * Log-group filters and alarms (account signals, tamper, silence) and the request-quota alarms of
 * the stack.
 */
export function watchers(plan: StackPlan, logGroupName: string, security: string): void {
  for (const f of plan.accountFilters) {
    new aws.cloudwatch.LogMetricFilter(f.name, {
      name: f.name,
      logGroupName,
      pattern: f.pattern,
      metricTransformation: { name: f.metricName, namespace: f.namespace, value: "1" },
    });
    if (f.alarm) alarm(f.alarm.name, [security], standardReads(f.alarm));
  }
  for (const { filter, alarm: spec } of plan.tamperAlarms) {
    new aws.cloudwatch.LogMetricFilter(filter.name, {
      name: filter.name,
      logGroupName,
      pattern: '{ ($.eventSource = "cloudtrail.amazonaws.com") && ($.eventName = "StopLogging") }',
      metricTransformation: { name: filter.metricName, namespace: filter.namespace, value: "1" },
    });
    alarm(spec.name, [security], standardReads(spec));
  }
  const silence = plan.silenceAlarm;
  if (silence)
    alarm(silence.name, [security], {
      ...standardReads(silence),
      dimensions: { LogGroupName: logGroupName },
    });
  for (const q of plan.quotaAlarms) {
    if (q.metric.kind !== "metric-math") throw new Error(`bench: ${q.name} is not metric math`);
    alarm(q.name, [security], { metricQueries: q.metric.queries, threshold: q.threshold });
  }
  for (const b of plan.usageBands) {
    if (b.metric.kind !== "anomaly") throw new Error(`bench: ${b.name} is not an anomaly alarm`);
    alarm(b.name, [security], {
      metricQueries: b.metric.queries,
      thresholdMetricId: b.metric.bandId,
      comparisonOperator: b.comparisonOperator,
      datapointsToAlarm: b.datapointsToAlarm,
      treatMissingData: b.treatMissingData,
    });
  }
}

/** Shard buses, their forwarding role and fan-out rules, where the plan needs them. */
export function shardBuses(plan: StackPlan, queueArn: string): void {
  for (const layout of plan.buses.filter((b) => b.shardBuses.length > 0)) {
    const busNames = shardBusNames(layout);
    const buses = busNames.map((name) => new aws.cloudwatch.EventBus(name, { name }));
    const role = new aws.iam.Role(`fanout-role-${layout.region}`, {
      name: layout.forwardingRole?.name,
      assumeRolePolicy: policy("Assume", 1),
    });
    new aws.iam.RolePolicy(`fanout-policy-${layout.region}`, {
      role: role.name,
      policy: policy("PutEvents", 1),
    });
    layout.fanOutRules.forEach((spec) => {
      const rule = new aws.cloudwatch.EventRule(spec.name, {
        name: spec.name,
        description: `Forwards KMS events to ${spec.targetBuses.join(", ")}`,
        eventPattern: JSON.stringify(spec.eventPattern),
        state: "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS",
      });
      spec.targetBuses.forEach((busName, t) => {
        const bus = buses[busNames.indexOf(busName)];
        new aws.cloudwatch.EventTarget(`${spec.name}-to-${busName}`, {
          rule: rule.name,
          targetId: `shard-${t + 1}`,
          arn: bus.arn,
          roleArn: role.arn,
          retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 86400 },
          deadLetterConfig: { arn: queueArn },
        });
      });
    });
  }
}
