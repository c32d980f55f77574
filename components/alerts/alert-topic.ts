/** The {@link AlertTopic} component: an encrypted SNS topic and everyone it tells. */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { accountOf, type AccountGiven } from "../core/place";
import { createMetricAlarm } from "../alarms/metric-alarm";
import { topicFailureAlarm } from "./alert-plan";
import { TOKENS } from "../core/tokens";
import { alertTopicPolicy, toJson } from "../iam";
import {
  type AlertTopicArgs,
  type AlertTopicSettings,
  validateAlertTopicArgs,
} from "./alert-topic-args";
import { failFor, guarded } from "./checks";
import { outputState } from "../inputs/output-state";
import { alertDeliveryPolicy } from "./delivery-policy";
import { createSubscriptions } from "./subscriptions";

/** Type token of {@link AlertTopic}. */
export const ALERT_TOPIC_TYPE = TOKENS.AlertTopic;

/**
 * An SNS topic that CloudWatch alarms and EventBridge rules of this account publish alerts to,
 * encrypted with a customer managed key, delivering to every target of `targets`.
 *
 * - Topic policy `alertTopicPolicy`: only `cloudwatch.amazonaws.com` and `events.amazonaws.com`
 *   acting for this account (and for alarms/rules matching the prefixes, when given) may publish.
 * - HTTPS deliveries retry 12 times with exponential backoff (see `delivery-policy.ts`).
 * - With `deadLetterQueueArn`, every subscription parks what it could not deliver there.
 *
 * Children: `<name>-topic` (aws.sns.Topic), `<name>-policy` (aws.sns.TopicPolicy), per target
 * `<name>-<protocol>-<hash>` (aws.sns.TopicSubscription) and for Lambda targets
 * `<name>-lambda-<hash>-invoke` (aws.lambda.Permission), and with `failureAlarm`
 * `<name>-failures` (aws.cloudwatch.MetricAlarm, named `<topicName>-notifications-failed`).
 */
export class AlertTopic extends pulumi.ComponentResource {
  /** ARN of the topic, for alarm actions and rule targets. */
  public readonly topicArn: pulumi.Output<string>;
  /** Name of the topic. */
  public readonly topicName: pulumi.Output<string>;
  /** Number of subscriptions created (one per target); known before deployment. */
  public readonly subscriptionCount: number;

  /**
   * Checks the arguments before the component exists, when a component package constructs it
   * (components/package-provider.ts): plain values as the constructor does, Output values once
   * they resolve (an unknown value in a preview passes). Construct then rejects with the same
   * message and registers nothing, where the constructor alone would register the component and
   * let the error surface later as an uncaught rejection.
   *
   * @param args - the component's arguments.
   * @param _opts - the component's options (unused).
   * @param name - the component's name, for the message. Defaults to "alert-topic".
   * @throws Error naming the component and argument.
   */
  static async prepare(
    args: AlertTopicArgs,
    _opts?: pulumi.ComponentResourceOptions,
    name = "alert-topic",
  ): Promise<void> {
    const settings = validateAlertTopicArgs(name, args);
    const checked = [
      settings.kmsKeyArn,
      settings.alarmArnPrefix,
      settings.ruleArnPrefix,
      settings.deadLetterQueueArn,
      ...settings.specs.map((spec) => spec.endpoint),
      ...(settings.failureAlarmActions ?? []),
    ].filter((value) => pulumi.Output.isInstance(value)) as pulumi.Output<unknown>[];
    // Every check runs before the first failure is reported, so none is left unhandled.
    const results = await Promise.allSettled(checked.map((output) => outputState(output)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  }

  /**
   * @param name Component name; children are named `<name>-topic`, `<name>-policy`, ...
   * @param args See {@link AlertTopicArgs}; `topicName`, `kmsKeyArn` and `targets` are required.
   * @param opts Component options (provider, parent, ...), inherited by every child.
   * @param given The account, when the caller knows it; looked up with the provider otherwise.
   * @throws Error naming the component and argument when `args` are invalid.
   */
  constructor(
    name: string,
    args: AlertTopicArgs,
    opts?: pulumi.ComponentResourceOptions,
    given?: AccountGiven,
  ) {
    // Before super(): invalid input must register nothing, not even this component.
    const settings = validateAlertTopicArgs(name, args);
    super(ALERT_TOPIC_TYPE, name, {}, opts);

    const topic = new aws.sns.Topic(
      `${name}-topic`,
      {
        name: settings.topicName,
        displayName: settings.displayName,
        kmsMasterKeyId: settings.kmsKeyArn,
        deliveryPolicy: alertDeliveryPolicy(),
        // SHA256 signatures for HTTPS endpoints that verify them.
        signatureVersion: 2,
        tags: args.tags,
      },
      { parent: this },
    );
    this.createPolicy(name, topic, settings, given);
    const subscriptions = createSubscriptions(name, this, settings.specs, {
      topicArn: topic.arn,
      deadLetterQueueArn: settings.deadLetterQueueArn,
    });
    if (settings.failureAlarmActions !== undefined) {
      this.createFailureAlarm(name, topic, settings.topicName, settings.failureAlarmActions, args);
    }

    this.topicArn = topic.arn;
    this.topicName = topic.name;
    this.subscriptionCount = subscriptions.length;
    this.registerOutputs({
      topicArn: this.topicArn,
      topicName: this.topicName,
      subscriptionCount: this.subscriptionCount,
    });
  }

  /** `<name>-policy`: the alert topic policy, for this account's alarms and rules only. */
  private createPolicy(
    name: string,
    topic: aws.sns.Topic,
    settings: AlertTopicSettings,
    given: AccountGiven | undefined,
  ): void {
    const fail = failFor("AlertTopic", name);
    const policy = pulumi
      .all([
        accountOf(given?.account, this),
        topic.arn,
        settings.alarmArnPrefix,
        settings.ruleArnPrefix,
      ])
      .apply(([place, topicArn, alarmArnPrefix, ruleArnPrefix]) =>
        guarded(fail, () =>
          toJson(
            alertTopicPolicy({
              ...place,
              topicArn,
              ...(alarmArnPrefix !== undefined ? { alarmArnPrefix } : {}),
              ...(ruleArnPrefix !== undefined ? { ruleArnPrefix } : {}),
            }),
          ),
        ),
      );
    new aws.sns.TopicPolicy(`${name}-policy`, { arn: topic.arn, policy }, { parent: this });
  }

  /** `<name>-failures`: any failed notification of this topic within five minutes. */
  private createFailureAlarm(
    name: string,
    topic: aws.sns.Topic,
    topicName: string,
    alarmActions: pulumi.Output<string>[],
    args: AlertTopicArgs,
  ): void {
    createMetricAlarm(
      `${name}-failures`,
      topicFailureAlarm(topicName),
      { actions: alarmActions, dimensions: { TopicName: topic.name }, tags: args.tags },
      { parent: this },
    );
  }
}
