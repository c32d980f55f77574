/**
 * The resources of a new-key rule (components/alerts/new-key-rule.ts): the EventBridge rule and its
 * target, the security topic, with the message, a day of retries and the region's dead-letter
 * queue. Shared by RegionAlerting (the default bus) and an organization hub (its bus).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { NewKeyRuleSpec } from "./new-key-rule";

/** Where a new-key rule sends its alert. */
export interface NewKeyRuleWiring {
  /** The region's security topic. */
  topicArn: pulumi.Input<string>;
  /** The region's dead-letter queue. */
  deadLetterQueueArn: pulumi.Input<string>;
  /** The bus the rule is on. Defaults to the region's default bus. */
  eventBusName?: pulumi.Input<string>;
}

/**
 * Creates a new-key rule and its target.
 *
 * @param logical - the rule's logical name; the target's is `<logical>-target`.
 * @param spec - the planned rule.
 * @param wiring - topic, dead-letter queue and bus.
 * @param parent - the component both belong to.
 */
export function newKeyRule(
  logical: string,
  spec: Omit<NewKeyRuleSpec, "call">,
  wiring: NewKeyRuleWiring,
  parent: pulumi.Resource,
): aws.cloudwatch.EventRule {
  const rule = new aws.cloudwatch.EventRule(
    logical,
    {
      name: spec.name,
      description: spec.description,
      eventBusName: wiring.eventBusName,
      eventPattern: JSON.stringify(spec.eventPattern),
    },
    { parent },
  );
  new aws.cloudwatch.EventTarget(
    `${logical}-target`,
    {
      rule: rule.name,
      eventBusName: wiring.eventBusName,
      arn: wiring.topicArn,
      inputTransformer: spec.transformer,
      retryPolicy: {
        maximumRetryAttempts: spec.target.maximumRetryAttempts,
        maximumEventAgeInSeconds: spec.target.maximumEventAgeSeconds,
      },
      deadLetterConfig: { arn: wiring.deadLetterQueueArn },
    },
    { parent },
  );
  return rule;
}
