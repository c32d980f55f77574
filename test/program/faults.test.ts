import { expect } from "chai";
import { ConfigError } from "../../components/config";
import type { DashboardBody } from "../../components/dashboard";
import type { WidgetContent } from "../../components/dashboard/types";
import { ACCOUNT, keyArn, keyIdOf, OTHER_ACCOUNT, T } from "../builders";
import { encodeConfig, loadStackConfig } from "../config/helpers";
import type { MockRun } from "../harness/mock-runtime";
import { allRoutePatterns, severityRoutedPatterns } from "./group-rule-patterns";
import {
  PARTNER_MATERIAL_VALID_TO,
  PROD_KEYS,
  ProgramOutputs,
  PROD_WORLD,
  dashboardBodyOf,
  devRun,
  inventoryRows,
  lineage,
  outputsOf,
  prodConfig,
  prodRun,
  runStack,
  runStackExpectingError,
  unplaced,
  urnsAndInputs,
  widgetSummary,
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

/** URN of the stack's dashboard, whose body shows the keys and groups found at deploy time. */
function dashboardUrn(run: MockRun<unknown>, env: string): string {
  return run.one(T.dashboard, `kms-dashboard-kmsmon-${env}`).urn;
}

/**
 * Checks that `after` is the dashboard `before`, widgets in the same places, followed by widgets
 * summarised (see widgetSummary) as `added`.
 */
function expectAppended(before: DashboardBody, after: DashboardBody, added: string[]): void {
  expect(after.widgets.slice(0, before.widgets.length)).to.deep.equal(before.widgets);
  expect(after.widgets.slice(before.widgets.length).map(widgetSummary)).to.deep.equal(added);
}

/** An inventory row of a key described with the mock's default metadata. */
function describedRow(arn: string, aliases = "-"): string[] {
  const region = arn.split(":")[3];
  return [keyIdOf(arn), aliases, region, "Enabled", "AWS_KMS", "2024-01-15T10:00:00Z", "-", "-"];
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
      const ids = ["3a7c5e91-2b4d-4f68-8e1a-c6d0b9f2e473", "e5b2d8f4-7c1a-4936-a0e8-5d3f9b6c2a17"];
      expect(patternsOf(faulty, "partner-exchange")).to.deep.equal(
        severityRoutedPatterns("kmsmon-prod-partner-exchange", ids),
      );
    });

    it("leaves out only the key's expiry alarm; everything else is as in a healthy deploy", () => {
      const faultyUrns = new Set(faulty.resources.map((r) => r.urn));
      const missing = healthy.resources.filter((r) => !faultyUrns.has(r.urn));
      expect(missing.map((r) => `${r.type} ${r.inputs.name}`)).to.deep.equal([
        `${T.alarm} kmsmon-prod-partner-exchange-expiry-${keyIdOf(gone)}`,
      ]);
      const expiry = new Set(missing.map((r) => r.urn));
      // The dashboard shows what was found at deploy time: compared on its own below.
      const dashboard = dashboardUrn(healthy, "prod");
      expect(dashboardUrn(faulty, "prod")).to.equal(dashboard);
      expect(urnsAndInputs(faulty).filter(([urn]) => urn !== dashboard)).to.deep.equal(
        urnsAndInputs(healthy).filter(([urn]) => !expiry.has(urn) && urn !== dashboard),
      );
    });

    it("shows the key as not described; drops its graphs and expiry alarm, nothing else", () => {
      const id = keyIdOf(gone);
      const before = dashboardBodyOf(healthy, "prod");
      const after = dashboardBodyOf(faulty, "prod");
      const [healthyRow, partnerRow] = inventoryRows(before, "partner-exchange");
      expect(healthyRow).to.deep.equal([
        id,
        "-",
        "eu-west-1",
        "Enabled",
        "EXTERNAL",
        "2024-01-15T10:00:00Z",
        PARTNER_MATERIAL_VALID_TO,
        "-",
      ]);
      const notDescribed = [id, "-", "eu-west-1", "not described", "-", "-", "-", "-"];
      expect(inventoryRows(after, "partner-exchange")).to.deep.equal([notDescribed, partnerRow]);
      const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
      const expiryAlarm = `arn:aws:cloudwatch:eu-west-1:${ACCOUNT}:alarm:kmsmon-prod-partner-exchange-expiry-${id}`;
      const header =
        "## Key group partner-exchange\n2 keys in eu-west-1. 1 could not be described: their " +
        "events are watched, their graphs wait until they can be described. No CloudWatch " +
        "alarms: its control-plane events alert through EventBridge, and the whole-account graph " +
        "counts them.";
      let changed = 0;
      // The healthy dashboard with exactly these changes.
      const expected = before.widgets.map(unplaced).flatMap((w): WidgetContent[] => {
        if (w.type === "metric") {
          const expiryGraph = "Days left on imported key material, group partner-exchange";
          const keyGraph = `Data-plane calls of ${id} (eu-west-1), by operation`;
          if (w.properties.title.startsWith(expiryGraph) || w.properties.title === keyGraph) {
            changed++;
            return [];
          }
        }
        if (w.type === "alarm" && w.properties.alarms.includes(expiryAlarm)) {
          changed++;
          const alarms = w.properties.alarms.filter((a) => a !== expiryAlarm);
          // Its only alarm (the group has no baseline): the widget goes with it.
          return alarms.length > 0 ? [{ ...w, properties: { ...w.properties, alarms } }] : [];
        }
        if (w.type === "text") {
          const { markdown } = w.properties;
          if (markdown.startsWith("## Key group partner-exchange\n")) {
            changed++;
            return [{ type: "text", properties: { markdown: header } }];
          }
          if (markdown.includes(row(healthyRow))) {
            changed++;
            const table = markdown.replace(row(healthyRow), row(notDescribed));
            return [{ type: "text", properties: { markdown: table } }];
          }
        }
        return [w];
      });
      // The expiry graph, the key's graph, the group's alarms, header and inventory.
      expect(changed).to.equal(5);
      expect(after.widgets.map(unplaced)).to.deep.equal(expected);
      // Sections before the group keep their places.
      const section = before.widgets.findIndex(
        (w) => widgetSummary(w) === "text: ## Key group partner-exchange",
      );
      expect(section).to.be.greaterThan(0);
      expect(after.widgets.slice(0, section)).to.deep.equal(before.widgets.slice(0, section));
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
      ...allRoutePatterns("kmsmon-dev-shared", ["9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"]),
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
        ...allRoutePatterns("kmsmon-dev-by-alias", ["2b3c4d5e-6f70-4819-a2b3-c4d5e6f7a8b9"]),
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
      const dashboard = dashboardUrn(run, "dev");
      for (const [urn, devInputs] of urnsAndInputs(await devRun())) {
        // Its body gains the two groups (next test).
        if (urn === dashboard) continue;
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

    it("adds to the dev dashboard a section per group, the group without keys saying so", async () => {
      const dev = await devRun();
      expect(dashboardUrn(run, "dev")).to.equal(dashboardUrn(dev, "dev"));
      const body = dashboardBodyOf(run, "dev");
      expectAppended(dashboardBodyOf(dev, "dev"), body, [
        "text: ## Key group by-alias",
        "metric: Data-plane calls of alias/app/present (us-east-1), by operation",
        "text: ### Keys of group by-alias, as found at deploy time",
        "text: ## Key group alias-only",
      ]);
      expect(inventoryRows(body, "by-alias")).to.deep.equal([
        describedRow(present, "alias/app/present"),
      ]);
      expect(unplaced(body.widgets[body.widgets.length - 1])).to.deep.equal({
        type: "text",
        properties: {
          markdown:
            "## Key group alias-only\nNo keys were found for this group. No CloudWatch alarms: " +
            "its control-plane events alert through EventBridge, and the whole-account graph " +
            "counts them.",
        },
      });
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
      const dashboard = dashboardUrn(before, "prod");
      for (const [urn, inputs] of urnsAndInputs(before)) {
        if (urn === dashboard) continue;
        expect(afterInputs.get(urn), urn).to.deep.equal(inputs);
      }
      // The same dashboard; its body gains the group's section, after every earlier widget.
      const body = dashboardBodyOf(after, "prod");
      expectAppended(dashboardBodyOf(before, "prod"), body, [
        "text: ## Key group audit-logs",
        `metric: Data-plane calls of ${keyIdOf(added)} (us-east-1), by operation`,
        "text: ### Keys of group audit-logs, as found at deploy time",
      ]);
      expect(inventoryRows(body, "audit-logs")).to.deep.equal([describedRow(added)]);
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
