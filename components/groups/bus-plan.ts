/**
 * Where group rules live. AWS allows 300 rules per event bus; a large estate needs more rules than
 * that in one region, so beyond a budget on the default bus the rules go to shard buses that we
 * own, fed by fan-out rules on the default bus (each rule takes at most 5 targets). KMS events
 * reach only the default bus, and read-only calls reach only rules that ask for all management
 * events, so the fan-out rules do.
 */
import { groupAlertSignals } from "../signals/catalog";
import { accountEventPattern, SignalEventPattern } from "../signals/event-patterns";
import { names } from "../core/names";
import type { GroupRuleSpec } from "./rule-plan";
import { AWS_LIMITS, Quota } from "../core/limits";

/** Limits the planner keeps. */
export interface BusBudget {
  /** Rules we may add to the default bus, which other software shares. Defaults to 100. */
  defaultBus: number;
  /** Rules per shard bus, leaving headroom for growth. Defaults to 250. */
  shardBus: number;
}

export const DEFAULT_BUS_BUDGET: BusBudget = { defaultBus: 100, shardBus: 250 };

/** A shard bus we own. */
export interface ShardBusSpec {
  /** Physical name. */
  name: string;
  region: string;
  /** $0: a custom bus is free; events from AWS services are not billed. */
  monthlyCostUsd: number;
  quotas: Quota[];
}

/** A rule on the default bus that forwards KMS events to shard buses. */
export interface FanOutRuleSpec {
  /** Physical name. */
  name: string;
  region: string;
  eventPattern: SignalEventPattern;
  /** Names of the shard buses it forwards to (at most 5). */
  targetBuses: string[];
  /** The bus the rule lives on when not the default bus (an organization hub's bus). */
  eventBusName?: string;
  /** $0: EventBridge does not charge for events from AWS services, nor for forwarding them. */
  monthlyCostUsd: number;
  quotas: Quota[];
}

/** The IAM role the fan-out rules of a region assume to put events on its shard buses. */
export interface ForwardingRoleSpec {
  /** Physical name; it carries the region because IAM names are global to the account. */
  name: string;
  /** IAM is global: this is the region whose fan-out rules assume the role, not where it lives. */
  region: string;
  /** $0: IAM is free. */
  monthlyCostUsd: number;
  quotas: Quota[];
}

/** The bus layout of one region. */
export interface RegionBusPlan {
  region: string;
  /** Shard buses; empty when every rule fits on the default bus. */
  shardBuses: ShardBusSpec[];
  /** Bus of each group: "default" or a shard bus name. */
  busOfGroup: Record<string, string>;
  fanOutRules: FanOutRuleSpec[];
  /** The role of the fan-out rules; absent when there is no shard bus. */
  forwardingRole?: ForwardingRoleSpec;
}

/** The shard bus names of a region's layout, in plan order. */
export function shardBusNames(plan: Pick<RegionBusPlan, "shardBuses">): string[] {
  return plan.shardBuses.map((b) => b.name);
}

const SHARD_BUS_QUOTAS: Quota[] = ["eventBusesPerRegion"];
const FAN_OUT_RULE_QUOTAS: Quota[] = [
  "rulesPerBus",
  "ruleNameLength",
  "eventPatternLength",
  "targetsPerRule",
];
const FORWARDING_ROLE_QUOTAS: Quota[] = ["roleNameLength"];

/** FNV-1a with a murmur3 finaliser: stable, dependency-free, well mixed in every bit. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  return (hash ^ (hash >>> 16)) >>> 0;
}

function rulesPerGroup(specs: readonly GroupRuleSpec[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of specs) counts.set(s.group, (counts.get(s.group) ?? 0) + 1);
  return counts;
}

/** Share of the shard buses' budget the planner aims to fill, leaving room for groups to grow. */
export const SHARD_FILL_TARGET = 0.85;

/**
 * The shards in the order a group prefers them: by rendezvous score, highest first. Without a
 * capacity limit a group takes its first shard, and adding a shard moves only the groups the new
 * shard wins: about 1/n of them, where a modulus would move most groups.
 */
export function shardPreference(group: string, shards: number): number[] {
  const scored = Array.from({ length: shards }, (_, shard) => ({
    shard,
    score: stableHash(`${shard + 1}/${group}`),
  }));
  return scored.sort((a, b) => b.score - a.score || a.shard - b.shard).map((s) => s.shard);
}

