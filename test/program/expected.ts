/**
 * What a stack must register, derived from a compact description of the stack written in each
 * test: every resource's type, name, parent, region and inputs. Names, patterns, filters and
 * settings are spelled out here; policy documents come from the builders in components/iam (the
 * policy tests evaluate them), the alert message from alertInputTransformer, the watchers'
 * alarms from their plans (their content is tested in test/watchers; here, their wiring), and the
 * dashboard from buildDashboardBodies, given the keys the stack's mock world must resolve to.
 */
import { createHash } from "crypto";
import { alertInputTransformer } from "../../components/groups/alert-message";
import {
  alertDeadLetterQueuePolicy,
  alertTopicKeyPolicy,
  alertTopicPolicy,
} from "../../components/iam";
import type { BaselineSettings, KeyGroupModel, StackModel } from "../../components/config/model";
import { buildDashboardBodies, dashboardInput, NamedDashboard } from "../../components/dashboard";
import type { ResolvedKey, ResolvedKeyGroup } from "../../components/groups/resolved";
import { planStack } from "../../components/plan/stack-plan";
import type { AlarmMetric } from "../../components/alarms/spec";
import {
  TAMPER_SIGNALS,
  groupAlertSignals,
  signalById,
  tamperFilterPattern,
} from "../../components/signals";
import {
  planBaselineAlarms,
  planQuotaAlarms,
  planSilenceAlarm,
  planTamperAlarms,
} from "../../components/watchers";
import { answerInvoke, MockAwsWorld } from "../harness/fake-invokes";
import { stableUuid } from "../harness/fake-state";
import { ACCOUNT, T, keyIdOf, regionOfArn } from "./helpers";

/** Notification targets as a stack spec writes them (absent lists are empty). */
export interface Targets {
  emails?: string[];
  https?: string[];
  sqs?: string[];
  lambda?: string[];
}

/** One key group as the stack must deploy it. */
export interface GroupSpec {
  name: string;
  description: string;
  /** Resolved keys, in the order the group selects them. */
  keyArns: string[];
  aliases: string[];
  tags: Record<string, string>;
  /** One route (`all`) or severity routing. */
  routes: { all: Targets } | { critical: Targets; standard: Targets };
  /** Keys with expiring imported material. */
  expiryKeys: string[];
  expiryWarningDays: number;
  /** Settings of the data-plane baseline. */
  baseline: BaselineSettings;
}

/** A stack as it must deploy. */
export interface StackSpec {
  env: string;
  stackRegion: string;
  security: Targets;
  quotaAlarmPercent: number;
  groups: GroupSpec[];
}

/** One resource the stack must register. */
export interface ExpectedResource {
  type: string;
  name: string;
  parent?: string;
  /** The region whose provider it uses; undefined for providers and the root component. */
  region?: string;
  /** Its inputs, JSON fields parsed; undefined when the test does not check them here. */
  inputs?: Record<string, unknown>;
}

const API_CALL = "AWS API Call via CloudTrail";

/** What each route's rules match: API calls, native KMS events, calls on pending-deletion keys. */
const ROUTE_EVENTS = {
  critical: {
    apiCalls: ["ScheduleKeyDeletion", "DisableKey", "DeleteImportedKeyMaterial"],
    native: ["KMS Imported Key Material Expiration", "KMS CMK Deletion"],
    pendingDeletion: true,
    label: "CRITICAL",
    code: "c",
  },
  standard: {
    apiCalls: [
      "CancelKeyDeletion",
      "EnableKey",
      "PutKeyPolicy",
      "CreateGrant",
      "RevokeGrant",
      "RetireGrant",
      "ImportKeyMaterial",
      "DisableKeyRotation",
      "RotateKeyOnDemand",
    ],
    native: ["KMS CMK Rotation"],
    pendingDeletion: false,
    label: "WARNING/INFO",
    code: "s",
  },
  all: {
    apiCalls: [
      "ScheduleKeyDeletion",
      "CancelKeyDeletion",
      "DisableKey",
      "EnableKey",
      "PutKeyPolicy",
      "CreateGrant",
      "RevokeGrant",
      "RetireGrant",
      "ImportKeyMaterial",
      "DeleteImportedKeyMaterial",
      "DisableKeyRotation",
      "RotateKeyOnDemand",
    ],
    native: ["KMS Imported Key Material Expiration", "KMS CMK Rotation", "KMS CMK Deletion"],
    pendingDeletion: true,
    label: "KMS ALERT",
    code: "a",
  },
} as const;

