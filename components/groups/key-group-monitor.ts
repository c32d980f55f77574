/**
 * KeyGroupMonitor: everything that watches one key group. It wires the group's plan (topics per
 * region and route, EventBridge rules scoped to the group's keys, expiry alarms) into resources;
 * the plan itself comes from pure functions (see planGroup).
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { AlertTopic } from "../alerts/alert-topic";
import { createMetricAlarm } from "../alarms/metric-alarm";
import type { AlarmRole } from "../alarms/spec";
import type { AccountRef } from "../core/place";
import type { PublisherArnPatterns } from "../core/names";
import { TOKENS } from "../core/tokens";
import { planGroup, GroupPlan } from "./group-plan";
import type { ResolvedKeyGroup } from "./resolved";
import type { GroupRuleSpec } from "./rule-plan";

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
  /** The account, known to the facade; looked up by each topic when absent. */
  account?: AccountRef;
}

/** Arguments of {@link KeyGroupMonitor}. */
export interface KeyGroupMonitorArgs {
  /** Environment name, part of every physical name (`kmsmon-<environment>-<group>-...`). */
  environment: string;
  /** The group with its keys resolved (see resolveKeyGroups). */
  group: ResolvedKeyGroup;
  /** Context per region of the group's keys; every such region must be present. */
  regions: Record<string, GroupRegionContext>;
  /**
   * The group's slice of the stack plan (planStack), realised as given. Defaults to
   * planGroup(group, environment).
   */
  plan?: GroupPlan;
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

/** The group route that hears an alarm of each role; `all` when the group has one route. */
const ROUTE_OF_ROLE: Record<AlarmRole, string> = {
  "group-critical": "critical",
  "group-warning": "standard",
  // A group's alarms never tell the security team; no such topic exists in a group.
  security: "security",
};

/** Watches one key group: alerts on its keys' KMS events and on imported material nearing expiry. */
export class KeyGroupMonitor extends pulumi.ComponentResource {
  /** Topic ARNs by `<region>/<route>` (route: critical, standard or all). */
  readonly topicArns: pulumi.Output<Record<string, string>>;
  /** Names of the group's EventBridge rules. */
  readonly ruleNames: pulumi.Output<string[]>;
  /** Names of the expiry alarms. */
  readonly expiryAlarmNames: pulumi.Output<string[]>;

  constructor(name: string, args: KeyGroupMonitorArgs, opts?: pulumi.ComponentResourceOptions) {
    const plan = args.plan ?? planGroup(args.group, args.environment);
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
    super(TOKENS.KeyGroupMonitor, name, selectors, opts);

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
          ctx.account && { account: ctx.account },
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
      createMetricAlarm(
        `${name}-${spec.region}-expiry-${spec.keyId}`,
        spec,
        { actions: [topicFor(spec.region, ROUTE_OF_ROLE[spec.actions.role]).topicArn] },
        { parent: this, provider: args.regions[spec.region].provider },
      ),
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
        targetId: spec.target.id,
        arn: topicArn,
        inputTransformer: spec.transformer,
        retryPolicy: {
          maximumRetryAttempts: spec.target.maximumRetryAttempts,
          maximumEventAgeInSeconds: spec.target.maximumEventAgeSeconds,
        },
        deadLetterConfig: { arn: ctx.deadLetterQueueArn },
      },
      opts,
    );
    return rule;
  }
}
