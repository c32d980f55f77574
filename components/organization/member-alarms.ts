/**
 * The alarms each member account keeps on its own KMS request quotas. KMS quotas are per account
 * and region, so a member throttled on Decrypt is an outage the hub's AWS/Usage never shows; the
 * member template therefore carries the one-account stack's request-quota alarms (quota-plan.ts
 * owns their families, metric and threshold) and, when `organization.memberUsageBands` is on, its
 * usage bands (usage-band-plan.ts). Each member pays for its own alarms; CloudWatch sends their
 * state changes to the member's default bus, whose rule forwards them to the hub
 * (docs/DESIGN.md, "Members' request quotas").
 */
import type { AlarmSpec } from "../alarms/spec";
import type { UsageBaselineSettings } from "../config/model";
import { names } from "../core/names";
import type { SignalEventPattern } from "../signals/event-patterns";
import { planQuotaAlarms } from "../watchers/quota-plan";
import { planUsageBands } from "../watchers/usage-band-plan";
import type { CfnResource } from "./member-template";

/** What the hub's config asks of every member's alarms. */
export interface MemberAlarmSettings {
  /** `kmsmon-<env>-...` names. */
  environment: string;
  /** The stack's `quotaAlarmPercent`. */
  quotaAlarmPercent: number;
  /** The stack's `usageBaseline` settings, used when `bands` is true. */
  usageBaseline: UsageBaselineSettings;
  /** `organization.memberQuotaAlarms`: members keep their request-quota alarms. */
  quotas: boolean;
  /** `organization.memberUsageBands`: members get the usage bands too. */
  bands: boolean;
}

/** CloudFormation's region, resolved in each stack instance (the template is one for all). */
const INSTANCE_REGION = "${AWS::Region}";

/**
 * The alarms of one member region, as the one-account stack plans them, renamed
 * `kmsmon-<env>-member-...`; their region is the instance's.
 */
export function planMemberAlarms(settings: MemberAlarmSettings): AlarmSpec[] {
  const n = names(settings.environment);
  const region = INSTANCE_REGION;
  const alarms: AlarmSpec[] = [
    ...(settings.quotas
      ? planQuotaAlarms(settings.environment, region, settings.quotaAlarmPercent)
      : []),
    ...(settings.bands ? planUsageBands(settings.environment, region, settings.usageBaseline) : []),
  ];
  return alarms.map((alarm) => ({
    ...alarm,
    name: `${n.memberAlarmPrefix}${alarm.name.slice(n.prefix.length + 1)}`,
  }));
}

/** What one member pays a month for its alarms in one region (us-east-1 list prices). */
export function memberAlarmsMonthlyUsd(alarms: readonly AlarmSpec[]): number {
  return Math.round(alarms.reduce((sum, a) => sum + a.monthlyCostUsd, 0) * 100) / 100;
}

/** A resource name from an alarm name: `QuotaSymmetric`, `UsageRsa`, ... */
export function alarmResourceName(alarm: AlarmSpec, environment: string): string {
  const rest = alarm.name.slice(names(environment).memberAlarmPrefix.length);
  return rest
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/**
 * An alarm as an AWS::CloudWatch::Alarm. No actions: CloudWatch sends every state change to the
 * account's default bus whatever the actions (and guarantees that delivery), and the member's
 * alarm rule forwards it. Metric-math and anomaly alarms only (what the member plans).
 */
export function cfnAlarm(alarm: AlarmSpec): CfnResource {
  const { metric } = alarm;
  if (metric.kind !== "metric-math" && metric.kind !== "anomaly") {
    throw new Error(`member alarm ${alarm.name}: ${metric.kind} alarms are not templated`);
  }
  const metrics = metric.queries.map((q) => ({
    Id: q.id,
    ...(q.label === undefined ? {} : { Label: q.label }),
    ReturnData: q.returnData,
    ...(q.expression === undefined ? {} : { Expression: q.expression }),
    ...(q.metric === undefined
      ? {}
      : {
          MetricStat: {
            Metric: {
              Namespace: q.metric.namespace,
              MetricName: q.metric.metricName,
              Dimensions: Object.entries(q.metric.dimensions).map(([Name, Value]) => ({
                Name,
                Value,
              })),
            },
            Period: q.metric.period,
            Stat: q.metric.stat,
          },
        }),
  }));
  return {
    Type: "AWS::CloudWatch::Alarm",
    Properties: {
      AlarmName: alarm.name,
      // Fn::Sub fills in the instance's region where the description names it.
      AlarmDescription: { "Fn::Sub": alarm.description },
      Metrics: metrics,
      ...(metric.kind === "anomaly"
        ? { ThresholdMetricId: metric.bandId }
        : { Threshold: alarm.threshold }),
      ComparisonOperator: alarm.comparisonOperator,
      EvaluationPeriods: alarm.evaluationPeriods,
      ...(alarm.datapointsToAlarm === undefined
        ? {}
        : { DatapointsToAlarm: alarm.datapointsToAlarm }),
      TreatMissingData: alarm.treatMissingData,
    },
  };
}

/**
 * The state changes to ALARM of the member alarms: what a member forwards and the hub routes.
 *
 * @param environment - names the alarms (`kmsmon-<env>-member-` prefix).
 */
export function memberAlarmPattern(environment: string): SignalEventPattern {
  return {
    source: ["aws.cloudwatch"],
    "detail-type": ["CloudWatch Alarm State Change"],
    detail: {
      alarmName: [{ prefix: names(environment).memberAlarmPrefix }],
      state: { value: ["ALARM"] },
    },
  } as unknown as SignalEventPattern;
}
