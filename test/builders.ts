/**
 * The test data every test shares: the fake account of the mock runs, another account, and the
 * ARNs and IDs of their keys and aliases. One definition each, one signature per builder, so no
 * two tests can disagree on what "our account" or "a key ARN" is.
 */
import { stableUuid } from "./harness/fake-state";
import type {
  KeyGroupModel,
  KeyRef,
  NotificationTargets,
  StackModel,
} from "../components/config/model";
import type { ResolvedKey, ResolvedKeyGroup } from "../components/groups/resolved";

/** The account the mock runtime answers for (getCallerIdentity, every fake ARN). */
export const ACCOUNT = "111122223333";
/** An account that is not ours. */
export const OTHER_ACCOUNT = "444455556666";
/** Region of the default provider in the mock runs. */
export const REGION = "us-east-1";
/** Partition of the mock runs. */
export const PARTITION = "aws";
/** The account and partition a stack plan is made for. */
export const ACCOUNT_REF = { accountId: ACCOUNT, partition: PARTITION };

/** Type tokens of everything the package registers, written out (not read from the code under test). */
export const T = {
  provider: "pulumi:providers:aws",
  monitoring: "kms-monitoring:index:KmsMonitoring",
  regionAlerting: "kms-monitoring:index:RegionAlerting",
  busShards: "kms-monitoring:index:EventBusShards",
  auditTrail: "kms-monitoring:index:KmsAuditTrail",
  accountAlarms: "kms-monitoring:index:AccountKmsAlarms",
  topicKey: "kms-monitoring:index:AlertTopicKey",
  alertTopic: "kms-monitoring:index:AlertTopic",
  deadLetterQueue: "kms-monitoring:index:DeadLetterQueue",
  groupMonitor: "kms-monitoring:index:KeyGroupMonitor",
  quotaAlarms: "kms-monitoring:index:RequestQuotaAlarms",
  tamperAlarms: "kms-monitoring:index:TamperAlarms",
  usageBaseline: "kms-monitoring:index:UsageBaseline",
  dashboards: "kms-monitoring:index:KmsDashboard",
  key: "aws:kms/key:Key",
  alias: "aws:kms/alias:Alias",
  queue: "aws:sqs/queue:Queue",
  queuePolicy: "aws:sqs/queuePolicy:QueuePolicy",
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  filter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
  topic: "aws:sns/topic:Topic",
  topicPolicy: "aws:sns/topicPolicy:TopicPolicy",
  subscription: "aws:sns/topicSubscription:TopicSubscription",
  permission: "aws:lambda/permission:Permission",
  rule: "aws:cloudwatch/eventRule:EventRule",
  target: "aws:cloudwatch/eventTarget:EventTarget",
  bus: "aws:cloudwatch/eventBus:EventBus",
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  bucket: "aws:s3/bucket:Bucket",
  publicAccess: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  versioning: "aws:s3/bucketVersioning:BucketVersioning",
  encryption:
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  trail: "aws:cloudtrail/trail:Trail",
  dashboard: "aws:cloudwatch/dashboard:Dashboard",
} as const;

/** A UUID-shaped key ID; `n` picks a distinct key (`1234abcd-12ab-34cd-56ef-<n in 12 hex digits>`). */
export function keyId(n: number): string {
  return `1234abcd-12ab-34cd-56ef-${n.toString(16).padStart(12, "0")}`;
}

/** A multi-Region key ID; `n` picks a distinct key (`mrk-<n in 32 hex digits>`). */
export function mrkId(n: number): string {
  return `mrk-${n.toString(16).padStart(32, "0")}`;
}

/** The ARN of key `id` in `region` of `account` (ours by default). */
export function keyArn(region: string, id: string, account = ACCOUNT): string {
  return `arn:aws:kms:${region}:${account}:key/${id}`;
}

/** The ARN of alias `alias` (`alias/<name>`) in `region` of `account` (ours by default). */
export function aliasArn(region: string, alias: string, account = ACCOUNT): string {
  return `arn:aws:kms:${region}:${account}:${alias}`;
}

/** The key ID at the end of a key ARN. */
export function keyIdOf(arn: string): string {
  return arn.slice(arn.indexOf(":key/") + ":key/".length);
}

/** The region of an ARN. */
export function regionOfArn(arn: string): string {
  return arn.split(":")[3];
}

/** The key ID the mock runtime gives the aws.kms.Key resource named `name`. */
export function mockKeyId(name: string): string {
  return stableUuid(name);
}

