/**
 * The stack's default baseline of normal use, as data: per region, one anomaly-detection alarm per
 * KMS cryptographic request-quota family (symmetric, RSA, ECC) on the account's AWS/Usage
 * `CallCount` (Service KMS, Type API, Class None, Resource `CryptographicOperations<Family>`): the
 * same metric the request-quota alarms read (quota-plan.ts says why that metric), here against a
 * band learned from its own history instead of a share of the quota.
 *
 * Why this level by default: CloudWatch bills an anomaly-detection alarm per metric it reads plus
 * 2 for the band, so bands on each key's AWS/KMS metrics cost about $0.10-0.30 per key wherever
 * they are summed. One band per family and region reads one metric whatever the number of keys:
 * 3 alarm metrics, $0.30 a month. What it sees and misses (proved in
 * test/watchers/band-levels.test.ts): a surge or a stop of the account's traffic, not a burst on
 * one key that is small next to the account; a group or key band (keyGroups[].baseline) does.
 * The metric counts every key of the account in the region, watched or not, AWS managed keys too.
 *
 * Cost per region (us-east-1): 3 alarms x (1 metric + 2 band) x $0.10 = $0.90 a month.
 */
import type { UsageBaselineSettings } from "../config/model";
import type { AlarmSpec } from "../alarms/spec";
import { priced } from "../alarms/pricing";
import { names } from "../core/names";
import { KMS_REQUEST_QUOTA_FAMILIES, RequestQuotaFamily, usageCallCountQuery } from "./quota-plan";

/** One account-level usage band of a region. */
export interface UsageBandAlarmSpec extends AlarmSpec {
  family: RequestQuotaFamily["id"];
  region: string;
}

/**
 * The usage bands of one region: one per request-quota family; empty when disabled.
 *
 * @param environment - environment name, part of the alarm names (`kmsmon-<env>-usage-<family>`).
 * @param region - the region the alarms live in.
 * @param settings - the stack's `usageBaseline` settings (validated by the config schema).
 */
export function planUsageBands(
  environment: string,
  region: string,
  settings: UsageBaselineSettings,
): UsageBandAlarmSpec[] {
  if (!settings.enabled) return [];
  return KMS_REQUEST_QUOTA_FAMILIES.map((family) => ({
    family: family.id,
    region,
    ...priced({
      name: names(environment).usageAlarm(family.id),
      description:
        `KMS cryptographic requests of the account in ${region} counted against ` +
        `"${family.quotaName}" (${family.operations.join(", ")}; every key of the account) left ` +
        `their expected band of ${settings.bandWidth} standard deviations. A surge or a stop of ` +
        "traffic: check which application changed its use (CloudTrail, or the dashboard's " +
        "per-key graphs).",
      severity: "operational",
      region,
      metric: {
        kind: "anomaly",
        queries: [
          usageCallCountQuery(family, settings.periodSeconds),
          {
            id: "e1",
            label: `Cryptographic requests (${family.id})`,
            returnData: true,
            // A minute without calls publishes no datapoint: FILL makes it 0, so a stop of traffic
            // falls below the band instead of reading as missing data.
            expression: "FILL(m1, 0)",
          },
          {
            id: "ad1",
            label: "Expected band",
            returnData: true,
            expression: `ANOMALY_DETECTION_BAND(e1, ${settings.bandWidth})`,
          },
        ],
        bandId: "ad1",
      },
      comparisonOperator: "LessThanLowerOrGreaterThanUpperThreshold",
      evaluationPeriods: settings.evaluationPeriods,
      datapointsToAlarm: settings.datapointsToAlarm,
      // FILL already turns no data into 0; an idle family (no RSA keys, say) learns a band at 0.
      treatMissingData: "notBreaching",
      // Not a group's: the account's traffic, told to the same people as the quota alarms.
      actions: { role: "security", onOk: false },
      actionsEnabled: true,
    }),
  }));
}
