/**
 * Which data-plane operations a key can serve, by its KeyUsage, so each key's graph asks only
 * for metrics that can exist (fewer metrics per dashboard, fewer dashboards). A key whose usage is
 * unknown (not reported, or not described) gets every operation of the catalog.
 */
import { DATA_PLANE_OPERATIONS } from "../signals/catalog";
import type { ResolvedKey } from "../groups/resolved";
import { baselineOperation } from "../watchers/baseline-plan";

/** Data-plane operations by KeyUsage (AWS KMS Developer Guide, key type reference). */
export const OPERATIONS_BY_KEY_USAGE: Readonly<Record<string, readonly string[]>> = {
  ENCRYPT_DECRYPT: [
    "Encrypt",
    "Decrypt",
    "ReEncrypt",
    "GenerateDataKey",
    "GenerateDataKeyWithoutPlaintext",
    "GenerateDataKeyPair",
    "GenerateDataKeyPairWithoutPlaintext",
  ],
  SIGN_VERIFY: ["Sign", "Verify"],
  GENERATE_VERIFY_MAC: ["GenerateMac", "VerifyMac"],
  KEY_AGREEMENT: ["DeriveSharedSecret"],
};

/** The operations graphed for a key. */
export function operationsOf(key: ResolvedKey): readonly string[] {
  return (key.keyUsage && OPERATIONS_BY_KEY_USAGE[key.keyUsage]) || DATA_PLANE_OPERATIONS;
}

/**
 * The operation whose expected band is drawn for a key: the one its baseline alarm reads, as
 * planned (`planned`, by key ARN), else the one UsageBaseline reads for the key's usage.
 *
 * @throws when that operation is not among {@link operationsOf} the key (no line to band).
 */
export function bandOperation(
  key: ResolvedKey,
  planned?: Readonly<Record<string, string>>,
): string {
  const operation = planned?.[key.arn] ?? baselineOperation(key.keyUsage);
  if (!operationsOf(key).includes(operation)) {
    throw new Error(`dashboard: key ${key.arn}: its baseline reads ${operation}, not graphed`);
  }
  return operation;
}
