/**
 * Synthetic hourly traffic of one region for the band-level tests: a large key group of 40 keys
 * (39 busy keys at 500 calls an hour, one quiet key at 20) and the rest of the account (99,500
 * calls an hour over many keys), each with Gaussian noise from a seeded generator (the same
 * series every run). Four weeks of history, then the scenario's change.
 */
import type { RegionTraffic } from "../../tools/matching/anomaly-band/levels";

/** Hours of normal traffic before the change: two weeks to train on, two more evaluated. */
export const CHANGE_AT = 4 * 7 * 24;
/** Hours after the change that are evaluated. */
const AFTER = 7 * 24;
const GROUP_KEYS = 40;
const BUSY_CALLS = 500;
const QUIET_CALLS = 20;
const OTHER_CALLS = 99_500;
/** Standard deviation of one key's hourly calls, as a share of its mean. */
const KEY_NOISE = 0.05;

/** mulberry32: a small seeded generator of uniform numbers in [0, 1). */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box-Muller). */
function normal(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/**
 * Hourly calls around `mean` with relative noise `noise`; `shape(t)` multiplies the mean at hour
 * t (1 before the change). Never below 0.
 */
function series(mean: number, noise: number, next: () => number, shape: (t: number) => number) {
  return Array.from({ length: CHANGE_AT + AFTER }, (_, t) =>
    Math.max(0, mean * shape(t) * (1 + noise * normal(next))),
  );
}

/** What changes at CHANGE_AT, on which key of the group (0 is the quiet key), or everywhere. */
export interface Change {
  key: number | "all";
  /** Multiplier of the key's mean `h` hours after the change (h >= 0). */
  shape: (h: number) => number;
}

/** The region's traffic with `change` applied from CHANGE_AT on. */
export function regionTraffic(change: Change, seed = 11): RegionTraffic {
  const next = uniform(seed);
  const groupKeys = Array.from({ length: GROUP_KEYS }, (_, i) =>
    series(i === 0 ? QUIET_CALLS : BUSY_CALLS, KEY_NOISE, next, (t) =>
      (change.key === "all" || i === change.key) && t >= CHANGE_AT
        ? change.shape(t - CHANGE_AT)
        : 1,
    ),
  );
  // Many independent keys: the sum's relative noise shrinks as the square root of their number
  // (about 200 keys of 500 calls), so 5% per key is about 0.35% for the rest of the account.
  const otherKeys = series(OTHER_CALLS, KEY_NOISE / Math.sqrt(200), next, (t) =>
    change.key === "all" && t >= CHANGE_AT ? change.shape(t - CHANGE_AT) : 1,
  );
  const changedKey = change.key === "all" ? 0 : change.key;
  return { groupKeys, otherKeys, changeAt: CHANGE_AT, changedKey };
}
