/**
 * `--events DIR`: which account signals (metric filters on the trail's log group) and which key
 * groups' rules each event file would set off, and the message each rule's topic would receive
 * (the rule's input transformer applied as EventBridge applies it, tools/matching). CloudTrail records are tried against the filters
 * as they reach the log group, and against the rules as the EventBridge events AWS makes of them.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { planAccountFilters } from "../../components/account/account-filters";
import { planTamperAlarms } from "../../components/watchers/tamper-plan";
import { names } from "../../components/core/names";
import type { StackPlan } from "../../components/plan/stack-plan";
import type { RegionBusPlan } from "../../components/groups/bus-plan";
import type { GroupPlan } from "../../components/groups/group-plan";
import type { GroupRuleSpec } from "../../components/groups/rule-plan";
import {
  EventBridgeEvent,
  applyInputTransformer,
  eventsFromFile,
  matchesEventPattern,
  matchesFilterPattern,
} from "../matching";
import { UsageError } from "./args";

/** A group rule an event would trigger. */
export interface RuleHit {
  group: string;
  region: string;
  route: string;
  rule: string;
  /** The SNS topic the rule's target publishes to. */
  topic: string;
  /** The text the topic's subscribers receive: the rule's input transformer applied to the event. */
  message: string;
}

/** What one event file sets off. */
export interface EventFileMatch {
  file: string;
  /** Events found in the file. */
  events: number;
  /** Signal IDs of the log-group filters that match (sorted). */
  signals: string[];
  /** Group rules that match and would receive the event. */
  alerts: RuleHit[];
  /** Why the file could not be read as events. */
  error?: string;
}

/** A metric filter on the trail's log group and the signal it counts. */
export interface SignalFilter {
  signalId: string;
  pattern: string;
}

/** What the events are matched against. */
export interface MatchTargets {
  /** The log group's metric filters (account and tamper signals). */
  filters: readonly SignalFilter[];
  groups: readonly GroupPlan[];
  /** Bus layout per region; absent when the planner could not lay out the buses. */
  buses?: readonly RegionBusPlan[];
}

const API_CALL = "AWS API Call via CloudTrail";

/** Read-only calls reach only rules that ask for all management events. */
function reachesRule(rule: GroupRuleSpec, event: EventBridgeEvent): boolean {
  const detail = event.detail as { readOnly?: unknown };
  const readOnly = event["detail-type"] === API_CALL && detail?.readOnly === true;
  return !readOnly || rule.state === "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";
}

/**
 * The log group's filters, each named by its signal: the plan's account and tamper filters. When
 * the program failed (no plan), the account and tamper planners' filters for the environment.
 */
export function signalFilters(
  plan: Pick<StackPlan, "accountFilters" | "tamperAlarms"> | undefined,
  environment: string,
): SignalFilter[] {
  const logGroup = { logGroupName: names(environment).logGroup };
  const accountFilters = plan?.accountFilters ?? planAccountFilters(environment, logGroup);
  const tamper = plan?.tamperAlarms ?? planTamperAlarms(environment, logGroup);
  return [
    ...accountFilters.map((f) => ({ signalId: f.signalId, pattern: f.pattern })),
    ...tamper.map((t) => ({ signalId: t.signalId, pattern: t.filter.pattern })),
  ];
}

/** A rule on a shard bus sees the event only when a fan-out rule forwards it there. */
function reachesBus(targets: MatchTargets, group: string, event: EventBridgeEvent): boolean {
  const layout = targets.buses?.find((b) => b.region === event.region);
  const bus = layout?.busOfGroup[group];
  if (!layout || !bus || bus === "default") return true;
  return layout.fanOutRules.some(
    (f) => f.targetBuses.includes(bus) && matchesEventPattern(f.eventPattern, event),
  );
}

/** Matches the events of one parsed JSON document. */
export function matchDocument(json: unknown, targets: MatchTargets): Omit<EventFileMatch, "file"> {
  const { cloudTrailRecords, eventBridgeEvents } = eventsFromFile(json);
  const signals = new Set<string>();
  for (const record of cloudTrailRecords) {
    for (const f of targets.filters) {
      if (matchesFilterPattern(f.pattern, record)) signals.add(f.signalId);
    }
  }
  const alerts: RuleHit[] = [];
  for (const event of eventBridgeEvents) {
    for (const group of targets.groups) {
      for (const rule of group.rules) {
        if (rule.region !== event.region || !reachesRule(rule, event)) continue;
        if (!matchesEventPattern(rule.eventPattern, event)) continue;
        if (!reachesBus(targets, group.name, event)) continue;
        alerts.push({
          group: group.name,
          region: rule.region,
          route: rule.route,
          rule: rule.name,
          topic: rule.target.topicName,
          message: applyInputTransformer(rule.transformer, event, { ruleName: rule.name }),
        });
      }
    }
  }
  return {
    events: eventBridgeEvents.length,
    signals: [...signals].sort(),
    alerts,
  };
}

/** Matches every `*.json` file of `dir`, in name order; an unreadable folder is a UsageError. */
export function matchEventFiles(dir: string, targets: MatchTargets): EventFileMatch[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".json") && statSync(join(dir, n)).isFile());
  } catch {
    throw new UsageError(`--events: cannot read the folder ${dir}`);
  }
  return names.sort().map((file) => {
    try {
      const json: unknown = JSON.parse(readFileSync(join(dir, file), "utf8"));
      return { file, ...matchDocument(json, targets) };
    } catch (error) {
      return { file, events: 0, signals: [], alerts: [], error: (error as Error).message };
    }
  });
}
