/**
 * The event patterns a key group's rules must have on their keys, written out by hand from the
 * KMS event reference (never computed by the rule planner): which API calls, native KMS events and
 * pending-deletion failures each rule alerts on: a rule per critical signal (two for refused calls:
 * records that list the key in resources and records that do not), one for the non-critical API
 * calls, one for grants (it shows the grantee) and one for rotation (a native event).
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
function pendingDeletionUse(keyIds: string[], listed: boolean): Record<string, unknown> {
  return {
    "detail-type": [API_CALL],
    detail: {
      eventSource: ["kms.amazonaws.com"],
      errorCode: ["KMSInvalidStateException", "DisabledException"],
      errorMessage: keyIds.map((id) => ({ wildcard: `*key/${id} is pending deletion*` })),
      resources: { ARN: [{ exists: listed }] },
    },
  };
}

/** A native KMS event on one of the keys. */
function native(detailType: string, keyIds: string[]): Record<string, unknown> {
  return { "detail-type": [detailType], detail: { "key-id": keyIds } };
}

/** The non-critical calls that share a rule (no fields of their own). */
export const SHARED_CALLS = [
  "CancelKeyDeletion",
  "EnableKey",
  "PutKeyPolicy",
  "RevokeGrant",
  "RetireGrant",
  "ImportKeyMaterial",
  "DisableKeyRotation",
  "RotateKeyOnDemand",
];

function withSource(clause: Record<string, unknown>): Record<string, unknown> {
  return { source: ["aws.kms"], ...clause };
}

/** The critical signals' rules, in catalog order. */
function criticalRules(keyIds: string[]): Record<string, unknown>[] {
  return [
    calls(["ScheduleKeyDeletion"], keyIds),
    calls(["DisableKey"], keyIds),
    pendingDeletionUse(keyIds, true),
    pendingDeletionUse(keyIds, false),
    calls(["DeleteImportedKeyMaterial"], keyIds),
    native("KMS Imported Key Material Expiration", keyIds),
    native("KMS CMK Deletion", keyIds),
  ].map(withSource);
}

/**
 * Rule name to pattern of a group with severity routing: `<prefix>-c-1..7` to the critical
 * topic, `<prefix>-s-1..3` to the standard one. `prefix` is `kmsmon-<env>-<group>`.
 */
export function severityRoutedPatterns(prefix: string, keyIds: string[]): Record<string, unknown> {
  const critical = criticalRules(keyIds);
  const standard = [
    calls(SHARED_CALLS, keyIds),
    calls(["CreateGrant"], keyIds),
    native("KMS CMK Rotation", keyIds),
  ].map(withSource);
  return Object.fromEntries([
    ...critical.map((p, i) => [`${prefix}-c-${i + 1}`, p]),
    ...standard.map((p, i) => [`${prefix}-s-${i + 1}`, p]),
  ]);
}

/** Rule name to pattern of a group with one route (`all`): `<prefix>-a-1..10`, catalog order. */
export function allRoutePatterns(prefix: string, keyIds: string[]): Record<string, unknown> {
  const [scheduled, disabled, listed, unlisted, materialDeleted, expired, deleted] =
    criticalRules(keyIds);
  const rules = [
    scheduled,
    withSource(calls(SHARED_CALLS, keyIds)),
    disabled,
    listed,
    unlisted,
    withSource(calls(["CreateGrant"], keyIds)),
    materialDeleted,
    expired,
    withSource(native("KMS CMK Rotation", keyIds)),
    deleted,
  ];
  return Object.fromEntries(rules.map((p, i) => [`${prefix}-a-${i + 1}`, p]));
}
