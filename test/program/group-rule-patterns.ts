/**
 * The event patterns a key group's rules must have on their keys, written out by hand from the
 * KMS event reference (never computed by the rule planner): which API calls, native KMS events and
 * pending-deletion failures each route alerts on.
 */

const API_CALL = "AWS API Call via CloudTrail";

/** API calls that succeeded on one of the keys. */
function calls(eventName: string[], keyIds: string[]): Record<string, unknown> {
  return {
    "detail-type": [API_CALL],
    detail: {
      eventSource: ["kms.amazonaws.com"],
      eventName,
      errorCode: [{ exists: false }],
      resources: { ARN: keyIds.map((id) => ({ suffix: `:key/${id}` })) },
    },
  };
}

/** Calls that failed because the key is pending deletion (KMS names the key in the message). */
function pendingDeletionUse(keyIds: string[]): Record<string, unknown> {
  return {
    "detail-type": [API_CALL],
    detail: {
      eventSource: ["kms.amazonaws.com"],
      errorCode: ["KMSInvalidStateException", "DisabledException"],
      errorMessage: keyIds.map((id) => ({ wildcard: `*key/${id} is pending deletion*` })),
    },
  };
}

/** The pattern of a group's one rule when it has a single route (`all`). */
export function allSignalsOf(keyIds: string[]): Record<string, unknown> {
  return {
    source: ["aws.kms"],
    $or: [
      calls(
        [
          "ScheduleKeyDeletion",
          "CancelKeyDeletion",
          "DisableKey",
          "EnableKey",
          "PutKeyPolicy",
          "CreateGrant",
          "RevokeGrant",
          "RetireGrant",
          "ImportKeyMaterial",
          "DeleteImportedKeyMaterial",
          "DisableKeyRotation",
          "RotateKeyOnDemand",
        ],
        keyIds,
      ),
      {
        "detail-type": [
          "KMS Imported Key Material Expiration",
          "KMS CMK Rotation",
          "KMS CMK Deletion",
        ],
        detail: { "key-id": keyIds },
      },
      pendingDeletionUse(keyIds),
    ],
  };
}

/** The pattern of a group's critical rule under severity routing. */
export function criticalSignalsOf(keyIds: string[]): Record<string, unknown> {
  return {
    source: ["aws.kms"],
    $or: [
      calls(["ScheduleKeyDeletion", "DisableKey", "DeleteImportedKeyMaterial"], keyIds),
      {
        "detail-type": ["KMS Imported Key Material Expiration", "KMS CMK Deletion"],
        detail: { "key-id": keyIds },
      },
      pendingDeletionUse(keyIds),
    ],
  };
}

/** The pattern of a group's standard rule under severity routing. */
export function standardSignalsOf(keyIds: string[]): Record<string, unknown> {
  return {
    source: ["aws.kms"],
    $or: [
      calls(
        [
          "CancelKeyDeletion",
          "EnableKey",
          "PutKeyPolicy",
          "CreateGrant",
          "RevokeGrant",
          "RetireGrant",
          "ImportKeyMaterial",
          "DisableKeyRotation",
          "RotateKeyOnDemand",
        ],
        keyIds,
      ),
      { "detail-type": ["KMS CMK Rotation"], detail: { "key-id": keyIds } },
    ],
  };
}
