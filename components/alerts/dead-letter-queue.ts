/**
 * The {@link DeadLetterQueue} component: where undeliverable alerts wait, with an alarm so that
 * none waits unnoticed.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { accountOf, type AccountRef } from "../core/place";
import type { AlarmSpec } from "../alarms/spec";
import { createMetricAlarm } from "../alarms/metric-alarm";
import { deadLetterQueueAlarm } from "./alert-plan";
import { TOKENS } from "../core/tokens";
import { alertDeadLetterQueuePolicy, toJson } from "../iam";
import {
  checkInput,
  checkQueueName,
  checkRulePattern,
  checkTopicArn,
  checkTopicPattern,
  failFor,
  guarded,
  show,
} from "./checks";

/** Type token of {@link DeadLetterQueue}. */
export const DEAD_LETTER_QUEUE_TYPE = TOKENS.DeadLetterQueue;

/** How long the queue keeps a message: 14 days, the SQS maximum, to leave time to redrive. */
export const DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 60 * 60;

/** Arguments of {@link DeadLetterQueue}. */
export interface DeadLetterQueueArgs {
  /** Name of the queue (standard, not FIFO). Required, no default. */
  queueName: string;
  /**
   * ArnLike pattern of the EventBridge rules whose undeliverable events may land in the queue,
   * e.g. `arn:aws:events:us-east-1:111122223333:rule/kmsmon-prod-*`. Required, no default.
   */
  ruleArnPrefix: pulumi.Input<string>;
  /**
   * ArnLike pattern of the SNS topics whose undeliverable notifications may land in the queue,
   * e.g. `arn:aws:sns:us-east-1:111122223333:kmsmon-prod-*`. Required, no default.
   */
  topicArnPrefix: pulumi.Input<string>;
  /**
   * SNS topic ARNs the queue's alarm notifies when a message waits. Required, at least one; no
   * default.
   */
  alarmActions: pulumi.Input<string>[];
  /** Tags of the queue and the alarm. Defaults to none. */
  tags?: Record<string, pulumi.Input<string>>;
}

/** What the facade gives a {@link DeadLetterQueue}: the account and the planned alarm. */
export interface DeadLetterQueueGiven {
  account: AccountRef;
  /** The queue's alarm as the stack plan has it. */
  alarm: AlarmSpec;
}

/** Validated arguments of {@link DeadLetterQueue}. */
interface DeadLetterQueueSettings {
  queueName: string;
  ruleArnPrefix: pulumi.Output<string>;
  topicArnPrefix: pulumi.Output<string>;
  alarmActions: pulumi.Output<string>[];
}

/**
 * Checks `args` before anything is registered (Output arguments are checked when they resolve).
 *
 * @param name - the component's name.
 * @param args - the arguments.
 * @returns the checked settings.
 * @throws Error naming the component and the argument.
 */
function validateArgs(name: string, args: DeadLetterQueueArgs): DeadLetterQueueSettings {
  const fail = failFor("DeadLetterQueue", name);
  const { queueName, ruleArnPrefix, topicArnPrefix, alarmActions } = args ?? {};
  if (queueName === undefined || queueName === "") fail("queueName is required");
  const problem = typeof queueName === "string" ? checkQueueName(queueName) : "is not a string";
  if (problem !== undefined) fail(`queueName: ${show(queueName)} ${problem}`);
  if (ruleArnPrefix === undefined) fail("ruleArnPrefix is required");
  if (topicArnPrefix === undefined) fail("topicArnPrefix is required");
  if (!Array.isArray(alarmActions) || alarmActions.length === 0) {
    fail(
      "alarmActions: at least one SNS topic ARN is required; without one, alerts that could not " +
        `be delivered would wait in queue "${queueName}" unnoticed`,
    );
  }
  return {
    queueName,
    ruleArnPrefix: checkInput("ruleArnPrefix", ruleArnPrefix, checkRulePattern, fail),
    topicArnPrefix: checkInput("topicArnPrefix", topicArnPrefix, checkTopicPattern, fail),
    alarmActions: alarmActions.map((a, i) =>
      checkInput(`alarmActions[${i}]`, a, checkTopicArn, fail),
    ),
  };
}

