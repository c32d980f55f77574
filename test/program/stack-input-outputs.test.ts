/**
 * KmsMonitoringStack with Outputs in its arguments, as a program passes them: the ARN of a key the
 * same program creates, a secret pager URL, values unknown in a preview, and invalid values that
 * are known only inside an Output.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { expect } from "chai";

import { ConfigError, TrailMode } from "../../components/config";
import { outputState } from "../../components/inputs/output-state";
import { KmsMonitoringStack } from "../../components/monitoring/kms-monitoring-stack";
import { runUnderMocks } from "../harness/mock-runtime";
import { T } from "../builders";
import { groupRuleNames } from "../group-rule-names";

const PAGER = "https://events.pagerduty.com/integration/0123456789abcdef/enqueue";
const KEY = "arn:aws:kms:us-east-1:111122223333:key/0f6c2a8e-3b1d-4c7a-9e52-7d4b1a9c3e10";
const SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const RULE = "aws:cloudwatch/eventRule:EventRule";
const SECRET = (value: unknown) => ({ [specialSigKey]: specialSecretSig, value });
const UNKNOWN = { __pulumiUnknown: true };
/** The rules of group `app` in us-east-1: without and with a critical override. */
const APP_RULES = groupRuleNames("kms-app-us-east-1", "all");
const APP_RULES_SPLIT = groupRuleNames("kms-app-us-east-1", "split");

/** Strings holding `text` outside a secret: where it would be stored in plain. */
function plainMentions(value: unknown, text: string): string[] {
  if (typeof value === "string") return value.includes(text) ? [value] : [];
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  if (record[specialSigKey] === specialSecretSig) return [];
  return Object.values(record).flatMap((v) => plainMentions(v, text));
}