/** The ARN the mock runtime gives the aws.kms.Key resource named `name`, created in `region`. */
export function mockKeyArn(name: string, region = REGION): string {
  return keyArn(region, mockKeyId(name));
}

// Key-group models, resolved keys and stacks for the planning tests.
/** Notification targets: one e-mail address. */
export function targets(email: string): NotificationTargets {
  return { emails: [email], https: [], sqs: [], lambda: [] };
}

/** Default routing (no critical override): everything goes to the team's address. */
export const TEAM = targets("team@example.com");
/** Critical override: a pager. */
export const PAGER = targets("pager@example.com");

/** A key named by ARN in a group's config. */
export function keyRef(arn: string): KeyRef {
  const [, partition, , region, accountId, resource] = arn.split(":");
  return { arn, partition, region, accountId, keyId: resource.slice("key/".length) };
}

/** A group model with stack defaults; `critical` adds a critical route to the pager. */
export function groupModel(
  name: string,
  options: Partial<KeyGroupModel> & { critical?: boolean } = {},
): KeyGroupModel {
  const { critical, ...overrides } = options;
  return {
    name,
    description: "",
    keys: [],
    aliases: [],
    tags: {},
    tagRegions: ["us-east-1"],
    importedKeys: [],
    expiryWarningDays: 30,
    notify: critical ? { default: TEAM, critical: PAGER } : { default: TEAM },
    baseline: {
      enabled: true,
      level: "group",
      bandWidth: 2,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      periodSeconds: 3600,
    },
    ...overrides,
  };
}

/** A key that KMS described as an enabled AWS_KMS key, unless `overrides` say otherwise. */
export function resolvedKey(arn: string, overrides: Partial<ResolvedKey> = {}): ResolvedKey {
  const [, partition, , region, accountId, resource] = arn.split(":");
  const id = resource.slice("key/".length);
  return {
    arn,
    keyId: id,
    region,
    accountId,
    partition,
    selectedBy: "arn",
    described: true,
    origin: "AWS_KMS",
    keyState: "Enabled",
    keyManager: "CUSTOMER",
    creationDate: "2024-01-15T10:00:00Z",
    multiRegion: id.startsWith("mrk-"),
    aliases: [],
    flaggedImported: false,
    ...overrides,
  };
}

/** A resolved group of `keys`. */
export function resolvedGroup(model: KeyGroupModel, keys: ResolvedKey[]): ResolvedKeyGroup {
  return { model, keys };
}

/** A stack of `groups` whose trail is an existing log group. */
export function stackModel(
  groups: readonly KeyGroupModel[],
  overrides: Partial<StackModel> = {},
): StackModel {
  return {
    environment: "prod",
    region: "us-east-1",
    trail: { mode: "existing", logGroupName: "org-trail" },
    notifications: { default: TEAM },
    security: targets("security@example.com"),
    quotaAlarmPercent: 80,
    usageBaseline: {
      enabled: true,
      bandWidth: 2,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      periodSeconds: 3600,
    },
    keyGroups: [...groups],
    ...overrides,
  };
}

/** Options of {@link estate}. */
export interface EstateOptions {
  groups: number;
  keysPerGroup: number;
  /** Group i lives in regions[i % regions.length]. */
  regions: readonly string[];
  /** Every group routes critical signals to a pager. */
  critical: boolean;
}

/**
 * A large estate: every 10th key holds imported material that expires (origin EXTERNAL, with a
 * validTo); the others are AWS_KMS keys.
 */
export function estate(options: EstateOptions): ResolvedKeyGroup[] {
  const groups: ResolvedKeyGroup[] = [];
  let n = 0;
  for (let g = 0; g < options.groups; g++) {
    const region = options.regions[g % options.regions.length];
    const model = groupModel(`team-${String(g).padStart(4, "0")}`, {
      critical: options.critical,
      tagRegions: [region],
    });
    const keys = Array.from({ length: options.keysPerGroup }, () => {
      n++;
      const imported = n % 10 === 0;
      return resolvedKey(
        keyArn(region, keyId(n)),
        imported
          ? {
              origin: "EXTERNAL",
              validTo: "2030-01-01T00:00:00Z",
              expirationModel: "KEY_MATERIAL_EXPIRES",
            }
          : {},
      );
    });
    groups.push(resolvedGroup(model, keys));
  }
  return groups;
}
