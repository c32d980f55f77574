/**
 * The multi-language package's TypeScript face: runs the schema analyzer Pulumi uses for
 * source-based TypeScript component packages offline on the components other languages get
 * (tools/schema/analyzed.ts), checks every component's inputs and outputs as the argument
 * interfaces state them, and that schema.json (`npm run schema`, built from this analysis and the
 * config schema) is up to date.
 */
import { readFileSync } from "fs";
import { join } from "path";

import { expect } from "chai";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental/provider";
import type { PackageSpec, Type } from "@pulumi/pulumi/provider/experimental/schema";
import { parse } from "yaml";

import { analyzedSchema, offeredComponents } from "../../tools/schema/analyzed";
import { packageSchema } from "../../tools/schema/package-schema";
import type { PackageSchema } from "../../tools/schema/spec";
import { expectedArgumentTypes, expectedStackInputDocs, normalized } from "./schema-args";

const ROOT = join(__dirname, "..", "..");
const PACKAGE_JSON = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
/** The provider name Pulumi derives from package.json's name. */
const PROVIDER = "kms-monitoring";
/** The reference the analyzer writes for an `aws.Provider` argument. */
const AWS_PROVIDER_REF = `/aws/v${PACKAGE_JSON.devDependencies["@pulumi/aws"]}/schema.json#/resources/aws`;

/** The inputs and outputs of a component: `name` when required, `name?` when optional. */
interface Signature {
  inputs: Record<string, string>;
  outputs: Record<string, string>;
}

/**
 * Every component the main module exports, as other languages see it. Types are spelled as in
 * TypeScript: `Input<T>` for an input that takes an Output, a bare name for a type of the schema.
 */
const COMPONENTS: Record<string, Signature> = {
  AccountKmsAlarms: {
    inputs: {
      environment: "string",
      logGroupName: "Input<string>",
      alarmActions: "Input<string>[]",
    },
    outputs: {
      filterNames: "Record<string, string>",
      alarmNames: "Record<string, string>",
    },
  },
  RegionAlerting: {
    inputs: {
      environment: "string",
      securityTargets: "NotificationTargets",
      region: "string",
      publishers: "PublisherArnPatterns",
    },
    outputs: {
      topicKeyArn: "string",
      securityTopicArn: "string",
      deadLetterQueueArn: "string",
      deliveryAlarmName: "string",
    },
  },
  KmsAuditTrail: {
    inputs: {
      "mode?": "AuditTrailMode",
      "trailName?": "string",
      "logGroupName?": "string",
      "logRetentionDays?": "number",
      "transitionToInfrequentAccessDays?": "number",
      "transitionToGlacierDays?": "number",
      "expireAfterDays?": "number",
      "retainOnDelete?": "boolean",
      "protect?": "boolean",
      "forceDestroy?": "boolean",
      "tags?": "Record<string, Input<string>>",
      "existingLogGroupName?": "string",
      "existingTrailArn?": "string",
    },
    outputs: {
      "trailArn?": "string",
      "bucketName?": "string",
      logGroupName: "string",
      logGroupArn: "string",
      "keyArn?": "string",
    },
  },
  AlertTopicKey: {
    inputs: { aliasName: "string", "tags?": "Record<string, Input<string>>" },
    outputs: { keyArn: "string", keyId: "string", aliasName: "string" },
  },
  DeadLetterQueue: {
    inputs: {
      queueName: "string",
      ruleArnPrefix: "Input<string>",
      topicArnPrefix: "Input<string>",
      alarmActions: "Input<string>[]",
      "tags?": "Record<string, Input<string>>",
    },
    outputs: { queueArn: "string", queueUrl: "string", alarmArn: "string" },
  },
  AlertTopic: {
    inputs: {
      topicName: "string",
      "displayName?": "string",
      kmsKeyArn: "Input<string>",
      targets: "AlertTargets",
      "alarmArnPrefix?": "Input<string>",
      "ruleArnPrefix?": "Input<string>",
      "deadLetterQueueArn?": "Input<string>",
      "failureAlarm?": "FailureAlarmArgs",
      "tags?": "Record<string, Input<string>>",
    },
    outputs: { topicArn: "string", topicName: "string", subscriptionCount: "number" },
  },
  TamperAlarms: {
    inputs: {
      environment: "string",
      logGroupName: "Input<string>",
      "trailName?": "Input<string>",
      alarmActions: "Input<string>[]",
      "silenceHours?": "number",
    },
    outputs: {
      filterNames: "Record<string, string>",
      alarmNames: "Record<string, string>",
      patterns: "Record<string, string>",
    },
  },
  RequestQuotaAlarms: {
    inputs: {
      environment: "string",
      region: "string",
      "quotaAlarmPercent?": "number",
      alarmActions: "Input<string>[]",
    },
    outputs: { alarmNames: "Record<string, string>", monthlyCostUsd: "number" },
  },
  KmsMonitoringStack: {
    inputs: {
      "environment?": "string",
      "region?": "string",
      "trail?": "StackTrail",
      "notifications?": "AlertRouting",
      "security?": "AlertTargets",
      "quotaAlarmPercent?": "number",
      "usageBaseline?": "StackUsageBaseline",
      keyGroups: "KeyGroup[]",
      "organization?": "StackOrganization",
    },
    outputs: {
      "trailArn?": "string",
      logGroupName: "string",
      securityTopicArns: "Record<string, string>",
      groupTopicArns: "Record<string, Record<string, string>>",
      dashboardUrls: "string[]",
    },
  },
};

