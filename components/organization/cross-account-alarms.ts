/**
 * A hub reads members' AWS/KMS metrics through its OAM sink: a metric query names the source
 * account (PutMetricAlarm `MetricDataQuery.AccountId`). This turns a group's alarms on keys of
 * other accounts into such queries; alarms on the hub's own keys stay as they are.
 */
import type { AlarmMetric, MetricQuerySpec } from "../alarms/spec";
import type { GroupPlan } from "../groups/group-plan";
import type { ResolvedKeyGroup } from "../groups/resolved";

/** `metric` reading key metrics of `accountOfKey`'s accounts from the hub `hubAccountId`. */
function fromMembers(
  metric: AlarmMetric,
  accountOfKey: ReadonlyMap<string, string>,
  hubAccountId: string,
): AlarmMetric {
  // Key metrics name the key by ID (SecondsUntilKeyMaterialExpiration) or ARN (SuccessfulRequest).
  const member = (dimensions: Record<string, string> | undefined) => {
    const account =
      dimensions?.KeyArn?.split(":")[4] ??
      (dimensions?.KeyId === undefined ? undefined : accountOfKey.get(dimensions.KeyId));
    return account !== undefined && account !== hubAccountId ? account : undefined;
  };
  if (metric.kind === "standard") {
    const accountId = member(metric.dimensions);
    if (accountId === undefined) return metric;
    // A standard alarm cannot name an account; one metric query can, at the same price.
    return {
      kind: "metric-math",
      queries: [
        {
          id: "m1",
          returnData: true,
          accountId,
          metric: {
            namespace: metric.namespace,
            metricName: metric.metricName,
            dimensions: metric.dimensions ?? {},
            period: metric.periodSeconds,
            stat: metric.statistic,
          },
        },
      ],
    };
  }
  if (metric.kind === "metric-math" || metric.kind === "anomaly") {
    const queries = metric.queries.map((q): MetricQuerySpec => {
      const accountId = member(q.metric?.dimensions);
      return accountId === undefined ? q : { ...q, accountId };
    });
    return { ...metric, queries };
  }
  return metric;
}

/**
 * The group's plan with its expiry and baseline alarms reading member accounts' metrics.
 *
 * @param plan - the group's plan.
 * @param group - the resolved group (its keys' accounts).
 * @param hubAccountId - the hub's account, whose own metrics need no account.
 */
export function readMemberMetrics(
  plan: GroupPlan,
  group: ResolvedKeyGroup,
  hubAccountId: string,
): GroupPlan {
  const accountOfKey = new Map(group.keys.map((k) => [k.keyId, k.accountId]));
  const move = <T extends { metric: AlarmMetric }>(alarm: T): T => ({
    ...alarm,
    metric: fromMembers(alarm.metric, accountOfKey, hubAccountId),
  });
  return {
    ...plan,
    expiryAlarms: plan.expiryAlarms.map(move),
    baselineAlarms: plan.baselineAlarms.map(move),
  };
}
