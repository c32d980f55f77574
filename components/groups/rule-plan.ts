/**
 * The EventBridge rules a key group needs, as data: one set per region of its keys and per alert
 * route, each scoped to the group's keys in that region and split to fit AWS's pattern limit.
 */
import type { KmsSignal } from "../signals/types";
import { groupAlertSignals } from "../signals/catalog";
import { keyScopedEventPatterns, needsReadOnlyEvents } from "../signals/event-patterns";
import type { SignalEventPattern } from "../signals/event-patterns";
import { alertInputTransformer, AlertInputTransformer } from "./alert-message";
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
  /** Short ID unique within the group and region: `<route>-<n>`. */
  id: string;
  /** Physical rule name, unique within its region. */
  name: string;
  description: string;
  eventPattern: SignalEventPattern;
  /** Read-only calls (a Decrypt on a key pending deletion) reach only rules in the second state. */
  state: "ENABLED" | "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";
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

const SEVERITY_LABEL: Record<AlertRoute, string> = {
  critical: "CRITICAL",
  standard: "WARNING/INFO",
  all: "KMS ALERT",
};

/** Plans every rule of a group, in a stable order: region, route, key chunk. */
export function planGroupRules(group: ResolvedKeyGroup, environment: string): GroupRuleSpec[] {
  const specs: GroupRuleSpec[] = [];
  const n = names(environment);
  for (const region of regionsOf(group)) {
    const keyIds = group.keys.filter((k) => k.region === region).map((k) => k.keyId);
    for (const { route, signals } of routesOf(group)) {
      const patterns = keyScopedEventPatterns(signals, keyIds);
      const transformer = alertInputTransformer({
        environment,
        group: group.model.name,
        groupDescription: group.model.description,
        severityLabel: SEVERITY_LABEL[route],
        signals,
      });
      patterns.forEach(({ pattern: eventPattern, keyIds: covered }, index) => {
        const name = n.groupRule(group.model.name, route, index);
        if (name.length > AWS_LIMITS.ruleNameLength) {
          throw new Error(
            `rule name ${name} is longer than ${AWS_LIMITS.ruleNameLength} characters`,
          );
        }
        specs.push({
          group: group.model.name,
          region,
          route,
          id: `${route}-${index + 1}`,
          name,
          description: `KMS ${route} signals of key group ${group.model.name} (${environment}), ${covered.length} key(s) in ${region}`,
          eventPattern,
          state: needsReadOnlyEvents(signals)
            ? "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"
            : "ENABLED",
          signalIds: signals.map((s) => s.id),
          keyIds: covered,
          transformer,
          target: {
            id: "alert-topic",
            topicName: n.groupTopic(group.model.name, route),
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
        });
      });
    }
  }
  return specs;
}