/**
 * The SQS dead-letter queue of the alert path: events that EventBridge rules could not deliver to
 * their topics, and notifications that SNS subscriptions could not deliver to their endpoints.
 * Encrypted with SQS managed keys (SSE-SQS), which EventBridge and SNS can write to without a key
 * policy. Its queue policy (`alertDeadLetterQueuePolicy`) admits only rules matching
 * `ruleArnPrefix` and topics matching `topicArnPrefix`, of this account. An alarm fires as soon as
 * one message waits.
 *
 * Children: `<name>-queue` (aws.sqs.Queue), `<name>-policy` (aws.sqs.QueuePolicy) and
 * `<name>-alarm` (aws.cloudwatch.MetricAlarm, named `<queueName>-not-empty`).
 */
export class DeadLetterQueue extends pulumi.ComponentResource {
  /** ARN of the queue, for rule targets' and subscriptions' dead-letter configuration. */
  public readonly queueArn: pulumi.Output<string>;
  /** URL of the queue, for reading and deleting messages. */
  public readonly queueUrl: pulumi.Output<string>;
  /** ARN of the alarm on waiting messages. */
  public readonly alarmArn: pulumi.Output<string>;

  /**
   * @param name Component name; children are `<name>-queue`, `<name>-policy` and `<name>-alarm`.
   * @param args See {@link DeadLetterQueueArgs}; all but `tags` are required.
   * @param opts Component options (provider, parent, ...), inherited by every child.
   * @param given The account and the planned alarm, from the stack plan; otherwise the account is
   *   looked up with the provider and the alarm built from `queueName`.
   * @throws Error naming the component and argument when `args` are invalid.
   */
  constructor(
    name: string,
    args: DeadLetterQueueArgs,
    opts?: pulumi.ComponentResourceOptions,
    given?: DeadLetterQueueGiven,
  ) {
    // Before super(): invalid input must register nothing, not even this component.
    const settings = validateArgs(name, args);
    super(DEAD_LETTER_QUEUE_TYPE, name, {}, opts);
    const fail = failFor("DeadLetterQueue", name);
    const { queueName } = settings;

    const queue = new aws.sqs.Queue(
      `${name}-queue`,
      {
        name: queueName,
        sqsManagedSseEnabled: true,
        messageRetentionSeconds: DEAD_LETTER_RETENTION_SECONDS,
        tags: args.tags,
      },
      { parent: this },
    );
    const policy = pulumi
      .all([
        accountOf(given?.account, this),
        queue.arn,
        settings.ruleArnPrefix,
        settings.topicArnPrefix,
      ])
      .apply(([place, queueArn, ruleArnPrefix, topicArnPrefix]) =>
        guarded(fail, () =>
          toJson(alertDeadLetterQueuePolicy({ ...place, queueArn, ruleArnPrefix, topicArnPrefix })),
        ),
      );
    new aws.sqs.QueuePolicy(`${name}-policy`, { queueUrl: queue.url, policy }, { parent: this });

    const alarm = createMetricAlarm(
      `${name}-alarm`,
      given?.alarm ?? deadLetterQueueAlarm(queueName),
      {
        actions: settings.alarmActions,
        // The queue's name as an Output, so the alarm waits for the queue.
        dimensions: { QueueName: queue.name },
        tags: args.tags,
      },
      { parent: this },
    );

    this.queueArn = queue.arn;
    this.queueUrl = queue.url;
    this.alarmArn = alarm.arn;
    this.registerOutputs({
      queueArn: this.queueArn,
      queueUrl: this.queueUrl,
      alarmArn: this.alarmArn,
    });
  }
}
