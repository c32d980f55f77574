/**
 * Physical names of what the module creates. Names are deterministic (a re-run after an
 * interrupted `pulumi up` finds the same resources) and share one prefix per environment, which
 * the topic and queue policies use to admit only our alarms and rules.
 */

/** AWS limit on EventBridge rule names. */
export const RULE_NAME_MAX = 64;

/** The prefix of every physical name in an environment: `kmsmon-<environment>`. */
export function namePrefix(environment: string): string {
  return `kmsmon-${environment}`;
}

/** Prefix of the fan-out rules that forward KMS events to shard buses. */
export function fanOutNamePrefix(environment: string): string {
  return `${namePrefix(environment)}-fanout`;
}

/** Which signals a rule or topic carries: only critical ones, only the rest, or everything. */
export type AlertRoute = "critical" | "standard" | "all";

const ROUTE_CODE: Record<AlertRoute, string> = { critical: "c", standard: "s", all: "a" };

/**
 * Name of a group rule: `kmsmon-<env>-<group>-<route>-<n>`. Rules live in their keys'
 * region, so the same name in two regions does not collide; n counts within the group and route.
 */
export function groupRuleName(
  environment: string,
  group: string,
  route: AlertRoute,
  index: number,
): string {
  const name = `${namePrefix(environment)}-${group}-${ROUTE_CODE[route]}-${index + 1}`;
  if (name.length > RULE_NAME_MAX) {
    throw new Error(`rule name ${name} is longer than ${RULE_NAME_MAX} characters`);
  }
  return name;
}

/** Name of an alarm owned by a group. */
export function groupAlarmName(environment: string, group: string, what: string): string {
  return `${namePrefix(environment)}-${group}-${what}`;
}

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

/** The ArnLike patterns of our alarms, rules and topics in one region. */
export function publisherArnPatterns(
  partition: string,
  region: string,
  accountId: string,
  environment: string,
): PublisherArnPatterns {
  const prefix = namePrefix(environment);
  return {
    alarmArnPattern: `arn:${partition}:cloudwatch:${region}:${accountId}:alarm:${prefix}-*`,
    ruleArnPattern: `arn:${partition}:events:${region}:${accountId}:rule/*${prefix}-*`,
    topicArnPattern: `arn:${partition}:sns:${region}:${accountId}:${prefix}-*`,
  };
}
