/**
 * The package started as the Pulumi CLI starts it for Python, Go, .NET, Java and YAML programs:
 * run-plugin from a new empty directory (the user's), its port read from stdout, then GetSchema
 * and Construct over gRPC against a fake engine and resource monitor.
 */
import { readFileSync } from "fs";
import { join } from "path";

import Ajv2020 from "ajv/dist/2020";
import { expect } from "chai";
import { parse } from "yaml";

import {
  buildIfStale,
  construct,
  FakeEngine,
  getSchema,
  outputValue,
  PACKAGE_DIR,
  PluginProcess,
  secret,
  startPlugin,
  UNKNOWN,
} from "./plugin-host";
import { ACCOUNT } from "../builders";
import { groupRuleNames } from "../group-rule-names";

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

/** The properties the YAML example gives its KmsMonitoringStack. */
function yamlExampleInputs(): Record<string, unknown> {
  const program = parse(readFileSync(join(PACKAGE_DIR, "examples", "yaml", "Pulumi.yaml"), "utf8"));
  return program.resources.monitoring.properties;
}

/**
 * The Python example's STACK_ARGS (a JSON-compatible literal between markers) with the camelCase
 * names the generated Python SDK sends for its snake_case ones.
 */
function pythonExampleInputs(): Record<string, unknown> {
  const source = readFileSync(join(PACKAGE_DIR, "examples", "python", "__main__.py"), "utf8");
  const block = source.match(
    /# construct-inputs:start\nSTACK_ARGS = ([\s\S]*?)\n# construct-inputs:end/,
  );
  if (!block) throw new Error("examples/python/__main__.py has no construct-inputs block");
  const camel = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(camel);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k.replace(/_([a-z])/g, (_, c) => c.toUpperCase()),
        camel(v),
      ]),
    );
  };
  return camel(JSON.parse(block[1])) as Record<string, unknown>;
}

