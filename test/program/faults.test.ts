import { expect } from "chai";
import { ConfigError } from "../../components/config";
import { encodeConfig, loadStackConfig } from "../config/helpers";
import type { MockRun } from "../harness/mock-runtime";
import { expectedEventPattern } from "./expected";
import {
  OTHER_ACCOUNT,
  PROD_KEYS,
  ProgramOutputs,
  PROD_WORLD,
  T,
  devRun,
  keyArn,
  keyIdOf,
  lineage,
  outputsOf,
  prodConfig,
  prodRun,
  runStack,
  runStackExpectingError,
  urnsAndInputs,
} from "./helpers";

/** The dev stack's config with more key groups. */
function devWith(...groups: unknown[]): Record<string, string> {
  const dev = loadStackConfig("dev");
  const existing = JSON.parse(dev["kms-monitoring:keyGroups"]) as unknown[];
  return { ...dev, ...encodeConfig({ "kms-monitoring:keyGroups": [...existing, ...groups] }) };
}

/** The parsed event patterns of a group's rules, by rule name. */
function patternsOf(run: MockRun<unknown>, group: string): Record<string, unknown> {
  return Object.fromEntries(
    run
      .ofType(T.rule)
      .filter((r) => lineage(run, r).includes(`kms-${group}`))
      .map((r) => [r.inputs.name, JSON.parse(r.inputs.eventPattern as string)]),
  );
}

/** URN to physical identity (name, ID, ARN) of every resource. */
function physicalNames(run: MockRun<unknown>): Map<string, unknown> {
  return new Map(
    run.resources.map((r) => [r.urn, { name: r.state.name, id: r.state.id, arn: r.state.arn }]),
  );
}

