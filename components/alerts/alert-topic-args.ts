/**
 * Arguments of {@link AlertTopic} and their validation, which runs before anything is registered
 * (arguments given as Outputs are checked when they resolve).
 */
import * as pulumi from "@pulumi/pulumi";
import { isAwsManagedAlias, parseAliasArn, parseKeyArn, splitArn } from "../config/arn";
import {
  type Check,
  type Fail,
  checkAlarmPattern,
  checkInput,
  checkQueueArn,
  checkRulePattern,
  checkTopicArn,
  checkTopicName,
  failFor,
  show,
} from "./checks";
import { type AlertTargets, type SubscriptionInput, validateTargets } from "./subscriptions";
import { AWS_LIMITS } from "../core/limits";

/** The per-topic alarm on `NumberOfNotificationsFailed` of {@link AlertTopic}. */
export interface FailureAlarmArgs {
  /**
   * SNS topic ARNs the alarm notifies, at least one; not the alarm's topic, whose deliveries are
   * what fails.
   */
  alarmActions: pulumi.Input<string>[];
}

/** Arguments of {@link AlertTopic}. */
export interface AlertTopicArgs {
  /** Name of the SNS topic (standard, not FIFO). Required, no default. */
  topicName: string;
  /**
   * Display name of the topic (the sender name of e-mails), 100 characters at most. Defaults to
   * `topicName`.
   */
  displayName?: string;
  /**
   * ARN of the customer managed KMS key (or of its alias) that encrypts the topic, normally
   * `AlertTopicKey.keyArn`. Required, no default; `alias/aws/sns` is refused.
   */
  kmsKeyArn: pulumi.Input<string>;
  /**
   * Who is told: one subscription per e-mail address, HTTPS URL, SQS queue ARN and Lambda
   * function ARN; the entries may be Outputs (a secret stays secret in its subscription), the lists
   * are plain. Required, at least one target; no default.
   */
  targets: AlertTargets;
  /**
   * ArnLike pattern of the CloudWatch alarms that may publish, e.g.
   * `arn:aws:cloudwatch:us-east-1:111122223333:alarm:kmsmon-prod-*`. Defaults to any alarm of
   * the account.
   */
  alarmArnPrefix?: pulumi.Input<string>;
  /**
   * ArnLike pattern of the EventBridge rules that may publish, e.g.
   * `arn:aws:events:us-east-1:111122223333:rule/kmsmon-prod-*`. Defaults to any rule of the
   * account.
   */
  ruleArnPrefix?: pulumi.Input<string>;
  /**
   * ARN of the SQS queue (normally `DeadLetterQueue.queueArn`, same region) that every
   * subscription sends what it could not deliver to. Defaults to none: SNS then drops a
   * notification once its retries are exhausted.
   */
  deadLetterQueueArn?: pulumi.Input<string>;
  /**
   * A per-topic alarm on `NumberOfNotificationsFailed`, notifying `alarmActions`. Defaults to none:
   * the stack watches the failures of all topics of a region with one Metrics Insights alarm.
   */
  failureAlarm?: FailureAlarmArgs;
  /** Tags of the topic and of the failure alarm. Defaults to none. */
  tags?: Record<string, pulumi.Input<string>>;
}

/** Validated arguments of {@link AlertTopic}. */
export interface AlertTopicSettings {
  topicName: string;
  displayName: string;
  kmsKeyArn: pulumi.Output<string>;
  specs: SubscriptionInput[];
  alarmArnPrefix?: pulumi.Output<string>;
  ruleArnPrefix?: pulumi.Output<string>;
  deadLetterQueueArn?: pulumi.Output<string>;
  /** Actions of the failure alarm; undefined when there is none. */
  failureAlarmActions?: pulumi.Output<string>[];
}

