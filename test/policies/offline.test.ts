import { expect } from "chai";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import * as policyProxy from "@pulumi/policy/proxy";
import { allPolicies } from "../../policies/all";
import { now } from "../../policies/lib/clock";
import { UNKNOWN_SENTINELS } from "../../policies/lib/known";
import { policyResources, runPoliciesOffline } from "../../policies/offline";
import { resource, urnOf } from "./helpers";

const KEY = "aws:kms/key:Key";
const shortKey = resource(KEY, "app-key", { deletionWindowInDays: 7, enableKeyRotation: true });

/** A resource policy that reports its config and reads `deletionWindowInDays` raw. */
const probe: ResourceValidationPolicy = {
  name: "probe",
  description: "test probe",
  enforcementLevel: "advisory",
  configSchema: {
    properties: {
      limit: { type: "integer", default: 3 },
      tags: { type: "array", items: { type: "string" }, default: ["a"] },
    },
  },
  validateResource: (args, report) => {
    if (args.type !== KEY) args.notApplicable("keys only");
    report(`config ${JSON.stringify(args.getConfig())}`);
    report(`window ${args.props.deletionWindowInDays}`, "urn:ignored");
  },
};

/** A stack policy reporting on the stack and on a resource, and what it sees of the links. */
const stackProbe: StackValidationPolicy = {
  name: "stack-probe",
  description: "test probe",
  enforcementLevel: "mandatory",
  validateStack: (args, report) => {
    report(`${args.resources.length} resources at ${now().toISOString()}`);
    for (const r of args.resources) {
      const deps = r.dependencies.map((d) => d.name).join(",");
      report(
        `${r.name} parent=${r.parent?.name ?? "-"} deps=${deps} prop=${(r.propertyDependencies.targetKeyId ?? []).map((d) => d.name)}`,
        r.urn,
      );
    }
  },
};

describe("offline policy runner", () => {
  it("runs the whole pack by default at each policy's level", async () => {
    const violations = await runPoliciesOffline([shortKey]);
    expect(violations.map((v) => [v.policy, v.level, v.resource])).to.deep.equal([
      ["kms-key-deletion-window", "mandatory", shortKey.urn],
    ]);
  });

  it("honours enforcement levels from config: per policy, shorthand, all, and disabled", async () => {
    const level = async (config: object) =>
      (await runPoliciesOffline([shortKey], { config: config as never })).map((v) => v.level);
    expect(
      await level({ "kms-key-deletion-window": { enforcementLevel: "advisory" } }),
    ).to.deep.equal(["advisory"]);
    expect(await level({ "kms-key-deletion-window": "advisory" })).to.deep.equal(["advisory"]);
    expect(await level({ all: "advisory" })).to.deep.equal(["advisory"]);
    expect(await level({ all: "advisory", "kms-key-deletion-window": "mandatory" })).to.deep.equal([
      "mandatory",
    ]);
    expect(await level({ "kms-key-deletion-window": "remediate" })).to.deep.equal(["mandatory"]);
    expect(await level({ "kms-key-deletion-window": "disabled" })).to.deep.equal([]);
    expect(await level({ all: "disabled" })).to.deep.equal([]);
  });

  it("applies configSchema defaults, and lets config override them", async () => {
    const messages = async (config: object = {}) =>
      (await runPoliciesOffline([shortKey], { policies: [probe], config: config as never })).map(
        (v) => [v.message, v.resource],
      );
    expect(await messages()).to.deep.equal([
      ['config {"limit":3,"tags":["a"]}', shortKey.urn],
      ["window 7", shortKey.urn],
    ]);
    expect((await messages({ probe: { limit: 9 } }))[0][0]).to.equal(
      'config {"limit":9,"tags":["a"]}',
    );
  });

  it("refuses config the CLI would refuse", async () => {
    const fails = async (config: object) => {
      try {
        await runPoliciesOffline([], { policies: [probe], config: config as never });
      } catch (e) {
        return (e as Error).message;
      }
      return "accepted";
    };
    expect(await fails({ prob: "advisory" })).to.equal(
      'policy config: no policy named "prob" (have: probe)',
    );
    expect(await fails({ probe: { limit: "many" } })).to.equal(
      'policy config: probe: limit: "many" is not an integer',
    );
    expect(await fails({ probe: { tags: [1] } })).to.equal(
      "policy config: probe: tags: 1 is not a string",
    );
    expect(await fails({ probe: { colour: "red" } })).to.equal(
      'policy config: probe: no parameter "colour"',
    );
    expect(await fails({ probe: "loud" })).to.equal(
      'policy config: probe: enforcementLevel "loud" is not one of advisory, mandatory, remediate, disabled',
    );
  });

  it("turns a read of an unknown value into an advisory, as the policy server does", async () => {
    const computed = resource(KEY, "computed", { deletionWindowInDays: undefined });
    const violations = await runPoliciesOffline([computed], { policies: [probe] });
    expect(violations[1]).to.deep.equal({
      policy: "probe",
      level: "advisory",
      message:
        "can't run policy 'probe' during preview: string value at .deletionWindowInDays can't be known during preview",
      resource: computed.urn,
    });
  });

  it("links stack resources like the server and reports with or without a URN", async () => {
    const key = resource(KEY, "k", {});
    const alias = resource(
      "aws:kms/alias:Alias",
      "a",
      { name: "alias/k", targetKeyId: undefined },
      {
        parent: key.urn,
        dependencies: [key.urn, urnOf(KEY, "elsewhere")],
        propertyDependencies: { targetKeyId: [key.urn] },
      },
    );
    const violations = await runPoliciesOffline([key, alias], {
      policies: [stackProbe],
      now: new Date("2030-01-02T03:04:05Z"),
    });
    expect(violations.map((v) => [v.message, v.resource])).to.deep.equal([
      ["2 resources at 2030-01-02T03:04:05.000Z", undefined],
      ["k parent=- deps= prop=", key.urn],
      ["a parent=k deps=k prop=k", alias.urn],
    ]);
    expect(violations[0]).to.not.have.property("resource");
  });

  it("gives stack policies the outputs, resource policies the inputs", () => {
    const [r] = policyResources([
      resource(KEY, "k", { a: 1 }, { outputs: { a: 1, arn: "arn:x" } }),
    ]);
    expect(r.props.arn).to.equal("arn:x");
  });

  it("uses the same unknown sentinels as @pulumi/policy", () => {
    const exported = Object.entries(policyProxy as Record<string, unknown>)
      .filter(([k]) => /^unknown.*Value$/.test(k))
      .map(([, v]) => v);
    expect([...exported].sort()).to.deep.equal([...UNKNOWN_SENTINELS].sort());
  });

  it("has twelve uniquely named policies, each mandatory by default with a description", () => {
    expect(allPolicies.map((p) => p.name)).to.have.length(12);
    expect(new Set(allPolicies.map((p) => p.name)).size).to.equal(12);
    for (const p of allPolicies) {
      expect(p.enforcementLevel, p.name).to.equal("mandatory");
      expect(p.name, p.name).to.match(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.description.length, p.name).to.be.greaterThan(40);
    }
  });
});
