/**
 * resolveKeyGroups under the mock runtime: keys selected by ARN, alias and tags, described through
 * the provider of their region, with every deploy-time fault reported as a warning.
 */
import { expect } from "chai";
import * as aws from "@pulumi/aws";
import type { StackModel } from "../../components/config/model";
import { resolveKeyGroups } from "../../components/groups/resolve-keys";
import type { ResolvedKey } from "../../components/groups/resolved";
import { MockRunOptions, RecordedInvoke, runUnderMocks } from "../harness/mock-runtime";
import { ACCOUNT, keyArn, keyId, mrkId, groupModel, keyRef, stackModel } from "../builders";

const K1 = keyArn("us-east-1", keyId(1));
const K2 = keyArn("us-east-1", keyId(2));
const K3 = keyArn("us-east-1", keyId(3));
const K4 = keyArn("us-east-1", keyId(4));
const K5 = keyArn("eu-west-1", keyId(5));
const K6 = keyArn("eu-west-1", mrkId(6));
const K9 = keyArn("us-east-1", keyId(9));

const EU_PROVIDER = "urn:pulumi:test::kms-monitoring::pulumi:providers:aws::eu::eu-id";
const DEFAULT_PROVIDER = "";

const MODEL: StackModel = stackModel([
  groupModel("payments", {
    keys: [keyRef(K1), keyRef(K2)],
    aliases: [
      { name: "alias/payments", region: "us-east-1" },
      { name: "alias/payments-primary", region: "us-east-1" },
      // Given in config as arn:aws:kms:eu-west-1:111122223333:alias/payments-eu.
      { name: "alias/payments-eu", region: "eu-west-1" },
      { name: "alias/missing", region: "us-east-1" },
    ],
    importedKeys: [K1],
  }),
  groupModel("ledger", {
    aliases: [{ name: "alias/shared", region: "us-east-1" }],
    tags: { team: "ledger" },
    tagRegions: ["us-east-1", "eu-west-1"],
  }),
  groupModel("orphans", { tags: { "cost-center": "42" }, tagRegions: ["us-east-1"] }),
]);

const WORLD: MockRunOptions = {
  aliases: {
    "alias/payments": K3,
    "alias/payments-primary": K3,
    "alias/payments-eu": K6,
    "alias/shared": K3,
  },
  taggedKeys: {
    "us-east-1": {
      [K4]: { team: "ledger", "cost-center": "42" },
      [K3]: { team: "ledger" },
      [K9]: { team: "other" },
    },
    "eu-west-1": { [K5]: { team: "ledger", env: "prod" } },
  },
  describeKey: (id) => {
    if (id === K2) throw new Error("NotFoundException: key does not exist");
    if (id === K1) {
      return {
        origin: "EXTERNAL",
        validTo: "2026-03-01T00:00:00Z",
        expirationModel: "KEY_MATERIAL_EXPIRES",
      };
    }
    return {};
  },
};

/** Runs the resolver with a provider for eu-west-1 created inside the program. */
async function resolve(model: StackModel, concurrency?: number) {
  const warnings: string[] = [];
  const run = await runUnderMocks(() => {
    const eu = new aws.Provider("eu", { region: "eu-west-1" });
    return resolveKeyGroups(model, {
      providers: { "eu-west-1": eu },
      warn: (message) => warnings.push(message),
      concurrency,
    });
  }, WORLD);
  return { groups: run.result, invokes: run.invokes, warnings };
}

/** A key as the resolver returns it once KMS described it (the mock's defaults). */
function described(arn: string, selectedBy: string, extra: Partial<ResolvedKey> = {}): ResolvedKey {
  const [, partition, , region, accountId, resource] = arn.split(":");
  const id = resource.slice("key/".length);
  return {
    arn,
    keyId: id,
    partition,
    region,
    accountId,
    selectedBy,
    described: true,
    aliases: selectedBy.startsWith("alias/") ? [selectedBy] : [],
    flaggedImported: false,
    origin: "AWS_KMS",
    keyState: "Enabled",
    keyManager: "CUSTOMER",
    keyUsage: "ENCRYPT_DECRYPT",
    creationDate: "2024-01-15T10:00:00Z",
    validTo: undefined,
    expirationModel: undefined,
    customKeyStoreId: undefined,
    multiRegion: id.startsWith("mrk-"),
    ...extra,
  };
}

