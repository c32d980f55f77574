/**
 * KeyGroupMonitor: everything that watches one key group. It wires the group's plan (topics per
 * region and route, EventBridge rules scoped to the group's keys, expiry alarms) into resources;
 * the plan itself comes from pure functions (see planGroup).
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { AlertTopic } from "../alerts/alert-topic";
import { planGroup, GroupPlan } from "./group-plan";
import type { PublisherArnPatterns } from "./naming";
import type { ResolvedKeyGroup } from "./resolved";
import type { GroupRuleSpec } from "./rule-plan";
import type { ExpiryAlarmSpec } from "./expiry-plan";

/** What a group needs from each region it has keys in. */
export interface GroupRegionContext {
  /** Provider of the region; the inherited provider when absent (the stack's region). */
  provider?: aws.Provider;
  /** The region's shared alert-topic key. */
  topicKeyArn: pulumi.Input<string>;
  /** The region's dead-letter queue for undelivered events and notifications. */
  deadLetterQueueArn: pulumi.Input<string>;
  /** The bus the group's rules live on. Defaults to the default bus. */
  eventBusName?: pulumi.Input<string>;
  /** Our alarms and rules in the region, the only publishers the topics admit. */
  publishers: PublisherArnPatterns;
}

/** Arguments of {@link KeyGroupMonitor}. */
export interface KeyGroupMonitorArgs {
  /** Environment name, part of every physical name (`kmsmon-<environment>-<group>-...`). */
  environment: string;
  /** The group with its keys resolved (see resolveKeyGroups). */
  group: ResolvedKeyGroup;
  /** Context per region of the group's keys; every such region must be present. */
  regions: Record<string, GroupRegionContext>;
  /** Retries of an undeliverable event before it goes to the dead-letter queue. Defaults to 185. */
  maximumRetryAttempts?: number;
  /** Age after which EventBridge stops retrying, in seconds. Defaults to 86,400 (one day). */
  maximumEventAgeSeconds?: number;
}

/** What selects a group's keys, as registered on the component for policy packs. */
export function groupSelectors(group: ResolvedKeyGroup): {
  groupName: string;
  keyArns: string[];
  aliases: string[];
  tags: Record<string, string>;
} {
  return {
    groupName: group.model.name,
    keyArns: group.keys.map((k) => k.arn),
    aliases: [
      ...new Set([
        ...group.model.aliases.map((a) => a.name),
        ...group.keys.flatMap((k) => k.aliases),
      ]),
    ],
    tags: group.model.tags,
  };
}

/** Events are retried for a day (EventBridge's maximum) before they land in the queue. */
const DEFAULT_RETRIES = 185;
const DEFAULT_EVENT_AGE_SECONDS = 86400;

/**
 * The plan of each monitor. Kept off the instance: the schema analyzer of multi-language packages
 * takes every property of a component for an output, and the plan is not one.
 */
const plans = new WeakMap<KeyGroupMonitor, GroupPlan>();

/** Watches one key group: alerts on its keys' KMS events and on imported material nearing expiry. */
export class KeyGroupMonitor extends pulumi.ComponentResource {
  /** Topic ARNs by `<region>/<route>` (route: critical, standard or all). */
  readonly topicArns: pulumi.Output<Record<string, string>>;
  /** Names of the group's EventBridge rules. */
  readonly ruleNames: pulumi.Output<string[]>;
  /** Names of the expiry alarms. */
  readonly expiryAlarmNames: pulumi.Output<string[]>;

  /** The plan this component realised (pure data, for inspection and tests). */
  get plan(): GroupPlan {
    return plans.get(this)!;
  }

