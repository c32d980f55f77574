/**
 * What each baseline level catches and misses, on synthetic hourly traffic (band-scenarios.ts)
 * through the pure band model of tools/matching/anomaly-band: the account-level usage band (the
 * default), a group band over chunks of 8 keys and a band per key (opt-in). Defaults of the
 * schema: 2 standard deviations, 3 of 3 hourly periods, two weeks of training. Each scenario runs
 * on four noise seeds so a result is not one lucky draw.
 */
import { expect } from "chai";
import { BandLevel, outcomeOf } from "../../tools/matching/anomaly-band/levels";
import { Change, regionTraffic } from "./band-scenarios";

const DEFAULT_BAND = {
  bandWidth: 2,
  trainingPoints: 14 * 24,
  evaluationPeriods: 3,
  datapointsToAlarm: 3,
};
const SEEDS = [11, 12, 13, 14];
const LEVELS: BandLevel[] = ["account", "group", "key"];

interface Scenario {
  title: string;
  change: Change;
  /** Hours after the change within which an alarm counts. */
  within: number;
  caught: Record<BandLevel, boolean>;
}

const SCENARIOS: Scenario[] = [
  {
    // +100 calls an hour: 6x for the key, 2.8% of its chunk of 8 (3,520), 0.08% of the account.
    title: "a burst on the quiet key of a large group (20 to 120 calls an hour for 6 hours)",
    change: { key: 0, shape: (h) => (h < 6 ? 6 : 1) },
    within: 6,
    caught: { account: false, group: false, key: true },
  },
  {
    title: "a busy key dropping to zero (500 calls an hour to none)",
    change: { key: 1, shape: () => 0 },
    within: 24,
    caught: { account: false, group: true, key: true },
  },
  {
    title: "the quiet key dropping to zero (20 calls an hour to none)",
    change: { key: 0, shape: () => 0 },
    within: 24,
    caught: { account: false, group: false, key: true },
  },
  {
    title: "every key of the region dropping to zero",
    change: { key: "all", shape: () => 0 },
    within: 6,
    caught: { account: true, group: true, key: true },
  },
  {
    // The band learns from the drifting points themselves and widens as fast as the key moves.
    title: "a slow drift of a busy key (+1% a day for a week)",
    change: { key: 1, shape: (h) => 1 + 0.01 * (h / 24) },
    within: 7 * 24,
    caught: { account: false, group: false, key: false },
  },
];

describe("baseline levels on synthetic traffic (band model)", () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.title}: caught ${LEVELS.filter((l) => scenario.caught[l]).join(", ") || "by no level"}`, () => {
      for (const seed of SEEDS) {
        const traffic = regionTraffic(scenario.change, seed);
        const caught = Object.fromEntries(
          LEVELS.map((level) => [
            level,
            outcomeOf(traffic, level, DEFAULT_BAND, 8, scenario.within).caught,
          ]),
        );
        expect({ seed, caught }).to.deep.equal({ seed, caught: scenario.caught });
      }
    });
  }

  it("a band per key cries wolf on noise at 2 standard deviations, not at 3", () => {
    const quiet: Change = { key: 0, shape: () => 1 };
    const falseAlarms = (bandWidth: number) =>
      SEEDS.map(
        (seed) =>
          outcomeOf(regionTraffic(quiet, seed), "key", { ...DEFAULT_BAND, bandWidth }, 8, 1)
            .falseAlarms,
      );
    // 40 keys, two weeks evaluated: the 3-of-3 rule alone does not silence 2-sigma noise.
    expect(falseAlarms(2)).to.deep.equal([0, 0, 1, 2]);
    expect(falseAlarms(3)).to.deep.equal([0, 0, 0, 0]);
  });

  it("a band per key at 3 standard deviations still catches the quiet key's burst", () => {
    for (const seed of SEEDS) {
      const traffic = regionTraffic(SCENARIOS[0].change, seed);
      expect(outcomeOf(traffic, "key", { ...DEFAULT_BAND, bandWidth: 3 }, 8, 6).caught).to.equal(
        true,
      );
    }
  });
});
