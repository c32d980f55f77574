/**
 * Every physical name the package gives a resource, from the environment alone. Names are
 * deterministic (a re-run after an interrupted `pulumi up` finds the same resources) and share one
 * prefix per environment, which the topic and queue policies use to admit only our alarms and
 * rules, and which the tamper filters watch.
 */

/** How every physical name the package gives starts: `kmsmon-<environment>-...`. */
export const NAME_ROOT = "kmsmon-";

/** Which signals a rule or topic carries: only critical ones, only the rest, or everything. */
export type AlertRoute = "critical" | "standard" | "all";

/** Where our publishers are: the ArnLike patterns topic and queue policies admit. */
export interface PublisherArnPatterns {
  /** Our alarms in the region: `arn:<p>:cloudwatch:<region>:<account>:alarm:kmsmon-<env>-*`. */
  alarmArnPattern: string;
  /**
   * Our rules in the region, on the default bus (`rule/<name>`) or a shard bus
   * (`rule/<bus>/<name>`): `arn:<p>:events:<region>:<account>:rule/*kmsmon-<env>-*`.
   */
  ruleArnPattern: string;
  /** Our topics in the region: `arn:<p>:sns:<region>:<account>:kmsmon-<env>-*`. */
  topicArnPattern: string;
}

/** Partition, region and account of the ARN patterns (see core/place.ts). */
export interface ArnPlace {
  partition: string;
  region: string;
  accountId: string;
}

/** The physical names of one environment. */
export interface Names {
  /** `kmsmon-<environment>`: the prefix of every name below. */
  prefix: string;
  /** Namespace of the metrics our filters publish: `KMSMonitoring/<environment>`. */
  metricNamespace: string;
  /** The trail the module creates: `kmsmon-<env>`. */
  trail: string;
  /** Its log group: `/aws/cloudtrail/kmsmon-<env>`. */
  logGroup: string;
  /** Alias (without `alias/`) of each region's alert-topic key: `kmsmon-<env>-alerts`. */
  topicKeyAlias: string;
  /** Each region's security topic: `kmsmon-<env>-security`. */
  securityTopic: string;
  /** Each region's dead-letter queue: `kmsmon-<env>-undelivered`. */
  deadLetterQueue: string;
  /** Each region's failed-notifications alarm: `kmsmon-<env>-notifications-failed`. */
  deliveryAlarm: string;
  /** Account-wide metric filter of a signal: `kmsmon-<env>-<signal>`. */
  accountFilter(signalId: string): string;
  /** Account-wide alarm of a signal: `kmsmon-<env>-account-<signal>`. */
  accountAlarm(signalId: string): string;
  /** Tamper filter and alarm of a tamper signal: `kmsmon-<env>-tamper-<signal>`. */
  tamper(signalId: string): string;
  /** The alarm on the trail's log group going quiet: `kmsmon-<env>-tamper-trail-silent`. */
  silenceAlarm: string;
  /** Request-quota alarm of a family: `kmsmon-<env>-quota-<family>`. */
  quotaAlarm(family: string): string;
  /** Account-level usage band of a request-quota family: `kmsmon-<env>-usage-<family>`. */
  usageAlarm(family: string): string;
  /** A group's topic of a route: `kmsmon-<env>-<group>-<route>`. */
  groupTopic(group: string, route: AlertRoute): string;
  /**
   * A group's rule: `kmsmon-<env>-<group>-<code>-<chunk>`, where `code` is the signal's rule code
   * (catalog; with a variant letter) and `chunk` counts the rule's key chunks from 1. A name
   * depends on nothing else, so no rule ever takes over another's name when a group's keys or
   * the catalog change: AWS creates rules by name and overwrites, and deletes them by name.
   * Rules live in their keys' region, so the same name in two regions does not collide.
   * Config refuses group and environment names that make it longer than AWS allows, and the
   * rule planner checks each name it plans.
   */
  groupRule(group: string, code: string, chunk: number): string;
  /** An alarm owned by a group: `kmsmon-<env>-<group>-<what>`. */
  groupAlarm(group: string, what: string): string;
  /** Shard bus n (from 0) of a region: `kmsmon-<env>-shard-<n+1>`. */
  shardBus(index: number): string;
  /** Prefix of the fan-out rules that feed shard buses: `kmsmon-<env>-fanout`. */
  fanOutPrefix: string;
  /** Fan-out rule n (from 0): `kmsmon-<env>-fanout-<n+1>`. */
  fanOutRule(index: number): string;
  /** The role fan-out rules forward with; IAM is global, so it names the region. */
  forwardingRole(region: string): string;
  /** Dashboard n (from 0): `kmsmon-<env>`, `kmsmon-<env>-2`, ... */
  dashboard(index: number): string;
  /** The hub's bus and OAM sink of each region receiving members' events: `kmsmon-<env>-org`. */
  hubBus: string;
  /** The StackSet of the member part: `kmsmon-<env>-members`. */
  memberStackSet: string;
  /** A member's rule forwarding KMS events to the hub: `kmsmon-<env>-to-hub`. */
  memberRule: string;
  /** Prefix of a member's forwarding role, which CloudFormation completes with the region. */
  memberRolePrefix: string;
  /** Prefix of the alarms the member template creates: `kmsmon-<env>-member-`. */
  memberAlarmPrefix: string;
  /** A member's rule forwarding its alarms' state changes to the hub: `kmsmon-<env>-alarms-to-hub`. */
  memberAlarmRule: string;
  /** The hub bus's rule routing members' alarms to security: `kmsmon-<env>-org-member-alarms`. */
  hubMemberAlarmRule: string;
  /**
   * The hub bus's rules routing key creation in members to security:
   * `kmsmon-<env>-org-new-key-<call>`.
   */
  hubNewKeyRule: (call: "created" | "replicated") => string;
  /**
   * The rule telling security of a key created (`created`) or replicated (`replicated`) outside
   * every group: `kmsmon-<env>-new-key-<call>`.
   */
  newKeyRule: (call: "created" | "replicated") => string;
  /** The ArnLike patterns of our alarms, rules and topics in one place. */
  publishers(place: ArnPlace): PublisherArnPatterns;
}

