/**
 * The EventBridge rules a key group needs, as data: per region of its keys and per alert route, a
 * rule per critical signal and shared rules for the others, each scoped to the group's keys in
 * that region and split to fit AWS's pattern limit.
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
   * Short ID unique within the group and region: `<signal id>-<key chunk>`, or for a shared rule
   * `<route>-<source kind>-<key chunk>`.
   */
  id: string;
  /** Physical rule name, unique within its region. */
  name: string;
  description: string;
  eventPattern: SignalEventPattern;
  /** Read-only calls (a Decrypt on a key pending deletion) reach only rules in the second state. */
  state: "ENABLED" | "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";
  /** The signals the rule matches: one, or the non-critical signals of a route sharing a rule. */
  signalIds: string[];
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
  keyFromRequest: boolean;
}

/**
 * A refused call on a key pending deletion lists the key in `resources` or not (AWS does not
 * document which): one rule for each, so each alert's commands name the key from where it is.
 */
function keyLocations(signals: readonly KmsSignal[]): KeyLocation[] {
  if (!signals.some((s) => s.source.kind === "pending-deletion-use")) {
    return [{ scope: {}, idSuffix: "", keyFromRequest: false }];
  }
  return [
    { scope: { resourcesListed: true }, idSuffix: "", keyFromRequest: false },
    { scope: { resourcesListed: false }, idSuffix: "-unlisted", keyFromRequest: true },
  ];
}

/** Signals that share a rule, and the rule's ID stem. */
interface RuleSet {
  id: string;
  signals: KmsSignal[];
}

/** A signal alerted by a rule of its own: critical, or showing fields of its own event. */
function ownsRule(signal: KmsSignal): boolean {
  return signal.severity === "critical" || (signal.alertFields ?? []).length > 0;
}

/**
 * The rules of a route. A rule's target has one input transformer, which cannot choose its text
 * by event, so a critical signal gets a rule of its own (its message names it and gives its one
 * runbook); the other signals of the route share one rule per source kind, whose message names the
 * call and lists their runbooks by call. One rule per signal everywhere would not fit AWS's event
 * bus quotas at 1,000 groups in a region (docs/DESIGN.md, "Alert rules per group").
 */
function ruleSets(route: AlertRoute, signals: readonly KmsSignal[]): RuleSet[] {
  const sets: RuleSet[] = [];
  const shared = new Map<string, RuleSet>();
  for (const signal of signals) {
    if (ownsRule(signal)) {
      sets.push({ id: signal.id, signals: [signal] });
      continue;
    }
    const kind = signal.source.kind;
    const set = shared.get(kind) ?? { id: `${route}-${kind}`, signals: [] };
    if (!shared.has(kind)) {
      shared.set(kind, set);
      sets.push(set);
    }
    set.signals.push(signal);
  }
  // A shared set of one signal is that signal's own rule.
  return sets.map((set) =>
    set.signals.length === 1 ? { id: set.signals[0].id, signals: set.signals } : set,
  );
}

/**
 * Plans every rule of a group, in a stable order: region, route, rule set (catalog order), key
 * chunk. Rules are numbered per route in that order, so a signal appended to the catalog renames
 * no existing rule (a new key chunk of an earlier rule renumbers the rules after it).
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
      let index = 0;
      for (const set of ruleSets(route, signals)) {
        for (const variant of keyLocations(set.signals)) {
          const patterns = keyScopedEventPatterns(set.signals, keyIds, variant.scope);
          patterns.forEach(({ pattern, keyIds: covered }, chunk) => {
            specs.push(
              ruleSpec(group, environment, region, route, set.signals, pattern, covered, {
                id: `${set.id}${variant.idSuffix}-${chunk + 1}`,
                name: n.groupRule(group.model.name, route, index++),
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

/** What a rule watches, for its description. */
function ruleTopic(route: AlertRoute, signals: readonly KmsSignal[]): string {
  if (signals.length === 1) return `KMS signal "${signals[0].title}"`;
  return `${signals.length} non-critical KMS signals (${route} route)`;
}

function ruleSpec(
  group: ResolvedKeyGroup,
  environment: string,
  region: string,
  route: AlertRoute,
  signals: KmsSignal[],
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
    description: `${ruleTopic(route, signals)} of key group ${group.model.name} (${environment}), ${covered.length} key(s) in ${region}`,
    eventPattern,
    state: needsReadOnlyEvents(signals)
      ? "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"
      : "ENABLED",
    signalIds: signals.map((s) => s.id),
    keyIds: covered,
    transformer: alertInputTransformer({
      environment,
      group: group.model.name,
      groupDescription: group.model.description,
      signals,
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
