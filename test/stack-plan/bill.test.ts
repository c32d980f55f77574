/**
 * Issue 11's bill: 100 groups x 10 keys (1 key in 7 imported, each group's keys over two regions)
 * with the defaults, planned from the bundled estate's config as the offline plan describes keys.
 * `npm run plan -- --config examples/estate/Pulumi.estate-100x10.yaml` reports the whole fixed
 * cost ($44.90 with dashboards and keys); this pins the alarms' share and the baselines.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { expect } from "chai";
import { parse } from "yaml";
import { parseStackConfig } from "../../components/config";
import { alarmsMonthlyCostUsd } from "../../components/alarms/pricing";
import { planAlarms, planStack } from "../../components/plan/stack-plan";
import { describedKey } from "../../tools/plan/world";
import { encodeConfig } from "../../tools/plan/stack-config";
import { BILL_ESTATE, estateStackConfig } from "../../scripts/estate-config";

describe("the bill of 100 groups x 10 keys over two regions, by default", () => {
  const model = parseStackConfig(encodeConfig(estateStackConfig(BILL_ESTATE)));
  const groups = model.keyGroups.map((g) => ({
    model: g,
    keys: g.keys.map((k) => describedKey(k.arn, g.importedKeys.includes(k.arn))),
  }));
  const plan = planStack(model, groups, { accountId: "111122223333", partition: "aws" });

  it("is the estate bundled in examples/estate (regenerate with scripts/estate-config.ts)", () => {
    const file = join(__dirname, "..", "..", "examples", "estate", "Pulumi.estate-100x10.yaml");
    expect(parse(readFileSync(file, "utf8")).config).to.deep.equal(estateStackConfig(BILL_ESTATE));
  });

  it("keeps a baseline of normal use: 3 account-level bands in each of the 2 regions", () => {
    expect(plan.usageBands.map((b) => `${b.region} ${b.family}`)).to.deep.equal([
      "eu-west-1 symmetric",
      "eu-west-1 rsa",
      "eu-west-1 ecc",
      "us-east-1 symmetric",
      "us-east-1 rsa",
      "us-east-1 ecc",
    ]);
    expect(plan.groups.filter((g) => g.baselineAlarms.length > 0)).to.deep.equal([]);
  });

  it("costs $38.90 a month in alarms: 142 expiry, 21 stack, 6 quota, 6 bands, 2 Insights", () => {
    // Stack alarms: 9 account (7 critical signals, CIS 4.7, key-created), 9 tamper + the trail's
    // silence, 2 dead-letter queues = 21. 163 standard x $0.10 + 6 quota x $0.10 + 6 bands x 3
    // alarm metrics x $0.10 + 202 topics x $0.10 = 16.30 + 0.60 + 1.80 + 20.20.
    expect(alarmsMonthlyCostUsd(planAlarms(plan))).to.equal(38.9);
  });

  it("prices each group's own baseline: $1.40 at level group, $3.00 at level key", () => {
    expect(new Set(plan.groups.map((g) => JSON.stringify(g.baselinePrices)))).to.deep.equal(
      new Set(['{"group":1.4,"key":3}']),
    );
  });
});
