/**
 * The subscriptions of an alert topic: the pure list derived from {@link NotificationTargets}, its
 * checks, and the resources that wire it to a topic.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { NotificationTargets } from "../config/model";
import {
  type Check,
  type Fail,
  checkEmail,
  checkHttpsUrl,
  checkLambdaArn,
  checkInput,
  shownInput,
  checkQueueArn,
  show,
} from "./checks";
import {
  type SubscriptionProtocol,
  type SubscriptionSpec,
  childSuffixOf,
  TARGET_PROTOCOLS,
} from "./subscription-plan";

/** Each target list, its protocol and the check of its entries. */
const CHECKS: Record<SubscriptionProtocol, Check> = {
  email: checkEmail,
  https: checkHttpsUrl,
  sqs: checkQueueArn,
  lambda: checkLambdaArn,
};
const TARGET_LISTS = TARGET_PROTOCOLS.map((t) => ({ ...t, check: CHECKS[t.protocol] }));

/**
 * Where alerts go (`kms-monitoring:security`, and the `critical` part of a routing; AlertTopic's
 * `targets`): the lists' items may be Outputs, the lists are plain (one subscription per item).
 */
export interface AlertTargets {
  /** E-mail addresses (SNS e-mail subscriptions; each recipient confirms once), compared without case. Defaults to `[]`. */
  emails?: pulumi.Input<string>[];
  /** `https:` URLs, such as a pager's SNS integration URL; `http:` is refused so alerts are encrypted in transit. Defaults to `[]`. */
  https?: pulumi.Input<string>[];
  /** SQS queue ARNs `arn:<partition>:sqs:<region>:<account>:<queue>` (not queue URLs); the queue policy must admit the topic. Defaults to `[]`. */
  sqs?: pulumi.Input<string>[];
  /** Lambda function ARNs `arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`. Defaults to `[]`. */
  lambda?: pulumi.Input<string>[];
}

/** A subscription to create: a {@link SubscriptionSpec} whose endpoint may be an Output. */
export type SubscriptionInput = Omit<SubscriptionSpec, "endpoint"> & {
  endpoint: pulumi.Input<string>;
};

/** How SNS tells two endpoints of a list apart: e-mail addresses ignore case. */
function identityOf(field: keyof NotificationTargets, entry: string): string {
  return field === "emails" ? entry.toLowerCase() : entry;
}

/**
 * Checks every target and that there is at least one, then returns the subscriptions. Plain
 * entries are checked now; an Output entry once it resolves (with the same message), and it is
 * named by its position (`<protocol>-item-<index>`), since a name cannot wait for its value.
 *
 * @param targets - the `targets` argument.
 * @param topicName - the topic, for the message when there is no target.
 * @param fail - the component's {@link Fail}.
 * @returns the subscriptions, in the order emails, https, sqs, lambda.
 * @throws Error naming the component and the offending entry.
 */
export function validateTargets(
  targets: AlertTargets,
  topicName: string,
  fail: Fail,
): SubscriptionInput[] {
  const subscriptions: SubscriptionInput[] = [];
  for (const { field, protocol, check } of TARGET_LISTS) {
    const list: unknown = targets?.[field];
    if (list === undefined) continue;
    if (!Array.isArray(list)) fail(`targets.${field}: ${show(list)} is not a list`);
    const entries = list as pulumi.Input<string>[];
    const seen = new Map<string, number>();
    const repeats = (entry: string, index: number, first: number | undefined): void => {
      if (first !== undefined && first !== index) {
        fail(`targets.${field}[${index}]: ${show(entry)} repeats targets.${field}[${first}]`);
      }
    };
    entries.forEach((entry, index) => {
      const path = `targets.${field}[${index}]`;
      if (pulumi.Output.isInstance(entry) || entry instanceof Promise) {
        // SNS holds one subscription per protocol and endpoint: checked against the whole list.
        const endpoint = pulumi
          .all([checkInput(path, entry, check, fail), pulumi.all(entries)])
          .apply(async ([value, all]) => {
            const first = all.findIndex((v) => identityOf(field, v) === identityOf(field, value));
            if (first !== index) {
              const shown = await shownInput(pulumi.output(entry), value);
              fail(`${path}: ${shown} repeats targets.${field}[${first}]`);
            }
            return value;
          });
        const childSuffix = `${protocol}-item-${index}`;
        subscriptions.push({ protocol, endpoint, childSuffix, monthlyCostUsd: 0, quotas: [] });
        return;
      }
      const problem = typeof entry === "string" ? check(entry) : "is not a string";
      if (problem !== undefined) fail(`${path}: ${show(entry)} ${problem}`);
      repeats(entry, index, seen.get(identityOf(field, entry)));
      seen.set(identityOf(field, entry), index);
      const childSuffix = childSuffixOf(protocol, entry);
      subscriptions.push({ protocol, endpoint: entry, childSuffix, monthlyCostUsd: 0, quotas: [] });
    });
  }
  if (subscriptions.length === 0) {
    fail(
      "targets: no e-mail, HTTPS, SQS or Lambda target; nobody would hear the alerts published " +
        `to topic "${topicName}"`,
    );
  }
  return subscriptions;
}

