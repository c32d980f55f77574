/**
 * Anomaly-detection baselines of a group's data-plane use, as data. KMS publishes
 * `SuccessfulRequest` (AWS/KMS, dimensions KeyArn and Operation) per key and operation; each alarm
 * sums the main operation of up to 8 keys of one region and alarms when the sum leaves its
 * `ANOMALY_DETECTION_BAND`. Eight keys, because an alarm holds 10 queries here: the 8 metrics, the
 * sum and the band (AWS allows 10 metrics per metric-math alarm; counting the expressions too keeps
 * the alarm valid however the limit is counted). One alarm per chunk also means one anomaly model
 * per chunk (AWS: 500 models per region) and one notification when a whole application shifts.
 *
 * At `level: key` each alarm reads one key instead: a burst or a stop on one key of a large group
 * is not drowned in the others' traffic (test/watchers/band-levels.test.ts shows both levels).
 *
 * Opt-in per group (`baseline.enabled`): the stack's account-level bands (usage-band-plan.ts) are
 * the default baseline. Cost per group, per region with K keys (us-east-1, $0.10 per alarm
 * metric-month): an anomaly alarm bills the metrics it reads plus 2 for the band, so
 * K + 2 x ceil(K / 8) alarm metrics at level group (8 keys: $1.00; 10 keys: $1.40) and 3 x K at
 * level key (10 keys: $3.00). See alarms/pricing.ts.
 */
import type { BaselineSettings } from "../config/model";
import type { AlarmSpec, MetricQuerySpec } from "../alarms/spec";
import { priced } from "../alarms/pricing";
import { names } from "../core/names";
import { baselineProblem } from "../config/schema";
import { regionsOf, ResolvedKeyGroup } from "../groups/resolved";
import { signalById } from "../signals/catalog";
import { AWS_LIMITS } from "../core/limits";

/** Keys summed by one alarm: the query budget minus the sum and the band. */
export const KEYS_PER_BASELINE_ALARM = AWS_LIMITS.metricQueriesPerAlarm - 2;

/**
 * The operation that carries a key's traffic, by the key's KeyUsage: Decrypt for encryption keys
 * (every read of envelope-encrypted data calls it), Sign, GenerateMac, DeriveSharedSecret.
 */
export const BASELINE_OPERATION_BY_USAGE: Readonly<Record<string, string>> = {
  ENCRYPT_DECRYPT: "Decrypt",
  SIGN_VERIFY: "Sign",
  GENERATE_VERIFY_MAC: "GenerateMac",
  KEY_AGREEMENT: "DeriveSharedSecret",
};

/** The operation baselined for a key; Decrypt when its usage is unknown (not described). */
export function baselineOperation(keyUsage: string | undefined): string {
  return (keyUsage && BASELINE_OPERATION_BY_USAGE[keyUsage]) || "Decrypt";
}

/** One anomaly-detection alarm over a chunk of a group's keys in one region. */
export interface BaselineAlarmSpec extends AlarmSpec {
  group: string;
  region: string;
  /** Position of the chunk within the group's keys of the region, from 0. */
  index: number;
  /** The keys summed, with the operation read for each. */
  keys: { arn: string; operation: string }[];
}

/** Why the settings cannot make a valid anomaly alarm, or undefined when they can. */
export function baselineSettingsProblem(settings: BaselineSettings): string | undefined {
  return baselineProblem(settings);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function queriesOf(keys: BaselineAlarmSpec["keys"], settings: BaselineSettings): MetricQuerySpec[] {
  const metrics: MetricQuerySpec[] = keys.map((key, i) => ({
    id: `m${i + 1}`,
    label: `${key.arn.split(":key/")[1]} ${key.operation}`,
    returnData: false,
    metric: {
      namespace: "AWS/KMS",
      metricName: "SuccessfulRequest",
      dimensions: { KeyArn: key.arn, Operation: key.operation },
      period: settings.periodSeconds,
      stat: "Sum",
    },
  }));
  return [
    ...metrics,
    {
      id: "e1",
      label: "Successful data-plane requests",
      returnData: true,
      // SUM of the array adds the series point by point, so an idle key does not blank the sum.
      expression: `SUM([${metrics.map((m) => m.id).join(",")}])`,
    },
    {
      id: "ad1",
      label: "Expected band",
      returnData: true,
      expression: `ANOMALY_DETECTION_BAND(e1, ${settings.bandWidth})`,
    },
  ];
}

/** Keys one alarm reads at each baseline level. */
export function keysPerAlarm(level: BaselineSettings["level"]): number {
  return level === "key" ? 1 : KEYS_PER_BASELINE_ALARM;
}

/**
 * The group's baseline alarms: per region, its keys sorted by ARN (stable chunks across runs) in
 * chunks of {@link keysPerAlarm} (8 keys at level group, 1 at level key). Keys that could not be described are included: their
 * ARN is known and Decrypt is read for them. Empty when the baseline is disabled.
 *
 * @param group - the group with its keys resolved.
 * @param environment - environment name, part of the alarm names.
 * @param keyUsages - KeyUsage by key ARN, overriding what DescribeKey reported (`keyUsage` of the
 *   resolved key); keys with neither read Decrypt.
 * @throws when the group's baseline settings cannot make a valid alarm.
 */
export function planBaselineAlarms(
  group: ResolvedKeyGroup,
  environment: string,
  keyUsages: Readonly<Record<string, string>> = {},
): BaselineAlarmSpec[] {
  const settings = group.model.baseline;
  if (!settings.enabled) return [];
  const problem = baselineSettingsProblem(settings);
  if (problem) throw new Error(`key group ${group.model.name}: baseline: ${problem}`);
  const signal = signalById("data-plane-use");
  return regionsOf(group).flatMap((region) => {
    const arns = [...new Set(group.keys.filter((k) => k.region === region).map((k) => k.arn))];
    const described = new Map(group.keys.map((k) => [k.arn, k.keyUsage]));
    const keys = arns
      .sort()
      .map((arn) => ({ arn, operation: baselineOperation(keyUsages[arn] ?? described.get(arn)) }));
    const chunks = chunk(keys, keysPerAlarm(settings.level));
    return chunks.map((keysOfChunk, index) => ({
      group: group.model.name,
      region,
      index,
      keys: keysOfChunk,
      ...priced({
        name: names(environment).groupAlarm(group.model.name, `baseline-${index + 1}`),
        description:
          `Data-plane use of key group ${group.model.name} in ${region} (alarm ${index + 1} of ` +
          `${chunks.length}, ${keysOfChunk.length} keys) left its expected band of ` +
          `${settings.bandWidth} standard deviations. ${signal.action} Keys: ` +
          keysOfChunk.map((k) => `${k.arn.split(":key/")[1]} (${k.operation})`).join(", "),
        severity: signal.severity,
        region,
        metric: { kind: "anomaly", queries: queriesOf(keysOfChunk, settings), bandId: "ad1" },
        comparisonOperator: "LessThanLowerOrGreaterThanUpperThreshold",
        evaluationPeriods: settings.evaluationPeriods,
        datapointsToAlarm: settings.datapointsToAlarm,
        treatMissingData: "notBreaching",
        // The group's non-critical route: a shift in use is a warning, not an outage.
        actions: { role: "group-warning", onOk: false },
        actionsEnabled: true,
      }),
    }));
  });
}
