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

/** The rule codes of the critical rules, in catalog order (the refused-call pair: `pu`, `pun`). */
const CRITICAL_CODES = ["ds", "kd", "pu", "pun", "md", "me", "kx", "pp"];
/** The rule codes of the other signals' rules, in catalog order. */
const STANDARD_CODES = ["dc", "ke", "kp", "gc", "gv", "gr", "mi", "rd", "rp", "ro", "dd"];

/**
 * Rule name to pattern of a group with severity routing: `<prefix>-<code>-1`, each signal's code
 * (critical ones to the critical topic, the rest to the standard one). `prefix` is
 * `kmsmon-<env>-<group>`.
 */
export function severityRoutedPatterns(prefix: string, keyIds: string[]): Record<string, unknown> {
  return Object.fromEntries([
    ...criticalRules(keyIds).map((p, i) => [`${prefix}-${CRITICAL_CODES[i]}-1`, p]),
    ...standardRules(keyIds).map((p, i) => [`${prefix}-${STANDARD_CODES[i]}-1`, p]),
  ]);
}

/** Rule name to pattern of a group with one route (`all`), catalog order. */
export function allRoutePatterns(prefix: string, keyIds: string[]): Record<string, unknown> {
  const critical = criticalRules(keyIds);
  const standard = standardRules(keyIds);
  const byCode = new Map<string, Record<string, unknown>>([
    ...critical.map((p, i): [string, Record<string, unknown>] => [CRITICAL_CODES[i], p]),
    ...standard.map((p, i): [string, Record<string, unknown>] => [STANDARD_CODES[i], p]),
  ]);
  const order = ["ds", "dc", "kd", "ke", "pu", "pun", "kp", "gc", "gv", "gr", "mi", "md", "me"];
  return Object.fromEntries(
    [...order, "rd", "rp", "ro", "kx", "dd", "pp"].map((code) => [
      `${prefix}-${code}-1`,
      byCode.get(code),
    ]),
  );
}
