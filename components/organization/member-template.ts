/**
 * The member part of an organization, as a CloudFormation template the hub's StackSet deploys to
 * every account and region of the OUs: a rule forwarding the account's KMS events to the hub's bus
 * in the same region, the role the rule sends with (events:PutEvents on that bus only), an OAM
 * link sharing the account's metrics with the hub's sink, and the account's own request-quota
 * alarms with the rule forwarding them to the hub (member-alarms.ts). Pure and static: it refers to the
 * account only through parameters and pseudo-parameters, so it is identical in every account, and
 * a new account of an OU is watched as soon as its instance is created.
 */
import { groupAlertSignals } from "../signals/catalog";
import { accountEventPattern, type SignalEventPattern } from "../signals/event-patterns";
import { names } from "../core/names";
import { RULE_TARGET_MAX_EVENT_AGE_SECONDS, RULE_TARGET_RETRIES } from "../groups/rule-plan";
import type { AlarmSpec } from "../alarms/spec";
import { alarmResourceName, cfnAlarm, memberAlarmPattern } from "./member-alarms";

/** What the hub needs to know of a key being created anywhere: a new key no group selects yet. */
export const KEY_CREATION_EVENTS = ["CreateKey", "ReplicateKey"] as const;

/**
 * The pattern of key creation in a member, which the hub routes to the security targets.
 * TODO(coordinator): replace with the catalog's signal for keys created outside every group once
 * it lands (components/signals/catalog.ts), so the hub routes it like any other signal.
 */
export function keyCreationPattern(): SignalEventPattern {
  return {
    source: ["aws.kms"],
    "detail-type": ["AWS API Call via CloudTrail"],
    detail: {
      eventSource: ["kms.amazonaws.com"],
      eventName: [...KEY_CREATION_EVENTS],
      errorCode: [{ exists: false }],
    },
  } as SignalEventPattern;
}

/**
 * What a member forwards: the account-wide pattern the fan-out rules use (every group signal on
 * any key), and key creation.
 */
export function memberForwardPattern(): SignalEventPattern {
  const groups = accountEventPattern(groupAlertSignals()) as Record<string, unknown>;
  const groupClauses = "$or" in groups ? (groups.$or as unknown[]) : [withoutSource(groups)];
  const creation = withoutSource(keyCreationPattern() as Record<string, unknown>);
  return { source: ["aws.kms"], $or: [...groupClauses, creation] } as SignalEventPattern;
}

function withoutSource(pattern: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(pattern).filter(([key]) => key !== "source"));
}

/** Parameters of the member template; the StackSet sets them, per region where they differ. */
export const MEMBER_PARAMETERS = {
  /** The hub's account: the bus events go to, and the account that gets no OAM link. */
  hubAccountId: "HubAccountId",
  /** The ARN of the hub's OAM sink in the instance's region (a region-level override). */
  sinkArn: "HubSinkArn",
} as const;

/** A CloudFormation template, as plain JSON. */
export type CfnTemplate = Record<string, unknown> & { Resources: Record<string, CfnResource> };

/** One resource of a template. */
export interface CfnResource {
  Type: string;
  Condition?: string;
  Properties: Record<string, unknown>;
}

/**
 * The member template of an environment. Per account and region three resources, plus the alarms
 * and their rule; the hub account gets no OAM link (a monitoring account cannot link to itself)
 * and no alarms (its stack has them), by a condition on the account.
 *
 * @param environment - the hub's environment name (names the hub bus, rule and role).
 * @param hubAccountId - default of the HubAccountId parameter: the hub's account.
 * @param alarms - the member's own alarms (member-alarms.ts), with the rule forwarding their
 *   state changes; outside the hub account, which has the stack's. Default: none.
 */