export type Route = keyof typeof ROUTE_EVENTS;

/** The event pattern of a group rule of `route` on these keys. */
export function expectedEventPattern(route: Route, keyIds: string[]): Record<string, unknown> {
  const events = ROUTE_EVENTS[route];
  const clauses: Record<string, unknown>[] = [
    {
      "detail-type": [API_CALL],
      detail: {
        eventSource: ["kms.amazonaws.com"],
        eventName: [...events.apiCalls],
        errorCode: [{ exists: false }],
        resources: { ARN: keyIds.map((id) => ({ suffix: `:key/${id}` })) },
      },
    },
    { "detail-type": [...events.native], detail: { "key-id": keyIds } },
  ];
  if (events.pendingDeletion) {
    clauses.push({
      "detail-type": [API_CALL],
      detail: {
        eventSource: ["kms.amazonaws.com"],
        errorCode: ["KMSInvalidStateException", "DisabledException"],
        errorMessage: keyIds.map((id) => ({ wildcard: `*key/${id} is pending deletion*` })),
      },
    });
  }
  return { source: ["aws.kms"], $or: clauses };
}

/** The account-wide metric filters: signal ID, metric name, pattern. */
const KMS = '($.eventSource = "kms.amazonaws.com")';
const OK = "($.errorCode NOT EXISTS)";
const call = (name: string) => `{ ${KMS} && ($.eventName = "${name}") && ${OK} }`;
const service = (name: string) =>
  `{ ${KMS} && ($.eventType = "AwsServiceEvent") && ($.eventName = "${name}") }`;
export const ACCOUNT_FILTERS: [string, string, string][] = [
  ["deletion-scheduled", "KeyDeletionScheduled", call("ScheduleKeyDeletion")],
  ["deletion-cancelled", "KeyDeletionCancelled", call("CancelKeyDeletion")],
  ["key-disabled", "KeyDisabled", call("DisableKey")],
  ["key-enabled", "KeyEnabled", call("EnableKey")],
  [
    "pending-deletion-use",
    "PendingDeletionKeyUse",
    `{ ${KMS} && (($.errorCode = "KMSInvalidStateException") || ` +
      '($.errorCode = "DisabledException")) && ($.errorMessage = "*is pending deletion*") }',
  ],
  ["key-policy-changed", "KeyPolicyChanged", call("PutKeyPolicy")],
  ["grant-created", "GrantCreated", call("CreateGrant")],
  ["grant-revoked", "GrantRevoked", call("RevokeGrant")],
  ["grant-retired", "GrantRetired", call("RetireGrant")],
  ["material-imported", "KeyMaterialImported", call("ImportKeyMaterial")],
  ["material-deleted", "KeyMaterialDeleted", call("DeleteImportedKeyMaterial")],
  ["material-expired", "KeyMaterialExpired", service("DeleteExpiredKeyMaterial")],
  ["rotation-disabled", "KeyRotationDisabled", call("DisableKeyRotation")],
  ["rotation-performed", "KeyRotated", service("RotateKey")],
  ["rotation-on-demand", "KeyRotatedOnDemand", call("RotateKeyOnDemand")],
  ["key-deleted", "KeyDeleted", service("DeleteKey")],
  [
    "cis-4-7",
    "CisKmsKeyDisabledOrScheduledForDeletion",
    "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}",
  ],
];

/** The signals with an account alarm: the critical ones. */
export const ALARMED_SIGNALS = [
  "deletion-scheduled",
  "key-disabled",
  "pending-deletion-use",
  "material-deleted",
  "material-expired",
  "key-deleted",
  "cis-4-7",
];

/** The topics' HTTP/S delivery policy. */
const DELIVERY_POLICY = {
  http: {
    defaultHealthyRetryPolicy: {
      minDelayTarget: 20,
      maxDelayTarget: 300,
      numRetries: 12,
      numNoDelayRetries: 0,
      numMinDelayRetries: 2,
      numMaxDelayRetries: 2,
      backoffFunction: "exponential",
    },
    disableSubscriptionOverrides: false,
  },
};

