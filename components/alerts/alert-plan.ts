/**
 * The alert plumbing as data: topics with their subscriptions, the regional alert-topic key, the
 * dead-letter queue with its alarm, and the alarms on failed deliveries. The components of this
 * folder build their alarms from these functions too, so a component used on its own and the
 * stack plan describe the same alarm.
 */
import type { NotificationTargets } from "../config/model";
import type { AlarmSpec } from "../alarms/spec";
import { priced } from "../alarms/pricing";
import { names, PublisherArnPatterns } from "../core/names";
import { SubscriptionSpec, subscriptionSpecs } from "./subscription-plan";
import type { Quota } from "../core/limits";
import { planNewKeyRules, type NewKeyRuleSpec } from "./new-key-rule";

/** Price of a customer managed KMS key per month (us-east-1), before requests. */
export const KMS_KEY_MONTHLY_USD = 1;

/** One SNS topic, encrypted with its region's alert-topic key. */
export interface TopicSpec {
  /** Physical name. */
  name: string;
  region: string;
  targets: NotificationTargets;
  /** One per target. */
  subscriptions: SubscriptionSpec[];
  /** $0: topics are free; deliveries are priced by traffic. */
  monthlyCostUsd: number;
  quotas: Quota[];
}

/** The customer managed key shared by a region's alert topics. */
export interface TopicKeySpec {
  /** Alias without `alias/`. */
  aliasName: string;
  region: string;
  monthlyCostUsd: number;
  quotas: Quota[];
}

/** A region's dead-letter queue and the alarm on messages waiting in it. */
export interface DeadLetterQueueSpec {
  name: string;
  region: string;
  alarm: AlarmSpec;
  /** $0 while empty; requests are priced by traffic. */
  monthlyCostUsd: number;
  quotas: Quota[];
}

/** What every region with watched keys shares (see RegionAlerting). */
export interface RegionAlertingPlan {
  region: string;
  topicKey: TopicKeySpec;
  securityTopic: TopicSpec;
  deadLetterQueue: DeadLetterQueueSpec;
  /** One Metrics Insights alarm on failed notifications of every topic of the region. */
  deliveryAlarm: AlarmSpec;
  /** Rules telling the security topic of keys created or replicated outside every group. */
  newKeyRules: NewKeyRuleSpec[];
  /** Our alarms, rules and topics in the region: what topic and queue policies admit. */
  publishers: PublisherArnPatterns;
}

/** The topic `name` in `region`, telling `targets`. */
export function topicSpec(name: string, region: string, targets: NotificationTargets): TopicSpec {
  return {
    name,
    region,
    targets,
    subscriptions: subscriptionSpecs(targets),
    monthlyCostUsd: 0,
    quotas: ["topicNameLength"],
  };
}

/**
 * The alarm on messages waiting in a dead-letter queue: one is enough to alarm.
 *
 * @param queueName - the queue.
 * @param region - its region; absent when a component used on its own asks.
 */
export function deadLetterQueueAlarm(queueName: string, region?: string): AlarmSpec {
  return anyDatapointAlarm(
    `${queueName}-not-empty`,
    `Alerts could not be delivered and wait in SQS queue ${queueName} (kept 14 days). ` +
      "Read the messages: their attributes name the rule or topic and the error. Fix the " +
      "target (topic or key policy, subscription, endpoint), then redrive: publish each " +
      "message again to its topic and delete it from the queue.",
    region,
    // An idle queue publishes no datapoints: missing data means nothing waits.
    ["AWS/SQS", "ApproximateNumberOfMessagesVisible", { QueueName: queueName }, "Maximum"],
  );
}

/**
 * The per-topic alarm on failed notifications of {@link AlertTopic} (option `failureAlarm`).
 *
 * @param topicName - the topic.
 * @param region - its region; absent when a component used on its own asks.
 */
export function topicFailureAlarm(topicName: string, region?: string): AlarmSpec {
  return anyDatapointAlarm(
    `${topicName}-notifications-failed`,
    `SNS could not deliver alerts of topic ${topicName} to a subscriber. Check the ` +
      "dead-letter queue and the subscriptions: confirmed, endpoint up, and the queue or " +
      "function policy admitting the topic.",
    region,
    // No datapoint means no notification was attempted, so none failed.
    ["AWS/SNS", "NumberOfNotificationsFailed", { TopicName: topicName }, "Sum"],
  );
}

/**
 * An operational alarm that tells the security team as soon as one five-minute datapoint reaches
 * 1; missing data is not breaching (the metric exists only when something is wrong).
 */
function anyDatapointAlarm(
  name: string,
  description: string,
  region: string | undefined,
  [namespace, metricName, dimensions, statistic]: [
    string,
    string,
    Record<string, string>,
    "Sum" | "Maximum",
  ],
): AlarmSpec {
  return priced({
    name,
    description,
    severity: "operational",
    ...(region !== undefined ? { region } : {}),
    metric: { kind: "standard", namespace, metricName, dimensions, statistic, periodSeconds: 300 },
    evaluationPeriods: 1,
    threshold: 1,
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    treatMissingData: "notBreaching",
    actions: { role: "security", onOk: false },
  });
}

/** Metrics Insights query: failed notifications summed over every topic in the region. */
export const FAILED_NOTIFICATIONS_QUERY =
  'SELECT SUM(NumberOfNotificationsFailed) FROM SCHEMA("AWS/SNS", TopicName)';

/**
 * The region's alarm on failed notifications of any topic: one Metrics Insights alarm instead of
 * one per topic.
 *
 * @param environment - environment name.
 * @param region - the region.
 * @param topics - topics in the region: the query analyzes one metric per topic.
 */
export function deliveryFailureAlarm(
  environment: string,
  region: string,
  topics: number,
): AlarmSpec {
  const n = names(environment);
  return priced({
    name: n.deliveryAlarm,
    description:
      `SNS failed to deliver notifications in ${region}. Alerts of ${n.prefix}-* topics ` +
      `wait in the ${n.deadLetterQueue} queue: fix the subscription endpoint, then redrive.`,
    severity: "operational",
    region,
    metric: {
      kind: "metrics-insights",
      id: "failed",
      query: FAILED_NOTIFICATIONS_QUERY,
      periodSeconds: 300,
      metricsAnalyzed: Math.max(1, topics),
    },
    evaluationPeriods: 1,
    threshold: 1,
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    treatMissingData: "notBreaching",
    actions: { role: "security", onOk: false },
    actionsEnabled: true,
  });
}

/**
 * The shared alerting of one region.
 *
 * @param environment - environment name.
 * @param region - the region.
 * @param security - who hears about undelivered alerts and tampering.
 * @param publishers - our alarms, rules and topics in the region.
 * @param topics - every topic of the region (ours, the security topic included).
 */
export function planRegionAlerting(
  environment: string,
  region: string,
  security: NotificationTargets,
  publishers: PublisherArnPatterns,
  topics: number,
): RegionAlertingPlan {
  const n = names(environment);
  return {
    region,
    topicKey: {
      aliasName: n.topicKeyAlias,
      region,
      monthlyCostUsd: KMS_KEY_MONTHLY_USD,
      quotas: ["aliasNameLength"],
    },
    securityTopic: topicSpec(n.securityTopic, region, security),
    deadLetterQueue: {
      name: n.deadLetterQueue,
      region,
      alarm: deadLetterQueueAlarm(n.deadLetterQueue, region),
      monthlyCostUsd: 0,
      quotas: ["queueNameLength"],
    },
    deliveryAlarm: deliveryFailureAlarm(environment, region, topics),
    newKeyRules: planNewKeyRules(environment, region),
    publishers,
  };
}
