/**
 * KmsMonitoringStack, the component other languages use: built from arguments equal to
 * Pulumi.dev.yaml's config, it registers what the stack program registers on that config, under
 * one more component, and exports the same outputs. Invalid arguments fail like stack config.
 */
import { expect } from "chai";
import { ConfigError, TrailMode } from "../../components/config";
import {
  KmsMonitoringStack,
  KmsMonitoringStackArgs,
} from "../../components/monitoring/kms-monitoring-stack";
import { loadStackConfig } from "../config/helpers";
import { MockRun, RecordedResource, runUnderMocks, unwrap } from "../harness/mock-runtime";
import { keyArn, T } from "../builders";
import { devRun, outputsOf, parsedInputs } from "./helpers";

const STACK = "kms-monitoring:index:KmsMonitoringStack";

/** Pulumi.dev.yaml's config as the component's arguments. */
const DEV_ARGS: KmsMonitoringStackArgs = {
  environment: "dev",
  region: "us-east-1",
  trail: { mode: TrailMode.Create, logRetentionDays: 30, retainOnDelete: false },
  notifications: { emails: ["kms-alerts-dev@example.com"] },
  keyGroups: [
    {
      name: "payments",
      description: "Card tokenisation and settlement keys (dev)",
      keys: [
        "arn:aws:kms:us-east-1:111122223333:key/0f6c2a8e-3b1d-4c7a-9e52-7d4b1a9c3e10",
        "arn:aws:kms:us-east-1:111122223333:key/5b9e7d21-8c4f-4a36-b0e3-2f1d6c8a7b54",
      ],
    },
    {
      name: "platform-secrets",
      description: "Secrets Manager and Parameter Store keys (dev)",
      keys: ["arn:aws:kms:us-east-1:111122223333:key/c2d84f17-6a90-4e3b-8f25-91e7b3d0a6c8"],
      expiryWarningDays: 14,
    },
  ],
};

/** Config values decoded (JSON but the environment), so encodings compare as documents. */
function decoded(raw: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [
      k,
      /environment$|^aws:region$/.test(k) ? v : JSON.parse(v),
    ]),
  );
}

