/**
 * The provider plugin.js starts for other languages (components/package-provider.ts): it serves
 * schema.json as it is and constructs exactly the components the schema describes. Construct over
 * gRPC is tested in run-plugin.test.ts.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { inspect } from "util";

import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";

import { ConfigError } from "../../components/config";
import * as offered from "../../components/multi-language";
import { inspectAsStack, packageProvider } from "../../components/package-provider";
import { runUnderMocks } from "../harness/mock-runtime";

const ROOT = join(__dirname, "..", "..");
const SCHEMA_TEXT = readFileSync(join(ROOT, "schema.json"), "utf8");

describe("the package's provider", () => {
  const provider = packageProvider(SCHEMA_TEXT);

  it("serves schema.json unchanged, under package.json's version", () => {
    const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
    expect(provider.schema).to.equal(SCHEMA_TEXT);
    expect(provider.version).to.equal(version);
    expect(JSON.parse(SCHEMA_TEXT).version).to.equal(version);
  });

  it("has a class for every component of the schema, and no other", () => {
    const tokens = Object.keys(offered).map((name) => `kms-monitoring:index:${name}`);
    expect(tokens.sort()).to.deep.equal(Object.keys(JSON.parse(SCHEMA_TEXT).resources).sort());
  });

  it("refuses a component the package does not offer, naming those it does", async () => {
    let error: unknown;
    try {
      await provider.construct!("dash", "kms-monitoring:index:KmsDashboard", {}, {});
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.equal(
      "Error: kms-monitoring has no component kms-monitoring:index:KmsDashboard (it has " +
        "kms-monitoring:index:KmsAuditTrail, kms-monitoring:index:AlertTopic, " +
        "kms-monitoring:index:AlertTopicKey, kms-monitoring:index:DeadLetterQueue, " +
        "kms-monitoring:index:AccountKmsAlarms, kms-monitoring:index:RegionAlerting, " +
        "kms-monitoring:index:TamperAlarms, kms-monitoring:index:RequestQuotaAlarms, " +
        "kms-monitoring:index:KmsMonitoringStack)",
    );
  });

  it("refuses an invalid value inside an Output from construct itself, before any registration", async () => {
    const run = await runUnderMocks(
      () =>
        provider.construct!(
          "kms",
          "kms-monitoring:index:KmsMonitoringStack",
          {
            environment: "dev",
            region: "us-east-1",
            notifications: { emails: ["kms-alerts@example.com"] },
            keyGroups: [{ name: "app", keys: [pulumi.output("alias/app")] }],
          },
          {},
        ).then(
          () => undefined,
          (error: unknown) => error,
        ),
      { stack: "dev" },
    );
    expect(run.result).to.be.instanceOf(ConfigError);
    expect((run.result as ConfigError).message).to.equal(
      [
        "Invalid kms-monitoring stack config, 1 problem (see docs/CONFIG.md):",
        '  keyGroups[0].keys[0]: "alias/app" is an alias; list it under aliases (keys takes key ARNs only)',
      ].join("\n"),
    );
    expect(run.resources).to.deep.equal([]);
  });

  it("refuses an AlertTopic target that is an Output from construct itself, secrets unshown", async () => {
    const topic = (emails: pulumi.Input<string>[]) =>
      provider.construct!(
        "pay",
        "kms-monitoring:index:AlertTopic",
        {
          topicName: "kmsmon-dev-alerts",
          kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
          targets: { emails },
        },
        {},
      ).then(
        () => undefined,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
    const run = await runUnderMocks(
      async () => [
        await topic(["secops@example.com", pulumi.output("not an address")]),
        await topic(["secops@example.com", pulumi.secret("pager-token-4f1c9b2e")]),
        await topic(["Secops@example.com", pulumi.output("secops@example.com")]),
      ],
      { stack: "dev" },
    );
    expect(run.result).to.deep.equal([
      'AlertTopic "pay": targets.emails[1]: "not an address" is not a valid e-mail address',
      'AlertTopic "pay": targets.emails[1]: [secret] is not a valid e-mail address',
      'AlertTopic "pay": targets.emails[1]: "secops@example.com" repeats targets.emails[0]',
    ]);
    expect(run.resources).to.deep.equal([]);
  });

  it("has an uncaught error inspected as its stack text, even with a frame under node_modules/@scope/<file>", () => {
    const error = new Error("targets.https[0]: uses http");
    // A frame of the SDK as source-map-support maps it (its maps name `../resource.ts`).
    error.stack = [
      "Error: targets.https[0]: uses http",
      "    at AlertTopic.check (/work/app/components/alerts/checks.ts:33:11)",
      "    at async initialize (/work/app/node_modules/@pulumi/resource.ts:1687:22)",
    ].join("\n");
    inspectAsStack(error);
    expect(inspect(error, { colors: true })).to.equal(
      [
        "Error: targets.https[0]: uses http",
        "    at AlertTopic.check (/work/app/components/alerts/checks.ts:33:11)",
        "    at async initialize (/work/app/node_modules/@pulumi/resource.ts:1687:22)",
      ].join("\n"),
    );
  });

  it("leaves what is not an Error, and an error's own inspect, alone", () => {
    const own = Object.assign(new Error("own"), { [inspect.custom]: () => "own inspect" });
    inspectAsStack(own);
    inspectAsStack("a string");
    expect(inspect(own)).to.equal("own inspect");
  });
});
