import { readFileSync } from "fs";
import { join } from "path";
import { expect } from "chai";
import { allPolicies } from "../../policies/all";
import {
  OfflineResource,
  PackConfig,
  PolicyViolation,
  runPoliciesOffline,
} from "../../policies/offline";
import { resolvePackConfig } from "../../policies/lib/policy-config";
import { loadStackConfig } from "../config/helpers";
import { MockRunOptions, RecordedResource, runUnderMocks } from "../harness/mock-runtime";
import { PROD_WORLD } from "../program/helpers";
import program from "../../index";

/** The policy config of an environment, as `--policy-pack-config` reads it. */
function packConfig(stack: string): PackConfig {
  return JSON.parse(
    readFileSync(join(__dirname, "..", "..", "policies", "config", `${stack}.json`), "utf8"),
  );
}

/**
 * What the engine hands the pack: inputs to resource policies, outputs to stack policies. A
 * provider's outputs echo the inputs and add computed values (ARNs, IDs); the mock state supplies
 * the computed ones, and the inputs win where the fake state simplifies.
 */
function offline(resources: RecordedResource[]): OfflineResource[] {
  return resources.map((r) => ({ ...r, outputs: { ...r.state, ...r.inputs } }));
}

/** The mock AWS account of each stack: prod's resolves aliases, tags and imported material. */
const WORLDS: Record<string, Omit<MockRunOptions, "config">> = { dev: {}, prod: PROD_WORLD };

/** Runs index.ts's program for `stack` under mocks; resolves to what the pack would see. */
async function stackResources(stack: string, preview: boolean): Promise<OfflineResource[]> {
  const run = await runUnderMocks(() => program(), {
    ...WORLDS[stack],
    stack,
    preview,
    config: loadStackConfig(stack),
  });
  expect(run.resources.length).to.be.greaterThan(20);
  return offline(run.resources);
}

/** Runs the program for `stack` and the pack, with the stack's policy config, on the result. */
async function checkStack(stack: string, preview: boolean): Promise<PolicyViolation[]> {
  return runPoliciesOffline(await stackResources(stack, preview), { config: packConfig(stack) });
}

const show = (violations: PolicyViolation[]) => violations.map((v) => `${v.policy}: ${v.message}`);

describe("policy pack on our program", () => {
  it("accepts both environment configs", () => {
    for (const stack of ["dev", "prod"]) {
      expect(() => resolvePackConfig(allPolicies, packConfig(stack)), stack).to.not.throw();
    }
    expect(
      [...resolvePackConfig(allPolicies, packConfig("prod")).values()].map((c) => c.level),
    ).to.deep.equal(allPolicies.map(() => "mandatory"));
  });

  for (const preview of [false, true]) {
    const mode = preview ? "preview" : "update";
    it(`finds no mandatory violation in prod (${mode})`, async () => {
      expect(show(await checkStack("prod", preview))).to.deep.equal([]);
    });

    it(`finds no mandatory violation in dev, advisories only where its config relaxes (${mode})`, async () => {
      const violations = await checkStack("dev", preview);
      expect(show(violations.filter((v) => v.level === "mandatory"))).to.deep.equal([]);
      const relaxed = Object.entries(packConfig("dev"))
        .filter(([, entry]) => typeof entry === "object" && entry.enforcementLevel === "advisory")
        .map(([name]) => name);
      expect(violations.filter((v) => !relaxed.includes(v.policy))).to.deep.equal([]);
    });
  }

  it("catches the same stack once it is broken", async () => {
    const resources = (await stackResources("prod", false))
      .filter((r) => r.type !== "aws:sns/topicSubscription:TopicSubscription")
      .map((r) =>
        r.type === "aws:cloudtrail/trail:Trail"
          ? { ...r, inputs: { ...r.inputs, isMultiRegionTrail: false } }
          : r,
      );
    const stray = {
      type: "aws:kms/key:Key",
      name: "stray-key",
      urn: "urn:pulumi:prod::kms-monitoring::aws:kms/key:Key::stray-key",
      inputs: { enableKeyRotation: true },
      outputs: { enableKeyRotation: true, arn: "arn:aws:kms:us-east-1:111122223333:key/stray" },
    };
    const violations = await runPoliciesOffline([...resources, stray], {
      config: packConfig("prod"),
    });
    expect([...new Set(violations.map((v) => v.policy))].sort()).to.deep.equal([
      "cis-4-7-kms-filter",
      "cloudtrail-trail-kms-ready",
      "kms-keys-covered-by-monitoring",
    ]);
  });
});
