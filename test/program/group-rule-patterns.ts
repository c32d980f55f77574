/**
 * The event patterns a key group's rules must have on their keys, written out by hand from the
 * KMS event reference (never computed by the rule planner): which API calls, native KMS events and
 * pending-deletion failures each route alerts on.
 */

const API_CALL = "AWS API Call via CloudTrail";

/** Successful calls of these names. */
function succeeded(eventName: string[]): Record<string, unknown> {
  return { detail: { eventName, errorCode: [{ exists: false }] } };
}

/** Destructive calls refused with AccessDenied (or AccessDeniedException). */
const REFUSED = {
  detail: {
    eventName: [
      "ScheduleKeyDeletion",
      "DisableKey",
      "PutKeyPolicy",
      "DeleteImportedKeyMaterial",
      "DisableKeyRotation",
    ],
    errorCode: [{ prefix: "AccessDenied" }],
  },
};

/** A policy that grants a wildcard principal, in the nine spellings EventBridge can see. */
const MADE_PUBLIC = {
  detail: {
    eventName: ["PutKeyPolicy", "CreateKey", "ReplicateKey"],
    errorCode: [{ exists: false }],
    requestParameters: {
      policy: [
        '"Principal":"\\*"',
        '"Principal": "\\*"',
        '"Principal" : "\\*"',
        '"AWS":"\\*"',
        '"AWS": "\\*"',
        '"AWS" : "\\*"',
        '"AWS":["\\*"]',
        '"AWS": ["\\*"]',
        '"AWS" : [ "\\*" ]',
      ].map((text) => ({ wildcard: `*${text}*` })),
    },
  },
};

/**
 * CloudTrail calls on one of the keys, named in `resources`, `responseElements.keyId` or
 * `requestParameters.keyId`, matching one of `conditions`.
 */
function calls(conditions: Record<string, unknown>[], keyIds: string[]): Record<string, unknown> {
  return {
    "detail-type": [API_CALL],
    detail: {
      eventSource: ["kms.amazonaws.com"],
      $or: [
        { resources: { ARN: keyIds.map((id) => ({ suffix: `:key/${id}` })) } },
        { responseElements: { keyId: keyIds.map((id) => ({ suffix: id })) } },
        { requestParameters: { keyId: keyIds.map((id) => ({ suffix: id })) } },
      ],
    },
    $or: conditions,
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
          succeeded([
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
          ]),
          REFUSED,
          MADE_PUBLIC,
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
      calls(
        [
          succeeded(["ScheduleKeyDeletion", "DisableKey", "DeleteImportedKeyMaterial"]),
          MADE_PUBLIC,
        ],
        keyIds,
      ),
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
          succeeded([
            "CancelKeyDeletion",
            "EnableKey",
            "PutKeyPolicy",
            "CreateGrant",
            "RevokeGrant",
            "RetireGrant",
            "ImportKeyMaterial",
            "DisableKeyRotation",
            "RotateKeyOnDemand",
          ]),
          REFUSED,
        ],
        keyIds,
      ),
      { "detail-type": ["KMS CMK Rotation"], detail: { "key-id": keyIds } },
    ],
  };
}
