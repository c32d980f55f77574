/**
 * The organization part of a hub stack's plan (pure): per region the bus members forward to, its
 * OAM sink and the rules routing key creation to security; the StackSet that rolls the member
 * template out to the OUs; and the coverage the members list gives.
 */
import type { OrganizationModel, StackModel } from "../config/model";
import type { AlarmSpec } from "../alarms/spec";
import { AWS_LIMITS, type Quota } from "../core/limits";
import { names } from "../core/names";
import type { AccountRef } from "../core/place";
import type { PolicyDocument } from "../iam/policy-document";
import type { ResolvedKeyGroup } from "../groups/resolved";
import { planNewKeyRules, type NewKeyRuleSpec } from "../alerts/new-key-rule";
import type { AccountName } from "../groups/account-line";
import {
  MEMBER_PARAMETERS,
  memberTemplate,
  renderTemplate,
  templateSummary,
  type CfnTemplate,
} from "./member-template";
import { hubBusPolicy, hubSinkPolicy } from "./policies";
import { planMemberAlarmRule, type MemberAlarmRuleSpec } from "./member-alarm-rule";
import { memberAlarmsMonthlyUsd, planMemberAlarms } from "./member-alarms";

/** The hub's receiving side in one region. */
export interface HubRegionPlan {
  region: string;
  /** The custom bus members forward to; group and fan-out rules live on it. */
  busName: string;
  busArn: string;
  /** One statement, conditioned on the organization: its size does not grow with accounts. */
  busPolicy: PolicyDocument;
  /** The OAM sink members link their metrics to (same name as the bus). */
  sinkName: string;
  sinkPolicy: PolicyDocument;
  /** Route key creation in any member to the region's security topic, one rule per call. */
  newKeyRules: NewKeyRuleSpec[];
  /** Route members' own alarms (request quotas, usage bands) to the security topic. */
  memberAlarmRule: MemberAlarmRuleSpec;
  /** $0: custom buses, OAM sinks and links, and rules are free; senders pay for events. */
  monthlyCostUsd: number;
  quotas: Quota[];
}

/** The StackSet that deploys the member template. */
export interface StackSetPlan {
  name: string;
  /** Service-managed: CloudFormation creates the roles in the members through Organizations. */
  permissionModel: "SERVICE_MANAGED";
  callAs: OrganizationModel["callAs"];
  /** New accounts of the OUs get instances; accounts leaving them lose theirs. */
  autoDeployment: { enabled: true; retainStacksOnAccountRemoval: false };
  organizationalUnits: string[];
  /** One instance group per region: each carries its region's sink ARN as a parameter override. */
  regions: string[];
  operationPreferences: {
    maxConcurrentPercentage: number;
    failureTolerancePercentage: number;
    concurrencyMode: OrganizationModel["rollout"]["concurrencyMode"];
    regionConcurrencyType: OrganizationModel["rollout"]["regionConcurrency"];
  };
  /** The member template, and its body as the StackSet receives it. */
  template: CfnTemplate;
  templateBody: string;
  templateBytes: number;
  /** "AWS::IAM::Role, AWS::Events::Rule, AWS::Oam::Link; 2,826 bytes". */
  templateSummary: string;
  /** The parameter overridden per region instance: the sink of that region. */
  sinkParameter: string;
  /** The alarms each member keeps in each region (renamed from the one-account stack's). */
  memberAlarms: AlarmSpec[];
  /** What each member account pays a month for them in one region (us-east-1 list prices). */
  memberMonthlyCostUsdPerRegion: number;
  /** What each member account pays a month, in all the StackSet's regions. */
  memberMonthlyCostUsd: number;
  /** $0 to the hub: CloudFormation does not charge for AWS resource types. */
  monthlyCostUsd: number;
  quotas: Quota[];
}

/** A member account and region, with the groups that select keys there. */
export interface MemberCoverage {
  accountId: string;
  /** The account's name (`members[].name`); undefined when the config gives none. */
  name?: string;
  region: string;
  /** Groups with keys in this account and region; empty when no group selects one. */
  groups: string[];
}

/** The organization part of the plan. */
export interface OrganizationPlan {
  organizationId: string;
  hubAccountId: string;
  hubRegions: HubRegionPlan[];
  stackSet: StackSetPlan;
  /** Every member account and region of the config, with the groups selecting keys there. */
  members: MemberCoverage[];
}

const HUB_BUS_QUOTAS: Quota[] = [
  "eventBusesPerRegion",
  "eventBusPolicyLength",
  "sourceAccountsPerSink",
];
const STACK_SET_QUOTAS: Quota[] = [
  "templateBodyBytes",
  "stackInstancesPerStackSet",
  "organizationalUnitsPerOperation",
];

/** Member account ID to name, for the members the config names (`members[].name`). */
export function memberAccountNames(organization: OrganizationModel): Map<string, string> {
  return new Map(
    organization.members.flatMap((m) => (m.name === undefined ? [] : [[m.accountId, m.name]])),
  );
}

