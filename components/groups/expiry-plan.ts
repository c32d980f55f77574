/**
 * Alarms on imported key material nearing expiry, as data. KMS publishes
 * `SecondsUntilKeyMaterialExpiration` (AWS/KMS, dimension KeyId) only for keys whose imported
 * material expires, and stops publishing once it has expired: missing data is treated as breaching,
 * so an expired (or deleted) key shows ALARM instead of going quiet.
 */
import type { AlarmSpec } from "../alarms/spec";
import { priced } from "../alarms/pricing";
import { names } from "../core/names";
import { keysWithImportedMaterial, ResolvedKey, ResolvedKeyGroup } from "./resolved";

/** One expiry alarm, in the key's region; its threshold is in seconds. */
export interface ExpiryAlarmSpec extends AlarmSpec {
  group: string;
  region: string;
  keyArn: string;
  keyId: string;
}

/** Hourly, three hours in a row: tolerates a late datapoint without hiding an expiry for long. */
const PERIOD_SECONDS = 3600;
const EVALUATION_PERIODS = 3;

/** Why a key with imported material gets no expiry alarm, or undefined when it gets one. */
export function expiryAlarmSkipReason(key: ResolvedKey): string | undefined {
  if (!key.described) {
    return `key ${key.arn} could not be described; its expiry alarm waits until it can be`;
  }
  if (key.origin !== undefined && key.origin !== "EXTERNAL") {
    // KMS never publishes the expiry metric for such a key: an alarm would be in ALARM for good.
    return `key ${key.arn} is flagged as imported but KMS reports origin ${key.origin}; no expiry alarm`;
  }
  if (key.expirationModel === "KEY_MATERIAL_DOES_NOT_EXPIRE") {
    return `key ${key.arn} has imported material that does not expire; no expiry alarm needed`;
  }
  return undefined;
}

/** One alarm per key with expiring imported material; keys that cannot be described wait. */
export function planExpiryAlarms(group: ResolvedKeyGroup, environment: string): ExpiryAlarmSpec[] {
  const days = group.model.expiryWarningDays;
  return keysWithImportedMaterial(group)
    .filter((key) => expiryAlarmSkipReason(key) === undefined)
    .map((key) => ({
      group: group.model.name,
      region: key.region,
      keyArn: key.arn,
      keyId: key.keyId,
      ...priced({
        name: names(environment).groupAlarm(group.model.name, `expiry-${key.keyId}`),
        description:
          `Imported key material of ${key.arn} (group ${group.model.name}) expires in less than ` +
          `${days} days, or has expired (KMS stops publishing the metric then). Re-import the same ` +
          `material with a later expiry: aws kms import-key-material --key-id ${key.keyId} ...`,
        // A warning: it fires ahead of the material-expired signal.
        severity: "warning",
        region: key.region,
        metric: {
          kind: "standard",
          namespace: "AWS/KMS",
          metricName: "SecondsUntilKeyMaterialExpiration",
          dimensions: { KeyId: key.keyId },
          statistic: "Minimum",
          periodSeconds: PERIOD_SECONDS,
        },
        evaluationPeriods: EVALUATION_PERIODS,
        datapointsToAlarm: EVALUATION_PERIODS,
        threshold: days * 86400,
        comparisonOperator: "LessThanThreshold",
        treatMissingData: "breaching",
        // Recovery says the material was re-imported.
        actions: { role: "group-warning", onOk: true },
        actionsEnabled: true,
      }),
    }));
}