function sortInvokes(invokes: RecordedInvoke[]): RecordedInvoke[] {
  return [...invokes].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function getAlias(name: string, provider = DEFAULT_PROVIDER): RecordedInvoke {
  return { token: "aws:kms/getAlias:getAlias", inputs: { name }, provider };
}

function getKey(arn: string, provider = DEFAULT_PROVIDER): RecordedInvoke {
  return { token: "aws:kms/getKey:getKey", inputs: { keyId: arn }, provider };
}

function getTagged(key: string, value: string, provider = DEFAULT_PROVIDER): RecordedInvoke {
  return {
    token: "aws:resourcegroupstaggingapi/getResources:getResources",
    inputs: { resourceTypeFilters: ["kms:key"], tagFilters: [{ key, values: [value] }] },
    provider,
  };
}

describe("resolveKeyGroups", () => {
  it("selects keys by ARN, alias (name or ARN in another region) and tags across regions", async () => {
    const { groups } = await resolve(MODEL);
    expect(groups.map((g) => g.model.name)).to.deep.equal(["payments", "ledger", "orphans"]);
    expect(groups[0].model).to.equal(MODEL.keyGroups[0]);
    expect(groups[0].keys).to.deep.equal([
      described(K1, "arn", {
        flaggedImported: true,
        origin: "EXTERNAL",
        validTo: "2026-03-01T00:00:00Z",
        expirationModel: "KEY_MATERIAL_EXPIRES",
      }),
      {
        arn: K2,
        keyId: keyId(2),
        partition: "aws",
        region: "us-east-1",
        accountId: ACCOUNT,
        selectedBy: "arn",
        described: false,
        aliases: [],
        flaggedImported: false,
      },
      described(K3, "alias/payments", { aliases: ["alias/payments", "alias/payments-primary"] }),
      described(K6, "alias/payments-eu"),
    ]);
    expect(groups[1].keys).to.deep.equal([described(K4, "tags"), described(K5, "tags")]);
    expect(groups[2].keys).to.deep.equal([]);
  });

  it("warns, with the exact text, about every key it cannot select or describe", async () => {
    const { warnings } = await resolve(MODEL);
    expect(warnings).to.deep.equal([
      "alias alias/missing in us-east-1 was not found; it selects no key",
      `key ${K3} is selected by groups payments and ledger; payments keeps it`,
      `key ${K4} is selected by groups ledger and orphans; ledger keeps it`,
      "key group orphans selects no key at deploy time",
      `key ${K2} could not be described (deleted, or no kms:DescribeKey across accounts); ` +
        "its events are still watched, its expiry alarm and inventory row wait",
    ]);
  });

  it("looks up aliases, tags and keys through the provider of their region", async () => {
    const { invokes } = await resolve(MODEL);
    expect(sortInvokes(invokes)).to.deep.equal(
      sortInvokes([
        getAlias("alias/payments"),
        getAlias("alias/payments-primary"),
        getAlias("alias/payments-eu", EU_PROVIDER),
        getAlias("alias/missing"),
        getAlias("alias/shared"),
        getTagged("team", "ledger"),
        getTagged("team", "ledger", EU_PROVIDER),
        getTagged("cost-center", "42"),
        getKey(K1),
        getKey(K2),
        getKey(K3),
        getKey(K6, EU_PROVIDER),
        getKey(K4),
        getKey(K5, EU_PROVIDER),
      ]),
    );
    // Keys are described once every group has made its selection.
    const firstDescribe = invokes.findIndex((i) => i.token === "aws:kms/getKey:getKey");
    expect(invokes.slice(firstDescribe).map((i) => i.token)).to.deep.equal(
      new Array(6).fill("aws:kms/getKey:getKey"),
    );
  });

  it("gives the same answer one lookup at a time", async () => {
    const parallel = await resolve(MODEL);
    const serial = await resolve(MODEL, 1);
    expect(serial.groups).to.deep.equal(parallel.groups);
    expect(serial.warnings).to.deep.equal(parallel.warnings);
  });

  it("warns about a group whose only key cannot be found, and still keeps its key ARN", async () => {
    const model = stackModel([groupModel("gone", { keys: [keyRef(K2)] })]);
    const { groups, warnings, invokes } = await resolve(model);
    expect(groups[0].keys.map((k) => [k.arn, k.described])).to.deep.equal([[K2, false]]);
    expect(warnings).to.deep.equal([
      `key ${K2} could not be described (deleted, or no kms:DescribeKey across accounts); ` +
        "its events are still watched, its expiry alarm and inventory row wait",
    ]);
    expect(invokes).to.deep.equal([getKey(K2)]);
  });
});
