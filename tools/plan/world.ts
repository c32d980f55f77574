/**
 * The fake AWS account a plan runs against. Offline nothing can be looked up, so key lookups get
 * stated stand-ins: every key is described with the mock's defaults, each alias points at one
 * placeholder key, and each tag search finds a chosen number of placeholder keys.
 */
import type { StackModel } from "../../components/config/model";
import type { ResolvedKey } from "../../components/groups/resolved";
import { keyIdOfArn } from "../../components/signals/key-scope";
import { stableUuid } from "../mock-runtime/fake-state";
import type { MockAwsWorld } from "../mock-runtime/mock-runtime";

/** Account of the mock world when no key ARN names one. */
const DEFAULT_ACCOUNT = "111122223333";

/** What a key listed in importedKeys is described with: material that expires, at a fixed date. */
export const IMPORTED_MATERIAL = {
  expirationModel: "KEY_MATERIAL_EXPIRES",
  validTo: "2099-12-31T00:00:00Z",
};

/**
 * A key as the program resolves it in the plan's world: described with the mock's defaults, or as
 * imported material that expires.
 */
export function describedKey(arn: string, imported: boolean): ResolvedKey {
  const [, partition, , region, accountId] = arn.split(":");
  const keyId = keyIdOfArn(arn);
  return {
    arn,
    keyId,
    region,
    accountId,
    partition,
    selectedBy: "arn",
    described: true,
    origin: imported ? "EXTERNAL" : "AWS_KMS",
    keyState: "Enabled",
    keyManager: "CUSTOMER",
    keyUsage: "ENCRYPT_DECRYPT",
    creationDate: "2024-01-15T10:00:00Z",
    multiRegion: keyId.startsWith("mrk-"),
    aliases: [],
    flaggedImported: imported,
    ...(imported ? IMPORTED_MATERIAL : {}),
  };
}

/** The mock world of a plan and the assumptions it stands for, as sentences. */
export interface PlanWorld {
  world: Partial<MockAwsWorld>;
  assumptions: string[];
}

function mostCommon(values: string[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = fallback;
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount) [best, bestCount] = [v, n];
  return best;
}

function placeholderKeyArn(partition: string, region: string, account: string, seed: string) {
  return `arn:${partition}:kms:${region}:${account}:key/${stableUuid(seed)}`;
}

/** The world a plan of `model` runs in; `taggedKeys` keys per group and tag region. */
export function planWorld(model: StackModel, taggedKeys: number): PlanWorld {
  const keys = model.keyGroups.flatMap((g) => g.keys);
  // A hub's keys are in its members: the hub itself is another account.
  const accountId = model.organization
    ? DEFAULT_ACCOUNT
    : mostCommon(
        keys.map((k) => k.accountId),
        DEFAULT_ACCOUNT,
      );
  const partition = mostCommon(
    keys.map((k) => k.partition),
    "aws",
  );
  const aliases: Record<string, string> = {};
  const tagged: Record<string, Record<string, Record<string, string>>> = {};
  let aliasCount = 0;
  let tagSearches = 0;
  for (const group of model.keyGroups) {
    for (const alias of group.aliases) {
      aliasCount++;
      // Aliases are regional: the same name in two regions names two keys.
      const where = `${alias.region}/${alias.name}`;
      aliases[where] ??= placeholderKeyArn(partition, alias.region, accountId, where);
    }
    if (Object.keys(group.tags).length === 0) continue;
    for (const region of group.tagRegions) {
      tagSearches++;
      for (let i = 0; i < taggedKeys; i++) {
        const arn = placeholderKeyArn(partition, region, accountId, `${group.name}/${region}/${i}`);
        (tagged[region] ??= {})[arn] = { ...group.tags };
      }
    }
  }
  const assumptions = [
    model.organization
      ? `Hub account ${accountId} (${partition}), a placeholder for the account the stack deploys to.`
      : `Account ${accountId} (${partition}), taken from the key ARNs of the config.`,
    "Offline, every key is described with the mock's defaults (enabled, customer managed, " +
      "origin AWS_KMS); keys listed in importedKeys are described as imported (origin " +
      `EXTERNAL) with material expiring on ${IMPORTED_MATERIAL.validTo}.`,
  ];
  if (aliasCount > 0) {
    assumptions.push(
      `Each of the ${aliasCount} alias(es) points at one placeholder key of its region.`,
    );
  }
  if (tagSearches > 0) {
    assumptions.push(
      `Each of the ${tagSearches} tag search(es) (group and region) finds ${taggedKeys} ` +
        "placeholder key(s) (--tagged-keys).",
    );
  }
  const imported = new Set(model.keyGroups.flatMap((g) => g.importedKeys));
  const describeKey = (keyId: string) =>
    imported.has(keyId) ? { origin: "EXTERNAL" as const, ...IMPORTED_MATERIAL } : {};
  return {
    world: { accountId, partition, region: model.region, aliases, taggedKeys: tagged, describeKey },
    assumptions,
  };
}
