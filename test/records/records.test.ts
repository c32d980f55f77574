import { readFileSync } from "fs";
import { join } from "path";
import { expect } from "chai";
import { recordOf, type RecordEntry } from "./record";
import { RECORDED_STACKS } from "./stacks";

describe("record: what the example stacks register (regenerate with npm run record)", function () {
  this.timeout(60000);

  for (const [stack, run] of Object.entries(RECORDED_STACKS)) {
    it(`Pulumi.${stack}.yaml registers exactly test/records/${stack}.json`, async () => {
      const committed = JSON.parse(
        readFileSync(join(__dirname, `${stack}.json`), "utf8"),
      ) as RecordEntry[];
      const actual = recordOf(await run());
      const key = (e: RecordEntry) => `${e.type} ${e.name}`;
      expect(actual.map(key), "resources (type and name)").to.deep.equal(committed.map(key));
      for (let i = 0; i < committed.length; i++) {
        expect(JSON.parse(JSON.stringify(actual[i])), key(committed[i])).to.deep.equal(
          committed[i],
        );
      }
    });
  }
});
