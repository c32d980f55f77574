/**
 * The package started as the Pulumi CLI starts it for Python, Go, .NET, Java and YAML programs:
 * run-plugin from a new empty directory (the user's), its port read from stdout, then GetSchema
 * and Construct over gRPC against a fake engine and resource monitor.
 */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";

import Ajv2020 from "ajv/dist/2020";
import { expect } from "chai";
import { parse } from "yaml";

import {
  construct,
  FakeEngine,
  getSchema,
  PACKAGE_DIR,
  PluginProcess,
  startPlugin,
} from "./plugin-host";

const ACCOUNT = "111122223333";
const METASCHEMA = join(PACKAGE_DIR, "test", "fixtures", "pulumi-package-metaschema.json");

/** KmsMonitoringStack's arguments from a stack file's `kms-monitoring:` config. */
function stackArgs(file: string): Record<string, unknown> {
  const config = parse(readFileSync(join(PACKAGE_DIR, file), "utf8")).config;
  const args: Record<string, unknown> = { region: config["aws:region"] };
  for (const [key, value] of Object.entries(config)) {
    if (key.startsWith("kms-monitoring:")) args[key.slice("kms-monitoring:".length)] = value;
  }
  return args;
}

function isRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** `type name` of each AWS resource in a generated record of a stack. */
function recordedAwsResources(stack: string): string[] {
  const record: { type: string; name: string }[] = JSON.parse(
    readFileSync(join(PACKAGE_DIR, "test", "records", `${stack}.json`), "utf8"),
  );
  return record
    .filter((r) => r.type.startsWith("aws:"))
    .map((r) => `${r.type} ${r.name}`)
    .sort();
}

describe("the package started by run-plugin from another directory", function () {
  this.timeout(240_000);
  const engine = new FakeEngine({ accountId: ACCOUNT, region: "us-east-1", partition: "aws" });
  let plugin: PluginProcess;

  before(async () => {
    // What `npm install` does in the package folder (the `prepare` script) before the CLI runs it.
    execFileSync("npm", ["run", "--silent", "build"], { cwd: PACKAGE_DIR, stdio: "inherit" });
    await engine.start();
    plugin = await startPlugin(engine.address);
  });

  after(() => {
    plugin?.stop();
    engine.stop();
  });

  it("prints its port within 30 s", () => {
    expect(plugin.port).to.be.greaterThan(0);
    expect(plugin.msToPort, `ms to port (stderr: ${plugin.stderr()})`).to.be.below(30_000);
  });

  it("serves a schema that Pulumi's metaschema accepts", async () => {
    const schema = await getSchema(plugin.client);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    // The two string formats the metaschema names, as Pulumi's Go validator reads them.
    ajv.addFormat("regex", (s: string) => isRegex(s));
    ajv.addFormat("uri-reference", (s: string) => !/\s/.test(s));
    const validate = ajv.compile(JSON.parse(readFileSync(METASCHEMA, "utf8")));
    const valid = validate(schema);
    expect(validate.errors ?? [], "metaschema errors").to.deep.equal([]);
    expect(valid).to.equal(true);
    expect(schema.name).to.equal("kms-monitoring");
    expect(Object.keys(schema.resources)).to.include("kms-monitoring:index:KmsMonitoringStack");
  });

  it("constructs KmsMonitoringStack from plain values: the dev stack's AWS resources", async () => {
    const before = engine.registrations.length;
    const result = await construct(plugin.client, engine.address, {
      type: "kms-monitoring:index:KmsMonitoringStack",
      name: "kms",
      inputs: stackArgs("Pulumi.dev.yaml"),
    });
    expect(result.urn).to.match(/::kms-monitoring:index:KmsMonitoringStack::kms$/);
    const registered = engine.registrations
      .slice(before)
      .filter((r) => r.custom)
      .map((r) => `${r.type} ${r.name}`)
      .sort();
    expect(registered).to.deep.equal(recordedAwsResources("dev"));
  });
});
