/**
 * Argument checks shared by the alert components. Each check returns why a value is unusable
 * (phrased to follow the quoted value), or undefined when it is fine. Arguments that may be
 * Outputs are checked at once when they are plain strings, else when they resolve.
 */
import * as pulumi from "@pulumi/pulumi";
import { outputState } from "../inputs/output-state";
import {
  ACCOUNT_SOURCE,
  isLambdaFunctionArn,
  isSqsQueueArn,
  PARTITION_SOURCE,
  REGION_SOURCE,
} from "../core/arn";
import { AWS_LIMITS } from "../core/limits";
import { emailProblem, httpsUrlProblem } from "../config/rules";

/** Throws an Error naming the component and its argument; never returns. */
export type Fail = (message: string) => never;

/** A check of one string: why it is unusable, or undefined. */
export type Check = (value: string) => string | undefined;

/**
 * The {@link Fail} of one component, prefixing every message with `<Type> "<name>": `.
 *
 * @param type - short component type, e.g. `AlertTopic`.
 * @param name - the component's name.
 * @returns the failing function.
 */
export function failFor(type: string, name: string): Fail {
  return (message: string): never => {
    throw new Error(`${type} "${name}": ${message}`);
  };
}

/** Renders a value as it would be written in code: strings quoted, the rest as JSON. */
export function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
}

/**
 * Checks a string argument that may be an Output: a plain string now (so bad input fails before
 * anything is registered), an Output once it resolves.
 *
 * @param field - argument name for the message, e.g. `alarmActions[0]`.
 * @param value - the argument.
 * @param check - the check to apply.
 * @param fail - the component's {@link Fail}.
 * @returns the value as an Output that carries the check.
 */
export function checkInput(
  field: string,
  value: pulumi.Input<string>,
  check: Check,
  fail: Fail,
): pulumi.Output<string> {
  const problemOf = (v: string) => (typeof v === "string" ? check(v) : "is not a string");
  if (!pulumi.Output.isInstance(value) && !(value instanceof Promise)) {
    const problem = problemOf(value as string);
    if (problem !== undefined) fail(`${field}: ${show(value)} ${problem}`);
  }
  const output = pulumi.output(value);
  return output.apply(async (v) => {
    const problem = problemOf(v);
    return problem === undefined ? v : fail(`${field}: ${await shownInput(output, v)} ${problem}`);
  });
}

/**
 * How an Output's value may appear in an error message: `[secret]` when the Output is secret (a
 * pager URL's token must not reach the CLI's output or CI logs), else the value.
 */
export async function shownInput(output: pulumi.Output<unknown>, value: unknown): Promise<string> {
  return (await outputState(output)).secret ? "[secret]" : show(value);
}

/**
 * Runs a policy builder, restating its error under the component's name (the builders check
 * that every ARN is in the deploying account, which is known only at deployment).
 *
 * @param fail - the component's {@link Fail}.
 * @param build - the builder call.
 * @returns what `build` returns.
 */
export function guarded<T>(fail: Fail, build: () => T): T {
  try {
    return build();
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const PARTITION = PARTITION_SOURCE;
const ACCOUNT = ACCOUNT_SOURCE;
const REGION = REGION_SOURCE;
// A pattern may use `*` for the region ("any region of the account").
const REGION_OR_ANY = `(?:${REGION}|\\*)`;
const TOPIC_NAME_CHARS = `[A-Za-z0-9_-]{1,${AWS_LIMITS.topicNameLength}}`;
const TOPIC_NAME = new RegExp(`^${TOPIC_NAME_CHARS}$`);
const QUEUE_NAME = new RegExp(`^[A-Za-z0-9_-]{1,${AWS_LIMITS.queueNameLength}}$`);
const TOPIC_ARN = new RegExp(`^arn:${PARTITION}:sns:${REGION}:${ACCOUNT}:${TOPIC_NAME_CHARS}$`);
const TOPIC_PATTERN = new RegExp(`^arn:${PARTITION}:sns:${REGION_OR_ANY}:${ACCOUNT}:[\\w*?-]+$`);
const RULE_PATTERN = new RegExp(
  `^arn:${PARTITION}:events:${REGION_OR_ANY}:${ACCOUNT}:rule/[\\w.*?/-]+$`,
);
const ALARM_PATTERN = new RegExp(
  `^arn:${PARTITION}:cloudwatch:${REGION_OR_ANY}:${ACCOUNT}:alarm:\\S+$`,
);

/** A standard SNS topic name (FIFO topics cannot take alarm actions). */
export const checkTopicName: Check = (v) =>
  TOPIC_NAME.test(v)
    ? undefined
    : "is not a standard SNS topic name (allowed: 1-256 letters, digits, hyphens and " +
      "underscores; no .fifo suffix)";

/** A standard SQS queue name (SNS and EventBridge dead letters need a standard queue). */
export const checkQueueName: Check = (v) =>
  QUEUE_NAME.test(v)
    ? undefined
    : "is not a standard SQS queue name (allowed: 1-80 letters, digits, hyphens and " +
      "underscores; no .fifo suffix)";

/** The ARN of one standard SNS topic. */
export const checkTopicArn: Check = (v) =>
  TOPIC_ARN.test(v)
    ? undefined
    : "is not an SNS topic ARN (expected arn:<partition>:sns:<region>:<account>:<topic name>)";

/** An ArnLike pattern of SNS topics. */
export const checkTopicPattern: Check = (v) =>
  TOPIC_PATTERN.test(v)
    ? undefined
    : "is not an SNS topic ARN pattern (expected arn:<partition>:sns:<region>:<account>:<name " +
      "prefix>*)";

/** An ArnLike pattern of EventBridge rules. */
export const checkRulePattern: Check = (v) =>
  RULE_PATTERN.test(v)
    ? undefined
    : "is not an EventBridge rule ARN pattern (expected arn:<partition>:events:<region>:" +
      "<account>:rule/<name prefix>*)";

/** An ArnLike pattern of CloudWatch alarms. */
export const checkAlarmPattern: Check = (v) =>
  ALARM_PATTERN.test(v)
    ? undefined
    : "is not a CloudWatch alarm ARN pattern (expected arn:<partition>:cloudwatch:<region>:" +
      "<account>:alarm:<name prefix>*)";

/** The ARN of a standard SQS queue. */
export const checkQueueArn: Check = (v) =>
  isSqsQueueArn(v) && !v.endsWith(".fifo")
    ? undefined
    : "is not a standard SQS queue ARN (expected arn:<partition>:sqs:<region>:<account>:" +
      "<queue name>)";

/** The ARN of a Lambda function, optionally with a version or alias. */
export const checkLambdaArn: Check = (v) =>
  isLambdaFunctionArn(v)
    ? undefined
    : "is not a Lambda function ARN (expected arn:<partition>:lambda:<region>:<account>:" +
      "function:<name>[:<version or alias>])";

/** An e-mail address, by the rule the stack config uses. */
export const checkEmail: Check = emailProblem;

/** An `https:` URL, by the rule the stack config uses. */
export const checkHttpsUrl: Check = httpsUrlProblem;