/** `<protocol>-<8 hex digits of sha256("<protocol>:<endpoint>")>`. */
function subscriptionSuffix(protocol: string, endpoint: string): string {
  return `${protocol}-${createHash("sha256").update(`${protocol}:${endpoint}`).digest("hex").slice(0, 8)}`;
}

/** ARNs and names of the stack, by region. */
export function names(env: string) {
  const prefix = `kmsmon-${env}`;
  return {
    prefix,
    topicArn: (region: string, topicName: string) =>
      `arn:aws:sns:${region}:${ACCOUNT}:${prefix}-${topicName}`,
    securityTopicArn: (region: string) => `arn:aws:sns:${region}:${ACCOUNT}:${prefix}-security`,
    queueArn: (region: string) => `arn:aws:sqs:${region}:${ACCOUNT}:${prefix}-undelivered`,
    topicKeyArn: (region: string) =>
      `arn:aws:kms:${region}:${ACCOUNT}:key/${stableUuid(`kms-${region}-topic-key-key`)}`,
    alarmPattern: (region: string) => `arn:aws:cloudwatch:${region}:${ACCOUNT}:alarm:${prefix}-*`,
    rulePattern: (region: string) => `arn:aws:events:${region}:${ACCOUNT}:rule/*${prefix}-*`,
    topicPattern: (region: string) => `arn:aws:sns:${region}:${ACCOUNT}:${prefix}-*`,
  };
}

/** Regions of the stack: the stack's own and those of every group's keys, sorted. */
export function regionsOf(spec: StackSpec): string[] {
  const keyRegions = spec.groups.flatMap((g) => g.keyArns.map(regionOfArn));
  return [...new Set([spec.stackRegion, ...keyRegions])].sort();
}

/** The routes of a group with their targets, in the order they are created. */
function routesOf(group: GroupSpec): [Route, Targets][] {
  return "all" in group.routes
    ? [["all", group.routes.all]]
    : [
        ["critical", group.routes.critical],
        ["standard", group.routes.standard],
      ];
}

/** An alert topic and its children. */
function alertTopic(
  spec: StackSpec,
  component: string,
  parent: string,
  region: string,
  topicName: string,
  targets: Targets,
): ExpectedResource[] {
  const n = names(spec.env);
  const topicArn = n.topicArn(region, topicName);
  const redrivePolicy = { deadLetterTargetArn: n.queueArn(region) };
  const resources: ExpectedResource[] = [
    { type: T.alertTopic, name: component, parent, region, inputs: {} },
    {
      type: T.topic,
      name: `${component}-topic`,
      parent: component,
      region,
      inputs: {
        name: `${n.prefix}-${topicName}`,
        displayName: `${n.prefix}-${topicName}`,
        kmsMasterKeyId: n.topicKeyArn(region),
        deliveryPolicy: DELIVERY_POLICY,
        signatureVersion: 2,
      },
    },
    {
      type: T.topicPolicy,
      name: `${component}-policy`,
      parent: component,
      region,
      inputs: {
        arn: topicArn,
        policy: alertTopicPolicy({
          partition: "aws",
          accountId: ACCOUNT,
          topicArn,
          alarmArnPrefix: n.alarmPattern(region),
          ruleArnPrefix: n.rulePattern(region),
        }),
      },
    },
  ];
  const lists: [keyof Targets, string][] = [
    ["emails", "email"],
    ["https", "https"],
    ["sqs", "sqs"],
    ["lambda", "lambda"],
  ];
  for (const [field, protocol] of lists) {
    for (const endpoint of targets[field] ?? []) {
      const name = `${component}-${subscriptionSuffix(protocol, endpoint)}`;
      resources.push({
        type: T.subscription,
        name,
        parent: component,
        region,
        inputs: {
          topic: topicArn,
          protocol,
          endpoint,
          ...(protocol === "https" ? { endpointAutoConfirms: false } : {}),
          ...(protocol === "sqs" ? { rawMessageDelivery: true } : {}),
          redrivePolicy,
        },
      });
      if (protocol === "lambda") {
        // arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]
        const qualifier = endpoint.split(":")[7];
        resources.push({
          type: T.permission,
          name: `${name}-invoke`,
          parent: component,
          region,
          inputs: {
            action: "lambda:InvokeFunction",
            function: endpoint.split(":").slice(0, 7).join(":"),
            ...(qualifier !== undefined ? { qualifier } : {}),
            principal: "sns.amazonaws.com",
            sourceArn: topicArn,
            // The permission lives with the function, whatever the topic's region.
            region: endpoint.split(":")[3],
          },
        });
      }
    }
  }
  return resources;
}