/** A customer managed KMS key ARN or alias ARN; never an AWS managed key such as alias/aws/sns. */
export const checkTopicKey: Check = (value) => {
  const alias = value.startsWith("arn:") ? splitArn(value)?.resource : value;
  if (alias !== undefined && isAwsManagedAlias(alias)) {
    return (
      "names an AWS managed key; CloudWatch alarms cannot publish to a topic encrypted with " +
      "alias/aws/sns, so alerts would be lost (use the customer managed key of AlertTopicKey)"
    );
  }
  return parseKeyArn(value) !== undefined || parseAliasArn(value) !== undefined
    ? undefined
    : "is not a KMS key ARN or alias ARN (expected arn:<partition>:kms:<region>:<account>:" +
        "key/<key id> or arn:<partition>:kms:<region>:<account>:alias/<name>)";
};

/**
 * Checks `args` and applies defaults.
 *
 * @param name - the component's name.
 * @param args - the arguments.
 * @returns the checked settings.
 * @throws Error naming the component and the argument.
 */
export function validateAlertTopicArgs(name: string, args: AlertTopicArgs): AlertTopicSettings {
  const fail = failFor("AlertTopic", name);
  const a = args ?? ({} as AlertTopicArgs);
  if (a.topicName === undefined || a.topicName === "") fail("topicName is required");
  const nameProblem =
    typeof a.topicName === "string" ? checkTopicName(a.topicName) : "is not a string";
  if (nameProblem !== undefined) fail(`topicName: ${show(a.topicName)} ${nameProblem}`);
  const displayName = a.displayName ?? a.topicName;
  if (typeof displayName !== "string" || displayName.length > AWS_LIMITS.topicDisplayNameLength) {
    const source = a.displayName === undefined ? " (defaulted from topicName)" : "";
    fail(
      `displayName: ${show(displayName)}${source} is not an SNS display name (allowed: at most ` +
        `${AWS_LIMITS.topicDisplayNameLength} characters)`,
    );
  }
  if (a.kmsKeyArn === undefined || a.kmsKeyArn === "") {
    fail(
      "kmsKeyArn is required: alert topics are encrypted with the stack's customer managed key " +
        "(AlertTopicKey.keyArn)",
    );
  }
  const kmsKeyArn = checkInput("kmsKeyArn", a.kmsKeyArn, checkTopicKey, fail);
  if (a.targets === undefined || a.targets === null) {
    fail(`targets is required; without a target nobody would hear the alerts of "${a.topicName}"`);
  }
  const specs = validateTargets(a.targets, a.topicName, fail);

  const optional = (field: string, value: pulumi.Input<string> | undefined, check: Check) =>
    value === undefined ? undefined : checkInput(field, value, check, fail);
  return {
    topicName: a.topicName,
    displayName,
    kmsKeyArn,
    specs,
    alarmArnPrefix: optional("alarmArnPrefix", a.alarmArnPrefix, checkAlarmPattern),
    ruleArnPrefix: optional("ruleArnPrefix", a.ruleArnPrefix, checkRulePattern),
    deadLetterQueueArn: optional("deadLetterQueueArn", a.deadLetterQueueArn, checkQueueArn),
    failureAlarmActions: failureAlarmActions(a.failureAlarm, fail),
  };
}

/** The checked actions of the `failureAlarm` argument; undefined when it is absent. */
function failureAlarmActions(
  failureAlarm: AlertTopicArgs["failureAlarm"],
  fail: Fail,
): pulumi.Output<string>[] | undefined {
  if (failureAlarm === undefined) return undefined;
  const actions: unknown =
    typeof failureAlarm === "object" ? failureAlarm?.alarmActions : undefined;
  if (!Array.isArray(actions) || actions.length === 0) {
    fail(
      "failureAlarm: expected { alarmActions: [<SNS topic ARN>, ...] } with at least one " +
        `action; got ${show(failureAlarm)}`,
    );
  }
  return (actions as pulumi.Input<string>[]).map((action, i) =>
    checkInput(`failureAlarm.alarmActions[${i}]`, action, checkTopicArn, fail),
  );
}
