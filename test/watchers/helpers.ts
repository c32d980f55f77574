/**
 * Shared test data of the watcher tests: key groups built from ARNs, and record retargeting.
 */
import type { BaselineSettings, KeyGroupModel } from "../../components/config/model";
import type { ResolvedKey, ResolvedKeyGroup } from "../../components/groups/resolved";
import { ACCOUNT, keyIdOf } from "../builders";

/** The default baseline settings of the config schema. */
export const BASELINE: BaselineSettings = {
  enabled: true,
  level: "group",
  bandWidth: 2,
  evaluationPeriods: 3,
  datapointsToAlarm: 3,
  periodSeconds: 3600,
};

/** A resolved group holding these keys; `described` false for ARNs listed in `undescribed`. */
export function groupOf(
  name: string,
  arns: string[],
  baseline: Partial<BaselineSettings> = {},
  undescribed: string[] = [],
): ResolvedKeyGroup {
  const model: KeyGroupModel = {
    name,
    description: "",
    keys: [],
    aliases: [],
    tags: {},
    tagRegions: [],
    importedKeys: [],
    expiryWarningDays: 30,
    notify: { default: { emails: ["ops@example.com"], https: [], sqs: [], lambda: [] } },
    baseline: { ...BASELINE, ...baseline },
  };
  const keys: ResolvedKey[] = arns.map((arn) => ({
    arn,
    keyId: keyIdOf(arn),
    region: arn.split(":")[3],
    accountId: ACCOUNT,
    partition: "aws",
    selectedBy: "arn",
    described: !undescribed.includes(arn),
    aliases: [],
    flaggedImported: false,
  }));
  return { model, keys };
}

/** A deep copy of a record with every occurrence of `from` replaced by `to`. */
export function renamed<T>(record: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(record).split(from).join(to)) as T;
}
