/** The band model itself (tools/matching/anomaly-band/band.ts), on series small enough to check by hand. */
import { expect } from "chai";
import { bandAt, firstAlarm, sumSeries } from "../../tools/matching/anomaly-band/band";

describe("anomaly band model", () => {
  it("learns mean ± k standard deviations from the trailing window", () => {
    // [1..5]: mean 3, variance 2, so 3 ± 2 x 1.41421.
    const band = bandAt([1, 2, 3, 4, 5, 99], 5, { bandWidth: 2, trainingPoints: 5 });
    expect(band.lower).to.be.closeTo(0.17157, 1e-5);
    expect(band.upper).to.be.closeTo(5.82843, 1e-5);
  });

  it("absorbs a step into its band: 3 of 3 never fires, 2 of 3 fires on the second point", () => {
    // Ten periods at 10, then 100: band 10 ± 0 (breach), 19 ± 54 (breach), 28 ± 72 (inside).
    const series = [...Array(10).fill(10), 100, 100, 100];
    const alarm = { bandWidth: 2, trainingPoints: 10, evaluationPeriods: 3 };
    expect(firstAlarm(series, { ...alarm, datapointsToAlarm: 3 })).to.equal(undefined);
    expect(firstAlarm(series, { ...alarm, datapointsToAlarm: 2 })).to.equal(11);
  });

  it("starts evaluating at `from`", () => {
    const series = [...Array(10).fill(10), 100, 100, 100];
    const alarm = { bandWidth: 2, trainingPoints: 10, evaluationPeriods: 1, datapointsToAlarm: 1 };
    expect(firstAlarm(series, alarm)).to.equal(10);
    expect(firstAlarm(series, alarm, 11)).to.equal(11);
  });

  it("sums series point by point", () => {
    expect(
      sumSeries([
        [1, 2],
        [10, 20],
      ]),
    ).to.deep.equal([11, 22]);
  });
});