describe("program: faults at deploy time", function () {
  this.timeout(30000);

  describe("a key that cannot be described", () => {
    const gone = PROD_KEYS.partnerImported;
    let healthy: MockRun<unknown>;
    let faulty: MockRun<unknown>;

    before(async () => {
      healthy = await prodRun();
      faulty = await runStack(prodConfig(), {
        ...PROD_WORLD,
        describeKey: (keyId) => {
          if (keyId === gone) throw new Error(`NotFoundException: Key '${keyId}' does not exist`);
          return PROD_WORLD.describeKey?.(keyId) ?? {};
        },
      });
    });

    it("deploys, with one warning that names the key", () => {
      expect(faulty.resources.length).to.be.greaterThan(0);
      expect(faulty.warnings).to.have.length(1);
      expect(faulty.warnings[0]).to.contain(gone).and.to.contain("could not be described");
    });

    it("still watches the key's events: its group's rules match its key ID", () => {
      const ids = [keyIdOf(gone), keyIdOf(PROD_KEYS.partner)];
      expect(patternsOf(faulty, "partner-exchange")).to.deep.equal({
        "kmsmon-prod-partner-exchange-c-1": expectedEventPattern("critical", ids),
        "kmsmon-prod-partner-exchange-s-1": expectedEventPattern("standard", ids),
      });
    });

    it("leaves out only the key's expiry alarm; everything else is as in a healthy deploy", () => {
      const faultyUrns = new Set(faulty.resources.map((r) => r.urn));
      const missing = healthy.resources.filter((r) => !faultyUrns.has(r.urn));
      expect(missing.map((r) => `${r.type} ${r.inputs.name}`)).to.deep.equal([
        `${T.alarm} kmsmon-prod-partner-exchange-expiry-${keyIdOf(gone)}`,
      ]);
      const expiry = new Set(missing.map((r) => r.urn));
      expect(urnsAndInputs(faulty)).to.deep.equal(
        urnsAndInputs(healthy).filter(([urn]) => !expiry.has(urn)),
      );
    });
  });

  it("watches a key of another account that it may not describe, without an expiry alarm", async () => {
    const shared = keyArn("us-east-1", "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", OTHER_ACCOUNT);
    const run = await runStack(
      devWith({ name: "shared", keys: [shared], importedKeys: [shared] }),
      {
        stack: "dev",
        describeKey: (keyId) => {
          if (keyId === shared) throw new Error("AccessDeniedException: not authorized");
          return {};
        },
      },
    );
    expect(run.warnings).to.have.length(1);
    expect(run.warnings[0]).to.contain(shared);
    expect(patternsOf(run, "shared")).to.deep.equal({
      "kmsmon-dev-shared-a-1": expectedEventPattern("all", [keyIdOf(shared)]),
    });
    expect(
      run.ofType(T.alarm).filter((a) => String(a.inputs.name).includes("expiry")),
    ).to.deep.equal([]);
  });

  describe("aliases that do not resolve", () => {
    const present = keyArn("us-east-1", "2b3c4d5e-6f70-4819-a2b3-c4d5e6f7a8b9");
    let run: MockRun<ProgramOutputs>;

    before(async () => {
      run = await runStack(
        devWith(
          { name: "by-alias", aliases: ["alias/app/present", "alias/app/missing"] },
          { name: "alias-only", aliases: ["alias/app/gone"] },
        ),
        { stack: "dev", aliases: { "alias/app/present": present } },
      );
    });

    it("warns about each alias, and about a group left without keys", () => {
      expect(run.warnings).to.have.length(3);
      const [gone, missing, empty] = [...run.warnings].sort();
      expect(missing).to.contain("alias/app/missing").and.to.contain("us-east-1");
      expect(gone).to.contain("alias/app/gone").and.to.contain("us-east-1");
      expect(empty).to.contain("key group alias-only");
    });

    it("watches the keys the other aliases find", () => {
      expect(patternsOf(run, "by-alias")).to.deep.equal({
        "kmsmon-dev-by-alias-a-1": expectedEventPattern("all", [keyIdOf(present)]),
      });
      const monitor = run.one(T.groupMonitor, "kms-by-alias");
      expect(monitor.inputs).to.deep.equal({
        groupName: "by-alias",
        keyArns: [present],
        aliases: ["alias/app/present", "alias/app/missing"],
        tags: {},
      });
    });

    it("deploys the rest: every dev resource, nothing for the group without keys", async () => {
      const inputs = new Map(urnsAndInputs(run));
      for (const [urn, devInputs] of urnsAndInputs(await devRun())) {
        expect(inputs.get(urn), urn).to.deep.equal(devInputs);
      }
      expect(run.resources.filter((r) => r.name.startsWith("kms-alias-only"))).to.deep.equal([]);
      const outputs = await outputsOf(run);
      expect(Object.keys(outputs.groupTopicArns as object).sort()).to.deep.equal([
        "by-alias",
        "payments",
        "platform-secrets",
      ]);
    });
  });

  describe("converging", () => {
    it("registers the same URNs with the same inputs when run twice, each once", async () => {
      const first = await prodRun();
      const second = await runStack(prodConfig(), PROD_WORLD);
      expect(urnsAndInputs(second)).to.deep.equal(urnsAndInputs(first));
      expect(new Set(second.resources.map((r) => r.urn)).size).to.equal(second.resources.length);
      expect(physicalNames(second)).to.deep.equal(physicalNames(first));
    });

    it("keeps every earlier URN, input and physical name when a group is added", async () => {
      const before = await prodRun();
      const config = prodConfig();
      const groups = JSON.parse(config["kms-monitoring:keyGroups"]) as unknown[];
      const added = keyArn("us-east-1", "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d");
      const after = await runStack(
        {
          ...config,
          ...encodeConfig({
            "kms-monitoring:keyGroups": [...groups, { name: "audit-logs", keys: [added] }],
          }),
        },
        PROD_WORLD,
      );
      const afterInputs = new Map(urnsAndInputs(after));
      const afterNames = physicalNames(after);
      for (const [urn, inputs] of urnsAndInputs(before)) {
        expect(afterInputs.get(urn), urn).to.deep.equal(inputs);
      }
      for (const [urn, identity] of physicalNames(before)) {
        expect(afterNames.get(urn), urn).to.deep.equal(identity);
      }
      const beforeUrns = new Set(before.resources.map((r) => r.urn));
      const added_ = after.resources.filter((r) => !beforeUrns.has(r.urn));
      expect(added_.length).to.be.greaterThan(0);
      for (const r of added_) {
        const owners = lineage(after, r).filter((n) => n.startsWith("kms-audit-logs"));
        expect(owners, r.urn).to.not.deep.equal([]);
      }
    });
  });

  describe("invalid config", () => {
    it("stops on a misspelt key with the exact ConfigError, before any resource", async () => {
      const dev = loadStackConfig("dev");
      const { ["kms-monitoring:notifications"]: notifications, ...rest } = dev;
      const run = await runStackExpectingError(
        { ...rest, "kms-monitoring:notification": notifications },
        { stack: "dev" },
      );
      expect(run.result).to.be.instanceOf(ConfigError);
      expect((run.result as ConfigError).message).to.equal(
        [
          "Invalid kms-monitoring stack config, 4 problems (see docs/CONFIG.md):",
          "  kms-monitoring:notification: unknown config key; did you mean kms-monitoring:notifications?",
          "  security: no target for tamper and delivery-failure alarms (expected emails, https, sqs or lambda in kms-monitoring:security or kms-monitoring:notifications)",
          '  keyGroups[0].notify: group "payments" has no notification target (expected emails, https, sqs or lambda in its notify or in kms-monitoring:notifications)',
          '  keyGroups[1].notify: group "platform-secrets" has no notification target (expected emails, https, sqs or lambda in its notify or in kms-monitoring:notifications)',
        ].join("\n"),
      );
      expect(run.resources).to.deep.equal([]);
      expect(run.invokes).to.deep.equal([]);
    });

    it("stops on a bad key ARN with the exact ConfigError, before any resource", async () => {
      const dev = loadStackConfig("dev");
      const groups = JSON.parse(dev["kms-monitoring:keyGroups"]) as { keys: string[] }[];
      const bad = "arn:aws:kms:us-east-1:11112222333:key/5b9e7d21-8c4f-4a36-b0e3-2f1d6c8a7b54";
      groups[0].keys[1] = bad;
      const run = await runStackExpectingError(
        { ...dev, ...encodeConfig({ "kms-monitoring:keyGroups": groups }) },
        { stack: "dev" },
      );
      expect(run.result).to.be.instanceOf(ConfigError);
      expect((run.result as ConfigError).message).to.equal(
        "Invalid kms-monitoring stack config, 1 problem (see docs/CONFIG.md):\n" +
          `  keyGroups[0].keys[1]: "${bad}" has an invalid account ID "11112222333" (expected 12 digits)`,
      );
      expect(run.resources).to.deep.equal([]);
      expect(run.invokes).to.deep.equal([]);
    });
  });
});