/**
 * Bounded-load rendezvous hashing: groups, largest first (so a big group never arrives when no
 * shard has room left for it), then in the order of their own hash (stable, and unrelated to
 * their names), each go to the first shard of their preference with room for all their rules.
 * Plain rendezvous hashing spreads groups so unevenly that the fullest of n shards decides the
 * count, which left buses about 60% full; the capacity bound fills them to about
 * {@link SHARD_FILL_TARGET} and still moves few groups when groups or shards come and go
 * (test/groups/bus-plan.test.ts measures it). Refused past `maxShards`, the buses the region
 * has left.
 */
function assignShards(
  region: string,
  counts: Map<string, number>,
  total: number,
  budget: number,
  maxShards: number,
): { shards: number; shardOf: Map<string, number> } {
  for (const [group, rules] of counts) {
    if (rules > budget) {
      throw new Error(
        `key group ${group} needs ${rules} EventBridge rules in ${region}, more than a shard bus ` +
          `takes (${budget}); split it into smaller groups`,
      );
    }
  }
  const groups = [...counts.entries()]
    .map(([group, rules]) => ({ group, rules, order: stableHash(group) }))
    .sort((a, b) => b.rules - a.rules || a.order - b.order || (a.group < b.group ? -1 : 1))
    .map((g) => g.group);
  const start = Math.max(1, Math.ceil(total / (budget * SHARD_FILL_TARGET)));
  for (let shards = start; ; shards++) {
    if (shards > maxShards) {
      throw new Error(
        `the ${total} EventBridge rules of the key groups in ${region} need more than ` +
          `${maxShards} shard buses of ${budget} rules, the event buses a region has left ` +
          `(AWS allows ${AWS_LIMITS.eventBusesPerRegion}); watch fewer keys in ${region} or ` +
          `split the stack by region or by groups`,
      );
    }
    const load = new Array<number>(shards).fill(0);
    const shardOf = new Map<string, number>();
    for (const group of groups) {
      const rules = counts.get(group) ?? 0;
      const shard = shardPreference(group, shards).find((s) => load[s] + rules <= budget);
      if (shard === undefined) break;
      load[shard] += rules;
      shardOf.set(group, shard);
    }
    if (shardOf.size === groups.length) return { shards, shardOf };
  }
}

/**
 * Plans the buses of one region's group rules. `entryBus` is the bus KMS events arrive on:
 * "default" (the default), or an organization hub's bus, which members forward their events to;
 * group rules and fan-out rules live on it as they would on the default bus.
 */
export function planRegionBuses(
  region: string,
  specs: readonly GroupRuleSpec[],
  environment: string,
  budget: BusBudget = DEFAULT_BUS_BUDGET,
  entryBus = "default",
): RegionBusPlan {
  const inRegion = specs.filter((s) => s.region === region);
  const counts = rulesPerGroup(inRegion);
  if (inRegion.length <= budget.defaultBus) {
    const busOfGroup = Object.fromEntries([...counts.keys()].map((g) => [g, entryBus]));
    return { region, shardBuses: [], busOfGroup, fanOutRules: [] };
  }
  // The default bus and an organization hub's bus count against the region's quota too.
  const maxShards = AWS_LIMITS.eventBusesPerRegion - 1 - (entryBus === "default" ? 0 : 1);
  const { shards, shardOf } = assignShards(
    region,
    counts,
    inRegion.length,
    budget.shardBus,
    maxShards,
  );
  const n = names(environment);
  const shardBuses: ShardBusSpec[] = Array.from({ length: shards }, (_, i) => ({
    name: n.shardBus(i),
    region,
    monthlyCostUsd: 0,
    quotas: [...SHARD_BUS_QUOTAS],
  }));
  const busOfGroup = Object.fromEntries(
    [...counts.keys()].map((g) => [g, shardBuses[shardOf.get(g) ?? 0].name]),
  );
  const pattern = accountEventPattern(groupAlertSignals());
  const fanOutRules: FanOutRuleSpec[] = [];
  for (let i = 0; i < shardBuses.length; i += AWS_LIMITS.targetsPerRule) {
    fanOutRules.push({
      name: n.fanOutRule(fanOutRules.length),
      region,
      eventPattern: pattern,
      targetBuses: shardBusNames({
        shardBuses: shardBuses.slice(i, i + AWS_LIMITS.targetsPerRule),
      }),
      ...(entryBus !== "default" ? { eventBusName: entryBus } : {}),
      monthlyCostUsd: 0,
      quotas: [...FAN_OUT_RULE_QUOTAS],
    });
  }
  const forwardingRole: ForwardingRoleSpec = {
    name: n.forwardingRole(region),
    region,
    monthlyCostUsd: 0,
    quotas: [...FORWARDING_ROLE_QUOTAS],
  };
  return { region, shardBuses, busOfGroup, fanOutRules, forwardingRole };
}
