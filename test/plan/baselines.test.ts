/** `npm run plan`'s "Baselines of normal use" section: what each baseline costs, and could. */
import { expect } from "chai";
import { runCli } from "./helpers";

describe("plan: baselines of normal use (prod)", function () {
  this.timeout(60_000);
  let section: string[];

  before(async () => {
    const run = await runCli(["--stack", "prod"]);
    const lines = run.stdout.split("\n");
    const start = lines.indexOf("Baselines of normal use (monthly, in the fixed cost)");
    section = lines.slice(start + 2, lines.indexOf("", start));
  });

  it("prices the account bands, the group that has a baseline, and what the others would add", () => {
    expect(section).to.deep.equal([
      "baseline               level    alarms  monthly",
      "---------------------  -------  ------  -------",
      "stack (usageBaseline)  account       6    $1.80",
      "platform-secrets       group         2    $0.60",
      "Account-level bands in eu-west-1, us-east-1: one per request quota (symmetric, RSA, ECC).",
      "3 group(s) without their own baseline; turning it on adds per group $0.40-$0.80 at level " +
        "group (all of them: $1.90), or $0.60-$1.20 at level key (all of them: $2.70).",
    ]);
  });
});