/** The members of `region` the config names, by account ID: what a hub message can list. */
function namedMembersIn(organization: OrganizationModel, region: string): AccountName[] {
  return organization.members
    .filter((m) => m.name !== undefined && m.regions.includes(region))
    .map((m) => ({ accountId: m.accountId, name: m.name }))
    .sort((a, b) => a.accountId.localeCompare(b.accountId));
}

/** The regions the organization spans: the stack's region, members' and keys' regions, sorted. */
export function organizationRegions(
  organization: OrganizationModel,
  stackRegions: readonly string[],
): string[] {
  const memberRegions = organization.members.flatMap((m) => m.regions);
  return [...new Set([...stackRegions, ...memberRegions])].sort();
}

/**
 * Plans the organization part of a hub stack.
 *
 * @param organization - the validated `kms-monitoring:organization`.
 * @param groups - the resolved key groups (their keys' accounts give the coverage).
 * @param account - the hub's account and partition.
 * @param environment - the environment name.
 * @param regions - the regions the organization spans (see {@link organizationRegions}).
 * @param watch - the stack's quota threshold and usage-band settings, which members' alarms share.
 */
export function planOrganization(
  organization: OrganizationModel,
  groups: readonly ResolvedKeyGroup[],
  account: AccountRef,
  environment: string,
  regions: readonly string[],
  watch: Pick<StackModel, "quotaAlarmPercent" | "usageBaseline">,
): OrganizationPlan {
  const n = names(environment);
  const memberAlarms = planMemberAlarms({
    environment,
    quotaAlarmPercent: watch.quotaAlarmPercent,
    usageBaseline: watch.usageBaseline,
    quotas: organization.memberQuotaAlarms,
    bands: organization.memberUsageBands,
  });
  const perRegion = memberAlarmsMonthlyUsd(memberAlarms);
  const hubRegions = regions.map((region) => {
    const busArn = `arn:${account.partition}:events:${region}:${account.accountId}:event-bus/${n.hubBus}`;
    return {
      region,
      busName: n.hubBus,
      busArn,
      busPolicy: hubBusPolicy(busArn, organization.organizationId),
      sinkName: n.hubBus,
      sinkPolicy: hubSinkPolicy(organization.organizationId),
      newKeyRules: planNewKeyRules(
        environment,
        region,
        n.hubNewKeyRule,
        namedMembersIn(organization, region),
      ),
      memberAlarmRule: planMemberAlarmRule(
        environment,
        region,
        namedMembersIn(organization, region),
      ),
      monthlyCostUsd: 0,
      quotas: [...HUB_BUS_QUOTAS],
    };
  });
  const template = memberTemplate(environment, account.accountId, memberAlarms);
  const templateBody = renderTemplate(template);
  const { rollout } = organization;
  const stackSet: StackSetPlan = {
    name: n.memberStackSet,
    permissionModel: "SERVICE_MANAGED",
    callAs: organization.callAs,
    autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
    organizationalUnits: [...organization.organizationalUnits],
    regions: [...regions],
    operationPreferences: {
      maxConcurrentPercentage: rollout.maxConcurrentPercent,
      failureTolerancePercentage: rollout.failureTolerancePercent,
      concurrencyMode: rollout.concurrencyMode,
      regionConcurrencyType: rollout.regionConcurrency,
    },
    template,
    templateBody,
    templateBytes: Buffer.byteLength(templateBody, "utf8"),
    templateSummary: templateSummary(template),
    sinkParameter: MEMBER_PARAMETERS.sinkArn,
    memberAlarms,
    memberMonthlyCostUsdPerRegion: perRegion,
    memberMonthlyCostUsd: Math.round(perRegion * regions.length * 100) / 100,
    monthlyCostUsd: 0,
    quotas: [...STACK_SET_QUOTAS],
  };
  if (stackSet.templateBytes > AWS_LIMITS.templateBodyBytes) {
    throw new Error(
      `the member template is ${stackSet.templateBytes} bytes; CloudFormation takes at most ${AWS_LIMITS.templateBodyBytes}`,
    );
  }
  const members = organization.members.flatMap((member) =>
    member.regions.map((region) => ({
      accountId: member.accountId,
      ...(member.name === undefined ? {} : { name: member.name }),
      region,
      groups: groups
        .filter((g) => g.keys.some((k) => k.accountId === member.accountId && k.region === region))
        .map((g) => g.model.name),
    })),
  );
  return {
    organizationId: organization.organizationId,
    hubAccountId: account.accountId,
    hubRegions,
    stackSet,
    members,
  };
}

/** Members and regions whose keys no group selects: only the new-key rule covers them. */
export function unselectedMembers(plan: OrganizationPlan): MemberCoverage[] {
  return plan.members.filter((m) => m.groups.length === 0);
}
