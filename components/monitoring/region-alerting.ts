/**
 * RegionAlerting: what every region with watched keys shares. One alert-topic key (a key costs
 * $1 a month, so topics share it), the security topic that hears about delivery failures, one
 * dead-letter queue for every rule and subscription of the region, and one Metrics Insights alarm
 * on failed SNS notifications (one alarm instead of one per topic).
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type { NotificationTargets } from "../config/model";
import { AlertTopic } from "../alerts/alert-topic";
import { AlertTopicKey } from "../alerts/topic-key";
import { DeadLetterQueue } from "../alerts/dead-letter-queue";
import { namePrefix, PublisherArnPatterns } from "../groups/naming";

/** Arguments of {@link RegionAlerting}. */
export interface RegionAlertingArgs {
  /** Environment name, part of every physical name. */
  environment: string;
  /** Who hears about undelivered alerts and tampering: the security team. */
  securityTargets: NotificationTargets;
  /** The region, as named in alarm descriptions. */
  region: string;
  /** Our alarms, rules and topics in the region, admitted by the topic and queue policies. */
  publishers: PublisherArnPatterns;
}

/** Metrics Insights query: failed notifications summed over every topic in the region. */
export const FAILED_NOTIFICATIONS_QUERY =
  'SELECT SUM(NumberOfNotificationsFailed) FROM SCHEMA("AWS/SNS", TopicName)';

/** Shared alerting plumbing of one region. */
export class RegionAlerting extends pulumi.ComponentResource {
  /** ARN of the region's alert-topic key. */
  readonly topicKeyArn: pulumi.Output<string>;
  /** ARN of the region's security topic. */
  readonly securityTopicArn: pulumi.Output<string>;
  /** ARN of the region's dead-letter queue. */
  readonly deadLetterQueueArn: pulumi.Output<string>;
  /** Name of the failed-notifications alarm. */
  readonly deliveryAlarmName: pulumi.Output<string>;

  constructor(name: string, args: RegionAlertingArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kms-monitoring:index:RegionAlerting", name, {}, opts);
    const prefix = namePrefix(args.environment);
    const key = new AlertTopicKey(
      `${name}-topic-key`,
      { aliasName: `${prefix}-alerts` },
      { parent: this },
    );
    // The security topic's subscriptions redrive to the queue, and the queue's alarm notifies the
    // security topic: the queue ARN is filled in once the queue exists (no resource cycle).
    const [queueArn, setQueueArn] = pulumi.deferredOutput<string>();
    const security = new AlertTopic(
      `${name}-security`,
      {
        topicName: `${prefix}-security`,
        kmsKeyArn: key.keyArn,
        targets: args.securityTargets,
        alarmArnPrefix: args.publishers.alarmArnPattern,
        ruleArnPrefix: args.publishers.ruleArnPattern,
        deadLetterQueueArn: queueArn,
      },
      { parent: this },
    );
    const queue = new DeadLetterQueue(
      `${name}-dlq`,
      {
        queueName: `${prefix}-undelivered`,
        ruleArnPrefix: args.publishers.ruleArnPattern,
        topicArnPrefix: args.publishers.topicArnPattern,
        alarmActions: [security.topicArn],
      },
      { parent: this },
    );
    setQueueArn(queue.queueArn);
    const alarm = new aws.cloudwatch.MetricAlarm(
      `${name}-notifications-failed`,
      {
        name: `${prefix}-notifications-failed`,
        alarmDescription:
          `SNS failed to deliver notifications in ${args.region}. Alerts of ${prefix}-* topics ` +
          `wait in the ${prefix}-undelivered queue: fix the subscription endpoint, then redrive.`,
        metricQueries: [
          { id: "failed", expression: FAILED_NOTIFICATIONS_QUERY, period: 300, returnData: true },
        ],
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: "notBreaching",
        actionsEnabled: true,
        alarmActions: [security.topicArn],
      },
      { parent: this },
    );
    this.topicKeyArn = key.keyArn;
    this.securityTopicArn = security.topicArn;
    this.deadLetterQueueArn = queue.queueArn;
    this.deliveryAlarmName = alarm.name;
    this.registerOutputs({
      topicKeyArn: this.topicKeyArn,
      securityTopicArn: this.securityTopicArn,
      deadLetterQueueArn: this.deadLetterQueueArn,
      deliveryAlarmName: this.deliveryAlarmName,
    });
  }
}
