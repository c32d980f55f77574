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
  checkQueueArn,
  show,
} from "./checks";
import {
  type SubscriptionProtocol,
  type SubscriptionSpec,
  subscriptionSpecs,
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
 * Checks every target and that there is at least one, then returns the specs.
 *
 * @param targets - the `targets` argument.
 * @param topicName - the topic, for the message when there is no target.
 * @param fail - the component's {@link Fail}.
 * @returns the subscription specs.
 * @throws Error naming the component and the offending entry.
 */
export function validateTargets(
  targets: NotificationTargets,
  topicName: string,
  fail: Fail,
): SubscriptionSpec[] {
  for (const { field, check } of TARGET_LISTS) {
    const list: unknown = targets?.[field];
    if (list === undefined) continue;
    if (!Array.isArray(list)) fail(`targets.${field}: ${show(list)} is not a list`);
    const seen = new Map<string, number>();
    (list as unknown[]).forEach((entry, index) => {
      const problem = typeof entry === "string" ? check(entry) : "is not a string";
      if (problem !== undefined) fail(`targets.${field}[${index}]: ${show(entry)} ${problem}`);
      // SNS holds one subscription per protocol and endpoint; e-mail addresses ignore case.
      const identity = field === "emails" ? (entry as string).toLowerCase() : (entry as string);
      const first = seen.get(identity);
      if (first !== undefined) {
        fail(`targets.${field}[${index}]: ${show(entry)} repeats targets.${field}[${first}]`);
      }
      seen.set(identity, index);
    });
  }
  const specs = subscriptionSpecs(targets);
  if (specs.length === 0) {
    fail(
      "targets: no e-mail, HTTPS, SQS or Lambda target; nobody would hear the alerts published " +
        `to topic "${topicName}"`,
    );
  }
  return specs;
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
  specs: SubscriptionSpec[],
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
  functionArn: string,
  childSuffix: string,
  wiring: SubscriptionWiring,
): aws.lambda.Permission {
  // arn:<p>:lambda:<region>:<account>:function:<name>[:<qualifier>]
  const parts = functionArn.split(":");
  const qualifier = parts[7];
  return new aws.lambda.Permission(
    `${name}-${childSuffix}-invoke`,
    {
      action: "lambda:InvokeFunction",
      function: parts.slice(0, 7).join(":"),
      ...(qualifier !== undefined ? { qualifier } : {}),
      // The permission lives with the function, which may be in another region than the topic.
      region: parts[3],
      principal: "sns.amazonaws.com",
      sourceArn: wiring.topicArn,
    },
    { parent },
  );
}
