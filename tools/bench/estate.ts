/**
 * Synthetic estates for the benchmark: `keys` keys in one region, ten to a group, e-mail alerts,
 * a created trail. Key IDs are derived from the key's number, so every run plans the same stack.
 */
import { encodeConfig } from "../plan/stack-config";

/** Keys per group in the synthetic estates. */
export const KEYS_PER_GROUP = 10;
/** Region of every synthetic key and of the stack. */
export const BENCH_REGION = "us-east-1";
/** Account of every synthetic key. */
export const BENCH_ACCOUNT = "111122223333";

/** Key ID number `n`, UUID-shaped. */
export function benchKeyId(n: number): string {
  return `1234abcd-12ab-34cd-56ef-${n.toString(16).padStart(12, "0")}`;
}

/** Key ARN number `n`. */
export function benchKeyArn(n: number): string {
  return `arn:aws:kms:${BENCH_REGION}:${BENCH_ACCOUNT}:key/${benchKeyId(n)}`;
}

/** Name of group `g` (0-based). */
export function benchGroupName(g: number): string {
  return `g${String(g + 1).padStart(4, "0")}`;
}

/** The groups of an estate: names and key ARNs. */
export function benchGroups(keys: number): { name: string; keyArns: string[] }[] {
  const groups = Math.ceil(keys / KEYS_PER_GROUP);
  return Array.from({ length: groups }, (_, g) => ({
    name: benchGroupName(g),
    keyArns: Array.from({ length: Math.min(KEYS_PER_GROUP, keys - g * KEYS_PER_GROUP) }, (_, i) =>
      benchKeyArn(g * KEYS_PER_GROUP + i),
    ),
  }));
}

/** The stack config of an estate, encoded as the Pulumi CLI passes it. */
export function benchConfig(keys: number): Record<string, string> {
  return encodeConfig({
    "aws:region": BENCH_REGION,
    "kms-monitoring:environment": "bench",
    "kms-monitoring:trail": { mode: "create", logRetentionDays: 365 },
    "kms-monitoring:notifications": { emails: ["kms-alerts@example.com"] },
    "kms-monitoring:keyGroups": benchGroups(keys).map((g) => ({ name: g.name, keys: g.keyArns })),
  });
}
