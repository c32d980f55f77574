/**
 * KmsMonitoring, the facade: the audit trail, the account-wide alarms (CIS 4.7 among them), the
 * shared alerting of every region, and one KeyGroupMonitor per key group, from one validated
 * model. `KmsMonitoring.create` does the deploy-time key lookups first, so the constructor only
 * wires a plan that is already complete.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type { StackModel, TrailModel } from "../config/model";
import { AccountKmsAlarms } from "../account/account-kms-alarms";
import type { AccountRef } from "../core/place";
import { TOKENS } from "../core/tokens";
import { KeyGroupMonitor, GroupRegionContext } from "../groups/key-group-monitor";
import type { ResolvedKeyGroup } from "../groups/resolved";
import { resolveKeyGroups } from "../groups/resolve-keys";
import { planStack, StackPlan, TrailPlan } from "../plan/stack-plan";
import { KmsAuditTrail, KmsAuditTrailArgs } from "../trail";
import { RequestQuotaAlarms, TamperAlarms, UsageBaseline } from "../watchers";
import { dashboardInput, KmsDashboard } from "../dashboard";
import { EventBusShards } from "./event-bus-shards";
import { MemberStackSet, OrganizationHubRegion } from "../organization/hub";
import { RegionAlerting } from "./region-alerting";
import { regionsToLookUp } from "./regions";

/** Arguments of {@link KmsMonitoring}. */
export interface KmsMonitoringArgs {
  /** The validated stack model (see parseStackConfig). */
  model: StackModel;
  /** The key groups with their keys resolved (see resolveKeyGroups). */
  groups: ResolvedKeyGroup[];
  /** A provider for every region other than the stack's that has watched keys. */
  providers: Record<string, aws.Provider>;
  /** The account the stack deploys to (12 digits). */
  accountId: string;
  /** Its partition. Defaults to "aws". */
  partition?: string;
  /**
   * The plan to realise: planStack(model, groups, account). Defaults to computing it; give it when
   * you need the plan too, so it is computed once.
   */
  plan?: StackPlan;
}

/**
 * The audit trail's arguments: names from the plan, retention and lifecycle from the model.
 *
 * @param plan - the stack plan's trail.
 * @param trail - the trail part of the model.
 */
export function auditTrailArgs(plan: TrailPlan, trail: TrailModel): KmsAuditTrailArgs {
  if (trail.mode === "existing") {
    return {
      mode: "existing",
      existingLogGroupName: plan.logGroupName,
      existingTrailArn: trail.trailArn,
    };
  }
  return {
    mode: trail.mode,
    trailName: plan.trailName,
    logGroupName: plan.logGroupName,
    logRetentionDays: trail.logRetentionDays,
    transitionToInfrequentAccessDays: trail.transitionToInfrequentAccessDays,
    transitionToGlacierDays: trail.transitionToGlacierDays,
    expireAfterDays: trail.expireAfterDays,
    retainOnDelete: trail.retainOnDelete,
    forceDestroy: trail.forceDestroy,
  };
}

/** Watches every KMS key of an environment. */
export class KmsMonitoring extends pulumi.ComponentResource {
  /** ARN of the trail (undefined when an existing log group is used without its trail ARN). */
  readonly trailArn: pulumi.Output<string | undefined>;
  /** The log group the account alarms read. */
  readonly logGroupName: pulumi.Output<string>;
  /** Security topic ARN per region. */
  readonly securityTopicArns: pulumi.Output<Record<string, string>>;
  /** Console URLs of the environment's dashboard(s). */
  readonly dashboardUrls: pulumi.Output<string[]>;
  /** Per group: topic ARNs by `<region>/<route>`. */
  readonly groupTopicArns: pulumi.Output<Record<string, Record<string, string>>>;

  /**
   * Looks up the account, creates a provider per extra region, resolves the groups' keys
   * (warning about keys it cannot describe), then builds the monitoring.
   */
  static async create(
    name: string,
    model: StackModel,
    opts?: pulumi.ComponentResourceOptions,
  ): Promise<KmsMonitoring> {
    return new KmsMonitoring(name, { model, ...(await lookUpMonitoring(name, model)) }, opts);
  }

