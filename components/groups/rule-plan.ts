/**
 * The EventBridge rules a key group needs, as data: per region of its keys and per alert route, a
 * rule per signal, scoped to the group's keys in that region and split to fit AWS's pattern limit.
 */
import type { KmsSignal } from "../signals/types";
import { groupAlertSignals } from "../signals/catalog";
import { keyScopedEventPatterns, needsReadOnlyEvents } from "../signals/event-patterns";
import type { KeyScopeOptions, SignalEventPattern } from "../signals/event-patterns";
import { alertInputTransformer, AlertInputTransformer } from "./alert-message";
import { accountsOfKeys } from "./account-line";
import { AlertRoute, names } from "../core/names";
import { regionsOf, ResolvedKeyGroup } from "./resolved";
import type { Quota } from "../core/limits";
import { AWS_LIMITS } from "../core/limits";

/** Retries of an undeliverable event before it goes to the dead-letter queue: a day's worth. */
export const RULE_TARGET_RETRIES = 185;
/** Age after which EventBridge stops retrying, in seconds: one day, EventBridge's maximum. */
export const RULE_TARGET_MAX_EVENT_AGE_SECONDS = 86400;

/** A rule's target: the group's topic of the rule's route, retried, then dead-lettered. */
export interface RuleTargetSpec {
  /** Target ID within the rule. */
  id: "alert-topic";
  /** Physical name of the topic (in the rule's region). */
  topicName: string;
  maximumRetryAttempts: number;
  maximumEventAgeSeconds: number;
}

/** One planned rule and its single target. */
export interface GroupRuleSpec {
  group: string;
  region: string;
  route: AlertRoute;
  /**
   * Short ID unique within the group and region: `<signal id>-<key chunk>`, with `-unlisted`
   * before the chunk for refused calls whose record lists no `resources`.
   */
  id: string;
  /** Physical rule name, unique within its region. */
  name: string;
  description: string;
  eventPattern: SignalEventPattern;
  /** Read-only calls (a Decrypt on a key pending deletion) reach only rules in the second state. */
  state: "ENABLED" | "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";
  /** The one signal the rule matches: its message names it and gives its one runbook. */
  signalId: string;
  /** The key IDs this rule covers. */
  keyIds: string[];
  transformer: AlertInputTransformer;
  target: RuleTargetSpec;
  /** $0: EventBridge does not charge for events from AWS services. */
  monthlyCostUsd: number;
  quotas: Quota[];
}

/** The routes of a group and the signals each carries. */
export function routesOf(group: ResolvedKeyGroup): { route: AlertRoute; signals: KmsSignal[] }[] {
  const signals = groupAlertSignals();
  if (!group.model.notify.critical) return [{ route: "all", signals }];
  return [
    { route: "critical", signals: signals.filter((s) => s.severity === "critical") },
    { route: "standard", signals: signals.filter((s) => s.severity !== "critical") },
  ];
}

/** The aliases the group knows for each key, in the order of the key IDs. */
function aliasesOf(group: ResolvedKeyGroup, region: string, keyIds: readonly string[]) {
  const keys = group.keys.filter((k) => k.region === region);
  return keyIds.map((keyId) => ({
    keyId,
    aliases: [...new Set(keys.filter((k) => k.keyId === keyId).flatMap((k) => k.aliases))],
  }));
}

/** Where the key is named in the records a rule matches, when that differs between records. */
interface KeyLocation {
  scope: KeyScopeOptions;
  idSuffix: string;
  /** Appended to the signal's rule code in the rule's name. */
  codeSuffix: string;
  keyFromRequest: boolean;
}

/**
 * A refused call on a key pending deletion lists the key in `resources` or not (AWS does not
 * document which): one rule for each, so each alert's commands name the key from where it is.
 */
function keyLocations(signal: KmsSignal): KeyLocation[] {
  if (signal.source.kind !== "pending-deletion-use") {
    return [{ scope: {}, idSuffix: "", codeSuffix: "", keyFromRequest: false }];
  }
  return [
    { scope: { resourcesListed: true }, idSuffix: "", codeSuffix: "", keyFromRequest: false },
    {
      scope: { resourcesListed: false },
      idSuffix: "-unlisted",
      codeSuffix: "n",
      keyFromRequest: true,
    },
  ];
}