/** The physical names of `environment`. */
export function names(environment: string): Names {
  const prefix = `${NAME_ROOT}${environment}`;
  return {
    prefix,
    metricNamespace: `KMSMonitoring/${environment}`,
    trail: prefix,
    logGroup: `/aws/cloudtrail/${prefix}`,
    topicKeyAlias: `${prefix}-alerts`,
    securityTopic: `${prefix}-security`,
    deadLetterQueue: `${prefix}-undelivered`,
    deliveryAlarm: `${prefix}-notifications-failed`,
    accountFilter: (signalId) => `${prefix}-${signalId}`,
    accountAlarm: (signalId) => `${prefix}-account-${signalId}`,
    tamper: (signalId) => `${prefix}-tamper-${signalId}`,
    silenceAlarm: `${prefix}-tamper-trail-silent`,
    quotaAlarm: (family) => `${prefix}-quota-${family}`,
    usageAlarm: (family) => `${prefix}-usage-${family}`,
    groupTopic: (group, route) => `${prefix}-${group}-${route}`,
    groupRule: (group, code, chunk) => `${prefix}-${group}-${code}-${chunk}`,
    groupAlarm: (group, what) => `${prefix}-${group}-${what}`,
    shardBus: (index) => `${prefix}-shard-${index + 1}`,
    fanOutPrefix: `${prefix}-fanout`,
    fanOutRule: (index) => `${prefix}-fanout-${index + 1}`,
    forwardingRole: (region) => `${prefix}-fanout-${region}`,
    dashboard: (index) => (index === 0 ? prefix : `${prefix}-${index + 1}`),
    hubBus: `${prefix}-org`,
    memberStackSet: `${prefix}-members`,
    memberRule: `${prefix}-to-hub`,
    memberRolePrefix: `${prefix}-to-hub-`,
    memberAlarmPrefix: `${prefix}-member-`,
    memberAlarmRule: `${prefix}-alarms-to-hub`,
    hubMemberAlarmRule: `${prefix}-org-member-alarms`,
    hubNewKeyRule: (call) => `${prefix}-org-new-key-${call}`,
    newKeyRule: (call) => `${prefix}-new-key-${call}`,
    publishers: ({ partition, region, accountId }) => ({
      alarmArnPattern: `arn:${partition}:cloudwatch:${region}:${accountId}:alarm:${prefix}-*`,
      ruleArnPattern: `arn:${partition}:events:${region}:${accountId}:rule/*${prefix}-*`,
      topicArnPattern: `arn:${partition}:sns:${region}:${accountId}:${prefix}-*`,
    }),
  };
}
