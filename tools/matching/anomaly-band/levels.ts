/**
 * The three levels a baseline can watch a region's traffic at, over the model of band.ts:
 *
 * - `account`: one band on the sum of every key of the region (AWS/Usage CallCount of the request
 *   quota: the stack's default `usageBaseline`);
 * - `group`: a band per chunk of up to 8 keys of a group, summed (`baseline.level: group`);
 * - `key`: a band per key (`baseline.level: key`).
 *
 * A level "catches" a change when the alarm that reads the changed key fires within the hours
 * given after the change starts. Other alarms of the level firing on normal traffic (noise) are
 * counted apart, as false alarms.
 */
import { BandAlarm, firstAlarm, sumSeries } from "./band";

/** The baseline levels, from the cheapest to the finest. */
export type BandLevel = "account" | "group" | "key";

/** A region's traffic per key and period: the watched group's keys and the rest of the account. */
export interface RegionTraffic {
  /** Calls per period of each key of the watched group, in key order (the order chunks take). */
  groupKeys: number[][];
  /** Calls per period of every other key of the account in the region, summed. */
  otherKeys: number[];
  /** The first period of the change. */
  changeAt: number;
  /** Index in `groupKeys` of the key whose traffic changes. */
  changedKey: number;
}

/** What one level makes of a change. */
export interface LevelOutcome {
  caught: boolean;
  /** Periods from the change to the alarm; undefined when missed. */
  periodsToAlarm?: number;
  /** Alarms of the level that fired before the change (noise read as an anomaly). */
  falseAlarms: number;
}

/** The series each alarm of a level reads, and which of them reads the changed key. */
export function alarmsOfLevel(
  traffic: RegionTraffic,
  level: BandLevel,
  keysPerGroupAlarm: number,
): { series: number[][]; readsChange: number } {
  switch (level) {
    case "account":
      return { series: [sumSeries([...traffic.groupKeys, traffic.otherKeys])], readsChange: 0 };
    case "group": {
      const series: number[][] = [];
      for (let i = 0; i < traffic.groupKeys.length; i += keysPerGroupAlarm) {
        series.push(sumSeries(traffic.groupKeys.slice(i, i + keysPerGroupAlarm)));
      }
      return { series, readsChange: Math.floor(traffic.changedKey / keysPerGroupAlarm) };
    }
    case "key":
      return { series: traffic.groupKeys.map((k) => [...k]), readsChange: traffic.changedKey };
  }
}

/**
 * Runs the alarms of `level` over the traffic.
 *
 * @param keysPerGroupAlarm - keys summed by one group alarm (8 in the plan).
 * @param within - periods after the change within which an alarm counts as catching it.
 */
export function outcomeOf(
  traffic: RegionTraffic,
  level: BandLevel,
  alarm: BandAlarm,
  keysPerGroupAlarm: number,
  within: number,
): LevelOutcome {
  const { series, readsChange } = alarmsOfLevel(traffic, level, keysPerGroupAlarm);
  const falseAlarms = series.filter((s) => {
    const t = firstAlarm(s, alarm);
    return t !== undefined && t < traffic.changeAt;
  }).length;
  const t = firstAlarm(series[readsChange], alarm, traffic.changeAt);
  const caught = t !== undefined && t < traffic.changeAt + within;
  return { caught, ...(caught ? { periodsToAlarm: t - traffic.changeAt } : {}), falseAlarms };
}
