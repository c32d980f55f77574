/**
 * The event patterns a key group's rules must have on their keys, written out by hand from the
 * KMS event reference (never computed by the rule planner): which API calls, native KMS events and
 * pending-deletion failures each rule alerts on: a rule per signal (two for refused calls: records
 * that list the key in resources and records that do not). A CloudTrail record names the key in
 * `resources[].ARN`, `responseElements.keyId` or `requestParameters.keyId`: any one matches.
 */

const API_CALL = "AWS API Call via CloudTrail";

/** The three places a CloudTrail record may name one of the keys (ARN, or key ID or ARN). */
function onKeys(keyIds: string[]): Record<string, unknown>[] {
  const ids = keyIds.map((id) => ({ suffix: id }));
  return [
    { resources: { ARN: keyIds.map((id) => ({ suffix: `:key/${id}` })) } },
    { responseElements: { keyId: ids } },
    { requestParameters: { keyId: ids } },
  ];
}

/** CloudTrail records of calls on one of the keys, with these conditions. */
function records(keyIds: string[], conditions: Record<string, unknown>): Record<string, unknown> {
  return {
    "detail-type": [API_CALL],
    detail: { eventSource: ["kms.amazonaws.com"], $or: onKeys(keyIds), ...conditions },
  };
}

/** API calls that succeeded on one of the keys. */
function calls(eventName: string[], keyIds: string[]): Record<string, unknown> {
  return records(keyIds, { eventName, errorCode: [{ exists: false }] });
}

/** Destructive calls refused for lack of permission (AccessDenied...) on one of the keys. */
function deniedCalls(keyIds: string[]): Record<string, unknown> {
  return records(keyIds, {
    eventName: [
      "ScheduleKeyDeletion",
      "DisableKey",
      "PutKeyPolicy",
      "DeleteImportedKeyMaterial",
      "DisableKeyRotation",
    ],
    errorCode: [{ prefix: "AccessDenied" }],
  });
}

/**
 * The nine spellings of a wildcard principal a policy writer uses, as EventBridge wildcards (`*`
 * escaped), written out by hand: what a key-made-public rule tests `requestParameters.policy` for.
 */
export const PUBLIC_POLICY_WILDCARDS = [
  { wildcard: '*"Principal":"\\*"*' },
  { wildcard: '*"Principal": "\\*"*' },
  { wildcard: '*"Principal" : "\\*"*' },
  { wildcard: '*"AWS":"\\*"*' },
  { wildcard: '*"AWS": "\\*"*' },
  { wildcard: '*"AWS" : "\\*"*' },
  { wildcard: '*"AWS":["\\*"]*' },
  { wildcard: '*"AWS": ["\\*"]*' },
  { wildcard: '*"AWS" : [ "\\*" ]*' },
];

/**
 * A policy set on one of the keys whose text has a wildcard principal, in each spelling a policy
 * writer uses (`*` escaped inside an EventBridge wildcard).
 */
function madePublic(keyIds: string[]): Record<string, unknown> {
  return records(keyIds, {
    eventName: ["PutKeyPolicy", "CreateKey", "ReplicateKey"],
    errorCode: [{ exists: false }],
    requestParameters: {
      policy: PUBLIC_POLICY_WILDCARDS,
    },
  });
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
    madePublic(keyIds),
  ].map(withSource);
}

/** The non-critical signals' rules, in catalog order. */
function standardRules(keyIds: string[]): Record<string, unknown>[] {
  return [
    calls(["CancelKeyDeletion"], keyIds),
    calls(["EnableKey"], keyIds),
    calls(["PutKeyPolicy"], keyIds),
    calls(["CreateGrant"], keyIds),
    calls(["RevokeGrant"], keyIds),
    calls(["RetireGrant"], keyIds),
    calls(["ImportKeyMaterial"], keyIds),
    calls(["DisableKeyRotation"], keyIds),
    native("KMS CMK Rotation", keyIds),
    calls(["RotateKeyOnDemand"], keyIds),
    deniedCalls(keyIds),
  ].map(withSource);
}

/**
 * Rule name to pattern of a group with severity routing: `<prefix>-c-1..8` to the critical
 * topic, `<prefix>-s-1..11` to the standard one. `prefix` is `kmsmon-<env>-<group>`.
 */
export function severityRoutedPatterns(prefix: string, keyIds: string[]): Record<string, unknown> {
  return Object.fromEntries([
    ...criticalRules(keyIds).map((p, i) => [`${prefix}-c-${i + 1}`, p]),
    ...standardRules(keyIds).map((p, i) => [`${prefix}-s-${i + 1}`, p]),
  ]);
}

/** Rule name to pattern of a group with one route (`all`): `<prefix>-a-1..19`, catalog order. */
export function allRoutePatterns(prefix: string, keyIds: string[]): Record<string, unknown> {
  const [scheduled, disabled, listed, unlisted, materialDeleted, expired, deleted, publicPolicy] =
    criticalRules(keyIds);
  const [
    cancelled,
    enabled,
    policyChanged,
    grantCreated,
    grantRevoked,
    grantRetired,
    imported,
    rotationDisabled,
    rotated,
    rotatedOnDemand,
    denied,
  ] = standardRules(keyIds);
  const rules = [
    scheduled,
    cancelled,
    disabled,
    enabled,
    listed,
    unlisted,
    policyChanged,
    grantCreated,
    grantRevoked,
    grantRetired,
    imported,
    materialDeleted,
    expired,
    rotationDisabled,
    rotated,
    rotatedOnDemand,
    deleted,
    denied,
    publicPolicy,
  ];
  return Object.fromEntries(rules.map((p, i) => [`${prefix}-a-${i + 1}`, p]));
}
