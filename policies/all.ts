/**
 * Every policy of the kms-monitoring pack, in the order reports list them. Import this (not
 * index.ts, which starts the policy server) from tests and tools.
 */
import type { Policies } from "@pulumi/policy";
import { alertTopicsNotAwsManagedKey } from "./alert-topics-not-aws-managed-key";
import { auditBucketProtected } from "./audit-bucket-protected";
import { cis47KmsFilter } from "./cis-4-7-kms-filter";
import { cloudtrailTrailKmsReady } from "./cloudtrail-trail-kms-ready";
import { eventTargetsHaveDlqAndRetries } from "./event-targets-have-dlq-and-retries";
import { importedKeyMaterialExpiry } from "./imported-key-material-expiry";
import { kmsKeyDeletionWindow } from "./kms-key-deletion-window";
import { kmsKeyPolicyNoOpenPrincipal } from "./kms-key-policy-no-open-principal";
import { kmsKeyRotationEnabled } from "./kms-key-rotation-enabled";
import { kmsKeysCoveredByMonitoring } from "./kms-keys-covered-by-monitoring";
import { monitoringAlarmsActionable } from "./monitoring-alarms-actionable";
import { trailLogGroupRetentionAndEncryption } from "./trail-log-group-retention-and-encryption";

/** The policies of the pack. */
export const allPolicies: Policies = [
  kmsKeyDeletionWindow,
  kmsKeyRotationEnabled,
  kmsKeyPolicyNoOpenPrincipal,
  kmsKeysCoveredByMonitoring,
  importedKeyMaterialExpiry,
  cloudtrailTrailKmsReady,
  cis47KmsFilter,
  monitoringAlarmsActionable,
  alertTopicsNotAwsManagedKey,
  eventTargetsHaveDlqAndRetries,
  trailLogGroupRetentionAndEncryption,
  auditBucketProtected,
];
