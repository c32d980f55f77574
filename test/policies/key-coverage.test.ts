import { expect } from "chai";
import { kmsKeysCoveredByMonitoring } from "../../policies/kms-keys-covered-by-monitoring";
import { OfflineResource } from "../../policies/offline";
import { keyArn } from "../builders";
import {
  GROUP,
  MONITORING,
  messagesOf,
  monitoring,
  ours,
  resource,
  runOne,
  urnOf,
} from "./helpers";

const KEY = "aws:kms/key:Key";
const ALIAS = "aws:kms/alias:Alias";

/** A KeyGroupMonitor with the inputs it registers. */
function group(name: string, selectors: { keyArns?: unknown; aliases?: unknown; tags?: unknown }) {
  return {
    type: GROUP,
    name: `kms-${name}`,
    urn: urnOf(GROUP, `kms-${name}`, [MONITORING]),
    parent: urnOf(MONITORING, "kms"),
    inputs: { groupName: name, keyArns: [], aliases: [], tags: {}, ...selectors },
  };
}

/** A key created by the app stack, with its outputs. */
function key(name: string, outputs: Record<string, unknown>, inputs: Record<string, unknown> = {}) {
  return resource(
    KEY,
    name,
    { enableKeyRotation: true, ...inputs },
    {
      outputs: { enableKeyRotation: true, ...inputs, ...outputs },
    },
  );
}

/** An alias of `target`, linked by property dependency. */
function aliasOf(name: string, target: OfflineResource, targetKeyId: unknown = undefined) {
  return resource(
    ALIAS,
    `${name.replace(/\//g, "-")}`,
    { name, targetKeyId },
    {
      propertyDependencies: { targetKeyId: [target.urn] },
    },
  );
}

const groups = [
  group("payments", { keyArns: [keyArn("us-east-1", "k-payments")], aliases: ["alias/orders"] }),
  group("customer-data", {
    aliases: ["arn:aws:kms:eu-west-1:111122223333:alias/customer-data/s3"],
    tags: { "data-classification": "restricted", owner: "customer-data" },
  }),
  group("platform", { keyArns: [keyArn("us-east-1", "k-platform")] }),
];

const fix = (what: string) =>
  `is not watched by any key group of this stack (groups: payments, customer-data, platform); ` +
  `add its ARN${what} to a group's keys`;