  constructor(name: string, args: KeyGroupMonitorArgs, opts?: pulumi.ComponentResourceOptions) {
    const plan = planGroup(args.group, args.environment);
    const missing = plan.regions.filter((r) => !args.regions[r]);
    if (missing.length > 0) {
      throw new Error(
        `KeyGroupMonitor "${name}": regions: no context for ${missing.join(", ")} ` +
          `(every region of the group's keys needs a topic key and a dead-letter queue)`,
      );
    }
    const selectors = groupSelectors(args.group);
    // The selectors are the component's inputs and outputs, so policy packs can tell which keys of
    // a stack are watched (by ARN, alias or tag): stack policies see registered outputs.
    super("kms-monitoring:index:KeyGroupMonitor", name, selectors, opts);
    plans.set(this, plan);

    const topics = new Map<string, AlertTopic>();
    for (const spec of plan.topics) {
      const ctx = args.regions[spec.region];
      topics.set(
        `${spec.region}/${spec.route}`,
        new AlertTopic(
          `${name}-${spec.region}-${spec.route}`,
          {
            topicName: spec.name,
            kmsKeyArn: ctx.topicKeyArn,
            targets: spec.targets,
            alarmArnPrefix: ctx.publishers.alarmArnPattern,
            ruleArnPrefix: ctx.publishers.ruleArnPattern,
            deadLetterQueueArn: ctx.deadLetterQueueArn,
          },
          { parent: this, providers: ctx.provider ? [ctx.provider] : undefined },
        ),
      );
    }
    const topicFor = (region: string, route: string) => {
      const topic = topics.get(`${region}/${route}`) ?? topics.get(`${region}/all`);
      if (!topic) throw new Error(`KeyGroupMonitor "${name}": no topic for ${region}/${route}`);
      return topic;
    };

    const rules = plan.rules.map((spec) =>
      this.createRule(name, spec, args, topicFor(spec.region, spec.route).topicArn),
    );
    const alarms = plan.expiryAlarms.map((spec) =>
      this.createExpiryAlarm(name, spec, args, topicFor(spec.region, "standard").topicArn),
    );

    this.topicArns = pulumi
      .all([...topics.entries()].map(([key, t]) => t.topicArn.apply((arn) => [key, arn] as const)))
      .apply((entries) => Object.fromEntries(entries));
    this.ruleNames = pulumi.output(rules.map((r) => r.name));
    this.expiryAlarmNames = pulumi.output(alarms.map((a) => a.name));
    this.registerOutputs({
      ...selectors,
      topicArns: this.topicArns,
      ruleNames: this.ruleNames,
      expiryAlarmNames: this.expiryAlarmNames,
    });
  }

  private createRule(
    name: string,
    spec: GroupRuleSpec,
    args: KeyGroupMonitorArgs,
    topicArn: pulumi.Input<string>,
  ): aws.cloudwatch.EventRule {
    const ctx = args.regions[spec.region];
    const opts = { parent: this, provider: ctx.provider };
    const logical = `${name}-${spec.region}-${spec.id}`;
    const rule = new aws.cloudwatch.EventRule(
      logical,
      {
        name: spec.name,
        description: spec.description,
        eventBusName: ctx.eventBusName,
        eventPattern: JSON.stringify(spec.eventPattern),
        state: spec.state,
      },
      opts,
    );
    new aws.cloudwatch.EventTarget(
      `${logical}-target`,
      {
        rule: rule.name,
        eventBusName: ctx.eventBusName,
        targetId: "alert-topic",
        arn: topicArn,
        inputTransformer: spec.transformer,
        retryPolicy: {
          maximumRetryAttempts: args.maximumRetryAttempts ?? DEFAULT_RETRIES,
          maximumEventAgeInSeconds: args.maximumEventAgeSeconds ?? DEFAULT_EVENT_AGE_SECONDS,
        },
        deadLetterConfig: { arn: ctx.deadLetterQueueArn },
      },
      opts,
    );
    return rule;
  }

  private createExpiryAlarm(
    name: string,
    spec: ExpiryAlarmSpec,
    args: KeyGroupMonitorArgs,
    topicArn: pulumi.Output<string>,
  ): aws.cloudwatch.MetricAlarm {
    return new aws.cloudwatch.MetricAlarm(
      `${name}-${spec.region}-expiry-${spec.dimensions.KeyId}`,
      {
        name: spec.name,
        alarmDescription: spec.description,
        namespace: spec.namespace,
        metricName: spec.metricName,
        dimensions: spec.dimensions,
        statistic: spec.statistic,
        period: spec.periodSeconds,
        evaluationPeriods: spec.evaluationPeriods,
        datapointsToAlarm: spec.datapointsToAlarm,
        threshold: spec.thresholdSeconds,
        comparisonOperator: spec.comparisonOperator,
        treatMissingData: spec.treatMissingData,
        actionsEnabled: true,
        alarmActions: [topicArn],
        okActions: [topicArn],
      },
      { parent: this, provider: args.regions[spec.region].provider },
    );
  }
}
