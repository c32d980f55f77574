/**
 * Request-quota alarms as data: per region, one alarm per KMS cryptographic request-quota family
 * (symmetric, RSA, ECC) on the family's share of its quota.
 *
 * What is counted: KMS throttles the cryptographic operations of a family against one shared
 * per-second quota, by the type of key used (a Decrypt with an RSA key counts against the RSA
 * quota, not the symmetric one). AWS/Usage publishes that shared count itself, as `CallCount` with
 * `Resource` = `CryptographicOperationsSymmetric` / `...Rsa` / `...Ecc` (Service KMS, Type API,
 * Class None), which is the usage metric Service Quotas ties to the quota. So each alarm reads that
 * one metric rather than summing per-operation counts: a per-operation count cannot tell key types
 * apart (Decrypt serves both symmetric and RSA keys), and SERVICE_QUOTA() needs the metric that
 * Service Quotas maps to the quota. The operations each quota covers are listed per family.
 *
 * Unit: CallCount is collected per minute (Sum over 60 s = calls in that minute) while KMS quotas
 * are per second, so the expression divides by the period: `m1/60/SERVICE_QUOTA(m1)*100` is the
 * average per-second rate over the minute as a percentage of the applied quota (CloudWatch's
 * documented form `m1/SERVICE_QUOTA(m1)*100` assumes usage and quota share a unit).
 *
 * Cost per region (us-east-1): 3 metric-math alarms x 1 metric x $0.10 = $0.30 a month.
 */
import type { AlarmSpec, MetricQuerySpec } from "../alarms/spec";
import { priced } from "../alarms/pricing";
import { names } from "../core/names";

/** A KMS request quota shared by several cryptographic operations. */
export interface RequestQuotaFamily {
  id: "symmetric" | "rsa" | "ecc";
  /** The quota's name in Service Quotas. */
  quotaName: string;
  /** The `Resource` dimension of the family's AWS/Usage CallCount. */
  usageResource: string;
  /** The operations whose calls count against the quota (AWS KMS Developer Guide, Request quotas). */
  operations: readonly string[];
}

/** The three cryptographic request-quota families of KMS. */
export const KMS_REQUEST_QUOTA_FAMILIES: readonly RequestQuotaFamily[] = [
  {
    id: "symmetric",
    quotaName: "Cryptographic operations (symmetric) request rate",
    usageResource: "CryptographicOperationsSymmetric",
    operations: [
      "Decrypt",
      "Encrypt",
      "GenerateDataKey",
      "GenerateDataKeyWithoutPlaintext",
      "GenerateMac",
      "GenerateRandom",
      "ReEncrypt",
      "VerifyMac",
    ],
  },
  {
    id: "rsa",
    quotaName: "Cryptographic operations (RSA) request rate",
    usageResource: "CryptographicOperationsRsa",
    operations: ["Decrypt", "Encrypt", "ReEncrypt", "Sign", "Verify"],
  },
  {
    id: "ecc",
    quotaName: "Cryptographic operations (ECC) request rate",
    usageResource: "CryptographicOperationsEcc",
    operations: ["Sign", "Verify", "DeriveSharedSecret"],
  },
];

/** One quota alarm of a region. */
export interface QuotaAlarmSpec extends AlarmSpec {
  family: RequestQuotaFamily["id"];
  region: string;
}

/** AWS/Usage collects CallCount every minute. */
export const QUOTA_PERIOD_SECONDS = 60;

/**
 * Query `m1` of the alarms on a family's requests: the account's AWS/Usage `CallCount` of the
 * family's quota (every key of the account in the region), summed per period, not returned.
 */
export function usageCallCountQuery(
  family: RequestQuotaFamily,
  periodSeconds: number,
): MetricQuerySpec {
  return {
    id: "m1",
    label: `CallCount ${family.usageResource}`,
    returnData: false,
    metric: {
      namespace: "AWS/Usage",
      metricName: "CallCount",
      dimensions: { Service: "KMS", Type: "API", Resource: family.usageResource, Class: "None" },
      period: periodSeconds,
      stat: "Sum",
    },
  };
}

/** 3 of 5 minutes: sustained use near the quota, not one busy minute. */
const EVALUATION_PERIODS = 5;
const DATAPOINTS_TO_ALARM = 3;

/** The expression: average calls per second over the period, as a percentage of the quota. */
export const QUOTA_PERCENT_EXPRESSION = `m1/${QUOTA_PERIOD_SECONDS}/SERVICE_QUOTA(m1)*100`;

/**
 * The quota alarms of one region: one per family, alarming at `percent` of the applied quota.
 *
 * @param environment - environment name, part of the alarm names (`kmsmon-<env>-quota-<family>`).
 * @param region - the region the alarms live in (named in descriptions).
 * @param percent - threshold in percent of the quota, above 0 and at most 100.
 */
export function planQuotaAlarms(
  environment: string,
  region: string,
  percent: number,
): QuotaAlarmSpec[] {
  if (typeof percent !== "number" || !(percent > 0 && percent <= 100)) {
    throw new Error(`quotaAlarmPercent ${percent} is not above 0 and at most 100`);
  }
  return KMS_REQUEST_QUOTA_FAMILIES.map((family) => ({
    family: family.id,
    region,
    ...quotaAlarm(environment, region, percent, family),
  }));
}

function quotaAlarm(
  environment: string,
  region: string,
  percent: number,
  family: RequestQuotaFamily,
): AlarmSpec {
  return priced({
    name: names(environment).quotaAlarm(family.id),
    description:
      `KMS requests in ${region} reached ${percent}% of "${family.quotaName}" (shared by ` +
      `${family.operations.join(", ")}) in 3 of 5 minutes. Past 100% KMS throttles these calls ` +
      "for the whole account: cache data keys, spread load, or request an increase in Service " +
      "Quotas (`aws service-quotas request-service-quota-increase --service-code kms ...`).",
    severity: "operational",
    region,
    metric: {
      kind: "metric-math",
      queries: [
        usageCallCountQuery(family, QUOTA_PERIOD_SECONDS),
        {
          id: "e1",
          label: `Percent of ${family.quotaName}`,
          returnData: true,
          expression: QUOTA_PERCENT_EXPRESSION,
        },
      ],
    },
    threshold: percent,
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    evaluationPeriods: EVALUATION_PERIODS,
    datapointsToAlarm: DATAPOINTS_TO_ALARM,
    treatMissingData: "notBreaching",
    actions: { role: "security", onOk: false },
    actionsEnabled: true,
  });
}