export function memberTemplate(
  environment: string,
  hubAccountId: string,
  alarms: readonly AlarmSpec[] = [],
): CfnTemplate {
  const n = names(environment);
  const hubBusArn = {
    "Fn::Sub": `arn:\${AWS::Partition}:events:\${AWS::Region}:\${${MEMBER_PARAMETERS.hubAccountId}}:event-bus/${n.hubBus}`,
  };
  const hubTarget = (id: string) => ({
    Id: id,
    Arn: hubBusArn,
    RoleArn: { "Fn::GetAtt": ["ForwardRole", "Arn"] },
    RetryPolicy: {
      MaximumRetryAttempts: RULE_TARGET_RETRIES,
      MaximumEventAgeInSeconds: RULE_TARGET_MAX_EVENT_AGE_SECONDS,
    },
  });
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: `kms-monitoring ${environment}: forwards this account's KMS events to the hub's bus and shares its metrics with the hub (deployed by the StackSet ${n.memberStackSet}).`,
    Parameters: {
      [MEMBER_PARAMETERS.hubAccountId]: {
        Type: "String",
        AllowedPattern: "^\\d{12}$",
        Default: hubAccountId,
        Description: "The hub (security or monitoring) account.",
      },
      [MEMBER_PARAMETERS.sinkArn]: {
        Type: "String",
        Description: "ARN of the hub's OAM sink in this region.",
      },
    },
    Conditions: {
      NotHub: {
        "Fn::Not": [
          { "Fn::Equals": [{ Ref: "AWS::AccountId" }, { Ref: MEMBER_PARAMETERS.hubAccountId }] },
        ],
      },
    },
    Resources: {
      ForwardRole: {
        Type: "AWS::IAM::Role",
        Properties: {
          // IAM is global: one role per region, named after it.
          RoleName: { "Fn::Sub": `${n.memberRolePrefix}\${AWS::Region}` },
          Description: `Lets ${n.memberRule} put this account's KMS events on the hub's bus.`,
          AssumeRolePolicyDocument: {
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Principal: { Service: "events.amazonaws.com" },
                Action: "sts:AssumeRole",
                // Only EventBridge acting for this account (confused deputy).
                Condition: { StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } } },
              },
            ],
          },
          Policies: [
            {
              PolicyName: "put-events-on-hub-bus",
              PolicyDocument: {
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Action: "events:PutEvents", Resource: hubBusArn }],
              },
            },
          ],
        },
      },
      ForwardRule: {
        Type: "AWS::Events::Rule",
        Properties: {
          Name: n.memberRule,
          Description: `Forwards KMS events to ${n.hubBus} in the hub account, same region.`,
          EventPattern: memberForwardPattern(),
          // Read-only calls (a Decrypt on a key pending deletion) reach only rules in this state.
          State: "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS",
          Targets: [hubTarget("hub")],
        },
      },
      ...memberAlarmResources(environment, alarms, hubTarget("hub")),
      MetricsLink: {
        Type: "AWS::Oam::Link",
        Condition: "NotHub",
        Properties: {
          // The account's name, then its ID: what hub alarms and dashboards show.
          LabelTemplate: "$AccountName",
          ResourceTypes: ["AWS::CloudWatch::Metric"],
          SinkIdentifier: { Ref: MEMBER_PARAMETERS.sinkArn },
        },
      },
    },
  };
}

/** The member's alarms and the rule forwarding their alarm state changes to the hub's bus. */
function memberAlarmResources(
  environment: string,
  alarms: readonly AlarmSpec[],
  target: Record<string, unknown>,
): Record<string, CfnResource> {
  if (alarms.length === 0) return {};
  const n = names(environment);
  const resources: Record<string, CfnResource> = {};
  for (const alarm of alarms) {
    resources[`Alarm${alarmResourceName(alarm, environment)}`] = {
      ...cfnAlarm(alarm),
      Condition: "NotHub",
    };
  }
  resources.AlarmForwardRule = {
    Type: "AWS::Events::Rule",
    Condition: "NotHub",
    Properties: {
      Name: n.memberAlarmRule,
      Description: `Forwards this account's ${n.memberAlarmPrefix}* alarms to ${n.hubBus} in the hub account, same region.`,
      EventPattern: memberAlarmPattern(environment),
      State: "ENABLED",
      Targets: [target],
    },
  };
  return resources;
}

/** The template body as the StackSet receives it (compact JSON). */
export function renderTemplate(template: CfnTemplate): string {
  return JSON.stringify(template);
}

/** A one-line summary of a template: its resources by type ("x3" when several), and its size. */
export function templateSummary(template: CfnTemplate): string {
  const counts = new Map<string, number>();
  for (const r of Object.values(template.Resources))
    counts.set(r.Type, (counts.get(r.Type) ?? 0) + 1);
  const types = [...counts].map(([type, count]) => (count > 1 ? `${type} x${count}` : type));
  const bytes = Buffer.byteLength(renderTemplate(template), "utf8");
  return `${types.join(", ")}; ${bytes.toLocaleString("en-US")} bytes`;
}
