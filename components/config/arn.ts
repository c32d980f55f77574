/**
 * Why an ARN named in stack config is unusable in the stack's partition. The ARN rules themselves
 * (regions, partitions, ARN shapes) live in core/arn.ts.
 */

import {
  isAccountId,
  isPartition,
  isRegion,
  partitionOfRegion,
  PARTITIONS,
  type ArnParts,
  type Partition,
} from "../core/arn";
import { listWords } from "./text";

// Re-exported for modules that read them from config (the alert topic arguments).
export {
  isAwsManagedAlias,
  parseAliasArn,
  parseKeyArn,
  splitArn,
  type ArnParts,
  type Partition,
} from "../core/arn";

/**
 * Why the partition, region or account of an ARN is unusable in a stack whose region is in
 * `partition` (any partition when undefined); undefined when they are fine. Phrased to follow
 * `"<arn>" `.
 */
export function arnLocationProblem(
  parts: ArnParts,
  partition: Partition | undefined,
): string | undefined {
  if (!isPartition(parts.partition)) {
    return `has an unknown partition "${parts.partition}" (expected ${partition ?? listWords(PARTITIONS)})`;
  }
  if (!isRegion(parts.region)) {
    return `has an invalid region "${parts.region}" (expected a region code such as us-east-1)`;
  }
  if (!isAccountId(parts.accountId)) {
    return `has an invalid account ID "${parts.accountId}" (expected 12 digits)`;
  }
  if (partitionOfRegion(parts.region) !== parts.partition) {
    return `names region ${parts.region}, which is not in partition ${parts.partition}`;
  }
  if (partition !== undefined && parts.partition !== partition) {
    return `is in partition ${parts.partition}, but the stack's region is in partition ${partition}`;
  }
  return undefined;
}
