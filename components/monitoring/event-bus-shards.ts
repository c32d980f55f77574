/**
 * EventBusShards: the shard buses of one region and the fan-out rules on the default bus that feed
 * them (see bus-plan.ts for why). Absent entirely when every group rule fits on the default bus.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { RegionBusPlan, shardBusNames } from "../groups/bus-plan";
import { names } from "../core/names";
import { TOKENS } from "../core/tokens";
import { RULE_TARGET_MAX_EVENT_AGE_SECONDS, RULE_TARGET_RETRIES } from "../groups/rule-plan";
import { eventBusForwardingPolicy, eventBusForwardingTrustPolicy, toJson } from "../iam";

/** Arguments of {@link EventBusShards}. */
export interface EventBusShardsArgs {
  /** Environment name, part of every physical name. */
  environment: string;
  /** The region's bus plan; must have at least one shard bus. */
  plan: RegionBusPlan;
  /** Account and partition of the region, for the role's policies. */
  accountId: string;
  partition: string;
  /** Dead-letter queue of events that could not be forwarded. */
  deadLetterQueueArn: pulumi.Input<string>;
  /**
   * The bus the fan-out rules live on when it is not the default bus (an organization hub's bus),
   * as an Output so the rules wait for it. Defaults to the default bus.
   */
  entryBusName?: pulumi.Input<string>;
}

/** Shard buses and their fan-out rules in one region. */
export class EventBusShards extends pulumi.ComponentResource {
  /** Shard bus names, in plan order. */
  readonly busNames: pulumi.Output<string[]>;
  /** Each shard bus's name as an Output, by planned name: rules on it depend on the bus. */
  readonly busNameOutputs: Record<string, pulumi.Output<string>>;

  constructor(name: string, args: EventBusShardsArgs, opts?: pulumi.ComponentResourceOptions) {
    if (args.plan.shardBuses.length === 0) {
      throw new Error(`EventBusShards "${name}": plan: no shard bus to create`);
    }
    if (!args.plan.forwardingRole) {
      throw new Error(`EventBusShards "${name}": plan: no forwarding role for the shard buses`);
    }
    const forwardingRole = args.plan.forwardingRole;
    super(TOKENS.EventBusShards, name, {}, opts);
    const { plan, accountId, partition } = args;
    const busNames = shardBusNames(plan);
    const buses = busNames.map(
      (busName, i) =>
        new aws.cloudwatch.EventBus(`${name}-shard-${i + 1}`, { name: busName }, { parent: this }),
    );
    const n = names(args.environment);
    // A rule on a custom bus is `rule/<bus>/<name>`.
    const entryBus = plan.fanOutRules[0]?.eventBusName;
    const rulePath = entryBus === undefined ? "" : `${entryBus}/`;
    const fanOutPattern = `arn:${partition}:events:${plan.region}:${accountId}:rule/${rulePath}${n.fanOutPrefix}-*`;
    // IAM is global: the planned name carries the region so each region has its own.
    const role = new aws.iam.Role(
      `${name}-forwarding-role`,
      {
        name: forwardingRole.name,
        assumeRolePolicy: toJson(
          eventBusForwardingTrustPolicy({ accountId, ruleArnPattern: fanOutPattern }),
        ),
      },
      { parent: this },
    );
    new aws.iam.RolePolicy(
      `${name}-forwarding-policy`,
      {
        role: role.name,
        policy: pulumi
          .all(buses.map((b) => b.arn))
          .apply((busArns) => toJson(eventBusForwardingPolicy({ busArns }))),
      },
      { parent: this },
    );
    const busByName = new Map(busNames.map((n, i) => [n, buses[i]]));
    plan.fanOutRules.forEach((spec, i) => {
      const rule = new aws.cloudwatch.EventRule(
        `${name}-fanout-${i + 1}`,
        {
          name: spec.name,
          ...(spec.eventBusName !== undefined
            ? { eventBusName: args.entryBusName ?? spec.eventBusName }
            : {}),
          description: `Forwards KMS events to ${spec.targetBuses.join(", ")}`,
          eventPattern: JSON.stringify(spec.eventPattern),
          // Read-only calls (a Decrypt on a key pending deletion) reach only rules in this state.
          state: "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS",
        },
        { parent: this },
      );
      spec.targetBuses.forEach((busName, t) => {
        const bus = busByName.get(busName);
        if (!bus) throw new Error(`EventBusShards "${name}": unknown bus ${busName}`);
        new aws.cloudwatch.EventTarget(
          `${name}-fanout-${i + 1}-to-${busName}`,
          {
            rule: rule.name,
            eventBusName: rule.eventBusName,
            targetId: `shard-${t + 1}`,
            arn: bus.arn,
            roleArn: role.arn,
            retryPolicy: {
              maximumRetryAttempts: RULE_TARGET_RETRIES,
              maximumEventAgeInSeconds: RULE_TARGET_MAX_EVENT_AGE_SECONDS,
            },
            deadLetterConfig: { arn: args.deadLetterQueueArn },
          },
          { parent: this },
        );
      });
    });
    this.busNames = pulumi.all(buses.map((b) => b.name));
    this.busNameOutputs = Object.fromEntries(busNames.map((n, i) => [n, buses[i].name]));
    this.registerOutputs({ busNames: this.busNames });
  }
}