describe("the package started by run-plugin from another directory", function () {
  this.timeout(240_000);
  const engine = new FakeEngine({ accountId: ACCOUNT, region: "us-east-1", partition: "aws" });
  let plugin: PluginProcess;

  before(async () => {
    buildIfStale();
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

  for (const [example, inputs] of [
    ["YAML", yamlExampleInputs],
    ["Python", pythonExampleInputs],
  ] as const) {
    it(`constructs KmsMonitoringStack with the ${example} example's inputs`, async () => {
      const before = engine.registrations.length;
      await construct(plugin.client, engine.address, {
        type: "kms-monitoring:index:KmsMonitoringStack",
        name: `example-${example.toLowerCase()}`,
        inputs: inputs(),
      });
      const aws = engine.registrations.slice(before).filter((r) => r.custom);
      const ofType = (type: string) => aws.filter((r) => r.type === type);
      expect(ofType("aws:cloudtrail/trail:Trail")).to.have.length(1);
      const subscriptions = ofType("aws:sns/topicSubscription:TopicSubscription")
        .map((r) => `${r.inputs.protocol} ${r.inputs.endpoint}`)
        .sort();
      expect([...new Set(subscriptions)]).to.deep.equal([
        "email kms-oncall@example.com",
        "email security-operations@example.com",
        "https https://events.pagerduty.com/integration/4f1c9b2e7a6d4e08b3c5a9f0d2e8b741/enqueue",
      ]);
      const patterns = ofType("aws:cloudwatch/eventRule:EventRule")
        .map((r) => String(r.inputs.eventPattern))
        .join("\n");
      expect(patterns).to.contain("key/0f6c2a8e-3b1d-4c7a-9e52-7d4b1a9c3e10");
      expect(patterns).to.contain("key/5b9e7d21-8c4f-4a36-b0e3-2f1d6c8a7b54");
    });
  }

  it("gets the same inputs from the YAML and the Python example", () => {
    expect(pythonExampleInputs()).to.deep.equal(yamlExampleInputs());
  });

  describe("Construct of KmsMonitoringStack with Outputs, secrets and unknowns", () => {
    const KEY_URN = "urn:pulumi:dev::consumer::aws:kms/key:Key::app";
    const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/7e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b`;
    const PAGER = "https://events.pagerduty.com/integration/0123456789abcdef/enqueue";
    const base = (keys: unknown[], critical: unknown[] = []) => ({
      environment: "dev",
      region: "us-east-1",
      trail: { mode: "create", retainOnDelete: false },
      notifications: { emails: ["kms-alerts@example.com"], critical: { https: critical } },
      keyGroups: [{ name: "app", keys }],
    });
    const since = (before: number) => engine.registrations.slice(before).filter((r) => r.custom);

    it("(b) takes a key ARN that is an Output of another resource", async () => {
      const before = engine.registrations.length;
      await construct(plugin.client, engine.address, {
        type: "kms-monitoring:index:KmsMonitoringStack",
        name: "with-key-output",
        inputs: base([outputValue({ value: KEY, dependencies: [KEY_URN] })]),
      });
      // The group's rules (the region's new-key rules name no key), in any registration order.
      const rules = since(before).filter(
        (r) => r.type === "aws:cloudwatch/eventRule:EventRule" && r.name.includes("-app-"),
      );
      // An empty critical override: every signal on the one route, each rule scoped to the key.
      expect(rules.map((r) => r.name).sort()).to.deep.equal(
        groupRuleNames("with-key-output-app-us-east-1", "all").sort(),
      );
      const scheduled = rules.find((r) => r.name.endsWith("-deletion-scheduled-1"));
      expect(String(scheduled?.inputs.eventPattern)).to.contain(
        '"suffix":":key/7e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b"',
      );
      for (const rule of rules) {
        expect(String(rule.inputs.eventPattern), rule.name).to.contain(
          "7e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b",
        );
      }
    });

    for (const [form, pager] of [
      ["an output value", outputValue({ value: PAGER, secret: true })],
      ["a secret value", secret(PAGER)],
    ] as const) {
      it(`(c) keeps a secret pager URL (${form}) secret in its subscription`, async () => {
        const before = engine.registrations.length;
        await construct(plugin.client, engine.address, {
          type: "kms-monitoring:index:KmsMonitoringStack",
          name: `with-secret-${form.split(" ")[1]}`,
          inputs: base([KEY], [pager]),
        });
        const https = since(before).filter(
          (r) =>
            r.type === "aws:sns/topicSubscription:TopicSubscription" &&
            r.inputs.protocol === "https",
        );
        expect(https.map((r) => r.inputs.endpoint)).to.deep.equal([secret(PAGER)]);
        const plain = since(before).filter((r) => JSON.stringify(r.inputs).includes(`"${PAGER}"`));
        expect(plain.map((r) => r.name)).to.deep.equal(https.map((r) => r.name));
      });
    }

    it("(d) builds the resources in a preview with unknown values, the affected inputs unknown", async () => {
      const before = engine.registrations.length;
      await construct(plugin.client, engine.address, {
        type: "kms-monitoring:index:KmsMonitoringStack",
        name: "with-unknowns",
        dryRun: true,
        inputs: base([outputValue({ dependencies: [KEY_URN] })], [UNKNOWN]),
      });
      const aws = since(before);
      const ofType = (type: string) => aws.filter((r) => r.type === type);
      expect(ofType("aws:cloudtrail/trail:Trail")).to.have.length(1);
      expect(
        ofType("aws:cloudwatch/eventRule:EventRule")
          .filter((r) => r.name.includes("-app-"))
          .map((r) => [r.name, r.inputs.eventPattern])
          .sort(),
      ).to.deep.equal(
        groupRuleNames("with-unknowns-app-us-east-1", "split")
          .map((name) => [name, UNKNOWN])
          .sort(),
      );
      const https = ofType("aws:sns/topicSubscription:TopicSubscription").filter(
        (r) => r.inputs.protocol === "https",
      );
      expect(https.map((r) => r.inputs.endpoint)).to.deep.equal([UNKNOWN]);
    });

    it("(e) refuses an invalid value inside an Output with its config path, no AWS resource", async () => {
      const before = engine.registrations.length;
      const logsBefore = engine.logs.length;
      const failed = await construct(plugin.client, engine.address, {
        type: "kms-monitoring:index:KmsMonitoringStack",
        name: "with-bad-output",
        inputs: base([outputValue({ value: "alias/app", dependencies: [KEY_URN] })]),
      }).then(
        () => undefined,
        (error: Error) => error,
      );
      expect(String(failed?.message)).to.contain(
        'keyGroups[0].keys[0]: "alias/app" is an alias; list it under aliases (keys takes key ARNs only)',
      );
      // Refused before the component exists: no registration at all, not even its own.
      expect(engine.registrations.slice(before)).to.deep.equal([]);
      // Returned by Construct, never reported as an uncaught error (which the plugin logs to the
      // engine, after formatting it with util.inspect: see KmsMonitoringStack.prepare).
      expect(
        engine.logs.slice(logsBefore).filter((log) => log.includes("alias/app")),
      ).to.deep.equal([]);
    });
  });
});