/** The object and enum types the components' inputs reach. */
const TYPES = [
  "AlertRouting",
  "AlertTargets",
  "AuditTrailMode",
  "FailureAlarmArgs",
  "KeyGroup",
  "KeyGroupBaseline",
  "NotificationTargets",
  "OrganizationMember",
  "PublisherArnPatterns",
  "StackOrganization",
  "StackSetRollout",
  "StackTrail",
  "StackUsageBaseline",
  "TrailMode",
];

/** A schema type as TypeScript spells it: `Input<T>` for a non-plain input. */
function spelling(type: Type, input: boolean): string {
  let base: string;
  if ("$ref" in type) {
    const local = `#/types/${PROVIDER}:index:`;
    base = type.$ref.startsWith(local) ? type.$ref.slice(local.length) : type.$ref;
  } else if (type.type === "array") {
    base = `${spelling(type.items!, input)}[]`;
  } else if (type.type === "object") {
    base = `Record<string, ${spelling(type.additionalProperties!, input)}>`;
  } else {
    base = type.type;
  }
  return input && !type.plain ? `Input<${base}>` : base;
}

/** Properties spelled as in {@link Signature}, in declaration order. */
function spelled(
  properties: Record<string, Type> | undefined,
  required: string[] | undefined,
  input: boolean,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(properties ?? {}).map(([name, type]) => [
      required?.includes(name) ? name : `${name}?`,
      spelling(type, input),
    ]),
  );
}

