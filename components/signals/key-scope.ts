/**
 * How a key is recognised in events. Patterns match the key ID (the last part of the key ARN)
 * rather than the whole ARN: every KMS event names the key by an ARN ending in `key/<id>`, a
 * multi-Region key keeps its `mrk-` ID in every Region (so replicas are watched too), and the ID is
 * half the length of an ARN, which doubles how many keys fit in one pattern.
 */
import { isKeyId, parseKeyArn } from "../core/arn";

/**
 * The key ID of a key ARN (`arn:<partition>:kms:<region>:<account>:key/<id>`).
 * Throws for anything else: callers pass validated ARNs.
 */
export function keyIdOfArn(arn: string): string {
  const key = parseKeyArn(arn);
  if (!key) throw new Error(`"${arn}" is not a KMS key ARN`);
  return key.keyId;
}

/** Distinct key IDs in first-seen order, so generated patterns are stable. */
export function distinctKeyIds(keyIds: readonly string[]): string[] {
  for (const id of keyIds) {
    if (!isKeyId(id)) throw new Error(`"${id}" is not a KMS key ID`);
  }
  return [...new Set(keyIds)];
}

/**
 * Splits items into consecutive chunks whose rendered size stays within `limit`.
 * `render` builds the text for a candidate chunk; a single item that does not fit is an error.
 */
export function chunkBySize<T>(
  items: readonly T[],
  limit: number,
  render: (chunk: readonly T[]) => string,
  what: string,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    const candidate = [...current, item];
    if (render(candidate).length <= limit) {
      current = candidate;
      continue;
    }
    if (current.length === 0) {
      throw new Error(`${what} for ${String(item)} alone is longer than ${limit} characters`);
    }
    chunks.push(current);
    current = [item];
    if (render(current).length > limit) {
      throw new Error(`${what} for ${String(item)} alone is longer than ${limit} characters`);
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
