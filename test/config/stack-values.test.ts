/** parseStackValues: decoded values (as a program holds them) through the same schema. */
import { readFileSync } from "fs";
import { join } from "path";

import { expect } from "chai";
import { parse } from "yaml";

import { ConfigError, parseStackConfig, parseStackValues } from "../../components/config";
import { loadStackConfig } from "./helpers";

/** The `kms-monitoring:` values of a stack file, decoded, by key without the namespace. */
function stackValues(stack: string): Record<string, unknown> {
  const file = join(__dirname, "..", "..", `Pulumi.${stack}.yaml`);
  const { config } = parse(readFileSync(file, "utf8")) as { config: Record<string, unknown> };
  return Object.fromEntries(
    Object.entries(config)
      .filter(([key]) => key.startsWith("kms-monitoring:"))
      .map(([key, value]) => [key.slice("kms-monitoring:".length), value]),
  );
}

describe("config: parseStackValues (decoded values)", () => {
  for (const stack of ["dev", "prod"]) {
    it(`gives Pulumi.${stack}.yaml the model parseStackConfig gives its config map`, () => {
      const raw = loadStackConfig(stack);
      expect(parseStackValues(stackValues(stack), { region: raw["aws:region"] })).to.deep.equal(
        parseStackConfig(raw),
      );
    });
  }

  it("reports unknown keys, a missing region and bad values together", () => {
    const run = () => parseStackValues({ keyGroup: [], quotaAlarmPercent: "80" } as never);
    expect(run).to.throw(
      ConfigError,
      [
        "Invalid kms-monitoring stack config, 5 problems (see docs/CONFIG.md):",
        "  aws:region: required; set the stack's region with `pulumi config set aws:region <region>`",
        "  kms-monitoring:keyGroup: unknown config key; did you mean kms-monitoring:keyGroups?",
        "  security: no target for tamper and delivery-failure alarms (expected emails, https, sqs or lambda in kms-monitoring:security or kms-monitoring:notifications)",
        '  quotaAlarmPercent: expected a number from 1 to 100; got the string "80"',
        "  keyGroups: required; list the key groups to watch under kms-monitoring:keyGroups in Pulumi.<stack>.yaml (see docs/CONFIG.md)",
      ].join("\n"),
    );
  });
});
