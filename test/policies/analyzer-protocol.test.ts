/**
 * The pack as `pulumi preview --policy-pack policies` runs it: started by the SDK's policy-pack
 * launcher in its own process, configured and fed resources over the Analyzer gRPC protocol.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { expect } from "chai";
import * as grpc from "@grpc/grpc-js";
import { allPolicies } from "../../policies/all";
import { loadStackConfig } from "../config/helpers";
import { MockRunOptions, runUnderMocks } from "../harness/mock-runtime";
import { PROD_WORLD } from "../program/helpers";
import program from "../../index";
import {
  cliPolicyConfig,
  ConfigFile,
  Diagnostic,
  EngineResource,
  PackProcess,
  PolicyInfo,
} from "./analyzer-client";
import { handBuiltKmsStack, unrelatedStack } from "./foreign-stacks";

/** The policies' own levels and defaults, as GetAnalyzerInfo gave them. */
let policies: PolicyInfo[];
let pack: PackProcess;
/** Our dev and prod stacks, run while the pack starts. */
const ours: Record<string, EngineResource[]> = {};

/** Runs the engine's preview sequence: Configure (CLI-built config), Analyze each, AnalyzeStack. */
async function preview(resources: EngineResource[], file?: ConfigFile): Promise<Diagnostic[]> {
  await pack.configure(cliPolicyConfig(policies, file));
  return pack.preview(resources);
}

const distinct = (ds: Diagnostic[]) => [...new Set(ds.map((d) => d.policy))].sort();

