/**
 * The stack-wide parts of the benchmark's baseline program: watchers on the trail's log group,
 * quota alarms, and the shard buses, as plain `@pulumi/aws` resources from the pure plans.
 */
import * as aws from "@pulumi/aws";
import type { StackPlan } from "../../components/monitoring/stack-plan";
import { planQuotaAlarms } from "../../components/watchers/quota-plan";
import { planSilenceAlarm, planTamperAlarms } from "../../components/watchers/tamper-plan";
import { alarm, policy } from "./baseline-parts";
import { BENCH_REGION } from "./estate";

/**
 * Log-group filters and alarms (account signals, tamper, silence) and the request-quota alarms of
 * the stack.
 */
export function watchers(
  plan: StackPlan,
  env: string,
  logGroupName: string,
  security: string,
  quotaAlarmPercent: number,
): void {
  for (const f of plan.accountFilters) {
    new aws.cloudwatch.LogMetricFilter(f.name, {
      name: f.name,
      logGroupName,
      pattern: f.pattern,
      metricTransformation: { name: f.metricName, namespace: f.namespace, value: "1" },
    });
    if (f.alarm)
      alarm(f.alarm.name, [security], {
        namespace: f.namespace,
        metricName: f.metricName,
        statistic: f.alarm.statistic,
        period: f.alarm.periodSeconds,
        threshold: f.alarm.threshold,
      });
  }
  for (const t of planTamperAlarms(env)) {
    new aws.cloudwatch.LogMetricFilter(t.filterName, {
      name: t.filterName,
      logGroupName,
      pattern: '{ ($.eventSource = "cloudtrail.amazonaws.com") && ($.eventName = "StopLogging") }',
      metricTransformation: { name: t.metricName, namespace: t.namespace, value: "1" },
    });
    alarm(t.alarmName, [security], {
      namespace: t.namespace,
      metricName: t.metricName,
      statistic: t.statistic,
      period: t.periodSeconds,
      threshold: t.threshold,
    });
  }
  const silence = planSilenceAlarm(env, 6);
  if (silence)
    alarm(silence.alarmName, [security], {
      namespace: silence.namespace,
      metricName: silence.metricName,
      statistic: silence.statistic,
      period: silence.periodSeconds,
      threshold: silence.threshold,
      dimensions: { LogGroupName: logGroupName },
    });
  for (const q of planQuotaAlarms(env, BENCH_REGION, quotaAlarmPercent)) {
    alarm(q.name, [security], { metricQueries: q.metricQueries, threshold: q.threshold });
  }
}

/** Shard buses, their forwarding role and fan-out rules, where the plan needs them. */
export function shardBuses(plan: StackPlan, env: string, queueArn: string): void {
  for (const layout of plan.buses.filter((b) => b.shardBuses.length > 0)) {
    const buses = layout.shardBuses.map((name) => new aws.cloudwatch.EventBus(name, { name }));
    const role = new aws.iam.Role(`fanout-role-${layout.region}`, {
      name: `kmsmon-${env}-fanout-${layout.region}`,
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
        const bus = buses[layout.shardBuses.indexOf(busName)];
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