/** Resources but the component itself, by type and name, with their inputs. */
function registered(resources: RecordedResource[]): [string, Record<string, unknown>][] {
  return resources
    .filter((r) => r.type !== STACK)
    .map((r): [string, Record<string, unknown>] => [`${r.type}::${r.name}`, parsedInputs(r)])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** Runs `new KmsMonitoringStack("kms", args)` and resolves with what it threw. */
function runExpectingError(args: KmsMonitoringStackArgs): Promise<MockRun<unknown>> {
  return runUnderMocks(
    () => {
      try {
        new KmsMonitoringStack("kms", args);
      } catch (error) {
        return error;
      }
      throw new Error("expected KmsMonitoringStack to throw");
    },
    { stack: "dev" },
  );
}

/**
 * The arguments as the config map the Pulumi CLI gives a stack program (`aws:region` and
 * `kms-monitoring:<key>`, structured values as JSON), to compare them with a stack file.
 */
function asCliConfig(args: KmsMonitoringStackArgs): Record<string, string> {
  const raw: Record<string, string> = {};
  if (args.region !== undefined) raw["aws:region"] = args.region;
  for (const [key, value] of Object.entries(args)) {
    if (key === "region" || value === undefined) continue;
    raw[`kms-monitoring:${key}`] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return raw;
}

describe("KmsMonitoringStack (the stack as a multi-language component)", function () {
  this.timeout(60000);
  let run: MockRun<KmsMonitoringStack>;

  before(async () => {
    run = await runUnderMocks(() => new KmsMonitoringStack("kms", DEV_ARGS), { stack: "dev" });
  });

  it("takes arguments equal to Pulumi.dev.yaml's config", () => {
    expect(decoded(asCliConfig(DEV_ARGS))).to.deep.equal(decoded(loadStackConfig("dev")));
  });

  it("registers the dev program's resources, with the same inputs, under one more component", async () => {
    const program = await devRun();
    expect(registered(run.resources)).to.deep.equal(registered(program.resources));
    const [stack] = run.ofType(STACK);
    expect(stack).to.include({ name: "kms", parent: undefined });
    expect(run.one(T.monitoring, "kms").parent).to.equal(stack.urn);
    expect(run.resources).to.have.length(program.resources.length + 1);
  });

  it("registers every component under the token the package schema gives it", async () => {
    // Other languages construct components by the schema's token, kms-monitoring:index:<Class>.
    const multiLanguage = await import("../../components/multi-language");
    const ours = [...new Set(run.resources.map((r) => r.type))].filter((t) =>
      t.startsWith("kms-monitoring:"),
    );
    expect(ours.filter((t) => !/^kms-monitoring:index:[A-Za-z]+$/.test(t))).to.deep.equal([]);
    const offered = Object.keys(multiLanguage).map((n) => `kms-monitoring:index:${n}`);
    expect(offered.filter((t) => !ours.includes(t))).to.deep.equal([]);
  });

  it("exports the dev program's outputs", async () => {
    const { environment, ...expected } = await outputsOf(await devRun());
    expect(environment).to.equal("dev");
    const c = run.result;
    expect({
      trailArn: await unwrap(c.trailArn),
      logGroupName: await unwrap(c.logGroupName),
      securityTopicArns: await unwrap(c.securityTopicArns),
      groupTopicArns: await unwrap(c.groupTopicArns),
      dashboardUrls: await unwrap(c.dashboardUrls),
    }).to.deep.equal(expected);
  });

  it("creates a provider per other region as its child, in the program's aws:region by default", async () => {
    const other = await runUnderMocks(
      () =>
        new KmsMonitoringStack("kms", {
          ...DEV_ARGS,
          region: undefined,
          keyGroups: [
            { name: "eu", keys: [keyArn("eu-west-1", "mrk-6e2b9c4d1a8f47e3b5c0d9a2e7f4b1c8")] },
          ],
        }),
      { stack: "dev", region: "us-east-1" },
    );
    const [stack] = other.ofType(STACK);
    const provider = other.one(T.provider, "kms-eu-west-1");
    expect(provider.parent).to.equal(stack.urn);
    expect(provider.inputs.region).to.equal("eu-west-1");
    const topics = other.ofType(T.topic).map((t) => t.state.arn as string);
    expect(topics.some((arn) => arn.startsWith("arn:aws:sns:us-east-1:"))).to.equal(true);
    expect(topics.some((arn) => arn.startsWith("arn:aws:sns:eu-west-1:"))).to.equal(true);
  });

  it("refuses invalid arguments with the exact ConfigError, before any resource", async () => {
    const failed = await runExpectingError({
      ...DEV_ARGS,
      region: "us-east-1",
      trail: { mode: TrailMode.Existing, logRetentionDays: 30 },
      quotaAlarmPercent: 150,
      keyGroups: [{ name: "payments", keys: ["alias/payments"] }, { name: "payments" }],
    });
    expect(failed.result).to.be.instanceOf(ConfigError);
    expect((failed.result as ConfigError).message).to.equal(
      [
        "Invalid kms-monitoring stack config, 6 problems (see docs/CONFIG.md):",
        "  trail.logGroupName: required (expected the name of the CloudWatch log group the existing trail delivers to)",
        '  trail.logRetentionDays: only allowed with mode "create" or "organization" (allowed: mode, logGroupName, trailArn)',
        "  quotaAlarmPercent: 150 is out of range (expected a number from 1 to 100)",
        '  keyGroups[0].keys[0]: "alias/payments" is an alias; list it under aliases (keys takes key ARNs only)',
        '  keyGroups[1].name: "payments" is already the name of keyGroups[0] (group names must be unique)',
        '  keyGroups[1]: group "payments" selects no key (expected at least one of keys, aliases or tags)',
      ].join("\n"),
    );
    expect(failed.resources).to.deep.equal([]);
  });

  it("refuses a bad region under its config path", async () => {
    const failed = await runExpectingError({ ...DEV_ARGS, region: "mars-1" });
    expect(failed.result).to.be.instanceOf(ConfigError);
    expect((failed.result as ConfigError).message).to.equal(
      [
        "Invalid kms-monitoring stack config, 1 problem (see docs/CONFIG.md):",
        '  aws:region: "mars-1" is not an AWS region code (expected e.g. us-east-1, eu-west-1)',
      ].join("\n"),
    );
    expect(failed.resources).to.deep.equal([]);
  });
});
