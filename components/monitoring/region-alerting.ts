/**
 * RegionAlerting: what every region with watched keys shares. One alert-topic key (a key costs
 * $1 a month, so topics share it), the security topic that hears about delivery failures, one
 * dead-letter queue for every rule and subscription of the region, and one Metrics Insights alarm
 * on failed SNS notifications (one alarm instead of one per topic).
 */
import * as pulumi from "@pulumi/pulumi";
import type { NotificationTargets } from "../config/model";
import { AlertTopic } from "../alerts/alert-topic";
import { AlertTopicKey } from "../alerts/topic-key";
import { DeadLetterQueue } from "../alerts/dead-letter-queue";
import { planRegionAlerting, RegionAlertingPlan } from "../alerts/alert-plan";
import { newKeyRule } from "../alerts/new-key-rule-resources";
import { createMetricAlarm } from "../alarms/metric-alarm";
import type { PublisherArnPatterns } from "../core/names";
import type { AccountRef } from "../core/place";
import { TOKENS } from "../core/tokens";

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

/** The stack plan's slice of {@link RegionAlerting}, and the account the facade looked up. */
export interface RegionAlertingPlanned {
  plan: RegionAlertingPlan;
  account: AccountRef;
}

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

  /**
   * @param name Component name; children are `<name>-topic-key`, `<name>-security`,
   *   `<name>-dlq`, `<name>-notifications-failed` and `<name>-new-key-<call>` (rule and target).
   * @param args See {@link RegionAlertingArgs}.
   * @param opts Component options.
   * @param planned The region's slice of the stack plan (planStack) and the account, realised as
   *   given. Defaults to planning from `args` and looking the account up.
   */
  constructor(
    name: string,
    args: RegionAlertingArgs,
    opts?: pulumi.ComponentResourceOptions,
    planned?: RegionAlertingPlanned,
  ) {
    super(TOKENS.RegionAlerting, name, {}, opts);
    const plan =
      planned?.plan ??
      // On its own the component does not know the region's other topics: it counts its own.
      planRegionAlerting(args.environment, args.region, args.securityTargets, args.publishers, 1);
    const given = planned && { account: planned.account };
    const key = new AlertTopicKey(
      `${name}-topic-key`,
      { aliasName: plan.topicKey.aliasName },
      { parent: this },
      given,
    );
    // The security topic's subscriptions redrive to the queue, and the queue's alarm notifies the
    // security topic: the queue ARN is filled in once the queue exists (no resource cycle).
    const [queueArn, setQueueArn] = pulumi.deferredOutput<string>();
    const security = new AlertTopic(
      `${name}-security`,
      {
        topicName: plan.securityTopic.name,
        kmsKeyArn: key.keyArn,
        targets: plan.securityTopic.targets,
        alarmArnPrefix: plan.publishers.alarmArnPattern,
        ruleArnPrefix: plan.publishers.ruleArnPattern,
        deadLetterQueueArn: queueArn,
      },
      { parent: this },
      given,
    );
    const queue = new DeadLetterQueue(
      `${name}-dlq`,
      {
        queueName: plan.deadLetterQueue.name,
        ruleArnPrefix: plan.publishers.ruleArnPattern,
        topicArnPrefix: plan.publishers.topicArnPattern,
        alarmActions: [security.topicArn],
      },
      { parent: this },
      planned && { account: planned.account, alarm: plan.deadLetterQueue.alarm },
    );
    setQueueArn(queue.queueArn);
    const alarm = createMetricAlarm(
      `${name}-notifications-failed`,
      plan.deliveryAlarm,
      { actions: [security.topicArn] },
      { parent: this },
    );
    for (const spec of plan.newKeyRules) {
      const wiring = { topicArn: security.topicArn, deadLetterQueueArn: queue.queueArn };
      newKeyRule(`${name}-new-key-${spec.call}`, spec, wiring, this);
    }
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