  constructor(name: string, args: KmsMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    const account: AccountRef = { accountId: args.accountId, partition: args.partition ?? "aws" };
    const plan = args.plan ?? planStack(args.model, args.groups, account);
    const missing = plan.regions.filter((r) => r !== args.model.region && !args.providers[r]);
    if (missing.length > 0) {
      throw new Error(`KmsMonitoring "${name}": providers: none for ${missing.join(", ")}`);
    }
    super(TOKENS.KmsMonitoring, name, {}, opts);
    const { model } = args;

    const contexts: Record<string, GroupRegionContext & { alerting: RegionAlerting }> = {};
    const shardNames: Record<string, Record<string, pulumi.Output<string>>> = {};
    const sinkArns: Record<string, pulumi.Output<string>> = {};
    for (const regionPlan of plan.alerting) {
      const { region, publishers } = regionPlan;
      const provider = region === model.region ? undefined : args.providers[region];
      const childOpts = { parent: this, providers: provider ? [provider] : undefined };
      const alerting = new RegionAlerting(
        `${name}-${region}`,
        { environment: model.environment, securityTargets: model.security, region, publishers },
        childOpts,
        { plan: regionPlan, account },
      );
      new RequestQuotaAlarms(
        `${name}-${region}-quotas`,
        {
          environment: model.environment,
          region,
          quotaAlarmPercent: model.quotaAlarmPercent,
          alarmActions: [alerting.securityTopicArn],
        },
        childOpts,
        plan.quotaAlarms.filter((a) => a.region === region),
        plan.usageBands.filter((a) => a.region === region),
      );
      const hubPlan = plan.organization?.hubRegions.find((h) => h.region === region);
      const hub =
        hubPlan &&
        new OrganizationHubRegion(
          `${name}-${region}-hub`,
          {
            plan: hubPlan,
            securityTopicArn: alerting.securityTopicArn,
            deadLetterQueueArn: alerting.deadLetterQueueArn,
          },
          childOpts,
        );
      if (hub && hubPlan) {
        sinkArns[region] = hub.sinkArn;
        shardNames[region] = { [hubPlan.busName]: hub.busName };
      }
      const busPlan = plan.buses.find((b) => b.region === region);
      if (busPlan && busPlan.shardBuses.length > 0) {
        const shards = new EventBusShards(
          `${name}-${region}-buses`,
          {
            environment: model.environment,
            plan: busPlan,
            accountId: account.accountId,
            partition: account.partition,
            deadLetterQueueArn: alerting.deadLetterQueueArn,
            ...(hub ? { entryBusName: hub.busName } : {}),
          },
          childOpts,
        );
        shardNames[region] = { ...shardNames[region], ...shards.busNameOutputs };
      }
      contexts[region] = {
        alerting,
        provider,
        topicKeyArn: alerting.topicKeyArn,
        deadLetterQueueArn: alerting.deadLetterQueueArn,
        publishers,
        account,
      };
    }

    if (plan.organization) {
      new MemberStackSet(
        `${name}-members`,
        { plan: plan.organization.stackSet, hubAccountId: account.accountId, sinkArns },
        { parent: this },
      );
    }

    const securityTopic = contexts[model.region].alerting.securityTopicArn;
    const trail = new KmsAuditTrail(
      `${name}-trail`,
      auditTrailArgs(plan.trail, model.trail),
      { parent: this },
      { place: { ...account, region: plan.trail.region } },
    );
    new AccountKmsAlarms(
      `${name}-account`,
      {
        environment: model.environment,
        logGroupName: trail.logGroupName,
        alarmActions: [securityTopic],
      },
      { parent: this },
      plan.accountFilters,
    );

    new TamperAlarms(
      `${name}-tamper`,
      {
        environment: model.environment,
        logGroupName: trail.logGroupName,
        trailName: plan.trail.watchedTrailName,
        alarmActions: [securityTopic],
      },
      { parent: this },
      { tamperAlarms: plan.tamperAlarms, silenceAlarm: plan.silenceAlarm },
    );

    const monitors = args.groups
      .filter((g) => g.keys.length > 0)
      .map((group) => {
        const groupPlan = plan.groups.find((g) => g.name === group.model.name);
        const regions: Record<string, GroupRegionContext> = {};
        for (const region of new Set(group.keys.map((k) => k.region))) {
          const bus = plan.buses.find((b) => b.region === region)?.busOfGroup[group.model.name];
          regions[region] = {
            ...contexts[region],
            // An Output, so rules wait for their shard bus to exist.
            eventBusName: bus && bus !== "default" ? shardNames[region][bus] : undefined,
          };
        }
        const monitor = new KeyGroupMonitor(
          `${name}-${group.model.name}`,
          { environment: model.environment, group, regions, plan: groupPlan },
          { parent: this },
        );
        // The baseline warns the group's non-critical route of each region. Opt-in: a group
        // without one (the default) gets no UsageBaseline component at all.
        const warningTopic = (region: string) =>
          monitor.topicArns.apply((t) => t[`${region}/standard`] ?? t[`${region}/all`]);
        if (groupPlan && groupPlan.baselineAlarms.length === 0)
          return [group.model.name, monitor] as const;
        new UsageBaseline(
          `${name}-${group.model.name}-baseline`,
          {
            environment: model.environment,
            group,
            regions: Object.fromEntries(
              Object.entries(regions).map(([r, c]) => [
                r,
                { provider: c.provider, alarmActions: [warningTopic(r)] },
              ]),
            ),
            plan: groupPlan?.baselineAlarms,
          },
          { parent: this },
        );
        return [group.model.name, monitor] as const;
      });

    const dashboard = new KmsDashboard(
      `${name}-dashboard`,
      dashboardInput(plan, args.groups),
      { parent: this },
      plan.dashboards,
    );

    this.dashboardUrls = dashboard.dashboardUrls;
    this.trailArn = trail.trailArn;
    this.logGroupName = trail.logGroupName;
    this.securityTopicArns = outputRecord(
      Object.entries(contexts).map(([r, c]) => [r, c.alerting.securityTopicArn]),
    );
    this.groupTopicArns = outputRecord(monitors.map(([g, m]) => [g, m.topicArns]));
    this.registerOutputs({
      trailArn: this.trailArn,
      logGroupName: this.logGroupName,
      securityTopicArns: this.securityTopicArns,
      groupTopicArns: this.groupTopicArns,
      dashboardUrls: this.dashboardUrls,
    });
  }
}

