/**
 * Terms the signal catalog (catalog.ts) is written in: the alarm of a signal that must never
 * happen, the exact CIS filter text, the data-plane operations the baselines count, the
 * destructive calls whose refusals are watched and the spellings of a wildcard principal.
 */
import type { SignalAlarmDefaults } from "./types";

/** Alarm on any occurrence within five minutes; silence is normal, not missing data. */
export const ANY_OCCURRENCE: SignalAlarmDefaults = {
  statistic: "Sum",
  periodSeconds: 300,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  treatMissingData: "notBreaching",
};

/**
 * Security Hub CloudWatch.7 / CIS AWS Foundations 4.7 require this exact text; Prowler's check also
 * needs the terms in this order. Do not reformat it.
 */
export const CIS_4_7_FILTER_PATTERN =
  "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}";

/** Every successful data-plane operation counted for baselines. */
export const DATA_PLANE_OPERATIONS = [
  "Encrypt",
  "Decrypt",
  "ReEncrypt",
  "GenerateDataKey",
  "GenerateDataKeyWithoutPlaintext",
  "GenerateDataKeyPair",
  "GenerateDataKeyPairWithoutPlaintext",
  "Sign",
  "Verify",
  "GenerateMac",
  "VerifyMac",
] as const;

/**
 * Calls whose denial is worth a warning: the ones that, had they succeeded, would have destroyed
 * the key or its data (ScheduleKeyDeletion, DeleteImportedKeyMaterial), stopped its use
 * (DisableKey), handed it to someone else or locked everyone out (PutKeyPolicy), or weakened it
 * (DisableKeyRotation). CreateGrant is left out on purpose: AWS services create grants for their
 * callers all day, a misconfigured service is denied on every request, and a denied grant gives
 * nothing away; the successful grant is already a signal.
 */
export const DESTRUCTIVE_OPERATIONS = [
  "ScheduleKeyDeletion",
  "DisableKey",
  "PutKeyPolicy",
  "DeleteImportedKeyMaterial",
  "DisableKeyRotation",
] as const;

/**
 * Calls whose request must name one key by `KeyId`, a key ID or key ARN (KMS API Reference; no
 * alias), which CloudTrail keeps in `requestParameters.keyId` whether or not the record lists
 * `resources`: an alert on them can always name the key. RetireGrant (KeyId optional), CreateKey
 * (no key yet) and the data-plane calls (Decrypt's KeyId is optional) are not here.
 */
export const CALLS_NAMING_ONE_KEY = [
  "ScheduleKeyDeletion",
  "CancelKeyDeletion",
  "DisableKey",
  "EnableKey",
  "PutKeyPolicy",
  "CreateGrant",
  "RevokeGrant",
  "ImportKeyMaterial",
  "DeleteImportedKeyMaterial",
  "DisableKeyRotation",
  "RotateKeyOnDemand",
] as const;

/**
 * The spellings of a wildcard principal that a string match on `requestParameters.policy` sees:
 * `"Principal"` set to `"*"`, or its `"AWS"` member set to `"*"` or `["*"]`, each written compact
 * (`jsonencode`, the AWS examples), with `": "` (JSON.stringify, json.dumps) or with `" : "` (the
 * KMS console). Other spellings are missed: see docs/SIGNALS.md.
 */
export const PUBLIC_PRINCIPAL_TEXTS = [
  '"Principal":"*"',
  '"Principal": "*"',
  '"Principal" : "*"',
  '"AWS":"*"',
  '"AWS": "*"',
  '"AWS" : "*"',
  '"AWS":["*"]',
  '"AWS": ["*"]',
  '"AWS" : [ "*" ]',
] as const;