describe("policy pack over the Analyzer protocol", function () {
  // Start-up type-checks the pack with ts-node, as the CLI's launcher does.
  this.timeout(120_000);

  before(async () => {
    // The pack starts in its own process while our stacks run under mocks in this one.
    const stacks = Promise.all([ourStack("dev"), ourStack("prod")]);
    stacks.catch(() => undefined); // awaited below, once the pack is ours to stop
    pack = await PackProcess.start("platform", "prod");
    [ours.dev, ours.prod] = await stacks;
    expect(await pack.handshake()).to.equal(grpc.status.UNIMPLEMENTED);
    await pack.configureStack("platform", "prod");
    const info = await pack.analyzerInfo();
    expect([info.name, info.supportsConfig]).to.deep.equal(["kms-monitoring", true]);
    policies = info.policies;
  });

  after(() => pack?.stop());

  it("describes the pack's twelve policies, each mandatory, with its config schema", async () => {
    expect(policies.map((p) => [p.name, p.level])).to.deep.equal(
      allPolicies.map((p) => [p.name, "mandatory"]),
    );
    const scoped = policies
      .filter((p) => p.configSchema?.properties?.kmsMonitoringResourcesOnly)
      .map((p) => [p.name, p.configSchema?.properties?.kmsMonitoringResourcesOnly?.default]);
    expect(scoped).to.deep.equal([
      ["kms-keys-covered-by-monitoring", false],
      ["cis-4-7-kms-filter", false],
      ["monitoring-alarms-actionable", false],
      ["alert-topics-not-aws-managed-key", false],
      ["event-targets-have-dlq-and-retries", false],
      ["trail-log-group-retention-and-encryption", false],
    ]);
    expect(await pack.pluginVersion()).to.match(/^\d+\.\d+\.\d+/);
  });

  it("reports ten policies on a hand-built KMS stack of another team, each on its resource", async () => {
    const stack = handBuiltKmsStack(new Date());
    const diagnostics = await preview(stack);
    expect(distinct(diagnostics)).to.deep.equal([
      "alert-topics-not-aws-managed-key",
      "audit-bucket-protected",
      "cis-4-7-kms-filter",
      "cloudtrail-trail-kms-ready",
      "event-targets-have-dlq-and-retries",
      "imported-key-material-expiry",
      "kms-key-deletion-window",
      "kms-key-rotation-enabled",
      "monitoring-alarms-actionable",
      "trail-log-group-retention-and-encryption",
    ]);
    const names = new Map(stack.map((r) => [r.urn, r.name]));
    const where = diagnostics.map((d) => [d.policy, d.call, d.level, names.get(d.urn ?? "")]);
    expect(where).to.deep.equal([
      ["kms-key-deletion-window", "Analyze", "mandatory", "payments-key"],
      ["kms-key-rotation-enabled", "Analyze", "mandatory", "payments-key"],
      ["cloudtrail-trail-kms-ready", "Analyze", "mandatory", "audit-trail"],
      ["cloudtrail-trail-kms-ready", "Analyze", "mandatory", "audit-trail"],
      ["imported-key-material-expiry", "AnalyzeStack", "mandatory", "hsm-import-key"],
      ["imported-key-material-expiry", "AnalyzeStack", "mandatory", "hsm-import-key"],
      ["cis-4-7-kms-filter", "AnalyzeStack", "mandatory", "key-deletion-filter"],
      ["monitoring-alarms-actionable", "AnalyzeStack", "mandatory", "key-deletion-alarm"],
      ["alert-topics-not-aws-managed-key", "AnalyzeStack", "mandatory", "security-alerts"],
      ["event-targets-have-dlq-and-retries", "AnalyzeStack", "mandatory", "kms-events-to-security"],
      ["event-targets-have-dlq-and-retries", "AnalyzeStack", "mandatory", "kms-events-to-security"],
      ["trail-log-group-retention-and-encryption", "AnalyzeStack", "mandatory", "trail-logs"],
      ["trail-log-group-retention-and-encryption", "AnalyzeStack", "mandatory", "trail-logs"],
      ["audit-bucket-protected", "AnalyzeStack", "mandatory", "audit-logs"],
    ]);
    expect(diagnostics.find((d) => d.policy === "monitoring-alarms-actionable")?.message).to.equal(
      'alarm "key-deletion-alarm": actionsEnabled is false; remove it or set actionsEnabled: true so the alarm\'s actions run when it fires',
    );
  });

  it("keeps today's scope on that stack when every policy is told to judge only ours", async () => {
    const oursOnly = Object.fromEntries(
      policies
        .filter((p) => p.configSchema?.properties?.kmsMonitoringResourcesOnly)
        .map((p) => [p.name, { kmsMonitoringResourcesOnly: true }]),
    );
    expect(distinct(await preview(handBuiltKmsStack(new Date()), oursOnly))).to.deep.equal([
      "audit-bucket-protected",
      "cloudtrail-trail-kms-ready",
      "imported-key-material-expiry",
      "kms-key-deletion-window",
      "kms-key-rotation-enabled",
      "trail-log-group-retention-and-encryption",
    ]);
  });

  it("reports nothing on a stack unrelated to KMS", async () => {
    expect(await preview(unrelatedStack())).to.deep.equal([]);
  });

  for (const stack of ["dev", "prod"]) {
    it(`finds no mandatory violation on our ${stack} stack, with its policy config`, async () => {
      const diagnostics = await preview(ours[stack], configFile(stack));
      expect(diagnostics.filter((d) => d.level === "mandatory")).to.deep.equal([]);
      if (stack === "prod") expect(diagnostics).to.deep.equal([]);
    });
  }
});

/** The mock AWS account of each stack: prod's resolves aliases, tags and imported material. */
const WORLDS: Record<string, Omit<MockRunOptions, "config">> = { dev: {}, prod: PROD_WORLD };

/**
 * Our program's resources for `stack`, run under mocks as a preview, as the engine holds them:
 * inputs for Analyze, inputs over the mock state for AnalyzeStack, and the default AWS provider
 * for every AWS resource without an explicit one.
 */
async function ourStack(stack: string): Promise<EngineResource[]> {
  const run = await runUnderMocks(() => program(), {
    ...WORLDS[stack],
    stack,
    preview: true,
    config: loadStackConfig(stack),
  });
  const project = "kms-monitoring";
  const provider = `urn:pulumi:${stack}::${project}::pulumi:providers:aws::default_7_48_0`;
  const resources: EngineResource[] = run.resources.map((r) => ({
    ...r,
    outputs: { ...r.state, ...r.inputs },
    provider: r.provider ?? (r.custom && r.type.startsWith("aws:") ? `${provider}::id` : undefined),
  }));
  return [
    { type: "pulumi:providers:aws", name: "default_7_48_0", urn: provider, inputs: {} },
    ...resources,
  ];
}

function configFile(stack: string): ConfigFile {
  return JSON.parse(
    readFileSync(join(__dirname, "..", "..", "policies", "config", `${stack}.json`), "utf8"),
  );
}
