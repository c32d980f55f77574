/**
 * kms-key-deletion-window: a KMS key scheduled for deletion must wait long enough for someone to
 * notice and cancel. AWS waits 30 days when `deletionWindowInDays` is not set, so unset passes.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { isUnknown } from "./lib/known";
import { quoted, validateTypes } from "./lib/resource-policy";

/** Config of {@link kmsKeyDeletionWindow}. */
export interface KmsKeyDeletionWindowConfig {
  /** The shortest waiting period allowed, in days (7 to 30). */
  minimumDays: number;
}

/** Key types with a deletion waiting period. */
export const KEY_TYPES_WITH_DELETION_WINDOW = [
  "aws:kms/key:Key",
  "aws:kms/externalKey:ExternalKey",
  "aws:kms/replicaKey:ReplicaKey",
  "aws:kms/replicaExternalKey:ReplicaExternalKey",
];

/** KMS keys keep a deletion waiting period of at least `minimumDays` (default 30). */
export const kmsKeyDeletionWindow: ResourceValidationPolicy = {
  name: "kms-key-deletion-window",
  description:
    "KMS keys wait at least minimumDays (default 30) between scheduling and deleting, so a " +
    "mistaken deletion can be cancelled.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      minimumDays: { type: "integer", minimum: 7, maximum: 30, default: 30 },
    },
  },
  validateResource: validateTypes(KEY_TYPES_WITH_DELETION_WINDOW, (props, args, report) => {
    const { minimumDays } = args.getConfig<KmsKeyDeletionWindowConfig>();
    const days = props.deletionWindowInDays;
    if (days === undefined || isUnknown(days) || typeof days !== "number") return;
    if (days < minimumDays) {
      report(
        `kms key ${quoted(args.name)}: deletionWindowInDays is ${days}; set it to at least ` +
          `${minimumDays} days so a mistaken deletion can still be cancelled`,
      );
    }
  }),
};
