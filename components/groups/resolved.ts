/**
 * Key groups after the deploy-time lookups: every key the group selects (by ARN, alias or tag),
 * with the metadata KMS gave for it, or a note of why it could not be described.
 */
import type { KeyGroupModel } from "../config/model";

/** One watched key. */
export interface ResolvedKey {
  arn: string;
  keyId: string;
  region: string;
  accountId: string;
  partition: string;
  /** How the group selected it ("arn", "alias/<name>" or "tags"). */
  selectedBy: string;
  /** False when DescribeKey failed: its events are still watched, its metrics wait. */
  described: boolean;
  /** KMS origin: AWS_KMS, EXTERNAL (imported material), AWS_CLOUDHSM, EXTERNAL_KEY_STORE. */
  origin?: string;
  keyState?: string;
  keyManager?: string;
  /** ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC or KEY_AGREEMENT. */
  keyUsage?: string;
  creationDate?: string;
  /** Expiry of imported material (RFC 3339), when it expires. */
  validTo?: string;
  expirationModel?: string;
  customKeyStoreId?: string;
  multiRegion?: boolean;
  /** Aliases known to point at the key (from the group's alias selection). */
  aliases: string[];
  /** The group flagged the key as holding imported material. */
  flaggedImported: boolean;
}

/** A group with its keys resolved. */
export interface ResolvedKeyGroup {
  model: KeyGroupModel;
  keys: ResolvedKey[];
}

/** Keys whose imported material can expire: flagged in config, or origin EXTERNAL. */
export function keysWithImportedMaterial(group: ResolvedKeyGroup): ResolvedKey[] {
  return group.keys.filter((k) => k.flaggedImported || k.origin === "EXTERNAL");
}

/** The regions a group's keys live in, sorted so resource order is stable. */
export function regionsOf(group: ResolvedKeyGroup): string[] {
  return [...new Set(group.keys.map((k) => k.region))].sort();
}
