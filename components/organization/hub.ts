/**
 * The hub's side of an organization, realising the organization plan: per region the bus members
 * forward to (with its organization-only policy), the OAM sink their metrics link to, and the rule
 * routing key creation in any member to security (with the message naming key and creator) and
 * the rule routing members' own alarms there; and the StackSet with one instance group per region,
 * carrying that region's sink.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

import { TOKENS } from "../core/tokens";
import { newKeyRule } from "../alerts/new-key-rule-resources";
import { toJson } from "../iam";
import type { HubRegionPlan, StackSetPlan } from "./org-plan";

/** Arguments of {@link OrganizationHubRegion}. */
export interface OrganizationHubRegionArgs {
  /** The region's part of the organization plan. */
  plan: HubRegionPlan;
  /** The region's security topic: where key creation in members goes. */
  securityTopicArn: pulumi.Input<string>;
  /** The region's dead-letter queue, for events the topic does not take. */
  deadLetterQueueArn: pulumi.Input<string>;
}

/** The hub's bus, bus policy, OAM sink and new-key rule in one region. */
export class OrganizationHubRegion extends pulumi.ComponentResource {
  /** The bus's name, once it exists: group and fan-out rules on it wait for it. */
  readonly busName: pulumi.Output<string>;
  /** The sink's ARN: the member template's HubSinkArn in this region. */
  readonly sinkArn: pulumi.Output<string>;

  constructor(
    name: string,
    args: OrganizationHubRegionArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(TOKENS.OrganizationHubRegion, name, {}, opts);
    const { plan } = args;
    const child = { parent: this };
    const bus = new aws.cloudwatch.EventBus(`${name}-bus`, { name: plan.busName }, child);
    new aws.cloudwatch.EventBusPolicy(
      `${name}-bus-policy`,
      { eventBusName: bus.name, policy: toJson(plan.busPolicy) },
      child,
    );
    const sink = new aws.oam.Sink(`${name}-sink`, { name: plan.sinkName }, child);
    new aws.oam.SinkPolicy(
      `${name}-sink-policy`,
      { sinkIdentifier: sink.arn, policy: toJson(plan.sinkPolicy) },
      child,
    );
    const wiring = {
      topicArn: args.securityTopicArn,
      deadLetterQueueArn: args.deadLetterQueueArn,
      eventBusName: bus.name,
    };
    for (const spec of plan.newKeyRules)
      newKeyRule(`${name}-new-key-${spec.call}`, spec, wiring, this);
    // Members' own alarms (request quotas) reach the same topic, naming the account.
    newKeyRule(`${name}-member-alarms`, plan.memberAlarmRule, wiring, this);
    this.busName = bus.name;
    this.sinkArn = sink.arn;
    this.registerOutputs({ busName: this.busName, sinkArn: this.sinkArn });
  }
}

/** Arguments of {@link MemberStackSet}. */
export interface MemberStackSetArgs {
  /** The StackSet's part of the organization plan. */
  plan: StackSetPlan;
  /** The hub's account: the template's HubAccountId. */
  hubAccountId: string;
  /** Each region's sink ARN, by region: the region's parameter override. */
  sinkArns: Record<string, pulumi.Input<string>>;
}

/** The service-managed StackSet of the member template and its instances on the OUs. */
export class MemberStackSet extends pulumi.ComponentResource {
  /** The StackSet's name. */
  readonly stackSetName: pulumi.Output<string>;

  constructor(name: string, args: MemberStackSetArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TOKENS.MemberStackSet, name, {}, opts);
    const { plan } = args;
    const prefs = plan.operationPreferences;
    const stackSet = new aws.cloudformation.StackSet(
      `${name}-stackset`,
      {
        name: plan.name,
        description: `kms-monitoring: the member part (${plan.templateSummary})`,
        permissionModel: plan.permissionModel,
        callAs: plan.callAs,
        autoDeployment: plan.autoDeployment,
        // The template names its role (one per region).
        capabilities: ["CAPABILITY_NAMED_IAM"],
        templateBody: plan.templateBody,
        parameters: { HubAccountId: args.hubAccountId },
        operationPreferences: {
          maxConcurrentPercentage: prefs.maxConcurrentPercentage,
          failureTolerancePercentage: prefs.failureTolerancePercentage,
          regionConcurrencyType: prefs.regionConcurrencyType,
        },
      },
      // AWS fills the administration role of a service-managed StackSet itself.
      { parent: this, ignoreChanges: ["administrationRoleArn"] },
    );
    for (const region of plan.regions) {
      new aws.cloudformation.StackSetInstance(
        `${name}-${region}`,
        {
          stackSetName: stackSet.name,
          callAs: plan.callAs,
          stackSetInstanceRegion: region,
          deploymentTargets: { organizationalUnitIds: plan.organizationalUnits },
          parameterOverrides: { [plan.sinkParameter]: args.sinkArns[region] },
          operationPreferences: {
            maxConcurrentPercentage: prefs.maxConcurrentPercentage,
            failureTolerancePercentage: prefs.failureTolerancePercentage,
            concurrencyMode: prefs.concurrencyMode,
          },
        },
        { parent: this },
      );
    }
    this.stackSetName = stackSet.name;
    this.registerOutputs({ stackSetName: this.stackSetName });
  }
}