/** The shared alerting of one region. */
function regionAlerting(spec: StackSpec, region: string): ExpectedResource[] {
  const n = names(spec.env);
  const c = `kms-${region}`;
  const security = n.securityTopicArn(region);
  return [
    { type: T.regionAlerting, name: c, parent: "kms", region, inputs: {} },
    { type: T.topicKey, name: `${c}-topic-key`, parent: c, region, inputs: {} },
    {
      type: T.key,
      name: `${c}-topic-key-key`,
      parent: `${c}-topic-key`,
      region,
      inputs: {
        description: `Encrypts the kms-monitoring alert topics of this region (alias/${n.prefix}-alerts)`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: alertTopicKeyPolicy({ partition: "aws", accountId: ACCOUNT }),
      },
    },
    {
      type: T.alias,
      name: `${c}-topic-key-alias`,
      parent: `${c}-topic-key`,
      region,
      inputs: {
        name: `alias/${n.prefix}-alerts`,
        targetKeyId: stableUuid(`kms-${region}-topic-key-key`),
      },
    },
    ...alertTopic(spec, `${c}-security`, c, region, "security", spec.security),
    { type: T.deadLetterQueue, name: `${c}-dlq`, parent: c, region, inputs: {} },
    {
      type: T.queue,
      name: `${c}-dlq-queue`,
      parent: `${c}-dlq`,
      region,
      inputs: {
        name: `${n.prefix}-undelivered`,
        sqsManagedSseEnabled: true,
        messageRetentionSeconds: 1209600,
      },
    },
    {
      type: T.queuePolicy,
      name: `${c}-dlq-policy`,
      parent: `${c}-dlq`,
      region,
      inputs: {
        queueUrl: `https://sqs.${region}.amazonaws.com/${ACCOUNT}/${n.prefix}-undelivered`,
        policy: alertDeadLetterQueuePolicy({
          partition: "aws",
          accountId: ACCOUNT,
          queueArn: n.queueArn(region),
          ruleArnPrefix: n.rulePattern(region),
          topicArnPrefix: n.topicPattern(region),
        }),
      },
    },
    {
      type: T.alarm,
      name: `${c}-dlq-alarm`,
      parent: `${c}-dlq`,
      region,
      inputs: {
        name: `${n.prefix}-undelivered-not-empty`,
        alarmDescription:
          `Alerts could not be delivered and wait in SQS queue ${n.prefix}-undelivered (kept 14 ` +
          "days). Read the messages: their attributes name the rule or topic and the error. Fix " +
          "the target (topic or key policy, subscription, endpoint), then redrive: publish each " +
          "message again to its topic and delete it from the queue.",
        namespace: "AWS/SQS",
        metricName: "ApproximateNumberOfMessagesVisible",
        dimensions: { QueueName: `${n.prefix}-undelivered` },
        statistic: "Maximum",
        period: 300,
        evaluationPeriods: 1,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        treatMissingData: "notBreaching",
        alarmActions: [security],
      },
    },
    {
      type: T.alarm,
      name: `${c}-notifications-failed`,
      parent: c,
      region,
      inputs: {
        name: `${n.prefix}-notifications-failed`,
        alarmDescription:
          `SNS failed to deliver notifications in ${region}. Alerts of ${n.prefix}-* topics ` +
          `wait in the ${n.prefix}-undelivered queue: fix the subscription endpoint, then redrive.`,
        metricQueries: [
          {
            id: "failed",
            expression: 'SELECT SUM(NumberOfNotificationsFailed) FROM SCHEMA("AWS/SNS", TopicName)',
            period: 300,
            returnData: true,
          },
        ],
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: "notBreaching",
        actionsEnabled: true,
        alarmActions: [security],
      },
    },
  ];
}