/**
 * Plans every rule of a group, in a stable order: region, route, signal (catalog order), key
 * chunk. A rule's target has one input transformer, which cannot choose its text by event, so
 * each signal has rules of its own: the message names it and gives its one runbook (the count
 * fits AWS's event bus quotas at 1,000 groups in a region: docs/DESIGN.md, "Alert rules per
 * group"). A rule's name is its signal's rule code and its key chunk, nothing positional, so a
 * new key, a new chunk or a new signal never moves another rule's name.
 */
export function planGroupRules(
  group: ResolvedKeyGroup,
  environment: string,
  memberNames?: ReadonlyMap<string, string>,
): GroupRuleSpec[] {
  const specs: GroupRuleSpec[] = [];
  const n = names(environment);
  for (const region of regionsOf(group)) {
    const keyIds = group.keys.filter((k) => k.region === region).map((k) => k.keyId);
    for (const { route, signals } of routesOf(group)) {
      for (const signal of signals) {
        if (signal.ruleCode === undefined) {
          throw new Error(`signal ${signal.id} is alerted per group but has no ruleCode`);
        }
        const code = signal.ruleCode;
        for (const variant of keyLocations(signal)) {
          const patterns = keyScopedEventPatterns([signal], keyIds, variant.scope);
          patterns.forEach(({ pattern, keyIds: covered }, chunk) => {
            specs.push(
              ruleSpec(group, environment, region, route, signal, pattern, covered, {
                id: `${signal.id}${variant.idSuffix}-${chunk + 1}`,
                name: n.groupRule(group.model.name, `${code}${variant.codeSuffix}`, chunk + 1),
                topicName: n.groupTopic(group.model.name, route),
                keyFromRequest: variant.keyFromRequest,
                memberNames,
              }),
            );
          });
        }
      }
    }
  }
  return specs;
}

function ruleSpec(
  group: ResolvedKeyGroup,
  environment: string,
  region: string,
  route: AlertRoute,
  signal: KmsSignal,
  eventPattern: SignalEventPattern,
  covered: string[],
  physical: {
    id: string;
    name: string;
    topicName: string;
    keyFromRequest: boolean;
    /** In an organization hub, member account ID to name (the message names the accounts). */
    memberNames?: ReadonlyMap<string, string>;
  },
): GroupRuleSpec {
  if (physical.name.length > AWS_LIMITS.ruleNameLength) {
    throw new Error(
      `rule name ${physical.name} is longer than ${AWS_LIMITS.ruleNameLength} characters`,
    );
  }
  return {
    group: group.model.name,
    region,
    route,
    id: physical.id,
    name: physical.name,
    description: `KMS signal "${signal.title}" of key group ${group.model.name} (${environment}), ${covered.length} key(s) in ${region}`,
    eventPattern,
    state: needsReadOnlyEvents([signal])
      ? "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"
      : "ENABLED",
    signalId: signal.id,
    keyIds: covered,
    transformer: alertInputTransformer({
      environment,
      group: group.model.name,
      groupDescription: group.model.description,
      signal,
      keyAliases: aliasesOf(group, region, covered),
      keyFromRequest: physical.keyFromRequest,
      // A hub names the accounts of the keys: the event gives only the account's ID.
      ...(physical.memberNames
        ? {
            accountNames: accountsOfKeys(
              group.keys.filter((k) => k.region === region && covered.includes(k.keyId)),
              physical.memberNames,
            ),
          }
        : {}),
    }),
    target: {
      id: "alert-topic",
      topicName: physical.topicName,
      maximumRetryAttempts: RULE_TARGET_RETRIES,
      maximumEventAgeSeconds: RULE_TARGET_MAX_EVENT_AGE_SECONDS,
    },
    monthlyCostUsd: 0,
    quotas: [
      "rulesPerBus",
      "ruleNameLength",
      "eventPatternLength",
      "targetsPerRule",
      "inputTemplateLength",
    ],
  };
}