/** What {@link createSubscriptions} wires a spec to. */
export interface SubscriptionWiring {
  /** ARN of the topic. */
  topicArn: pulumi.Output<string>;
  /** Dead-letter queue of every subscription; none when undefined. */
  deadLetterQueueArn?: pulumi.Output<string>;
}

/**
 * Creates `<name>-<childSuffix>` (aws.sns.TopicSubscription) for each spec, and for Lambda
 * targets `<name>-<childSuffix>-invoke` (aws.lambda.Permission) first, so that no notification
 * reaches a function that may not yet be invoked by SNS.
 *
 * @param name - the component's name.
 * @param parent - the component.
 * @param specs - the subscriptions.
 * @param wiring - see {@link SubscriptionWiring}.
 * @returns the subscriptions, in spec order.
 */
export function createSubscriptions(
  name: string,
  parent: pulumi.Resource,
  specs: SubscriptionInput[],
  wiring: SubscriptionWiring,
): aws.sns.TopicSubscription[] {
  const redrivePolicy = wiring.deadLetterQueueArn?.apply((deadLetterTargetArn) =>
    JSON.stringify({ deadLetterTargetArn }),
  );
  return specs.map(({ protocol, endpoint, childSuffix }) => {
    const dependsOn: pulumi.Resource[] = [];
    if (protocol === "lambda")
      dependsOn.push(lambdaPermission(name, parent, endpoint, childSuffix, wiring));
    return new aws.sns.TopicSubscription(
      `${name}-${childSuffix}`,
      {
        topic: wiring.topicArn,
        protocol,
        endpoint,
        // The endpoint must confirm from the URL SNS posts; it is not auto-confirmed.
        ...(protocol === "https" ? { endpointAutoConfirms: false } : {}),
        // Queue consumers get the alert itself, not the SNS envelope.
        ...(protocol === "sqs" ? { rawMessageDelivery: true } : {}),
        redrivePolicy,
      },
      { parent, dependsOn },
    );
  });
}

/** Lets SNS invoke the function (or its version/alias) for this topic only. */
function lambdaPermission(
  name: string,
  parent: pulumi.Resource,
  functionArn: pulumi.Input<string>,
  childSuffix: string,
  wiring: SubscriptionWiring,
): aws.lambda.Permission {
  const target =
    typeof functionArn === "string"
      ? permissionTarget(functionArn)
      : {
          function: pulumi.output(functionArn).apply((arn) => permissionTarget(arn).function),
          qualifier: pulumi.output(functionArn).apply((arn) => permissionTarget(arn).qualifier),
          region: pulumi.output(functionArn).apply((arn) => permissionTarget(arn).region),
        };
  return new aws.lambda.Permission(
    `${name}-${childSuffix}-invoke`,
    {
      action: "lambda:InvokeFunction",
      ...target,
      principal: "sns.amazonaws.com",
      sourceArn: wiring.topicArn,
    },
    { parent },
  );
}

/**
 * The function, qualifier and region of a Lambda target: the permission lives with the function,
 * which may be in another region than the topic.
 */
function permissionTarget(functionArn: string): {
  function: string;
  qualifier?: string;
  region: string;
} {
  // arn:<p>:lambda:<region>:<account>:function:<name>[:<qualifier>]
  const parts = functionArn.split(":");
  const qualifier = parts[7];
  return {
    function: parts.slice(0, 7).join(":"),
    ...(qualifier !== undefined ? { qualifier } : {}),
    region: parts[3],
  };
}
