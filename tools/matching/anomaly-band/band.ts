/**
 * A small, pure model of a CloudWatch anomaly-detection alarm, enough to argue what a band at one
 * level (account, group chunk, key) catches and misses. It is not CloudWatch's algorithm, which
 * AWS does not publish; what the model keeps and what it simplifies:
 *
 * - kept: the band is learned from the metric's own trailing history, widened by `bandWidth`
 *   standard deviations (ANOMALY_DETECTION_BAND(m, k)); the model keeps learning from every
 *   point, anomalous ones included (as CloudWatch does unless a period is excluded); the alarm
 *   fires when `datapointsToAlarm` of the last `evaluationPeriods` points leave the band
 *   (LessThanLowerOrGreaterThanUpperThreshold); a period without calls counts as 0 (the usage
 *   bands FILL missing data with 0).
 * - simplified: band = mean ± k x stddev of the last `trainingPoints` points (CloudWatch trains on
 *   up to two weeks); no seasonality (hourly, daily, weekly) and no explicit trend term: the
 *   synthetic series have no seasonality, and a trend term would only follow a drift faster; no
 *   lower bound clamped at 0 and no minimum band width.
 */

/** How one alarm evaluates its series. */
export interface BandAlarm {
  /** k of ANOMALY_DETECTION_BAND(m, k), in standard deviations. */
  bandWidth: number;
  /** Points of trailing history the band is learned from. */
  trainingPoints: number;
  /** Points evaluated (N of "M out of N"). */
  evaluationPeriods: number;
  /** Breaching points among them that raise the alarm (M). */
  datapointsToAlarm: number;
}

/** The expected band at point `t`, learned from the `trainingPoints` points before it. */
export function bandAt(
  series: readonly number[],
  t: number,
  alarm: Pick<BandAlarm, "bandWidth" | "trainingPoints">,
): { lower: number; upper: number } {
  const window = series.slice(Math.max(0, t - alarm.trainingPoints), t);
  const mean = window.reduce((sum, v) => sum + v, 0) / window.length;
  const variance = window.reduce((sum, v) => sum + (v - mean) ** 2, 0) / window.length;
  const spread = alarm.bandWidth * Math.sqrt(variance);
  return { lower: mean - spread, upper: mean + spread };
}

/**
 * The first point (index) at or after `from` at which the alarm is in ALARM, or undefined when it
 * never is. Points before a full training window are not evaluated (a new model has no band yet).
 *
 * @param from - first point that may raise the alarm; defaults to 0.
 */
export function firstAlarm(
  series: readonly number[],
  alarm: BandAlarm,
  from = 0,
): number | undefined {
  const breaching: boolean[] = [];
  for (let t = alarm.trainingPoints; t < series.length; t++) {
    const { lower, upper } = bandAt(series, t, alarm);
    breaching.push(series[t] < lower || series[t] > upper);
    const recent = breaching.slice(-alarm.evaluationPeriods);
    if (t >= from && recent.filter(Boolean).length >= alarm.datapointsToAlarm) return t;
  }
  return undefined;
}

/** Point-by-point sum of several series of the same length (SUM([m1, m2, ...])). */
export function sumSeries(series: readonly (readonly number[])[]): number[] {
  const length = series[0]?.length ?? 0;
  return Array.from({ length }, (_, t) => series.reduce((sum, s) => sum + s[t], 0));
}