/** The error an Output rejects with (the component's outputs carry a failed validation). */
async function failureOf(output: pulumi.Output<unknown>): Promise<unknown> {
  return outputState(output).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("KmsMonitoringStack with Outputs, unknowns and secrets", function () {
  this.timeout(60000);

  it("watches a key the same program creates: its ARN in every group rule, each depending on it", async () => {
    const run = await runUnderMocks(
      () => {
        const key = new aws.kms.Key("app", {});
        new KmsMonitoringStack("kms", {
          environment: "dev",
          region: "us-east-1",
          notifications: { emails: ["kms-alerts@example.com"] },
          keyGroups: [{ name: "app", keys: [key.arn] }],
        });
      },
      { stack: "dev" },
    );
    const key = run.one("aws:kms/key:Key", "app");
    const rule = run.one(RULE, "kms-app-us-east-1-deletion-scheduled-1");
    expect(String(rule.inputs.eventPattern)).to.contain(`"suffix":":key/${key.state.keyId}"`);
    // Every rule of the group (one per signal) names the key and depends on it.
    const rules = run.ofType(RULE).filter((r) => r.name.startsWith("kms-app-"));
    expect(rules.map((r) => r.name)).to.deep.equal(APP_RULES);
    for (const r of rules) {
      expect(String(r.inputs.eventPattern), r.name).to.contain(key.state.keyId as string);
      expect(r.propertyDependencies.eventPattern, r.name).to.deep.equal([key.urn]);
    }
  });

  it("keeps a secret pager URL secret in the subscription it feeds, and only there", async () => {
    const run = await runUnderMocks(
      () =>
        new KmsMonitoringStack("kms", {
          environment: "dev",
          region: "us-east-1",
          notifications: {
            emails: ["kms-alerts@example.com"],
            critical: { https: [pulumi.secret(PAGER)] },
          },
          keyGroups: [{ name: "app", keys: [KEY] }],
        }),
      { stack: "dev" },
    );
    const endpoints = run
      .ofType(SUBSCRIPTION)
      .map((s) => [s.inputs.protocol, s.inputs.endpoint])
      .sort();
    expect(endpoints).to.deep.equal([
      ["email", "kms-alerts@example.com"],
      ["email", "kms-alerts@example.com"],
      ["https", SECRET(PAGER)],
    ]);
    // The component's own inputs hold it too, as a secret; nothing holds it in plain.
    const holders = run.resources.filter((r) => JSON.stringify(r.inputs).includes(PAGER));
    expect(holders.map((r) => `${r.type} ${r.name}`)).to.deep.equal([
      "kms-monitoring:index:KmsMonitoringStack kms",
      `${SUBSCRIPTION} kms-app-us-east-1-critical-https-afc34e41`,
    ]);
    expect(holders.flatMap((r) => plainMentions([r.inputs, r.state], PAGER))).to.deep.equal([]);
  });

  it("keeps a secret key ARN secret in every resource and component that holds it", async () => {
    const run = await runUnderMocks(
      () =>
        new KmsMonitoringStack("kms", {
          environment: "dev",
          region: "us-east-1",
          notifications: { emails: ["kms-alerts@example.com"] },
          keyGroups: [{ name: "app", keys: [pulumi.secret(KEY)] }],
        }),
      { stack: "dev" },
    );
    const keyId = KEY.split("/")[1];
    const holders = run.resources.filter((r) =>
      JSON.stringify([r.inputs, r.outputs ?? {}]).includes(keyId),
    );
    // The group's monitor (its key selectors, as inputs and outputs) and every group rule.
    expect(holders.map((r) => `${r.type} ${r.name}`)).to.include.members([
      "kms-monitoring:index:KeyGroupMonitor kms-app",
      `${RULE} ${APP_RULES[0]}`,
    ]);
    expect(
      holders.flatMap((r) => plainMentions([r.inputs, r.state, r.outputs ?? {}], keyId)),
    ).to.deep.equal([]);
  });

  it("keeps a secret log group name secret in its own outputs", async () => {
    const run = await runUnderMocks(
      () =>
        new KmsMonitoringStack("kms", {
          environment: "dev",
          region: "us-east-1",
          trail: { mode: TrailMode.Existing, logGroupName: pulumi.secret("/org/cloudtrail") },
          notifications: { emails: ["kms-alerts@example.com"] },
          keyGroups: [{ name: "app", keys: [KEY] }],
        }),
      { stack: "dev" },
    );
    const state = await outputState(run.result.logGroupName);
    expect(state).to.include({ value: "/org/cloudtrail", known: true, secret: true });
  });

  it("builds the plan in a preview with unknown values, each property built from one unknown", async () => {
    const unknown = () => pulumi.output(pulumi.unknown) as pulumi.Output<string>;
    const run = await runUnderMocks(
      () =>
        new KmsMonitoringStack("kms", {
          environment: "dev",
          region: "us-east-1",
          notifications: { emails: ["kms-alerts@example.com"], critical: { https: [unknown()] } },
          keyGroups: [{ name: "app", keys: [KEY, unknown()], description: unknown() }],
        }),
      { stack: "dev", preview: true },
    );
    const https = run.ofType(SUBSCRIPTION).filter((s) => s.inputs.protocol === "https");
    expect(https.map((s) => s.inputs.endpoint)).to.deep.equal([UNKNOWN]);
    // Every rule of the group is scoped to the unknown key.
    const rules = run.ofType(RULE).filter((r) => r.name.startsWith("kms-app-"));
    expect(rules.map((r) => [r.name, r.inputs.eventPattern])).to.deep.equal(
      APP_RULES_SPLIT.map((name) => [name, UNKNOWN]),
    );
    // Built from known values only: left as they are.
    expect(run.one(T.topic, "kms-app-us-east-1-critical-topic").inputs.name).to.equal(
      "kmsmon-dev-app-critical",
    );
    expect(run.warnings).to.deep.equal([]);
  });

  it("refuses an invalid value known only inside an Output with the config path, before any resource", async () => {
    const run = await runUnderMocks(
      () =>
        new KmsMonitoringStack("kms", {
          environment: "dev",
          region: "us-east-1",
          notifications: { emails: [pulumi.secret("pager at example.com")] },
          keyGroups: [
            { name: "app", keys: [pulumi.output("arn:aws:kms:us-east-1:111122223333:alias/app")] },
          ],
        }),
      { stack: "dev" },
    );
    const error = await failureOf(run.result.logGroupName);
    expect(error).to.be.instanceOf(ConfigError);
    // The SDK prefixes the message with where it surfaced ("error serializing property ...").
    expect((error as ConfigError).message).to.contain(
      [
        "Invalid kms-monitoring stack config, 2 problems (see docs/CONFIG.md):",
        '  notifications.emails[0]: "[secret]" is not a valid e-mail address',
        '  keyGroups[0].keys[0]: "arn:aws:kms:us-east-1:111122223333:alias/app" is an alias ARN; list it under aliases (keys takes key ARNs only)',
      ].join("\n"),
    );
    expect((error as ConfigError).message).to.not.contain("pager at example.com");
    expect(run.resources.map((r) => r.type)).to.deep.equal([
      "kms-monitoring:index:KmsMonitoringStack",
    ]);
  });

  for (const [path, args] of [
    ["usageBaseline.bandWidth", { usageBaseline: { bandWidth: pulumi.output(pulumi.unknown) } }],
    [
      "organization.organizationId",
      {
        organization: {
          organizationId: pulumi.output(pulumi.unknown),
          organizationalUnits: ["ou-ab12-34cd5678"],
        },
      },
    ],
  ] as const) {
    it(`refuses ${path} unknown in a preview: usage baseline and organization are plain`, async () => {
      const run = await runUnderMocks(
        () =>
          new KmsMonitoringStack("kms", {
            environment: "dev",
            region: "us-east-1",
            keyGroups: [{ name: "app", keys: [KEY] }],
            ...(args as object),
          }),
        { stack: "dev", preview: true },
      );
      const error = (await failureOf(run.result.logGroupName)) as Error;
      expect(error.message).to.contain(`${path}: must be known during a preview, it shapes`);
      expect(run.resources.filter((r) => r.custom)).to.deep.equal([]);
    });
  }

  it("refuses a list unknown in a preview: its length shapes the plan", async () => {
    const run = await runUnderMocks(
      () =>
        new KmsMonitoringStack("kms", {
          environment: "dev",
          region: "us-east-1",
          keyGroups: [{ name: "app", keys: pulumi.output(pulumi.unknown) as never }],
        }),
      { stack: "dev", preview: true },
    );
    const error = (await failureOf(run.result.logGroupName)) as Error;
    expect(error.message).to.contain(
      "keyGroups[0].keys: must be known during a preview, it shapes",
    );
    expect(run.resources.filter((r) => r.custom)).to.deep.equal([]);
  });
});