/** The trail's resources; inputs only for the trail and the log group (see test/trail). */
function auditTrail(spec: StackSpec, retentionDays: number): ExpectedResource[] {
  const n = names(spec.env);
  const r = spec.stackRegion;
  const trailKeyArn = `arn:aws:kms:${r}:${ACCOUNT}:key/${stableUuid("kms-trail-key")}`;
  const children: [string, string][] = [
    [T.key, "kms-trail-key"],
    [T.alias, "kms-trail-key-alias"],
    [T.bucket, "kms-trail-bucket"],
    [T.publicAccess, "kms-trail-bucket-public-access"],
    [T.ownership, "kms-trail-bucket-ownership"],
    [T.versioning, "kms-trail-bucket-versioning"],
    [T.encryption, "kms-trail-bucket-encryption"],
    [T.lifecycle, "kms-trail-bucket-lifecycle"],
    [T.bucketPolicy, "kms-trail-bucket-policy"],
    [T.role, "kms-trail-delivery-role"],
    [T.rolePolicy, "kms-trail-delivery-policy"],
  ];
  return [
    { type: T.auditTrail, name: "kms-trail", parent: "kms", region: r, inputs: {} },
    ...children.map(([type, name]) => ({ type, name, parent: "kms-trail", region: r })),
    {
      type: T.logGroup,
      name: "kms-trail-log-group",
      parent: "kms-trail",
      region: r,
      inputs: {
        name: `/aws/cloudtrail/${n.prefix}`,
        logGroupClass: "STANDARD",
        retentionInDays: retentionDays,
        kmsKeyId: trailKeyArn,
      },
    },
    {
      type: T.trail,
      name: "kms-trail-trail",
      parent: "kms-trail",
      region: r,
      inputs: {
        name: n.prefix,
        isOrganizationTrail: false,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        enableLogging: true,
        kmsKeyId: trailKeyArn,
        s3BucketName: "kms-trail-bucket",
        cloudWatchLogsGroupArn: `arn:aws:logs:${r}:${ACCOUNT}:log-group:/aws/cloudtrail/${n.prefix}:*`,
        cloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/kms-trail-delivery-role`,
        eventSelectors: [{ includeManagementEvents: true, readWriteType: "All" }],
      },
    },
  ];
}

/** The account-wide filters and alarms. */
function accountAlarms(spec: StackSpec): ExpectedResource[] {
  const n = names(spec.env);
  const r = spec.stackRegion;
  const resources: ExpectedResource[] = [
    { type: T.accountAlarms, name: "kms-account", parent: "kms", region: r, inputs: {} },
  ];
  for (const [id, metricName, pattern] of ACCOUNT_FILTERS) {
    resources.push({
      type: T.filter,
      name: `kms-account-${id}`,
      parent: "kms-account",
      region: r,
      inputs: {
        name: `${n.prefix}-${id}`,
        logGroupName: `/aws/cloudtrail/${n.prefix}`,
        pattern,
        metricTransformation: {
          name: metricName,
          namespace: `KMSMonitoring/${spec.env}`,
          value: "1",
        },
      },
    });
    if (!ALARMED_SIGNALS.includes(id)) continue;
    const signal = signalById(id);
    resources.push({
      type: T.alarm,
      name: `kms-account-${id}-alarm`,
      parent: "kms-account",
      region: r,
      inputs: {
        name: `${n.prefix}-account-${id}`,
        alarmDescription: `${signal.title} (critical) anywhere in this account. ${signal.action}`,
        namespace: `KMSMonitoring/${spec.env}`,
        metricName,
        statistic: "Sum",
        period: 300,
        evaluationPeriods: 1,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        treatMissingData: "notBreaching",
        actionsEnabled: true,
        alarmActions: [n.securityTopicArn(r)],
      },
    });
  }
  return resources;
}

/** One group's monitor and everything under it. */
function keyGroup(spec: StackSpec, group: GroupSpec): ExpectedResource[] {
  const n = names(spec.env);
  const c = `kms-${group.name}`;
  const regions = [...new Set(group.keyArns.map(regionOfArn))].sort();
  const resources: ExpectedResource[] = [
    {
      type: T.groupMonitor,
      name: c,
      parent: "kms",
      region: spec.stackRegion,
      inputs: {
        groupName: group.name,
        keyArns: group.keyArns,
        aliases: group.aliases,
        tags: group.tags,
      },
    },
  ];
  const routes = routesOf(group);
  const topicRoute = (route: Route) => `${group.name}-${route}`;
  for (const region of regions) {
    const keyIds = group.keyArns.filter((k) => regionOfArn(k) === region).map(keyIdOf);
    for (const [route, targets] of routes) {
      resources.push(
        ...alertTopic(spec, `${c}-${region}-${route}`, c, region, topicRoute(route), targets),
      );
    }
    for (const [route] of routes) {
      const events = ROUTE_EVENTS[route];
      const rule = `${c}-${region}-${route}-1`;
      const ruleName = `${n.prefix}-${group.name}-${events.code}-1`;
      const signals = groupAlertSignals().filter((s) =>
        route === "all" ? true : (s.severity === "critical") === (route === "critical"),
      );
      resources.push(
        {
          type: T.rule,
          name: rule,
          parent: c,
          region,
          inputs: {
            name: ruleName,
            description: `KMS ${route} signals of key group ${group.name} (${spec.env}), ${keyIds.length} key(s) in ${region}`,
            eventPattern: expectedEventPattern(route, keyIds),
            state: events.pendingDeletion
              ? "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"
              : "ENABLED",
          },
        },
        {
          type: T.target,
          name: `${rule}-target`,
          parent: c,
          region,
          inputs: {
            rule: ruleName,
            targetId: "alert-topic",
            arn: n.topicArn(region, topicRoute(route)),
            inputTransformer: alertInputTransformer({
              environment: spec.env,
              group: group.name,
              groupDescription: group.description,
              severityLabel: events.label,
              signals,
            }),
            retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 86400 },
            deadLetterConfig: { arn: n.queueArn(region) },
          },
        },
      );
    }
  }
  for (const arn of group.expiryKeys) {
    const region = regionOfArn(arn);
    const keyId = keyIdOf(arn);
    const topic = n.topicArn(region, topicRoute(routes.length === 1 ? "all" : "standard"));
    const days = group.expiryWarningDays;
    resources.push({
      type: T.alarm,
      name: `${c}-${region}-expiry-${keyId}`,
      parent: c,
      region,
      inputs: {
        name: `${n.prefix}-${group.name}-expiry-${keyId}`,
        alarmDescription:
          `Imported key material of ${arn} (group ${group.name}) expires in less than ${days} ` +
          "days, or has expired (KMS stops publishing the metric then). Re-import the same " +
          `material with a later expiry: aws kms import-key-material --key-id ${keyId} ...`,
        namespace: "AWS/KMS",
        metricName: "SecondsUntilKeyMaterialExpiration",
        dimensions: { KeyId: keyId },
        statistic: "Minimum",
        period: 3600,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        threshold: days * 86400,
        comparisonOperator: "LessThanThreshold",
        treatMissingData: "breaching",
        actionsEnabled: true,
        alarmActions: [topic],
        okActions: [topic],
      },
    });
  }
  return resources;
}

/**
 * The watchers the facade wires: request-quota alarms per region and tamper alarms to the security
 * topic, a usage baseline per group to its warning topic. Their contents come from the watchers'
 * plans (test/watchers checks those); what is checked here is how the program wires them.
 */
function watchers(spec: StackSpec): ExpectedResource[] {
  const n = names(spec.env);
  const r = spec.stackRegion;
  const logGroupName = `/aws/cloudtrail/${n.prefix}`;
  const securityHere = [n.securityTopicArn(r)];
  const resources: ExpectedResource[] = regionsOf(spec).flatMap((region) => [
    {
      type: T.quotaAlarms,
      name: `kms-${region}-quotas`,
      parent: "kms",
      region,
      inputs: { region },
    },
    ...planQuotaAlarms(spec.env, region, spec.quotaAlarmPercent).map((q) => ({
      type: T.alarm,
      name: `kms-${region}-quotas-${q.family}`,
      parent: `kms-${region}-quotas`,
      region,
      inputs: {
        name: q.name,
        alarmDescription: q.description,
        metricQueries: queriesOf(q.metric),
        threshold: q.threshold,
        comparisonOperator: q.comparisonOperator,
        evaluationPeriods: q.evaluationPeriods,
        datapointsToAlarm: q.datapointsToAlarm,
        treatMissingData: q.treatMissingData,
        actionsEnabled: true,
        alarmActions: [n.securityTopicArn(region)],
      },
    })),
  ]);
  resources.push({
    type: T.tamperAlarms,
    name: "kms-tamper",
    parent: "kms",
    region: r,
    inputs: {},
  });
  const scope = { environment: spec.env, logGroupName, trailName: n.prefix };
  for (const { signalId, filter, alarm } of planTamperAlarms(spec.env, { logGroupName })) {
    const t = { signalId, ...filter, ...standard(alarm.metric), ...alarm, filterName: filter.name };
    const signal = TAMPER_SIGNALS.find((s) => s.id === t.signalId);
    if (!signal) throw new Error(`no tamper signal ${t.signalId}`);
    resources.push(
      {
        type: T.filter,
        name: `kms-tamper-${t.signalId}`,
        parent: "kms-tamper",
        region: r,
        inputs: {
          name: t.filterName,
          logGroupName,
          pattern: tamperFilterPattern(signal, scope),
          metricTransformation: { name: t.metricName, namespace: t.namespace, value: "1" },
        },
      },
      {
        type: T.alarm,
        name: `kms-tamper-${t.signalId}-alarm`,
        parent: "kms-tamper",
        region: r,
        inputs: {
          name: alarm.name,
          alarmDescription: t.description,
          namespace: t.namespace,
          metricName: t.metricName,
          statistic: t.statistic,
          period: t.periodSeconds,
          evaluationPeriods: t.evaluationPeriods,
          threshold: t.threshold,
          comparisonOperator: t.comparisonOperator,
          treatMissingData: t.treatMissingData,
          actionsEnabled: true,
          alarmActions: securityHere,
        },
      },
    );
  }
  const silenceSpec = planSilenceAlarm(spec.env, { logGroupName }, 6);
  if (!silenceSpec) throw new Error("the silence alarm is planned by default");
  const silence = { ...standard(silenceSpec.metric), ...silenceSpec };
  resources.push({
    type: T.alarm,
    name: "kms-tamper-trail-silent",
    parent: "kms-tamper",
    region: r,
    inputs: {
      name: silence.name,
      alarmDescription: silence.description,
      namespace: silence.namespace,
      metricName: silence.metricName,
      dimensions: { LogGroupName: logGroupName },
      statistic: silence.statistic,
      period: silence.periodSeconds,
      evaluationPeriods: silence.evaluationPeriods,
      datapointsToAlarm: silence.datapointsToAlarm,
      threshold: silence.threshold,
      comparisonOperator: silence.comparisonOperator,
      treatMissingData: silence.treatMissingData,
      actionsEnabled: true,
      alarmActions: securityHere,
      okActions: securityHere,
    },
  });
  for (const group of spec.groups) {
    const c = `kms-${group.name}-baseline`;
    resources.push({
      type: T.usageBaseline,
      name: c,
      parent: "kms",
      region: r,
      inputs: { groupName: group.name },
    });
    // What the baseline plan reads of a resolved group: its name, settings and keys.
    const resolved = {
      model: { name: group.name, baseline: group.baseline },
      keys: group.keyArns.map((arn) => ({
        arn,
        region: regionOfArn(arn),
        keyUsage: "ENCRYPT_DECRYPT",
      })),
    } as unknown as ResolvedKeyGroup;
    const warningRoute = "all" in group.routes ? "all" : "standard";
    for (const b of planBaselineAlarms(resolved, spec.env)) {
      resources.push({
        type: T.alarm,
        name: `${c}-${b.region}-${b.index + 1}`,
        parent: c,
        region: b.region,
        inputs: {
          name: b.name,
          alarmDescription: b.description,
          metricQueries: queriesOf(b.metric),
          thresholdMetricId: b.metric.kind === "anomaly" ? b.metric.bandId : undefined,
          comparisonOperator: b.comparisonOperator,
          evaluationPeriods: b.evaluationPeriods,
          datapointsToAlarm: b.datapointsToAlarm,
          treatMissingData: b.treatMissingData,
          actionsEnabled: true,
          alarmActions: [n.topicArn(b.region, `${group.name}-${warningRoute}`)],
        },
      });
    }
  }
  return resources;
}

/** What the deploy-time lookups of a stack find: its mock world's aliases and key metadata. */
export type KeyWorld = Pick<MockAwsWorld, "aliases" | "describeKey">;

/**
 * A key of a group as the deploy-time lookups must resolve it in `world`: described with what the
 * mock's getKey answers, or only from its ARN when that throws; its aliases are the group's
 * aliases that point at it.
 */
function resolvedKey(
  arn: string,
  group: GroupSpec,
  model: KeyGroupModel,
  world: KeyWorld,
): ResolvedKey {
  const [, partition, , region, accountId] = arn.split(":");
  const aliases = group.aliases.filter((a) => world.aliases?.[a] === arn);
  const key: ResolvedKey = {
    arn,
    keyId: keyIdOf(arn),
    region,
    accountId,
    partition,
    selectedBy: model.keys.some((k) => k.arn === arn) ? "arn" : (aliases[0] ?? "tags"),
    described: false,
    aliases,
    flaggedImported: model.importedKeys.includes(arn),
  };
  let meta: Record<string, unknown>;
  try {
    meta = answerInvoke(
      "aws:kms/getKey:getKey",
      { keyId: arn },
      { accountId: ACCOUNT, region, partition, ...world },
    );
  } catch {
    return key;
  }
  const text = (field: string) => (meta[field] as string) || undefined;
  return {
    ...key,
    described: true,
    origin: text("origin"),
    keyState: text("keyState"),
    keyManager: text("keyManager"),
    keyUsage: text("keyUsage"),
    creationDate: text("creationDate"),
    validTo: text("validTo"),
    expirationModel: text("expirationModel"),
    customKeyStoreId: text("customKeyStoreId"),
    multiRegion: meta.multiRegion as boolean,
  };
}

/**
 * The dashboards of a stack: what buildDashboardBodies makes of the plan of `model` and of the
 * groups the spec lists, with their keys resolved as in `world`.
 */
export function expectedDashboards(
  spec: StackSpec,
  model: StackModel,
  world: KeyWorld,
): NamedDashboard[] {
  const groups: ResolvedKeyGroup[] = model.keyGroups.map((m) => {
    const group = spec.groups.find((g) => g.name === m.name);
    if (!group) throw new Error(`the spec has no group ${m.name}`);
    return { model: m, keys: group.keyArns.map((arn) => resolvedKey(arn, group, m, world)) };
  });
  const plan = planStack(model, groups, { accountId: ACCOUNT, partition: "aws" });
  return buildDashboardBodies(dashboardInput(plan, groups));
}

/** The dashboard component and its dashboards, bodies parsed as the resources carry them. */
function dashboards(spec: StackSpec, bodies: NamedDashboard[]): ExpectedResource[] {
  const r = spec.stackRegion;
  return [
    { type: T.dashboards, name: "kms-dashboard", parent: "kms", region: r, inputs: {} },
    ...bodies.map((d) => ({
      type: T.dashboard,
      name: `kms-dashboard-${d.name}`,
      parent: "kms-dashboard",
      // Dashboards are global; the stack's default provider creates them.
      region: r,
      inputs: {
        dashboardName: d.name,
        dashboardBody: JSON.parse(JSON.stringify(d.body)) as unknown,
      },
    })),
  ];
}

/** Every resource the stack must register, with these dashboards (see expectedDashboards). */
export function expectedResources(
  spec: StackSpec,
  retentionDays: number,
  bodies: NamedDashboard[],
): ExpectedResource[] {
  const regions = regionsOf(spec);
  return [
    ...regions
      .filter((r) => r !== spec.stackRegion)
      .map((region): ExpectedResource => ({
        type: T.provider,
        name: `kms-${region}`,
        inputs: { region, skipCredentialsValidation: "false", skipRegionValidation: "true" },
      })),
    { type: T.monitoring, name: "kms", inputs: {} },
    ...regions.flatMap((r) => regionAlerting(spec, r)),
    ...auditTrail(spec, retentionDays),
    ...accountAlarms(spec),
    ...spec.groups.flatMap((g) => keyGroup(spec, g)),
    ...watchers(spec),
    ...dashboards(spec, bodies),
  ];
}

/** `type name` of a resource, the key the tests compare by. */
export function keyOf(r: { type: string; name: string }): string {
  return `${r.type} ${r.name}`;
}

/** The queries of a metric-math or anomaly alarm. */
function queriesOf(metric: AlarmMetric): unknown {
  return metric.kind === "metric-math" || metric.kind === "anomaly" ? metric.queries : undefined;
}

/** The metric fields of a single-metric alarm, named as the old flat specs named them. */
function standard(metric: AlarmMetric) {
  if (metric.kind !== "standard") throw new Error("not a single-metric alarm");
  return metric;
}
