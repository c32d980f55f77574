import { expect } from "chai";
import { readFileSync } from "fs";
import { join } from "path";
import { KMS_SIGNALS, renderSignalsTable, withSignalsTable } from "../../components/signals";

describe("README signals table", () => {
  it("lists every signal of the catalog, one row each", () => {
    const rows = renderSignalsTable().split("\n").slice(2);
    expect(rows).to.have.length(KMS_SIGNALS.length);
    KMS_SIGNALS.forEach((s, i) => expect(rows[i]).to.contain(`(\`${s.id}\`)`));
  });

  it("is current in README.md (run `npm run docs` after changing the catalog)", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
    expect(withSignalsTable(readme)).to.equal(readme);
  });
});
