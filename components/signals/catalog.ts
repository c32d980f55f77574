/**
 * The catalog of KMS signals: the one place that says which events we watch, how bad each is, and
 * what the person on call should do. Everything else (filters, rules, alarms, dashboards, docs,
 * policies) is derived from this list.
 */
import {
  ANY_OCCURRENCE,
  CIS_4_7_FILTER_PATTERN,
  DATA_PLANE_OPERATIONS,
  DESTRUCTIVE_OPERATIONS,
  PUBLIC_PRINCIPAL_TEXTS,
} from "./catalog-terms";
import type { KmsSignal } from "./types";

export { CIS_4_7_FILTER_PATTERN, DATA_PLANE_OPERATIONS } from "./catalog-terms";

/** The KMS signals, control plane first, then compliance, then the data plane. */
export const KMS_SIGNALS: readonly KmsSignal[] = [
  {
    id: "deletion-scheduled",
    ruleCode: "ds",
    title: "Key deletion scheduled",
    severity: "critical",
    action:
      "Unless this deletion was approved, run `aws kms cancel-key-deletion --key-id <key> --region <region>` now, then `aws kms enable-key --key-id <key> --region <region>`: once the waiting period ends, data encrypted under the key is lost.",
    source: { kind: "api-call", eventNames: ["ScheduleKeyDeletion"] },
    scope: "keys",
    alarm: ANY_OCCURRENCE,
    widget: "control-plane-events",
    metricName: "KeyDeletionScheduled",
    // ScheduleKeyDeletion's CloudTrail record (KMS DG, ct-schedule-key-deletion): the request's
    // waiting period, and the response's state and deletion date (absent while a multi-Region
    // primary waits for its replicas: PendingReplicaDeletion).
    alertFields: [
      { label: "Key state", path: "$.detail.responseElements.keyState" },
      {
        label: "Deletion date",
        path: "$.detail.responseElements.deletionDate",
        note: "(none while a multi-Region primary key waits for its replicas)",
      },
      {
        label: "Waiting period",
        path: "$.detail.requestParameters.pendingWindowInDays",
        note: "days (30 when the request names none)",
      },
    ],
  },
  {
    id: "deletion-cancelled",
    ruleCode: "dc",
    title: "Key deletion cancelled",
    severity: "info",
    action:
      "The key is safe from deletion but stays Disabled: run `aws kms enable-key --key-id <key> --region <region>` if applications still use it.",
    source: { kind: "api-call", eventNames: ["CancelKeyDeletion"] },
    scope: "keys",
    widget: "control-plane-events",
    metricName: "KeyDeletionCancelled",
  },
  {
    id: "key-disabled",
    ruleCode: "kd",
    title: "Key disabled",
    severity: "critical",
    action:
      "Every encrypt and decrypt with this key now fails. If it was not planned, run `aws kms enable-key --key-id <key> --region <region>` and find out who disabled it (see the caller in this alert).",
    source: { kind: "api-call", eventNames: ["DisableKey"] },
    scope: "keys",
    alarm: ANY_OCCURRENCE,
    widget: "control-plane-events",
    metricName: "KeyDisabled",
  },
  {
    id: "key-enabled",
    ruleCode: "ke",
    title: "Key enabled",
    severity: "info",
    action: "No action needed if the key was meant to be in use again.",
    source: { kind: "api-call", eventNames: ["EnableKey"] },
    scope: "keys",
    widget: "control-plane-events",
    metricName: "KeyEnabled",
  },
  {
    id: "pending-deletion-use",
    ruleCode: "pu",
    title: "Key pending deletion is still in use",
    severity: "critical",
    action:
      "Something still needs this key: cancel the deletion (`aws kms cancel-key-deletion --key-id <key> --region <region>`) and find the caller before the waiting period ends, or its data is lost.",
    source: {
      kind: "pending-deletion-use",
      errorCodes: ["KMSInvalidStateException", "DisabledException"],
      messageFragment: "is pending deletion",
    },
    scope: "keys",
    alarm: ANY_OCCURRENCE,
    widget: "control-plane-events",
    metricName: "PendingDeletionKeyUse",
  },
  {
    id: "key-policy-changed",
    ruleCode: "kp",
    title: "Key policy changed",
    severity: "warning",
    action:
      "Review the new policy (`aws kms get-key-policy --key-id <key> --policy-name default --region <region>`): a wrong policy can lock everyone out or let others decrypt.",
    source: { kind: "api-call", eventNames: ["PutKeyPolicy"] },
    scope: "keys",
    widget: "control-plane-events",
    metricName: "KeyPolicyChanged",
  },
  {
    id: "grant-created",
    ruleCode: "gc",
    title: "Grant created on key",
    severity: "warning",
    action:
      "Check that the grantee principal in this alert should use the key; revoke unexpected grants with `aws kms revoke-grant`.",
    source: { kind: "api-call", eventNames: ["CreateGrant"] },
    scope: "keys",
    widget: "control-plane-events",
    metricName: "GrantCreated",
    alertFields: [{ label: "Grantee", path: "$.detail.requestParameters.granteePrincipal" }],
  },
  {
    id: "grant-revoked",
    ruleCode: "gv",
    title: "Grant revoked on key",
    severity: "info",
    action: "A grantee lost access; check the service that used this grant still works.",
    source: { kind: "api-call", eventNames: ["RevokeGrant"] },
    scope: "keys",
    widget: "control-plane-events",
    metricName: "GrantRevoked",
  },
  {
    id: "grant-retired",
    ruleCode: "gr",
    title: "Grant retired on key",
    severity: "info",
    action: "Usually a service finishing its work; no action unless access broke.",
    source: { kind: "api-call", eventNames: ["RetireGrant"] },
    scope: "keys",
    widget: "control-plane-events",
    metricName: "GrantRetired",
  },
  {
    id: "material-imported",
    ruleCode: "mi",
    title: "Key material imported",
    severity: "info",
    action: "Confirm the new expiration date of the material matches your rotation plan.",
    source: { kind: "api-call", eventNames: ["ImportKeyMaterial"] },
    scope: "keys",
    widget: "control-plane-events",
    metricName: "KeyMaterialImported",
  },
  {
    id: "material-deleted",
    ruleCode: "md",
    title: "Imported key material deleted",
    severity: "critical",
    action:
      "The key is unusable until the same material is imported again (`aws kms import-key-material`); without a copy of that material its data is lost.",
    source: { kind: "api-call", eventNames: ["DeleteImportedKeyMaterial"] },
    scope: "keys",
    alarm: ANY_OCCURRENCE,
    widget: "control-plane-events",
    metricName: "KeyMaterialDeleted",
  },
  {
    id: "material-expired",
    ruleCode: "me",
    title: "Imported key material expired and was deleted",
    severity: "critical",
    action:
      "The key is unusable: re-import the same key material now (`aws kms import-key-material`), with a later expiry or none.",
    source: {
      kind: "service-event",
      eventNames: ["DeleteExpiredKeyMaterial"],
      nativeDetailType: "KMS Imported Key Material Expiration",
    },
    scope: "keys",
    alarm: ANY_OCCURRENCE,
    widget: "control-plane-events",
    metricName: "KeyMaterialExpired",
  },
  {
    id: "rotation-disabled",
    ruleCode: "rd",
    title: "Automatic key rotation disabled",
    severity: "warning",
    action:
      "Re-enable rotation with `aws kms enable-key-rotation --key-id <key> --region <region>` unless a documented exception applies.",
    source: { kind: "api-call", eventNames: ["DisableKeyRotation"] },
    scope: "keys",
    widget: "control-plane-events",
    metricName: "KeyRotationDisabled",
  },
  {
    id: "rotation-performed",
    ruleCode: "rp",
    title: "Key material rotated automatically",
    severity: "info",
    action: "Informational: KMS rotated the key material on schedule.",
    source: {
      kind: "service-event",
      eventNames: ["RotateKey"],
      nativeDetailType: "KMS CMK Rotation",
    },
    scope: "keys",
    widget: "control-plane-events",
    metricName: "KeyRotated",
  },
  {
    id: "rotation-on-demand",
    ruleCode: "ro",
    title: "Key material rotated on demand",
    severity: "info",
    action: "Informational: someone started an on-demand rotation; check it was planned.",
    source: { kind: "api-call", eventNames: ["RotateKeyOnDemand"] },
    scope: "keys",
    widget: "control-plane-events",
    metricName: "KeyRotatedOnDemand",
  },
  {
    id: "key-deleted",
    ruleCode: "kx",
    title: "Key deleted",
    severity: "critical",
    action:
      "The waiting period ended and KMS deleted the key; data encrypted under it cannot be decrypted. Find what used it and restore from other copies.",
    source: {
      kind: "service-event",
      eventNames: ["DeleteKey"],
      nativeDetailType: "KMS CMK Deletion",
    },
    scope: "keys",
    alarm: ANY_OCCURRENCE,
    widget: "control-plane-events",
    metricName: "KeyDeleted",
  },
  {
    id: "cis-4-7",
    title:
      "CIS 4.7 (v1.4-5.0) / 5.7 (v6.0): key disabled or scheduled for deletion, failed calls included (account)",
    severity: "critical",
    action:
      "A customer managed key in this account was disabled or scheduled for deletion: find it in CloudTrail and, unless planned, enable it or cancel the deletion.",
    source: { kind: "api-call", eventNames: ["DisableKey", "ScheduleKeyDeletion"] },
    scope: "account",
    exactFilterPattern: CIS_4_7_FILTER_PATTERN,
    alarm: ANY_OCCURRENCE,
    widget: "none",
    metricName: "CisKmsKeyDisabledOrScheduledForDeletion",
  },
  {
    id: "data-plane-use",
    title: "Data-plane use of keys",
    severity: "info",
    action: "Use outside the usual band: check which application changed its traffic.",
    source: { kind: "data-plane", eventNames: DATA_PLANE_OPERATIONS },
    scope: "keys",
    widget: "data-plane-baseline",
    metricName: "DataPlaneRequests",
  },
  {
    id: "destructive-call-denied",
    ruleCode: "dd",
    title: "Destructive call on key denied",
    severity: "warning",
    action:
      "Someone tried to delete, disable, re-policy or weaken this key and was refused: find out why the caller in this alert tried (a compromised or misconfigured principal tries again) and review what its IAM policies allow on this key.",
    source: {
      kind: "denied-call",
      eventNames: DESTRUCTIVE_OPERATIONS,
      errorCodePrefix: "AccessDenied",
    },
    scope: "keys",
    widget: "control-plane-events",
    metricName: "DestructiveCallDenied",
  },
  {
    id: "key-made-public",
    ruleCode: "pp",
    title: "Key policy grants a wildcard principal",
    severity: "critical",
    action:
      'Read the policy (`aws kms get-key-policy --key-id <key> --policy-name default --region <region>`): unless a Condition in the same statement narrows the "*" principal (aws:PrincipalOrgID, kms:CallerAccount, ...), anyone in any AWS account may use the key; put the previous policy back now (`aws kms put-key-policy --key-id <key> --policy-name default --policy file://previous-policy.json --region <region>`).',
    source: {
      kind: "policy-text",
      eventNames: ["PutKeyPolicy", "CreateKey", "ReplicateKey"],
      principalTexts: PUBLIC_PRINCIPAL_TEXTS,
    },
    scope: "keys",
    alarm: ANY_OCCURRENCE,
    widget: "control-plane-events",
    metricName: "KeyMadePublic",
  },
  {
    id: "key-created",
    title: "Key created or replicated outside every group",
    severity: "warning",
    action:
      "A new KMS key is not watched by any key group until a group selects it and the stack is deployed again: add it to a group (by ARN, tag or alias) or record why it stays unwatched; the caller and the key are in the trail's CreateKey or ReplicateKey record.",
    source: { kind: "api-call", eventNames: ["CreateKey", "ReplicateKey"] },
    scope: "account",
    alarm: ANY_OCCURRENCE,
    widget: "control-plane-events",
    metricName: "KeyCreatedOutsideGroups",
  },
];

/** The signal with this ID; throws for an unknown ID (a programming error). */
export function signalById(id: string): KmsSignal {
  const found = KMS_SIGNALS.find((s) => s.id === id);
  if (!found) throw new Error(`unknown KMS signal "${id}"`);
  return found;
}

/** Signals alerted one by one for a key group (everything scoped to keys but the data plane). */
export function groupAlertSignals(): KmsSignal[] {
  return KMS_SIGNALS.filter((s) => s.scope === "keys" && s.source.kind !== "data-plane");
}
