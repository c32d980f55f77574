/**
 * examples/typescript, the program a TypeScript user writes: it type-checks with its own tsconfig
 * and, run under Pulumi's mock runtime, watches the key it creates (the key's ARN reaches the group
 * rules' event patterns) and keeps its pager URL secret. The program imports the package by name, as
 * an installed program does; here that name is mapped to this checkout (its built types for tsc,
 * its sources for the run).
 */
import { execFileSync } from "child_process";
import Module from "module";
import { join } from "path";

import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { expect } from "chai";

import { MockRun, runUnderMocks } from "../harness/mock-runtime";
import { buildIfStale } from "../package/plugin-host";

const ROOT = join(__dirname, "..", "..");
const EXAMPLE = join(ROOT, "examples", "typescript");
const PROJECT = "kms-monitoring-typescript-example";
const PAGER = "https://events.pagerduty.com/integration/0123456789abcdef/enqueue";

/** Resolves `kms-monitoring` to this checkout while `load` runs (npm would install it). */
function withPackageName<T>(load: () => T): T {
  const resolver = Module as unknown as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
  };
  const original = resolver._resolveFilename;
  resolver._resolveFilename = (request, ...rest) =>
    original(
      request === "kms-monitoring" ? join(ROOT, "components", "index.ts") : request,
      ...rest,
    );
  try {
    return load();
  } finally {
    resolver._resolveFilename = original;
  }
}

describe("examples/typescript (a program that creates a key and watches it)", function () {
  this.timeout(120_000);
  let run: MockRun<unknown>;

  before(async () => {
    // The program runs as the CLI runs it: its module is loaded, not imported by the test.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const load = () => withPackageName(() => require(join(EXAMPLE, "index.ts")));
    run = await runUnderMocks(load, {
      project: PROJECT,
      stack: "dev",
      config: { [`${PROJECT}:pagerUrl`]: PAGER },
    });
  });

  it("type-checks with its own tsconfig (Pulumi's template) against the built package's types", () => {
    buildIfStale();
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    expect(() =>
      execFileSync(process.execPath, [tsc, "--noEmit", "-p", join(EXAMPLE, "tsconfig.json")], {
        stdio: "pipe",
      }),
    ).to.not.throw();
  });

  it("puts the created key's ARN in the group rules' event patterns, each depending on the key", () => {
    const key = run.one("aws:kms/key:Key", "app-data");
    // A critical signal's rule (pager route) and a standard signal's rule.
    for (const name of [
      "kms-app-us-east-1-deletion-scheduled-1",
      "kms-app-us-east-1-key-policy-changed-1",
    ]) {
      const rule = run.one("aws:cloudwatch/eventRule:EventRule", name);
      expect(String(rule.inputs.eventPattern), name).to.contain(
        `"suffix":":key/${key.state.keyId}"`,
      );
      expect(rule.propertyDependencies.eventPattern, name).to.deep.equal([key.urn]);
    }
  });

  it("subscribes the secret pager URL as a secret", () => {
    const https = run
      .ofType("aws:sns/topicSubscription:TopicSubscription")
      .filter((s) => s.inputs.protocol === "https");
    expect(https.map((s) => s.inputs.endpoint)).to.deep.equal([
      { [specialSigKey]: specialSecretSig, value: PAGER },
    ]);
  });
});