describe("policy kms-keys-covered-by-monitoring", () => {
  it("passes keys selected by ARN, by an alias (linked or by key ID, name or ARN form) or by tags", async () => {
    const byArn = key("payments-key", {
      arn: keyArn("us-east-1", "k-payments"),
      keyId: "k-payments",
    });
    const byAlias = key("orders-key", { arn: keyArn("us-east-1", "k-orders"), keyId: "k-orders" });
    const byAliasArn = key("s3-key", { arn: keyArn("eu-west-1", "k-s3"), keyId: "k-s3" });
    const byTags = key(
      "rds-key",
      {
        arn: keyArn("us-east-1", "k-rds"),
        keyId: "k-rds",
        tagsAll: { owner: "customer-data", env: "dev" },
      },
      {
        tags: { "data-classification": "restricted" },
      },
    );
    const resources = [
      monitoring(),
      ...groups,
      byArn,
      byAlias,
      aliasOf("alias/orders", byAlias),
      byAliasArn,
      resource(ALIAS, "s3-alias", { name: "alias/customer-data/s3", targetKeyId: "k-s3" }),
      byTags,
    ];
    expect(await messagesOf(kmsKeysCoveredByMonitoring, resources)).to.deep.equal([]);
  });

  it("reports an unwatched key on the key, with its ARN and aliases", async () => {
    const reports = key(
      "reports-key",
      { arn: keyArn("us-east-1", "k-reports"), keyId: "k-reports" },
      {
        tags: { owner: "customer-data" },
      },
    );
    const violations = await runOne(kmsKeysCoveredByMonitoring, [
      monitoring(),
      ...groups,
      reports,
      aliasOf("alias/reports", reports),
    ]);
    expect(violations).to.deep.equal([
      {
        policy: "kms-keys-covered-by-monitoring",
        level: "mandatory",
        message:
          `kms key "reports-key" ${fix(` (${keyArn("us-east-1", "k-reports")})`)}, one of its aliases ` +
          "(alias/reports) to a group's aliases, or a group's tags to the key, in " +
          "kms-monitoring:keyGroups",
        resource: reports.urn,
      },
    ]);
  });

  it("does not let a group without tags select every key", async () => {
    const loose = key("loose-key", { arn: keyArn("us-east-1", "k-loose") });
    expect(
      await messagesOf(kmsKeysCoveredByMonitoring, [monitoring(), ...groups, loose]),
    ).to.deep.equal([
      `kms key "loose-key" ${fix(` (${keyArn("us-east-1", "k-loose")})`)}, an alias of it to a group's aliases, ` +
        "or a group's tags to the key, in kms-monitoring:keyGroups",
    ]);
  });

  it("skips a key whose ARN is unknown at preview, or whose alias name is unknown", async () => {
    const fresh = key("fresh-key", { arn: undefined, keyId: undefined });
    const named = key("named-key", { arn: keyArn("us-east-1", "k-named") });
    const unnamed = aliasOf("alias/x", named);
    unnamed.inputs = { ...unnamed.inputs, name: undefined };
    const resources = [monitoring(), ...groups, fresh, named, unnamed];
    expect(await messagesOf(kmsKeysCoveredByMonitoring, resources)).to.deep.equal([]);
  });

  it("cannot tell, so does not report, when a group shows only its registered outputs", async () => {
    const outputsOnly = { ...group("payments", {}), inputs: { topicArns: {}, ruleNames: [] } };
    const stray = key("stray-key", { arn: keyArn("us-east-1", "k-stray") });
    expect(
      await messagesOf(kmsKeysCoveredByMonitoring, [monitoring(), outputsOnly, stray]),
    ).to.deep.equal([]);
  });

  it("exempts the monitoring's own keys and exemptKeyNames, unless told otherwise", async () => {
    const trailKey = ours(
      KEY,
      "kms-trail-key",
      { enableKeyRotation: true },
      { outputs: { arn: keyArn("us-east-1", "k-trail") } },
    );
    const legacy = key("legacy-key", { arn: keyArn("us-east-1", "k-legacy") });
    const stack = [monitoring(), ...groups, trailKey, legacy];
    const config = { "kms-keys-covered-by-monitoring": { exemptKeyNames: ["legacy-key"] } };
    expect(await messagesOf(kmsKeysCoveredByMonitoring, stack, { config })).to.deep.equal([]);
    const strict = {
      "kms-keys-covered-by-monitoring": {
        exemptMonitoringKeys: false,
        exemptKeyNames: ["legacy-key"],
      },
    };
    const messages = await messagesOf(kmsKeysCoveredByMonitoring, stack, { config: strict });
    expect(messages.map((m) => m.slice(0, 23))).to.deep.equal(['kms key "kms-trail-key"']);
  });

  it("does not apply to stacks without kms-monitoring unless requireMonitoringInStack", async () => {
    const lone = key("lone-key", { arn: keyArn("us-east-1", "k-lone") });
    expect(await messagesOf(kmsKeysCoveredByMonitoring, [lone])).to.deep.equal([]);
    const config = { "kms-keys-covered-by-monitoring": { requireMonitoringInStack: true } };
    expect(await messagesOf(kmsKeysCoveredByMonitoring, [lone], { config })).to.deep.equal([
      'kms key "lone-key" is not watched: the stack has no kms-monitoring; add KmsMonitoring ' +
        "with a group in kms-monitoring:keyGroups that selects the key by ARN, alias or tags",
    ]);
  });
});