/** What {@link KmsMonitoring} needs besides the model: the deploy-time lookups. */
export type MonitoringLookups = Omit<KmsMonitoringArgs, "model">;

/**
 * The deploy-time part of {@link KmsMonitoring.create}: looks up the account and partition,
 * creates a provider per region other than the stack's (named `<name>-<region>`, with
 * `providerOpts`, e.g. a parent), and resolves the groups' keys (warning about keys it cannot
 * describe).
 */
export async function lookUpMonitoring(
  name: string,
  model: StackModel,
  providerOpts?: pulumi.CustomResourceOptions,
): Promise<MonitoringLookups> {
  const [identity, partition] = await Promise.all([aws.getCallerIdentity(), aws.getPartition()]);
  const awsConfig = new pulumi.Config("aws");
  const providers: Record<string, aws.Provider> = {};
  for (const region of regionsToLookUp(model)) {
    if (region === model.region) continue;
    providers[region] = new aws.Provider(
      `${name}-${region}`,
      { ...inheritedProviderSettings(awsConfig), region },
      providerOpts,
    );
  }
  const groups = await resolveKeyGroups(model, {
    providers,
    warn: (message) => void pulumi.log.warn(message),
    account: { partition: partition.partition, accountId: identity.accountId },
  });
  return { groups, providers, accountId: identity.accountId, partition: partition.partition };
}

/**
 * The stack's `aws:` settings that an explicit provider does not read by itself: credentials and
 * role, allowed accounts, default tags. Without them, resources in other regions could be deployed
 * with other credentials or without the stack's tags.
 */
function inheritedProviderSettings(config: pulumi.Config): aws.ProviderArgs {
  return {
    profile: config.get("profile"),
    sharedConfigFiles: config.getObject<string[]>("sharedConfigFiles"),
    sharedCredentialsFiles: config.getObject<string[]>("sharedCredentialsFiles"),
    assumeRoles: config.getObject<aws.types.input.ProviderAssumeRole[]>("assumeRoles"),
    allowedAccountIds: config.getObject<string[]>("allowedAccountIds"),
    defaultTags: config.getObject<aws.types.input.ProviderDefaultTags>("defaultTags"),
  };
}

function outputRecord<T>(entries: [string, pulumi.Input<T>][]): pulumi.Output<Record<string, T>> {
  return pulumi
    .all(entries.map(([k, v]) => pulumi.output(v).apply((value) => [k, value] as [string, T])))
    .apply((pairs) => Object.fromEntries(pairs) as Record<string, T>);
}
