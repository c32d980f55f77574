/**
 * SNS topics as alarm actions and rule targets: which topics of the stack a resource notifies,
 * and whether a topic has a subscription, linked by property dependencies or by ARN.
 */
import { isUnknown, knownStrings } from "./known";
import { sameAs, StackResource, StackView } from "./stack-view";
import { allTri, anyTri, Tri } from "./tri";

/** Type token of an SNS topic. */
export const TOPIC_TYPE = "aws:sns/topic:Topic";

/** Type token of an SNS subscription. */
export const SUBSCRIPTION_TYPE = "aws:sns/topicSubscription:TopicSubscription";

/** A topic's identifiers: the AWS provider uses the ARN as the topic's ID. */
export function topicIds(topic: StackResource): (value: string) => boolean {
  return sameAs(topic, "arn", "id");
}

/** True for an SNS topic ARN. */
export function isTopicArn(value: string): boolean {
  return /^arn:[^:]+:sns:[^:]*:[^:]*:[^:]+$/.test(value);
}

/** The topics of the stack that `from.<prop>` (an ARN or a list of ARNs) may refer to. */
export function topicsReferencedBy(
  view: StackView,
  from: StackResource,
  prop: string,
): { topic: StackResource; refers: Tri }[] {
  return view
    .ofType(TOPIC_TYPE)
    .map((topic) => ({ topic, refers: view.refersTo(from, prop, topic, topicIds(topic)) }))
    .filter((t) => t.refers !== false);
}

/** Whether some subscription of the stack subscribes to `topic` (a resource, or an ARN). */
export function isSubscribed(view: StackView, topic: StackResource | string): Tri {
  const matches = typeof topic === "string" ? (v: string) => v === topic : topicIds(topic);
  return anyTri(
    view.ofType(SUBSCRIPTION_TYPE).map((sub) => {
      if (typeof topic !== "string") return view.refersTo(sub, "topic", topic, matches);
      const value = sub.props.topic;
      if (isUnknown(value))
        return (sub.propertyDependencies.topic ?? []).length ? false : "unknown";
      return typeof value === "string" && matches(value);
    }),
  );
}

/**
 * Whether `from.<prop>` (e.g. an alarm's alarmActions) names an SNS topic with a subscription:
 * a topic resource of the stack, or a topic ARN from outside the stack that a subscription of the
 * stack names.
 */
export function notifiesSubscribedTopic(view: StackView, from: StackResource, prop: string): Tri {
  const topics = topicsReferencedBy(view, from, prop);
  const viaTopics = topics.map(({ topic, refers }) => allTri([refers, isSubscribed(view, topic)]));
  const value = from.props[prop];
  const list: unknown[] = Array.isArray(value) ? value : [value];
  const outside = knownStrings(list)
    .filter((arn) => isTopicArn(arn) && !view.ofType(TOPIC_TYPE).some((t) => topicIds(t)(arn)))
    .map((arn) => isSubscribed(view, arn));
  const deps = from.propertyDependencies[prop] ?? [];
  const unknown: Tri = list.some(isUnknown) && deps.length === 0 ? "unknown" : false;
  return anyTri([...viaTopics, ...outside, unknown]);
}
