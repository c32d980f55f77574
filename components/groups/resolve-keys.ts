/**
 * Deploy-time lookups: keys selected by alias or tag, and every key's metadata (origin, state,
 * expiry of imported material). A key that cannot be described (deleted out of band, or in another
 * account without kms:DescribeKey) is still watched: its events are matched by its key ID, and only
 * what needs its metadata waits. Every such fault becomes a warning naming the key.
 */
import * as aws from "@pulumi/aws";
import type { AliasRef, KeyGroupModel, StackModel } from "../config/model";
import { isStandIn, standInKeyArn, standInTokens } from "../inputs/stand-ins";
import { keyIdOfArn } from "../signals/key-scope";
import type { ResolvedKey, ResolvedKeyGroup } from "./resolved";

/** Reports a problem without stopping the deploy (pulumi.log.warn in programs). */
export type WarnFn = (message: string) => void;

/** Options of {@link resolveKeyGroups}. */
export interface ResolveOptions {
  /** Provider per region; a region without one uses the default provider. */
  providers?: Record<string, aws.Provider>;
  warn: WarnFn;
  /** Lookups in flight at once, to stay under KMS's DescribeKey rate. Defaults to 16. */
  concurrency?: number;
  /**
   * The account and partition, for the key a stand-in alias (an alias not known during a preview,
   * see inputs/stand-ins.ts) stands for. Defaults to none: stand-in aliases then select no key.
   */
  account?: { partition: string; accountId: string };
}

function arnParts(arn: string): Pick<ResolvedKey, "partition" | "region" | "accountId"> {
  const [, partition, , region, accountId] = arn.split(":");
  return { partition, region, accountId };
}

async function inPool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function aliasTarget(alias: AliasRef, opts: ResolveOptions): Promise<string | undefined> {
  // Not known yet (a preview): its key is a stand-in too, and AWS is not asked.
  const [token] = standInTokens(alias.name);
  if (token !== undefined) {
    return opts.account && standInKeyArn(token, { ...opts.account, region: alias.region });
  }
  try {
    const found = await aws.kms.getAlias(
      { name: alias.name },
      { provider: opts.providers?.[alias.region] },
    );
    return found.targetKeyArn;
  } catch {
    opts.warn(`alias ${alias.name} in ${alias.region} was not found; it selects no key`);
    return undefined;
  }
}

async function taggedKeys(group: KeyGroupModel, opts: ResolveOptions): Promise<string[]> {
  const tags = Object.entries(group.tags);
  if (tags.length === 0) return [];
  const perRegion = await Promise.all(
    group.tagRegions.map(async (region) => {
      try {
        const found = await aws.resourcegroupstaggingapi.getResources(
          {
            resourceTypeFilters: ["kms:key"],
            tagFilters: tags.map(([key, value]) => ({ key, values: [value] })),
          },
          { provider: opts.providers?.[region] },
        );
        return found.resourceTagMappingLists.map((m) => m.resourceArn);
      } catch {
        opts.warn(
          `key group ${group.name}: tag lookup in ${region} failed; no keys selected there`,
        );
        return [];
      }
    }),
  );
  return perRegion.flat();
}

async function describe(key: ResolvedKey, opts: ResolveOptions): Promise<ResolvedKey> {
  // A key not known yet (a preview) is described once it is.
  if (isStandIn(key.arn)) return key;
  try {
    const meta = await aws.kms.getKey(
      { keyId: key.arn },
      { provider: opts.providers?.[key.region] },
    );
    return {
      ...key,
      described: true,
      origin: meta.origin,
      keyState: meta.keyState,
      keyManager: meta.keyManager,
      keyUsage: meta.keyUsage,
      creationDate: meta.creationDate,
      validTo: meta.validTo || undefined,
      expirationModel: meta.expirationModel || undefined,
      customKeyStoreId: meta.customKeyStoreId || undefined,
      multiRegion: meta.multiRegion,
    };
  } catch {
    opts.warn(
      `key ${key.arn} could not be described (deleted, or no kms:DescribeKey across accounts); ` +
        "its events are still watched, its expiry alarm and inventory row wait",
    );
    return key;
  }
}

/** Resolves every group's keys. Keys claimed by an earlier group are left to that group. */
export async function resolveKeyGroups(
  model: StackModel,
  opts: ResolveOptions,
): Promise<ResolvedKeyGroup[]> {
  const owner = new Map<string, string>();
  const selected: { group: KeyGroupModel; keys: ResolvedKey[] }[] = [];
  for (const group of model.keyGroups) {
    const aliasArns = await Promise.all(group.aliases.map((a) => aliasTarget(a, opts)));
    const candidates: [string, string][] = [
      ...group.keys.map((k): [string, string] => [k.arn, "arn"]),
      ...group.aliases.flatMap((a, i): [string, string][] =>
        aliasArns[i] ? [[aliasArns[i] as string, a.name]] : [],
      ),
      ...(await taggedKeys(group, opts)).map((arn): [string, string] => [arn, "tags"]),
    ];
    const keys = new Map<string, ResolvedKey>();
    // Keys left to an earlier group, so a key this group selects twice is reported once.
    const left = new Set<string>();
    for (const [arn, selectedBy] of candidates) {
      const existing = keys.get(arn);
      if (existing) {
        if (selectedBy.startsWith("alias/")) existing.aliases.push(selectedBy);
        continue;
      }
      const claimedBy = owner.get(arn);
      if (claimedBy && claimedBy !== group.name) {
        if (!left.has(arn)) {
          opts.warn(
            `key ${arn} is selected by groups ${claimedBy} and ${group.name}; ${claimedBy} keeps it`,
          );
        }
        left.add(arn);
        continue;
      }
      owner.set(arn, group.name);
      keys.set(arn, {
        arn,
        keyId: keyIdOfArn(arn),
        ...arnParts(arn),
        selectedBy,
        described: false,
        aliases: selectedBy.startsWith("alias/") ? [selectedBy] : [],
        flaggedImported: group.importedKeys.includes(arn),
      });
    }
    if (keys.size === 0) opts.warn(`key group ${group.name} selects no key at deploy time`);
    selected.push({ group, keys: [...keys.values()] });
  }
  // One pool across all groups, so the number of lookups in flight stays bounded.
  const all = selected.flatMap(({ keys }) => keys);
  const described = await inPool(all, opts.concurrency ?? 16, (k) => describe(k, opts));
  let offset = 0;
  return selected.map(({ group, keys }) => {
    const mine = described.slice(offset, offset + keys.length);
    offset += keys.length;
    return { model: group, keys: mine };
  });
}