describe("multi-language package: the argument interfaces (Pulumi's schema analyzer, offline)", function () {
  // One TypeScript program of the whole repository: several seconds on a loaded machine.
  this.timeout(180000);
  let exported: string[];
  let schema: PackageSpec;

  before(() => {
    exported = offeredComponents();
    schema = analyzedSchema() as unknown as PackageSpec;
  });

  it("is what schema.json was generated from (run `npm run schema` after changing an argument)", () => {
    const committed = JSON.parse(readFileSync(join(ROOT, "schema.json"), "utf8"));
    expect(packageSchema(schema as unknown as PackageSchema)).to.deep.equal(committed);
  });

  const resource = (name: string) => schema.resources[`${PROVIDER}:index:${name}`];
  const type = (name: string) => schema.types[`${PROVIDER}:index:${name}`];

  it("keeps `pulumi up` on the program: Pulumi.yaml names index.ts, which exports it", () => {
    // Without Pulumi.yaml's main, the Node runtime would run package.json's exports or main,
    // which are the component package.
    const project = parse(readFileSync(join(ROOT, "Pulumi.yaml"), "utf8"));
    expect(project.main).to.equal("index.ts");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const program = require(join(ROOT, project.main));
    expect(program).to.be.a("function");
    expect(getPulumiComponents(program)).to.deep.equal([]);
  });

  it("is a nodejs plugin package named after package.json", () => {
    const manifest = parse(readFileSync(join(ROOT, "PulumiPlugin.yaml"), "utf8"));
    expect(manifest).to.deep.equal({ runtime: "nodejs" });
    expect(PACKAGE_JSON.name).to.equal(PROVIDER);
  });

  it("exports the components other languages can use, and no other", () => {
    expect([...exported].sort()).to.deep.equal(Object.keys(COMPONENTS).sort());
  });

  it("analyzes every exported component at once, into one schema", () => {
    expect(Object.keys(schema.resources).sort()).to.deep.equal(
      exported.map((n) => `${PROVIDER}:index:${n}`).sort(),
    );
    expect(Object.keys(schema.types).sort()).to.deep.equal(
      TYPES.map((n) => `${PROVIDER}:index:${n}`),
    );
    // No argument refers to another package's resources.
    expect(schema.dependencies).to.deep.equal([]);
  });

  for (const [name, expected] of Object.entries(COMPONENTS)) {
    it(`gives ${name} its inputs and outputs`, () => {
      const r = resource(name);
      expect(r.isComponent).to.equal(true);
      expect({
        inputs: spelled(r.inputProperties, r.requiredInputs, true),
        outputs: spelled(r.properties, r.required, false),
      }).to.deep.equal(expected);
    });
  }

  it("documents every component, input and output", () => {
    const undocumented = Object.entries(schema.resources).flatMap(([token, r]) => [
      ...(r.description ? [] : [token]),
      ...Object.entries({ ...r.inputProperties, ...r.properties })
        .filter(([, p]) => !p.description)
        .map(([p]) => `${token}.${p}`),
    ]);
    expect(undocumented).to.deep.equal([]);
  });

  it("gives the trail's mode as an enum", () => {
    expect(type("AuditTrailMode").type).to.equal("string");
    expect(type("AuditTrailMode").enum!.map(({ name, value }) => ({ name, value }))).to.deep.equal([
      { name: "Create", value: "create" },
      { name: "Existing", value: "existing" },
      { name: "Organization", value: "organization" },
    ]);
  });

  it("gives KmsMonitoringStack's trail mode as the stack config's TrailMode enum", () => {
    expect(type("TrailMode").type).to.equal("string");
    expect(type("TrailMode").enum!.map(({ name, value }) => ({ name, value }))).to.deep.equal([
      { name: "Create", value: "create" },
      { name: "Existing", value: "existing" },
      { name: "Organization", value: "organization" },
    ]);
  });

  it("takes KmsMonitoringStack's settings as the config schema's fields, types and docs", () => {
    const actual = (name: string) => ({
      shape: spelled(type(name).properties, type(name).required, true),
      docs: Object.fromEntries(
        Object.entries(type(name).properties ?? {})
          .filter(([field]) => !(name === "StackTrail" && field === "mode"))
          .map(([field, p]) => [field, normalized(p.description)]),
      ),
    });
    for (const [name, expected] of Object.entries(expectedArgumentTypes())) {
      expect({ name, ...actual(name) }).to.deep.equal({ name, ...expected });
    }
    const inputs = resource("KmsMonitoringStack").inputProperties ?? {};
    const docs = Object.entries(inputs).filter(([field]) => field !== "region");
    expect(Object.fromEntries(docs.map(([f, p]) => [f, normalized(p.description)]))).to.deep.equal(
      expectedStackInputDocs(),
    );
  });

  it("documents every field of KmsMonitoringStack's types with its default", () => {
    const names = [
      "StackTrail",
      "AlertTargets",
      "AlertRouting",
      "KeyGroup",
      "KeyGroupBaseline",
      "StackUsageBaseline",
      "StackOrganization",
      "OrganizationMember",
      "StackSetRollout",
    ];
    const undocumented = names.flatMap((name) =>
      Object.entries(type(name).properties ?? {})
        .filter(([, p]) => !/(Defaults to|Required)/.test(p.description ?? ""))
        .map(([p]) => `${name}.${p}`),
    );
    expect(undocumented).to.deep.equal([]);
  });

  it("takes AlertTopic's failure alarm as an object of alarm actions", () => {
    const alarm = type("FailureAlarmArgs");
    expect(spelled(alarm.properties, alarm.required, true)).to.deep.equal({
      alarmActions: "Input<string>[]",
    });
  });

  it("takes no provider object as an argument (the schema cannot carry one across languages)", () => {
    expect(JSON.stringify(schema)).to.not.contain(AWS_PROVIDER_REF);
  });
});
