import { expect } from "chai";
import { committedRecord, stackRecordOf, type RecordEntry } from "./record";
import { RECORDED_STACKS } from "./stacks";

describe("record: what the example stacks deploy (regenerate with npm run record)", function () {
  this.timeout(60000);

  for (const [stack, run] of Object.entries(RECORDED_STACKS)) {
    it(`Pulumi.${stack}.yaml deploys exactly test/records/${stack}.json`, async () => {
      const committed = committedRecord(stack);
      const actual = JSON.parse(
        JSON.stringify(await stackRecordOf(await run())),
      ) as typeof committed;
      expect(actual.outputs, "outputs").to.deep.equal(committed.outputs);
      expect(actual.warnings, "warnings").to.deep.equal(committed.warnings);
      const key = (e: RecordEntry) => `${e.type} ${e.name}`;
      expect(actual.resources.map(key), "resources (type and name)").to.deep.equal(
        committed.resources.map(key),
      );
      for (let i = 0; i < committed.resources.length; i++) {
        const name = key(committed.resources[i]);
        expect(actual.resources[i], name).to.deep.equal(committed.resources[i]);
      }
    });
  }
});
