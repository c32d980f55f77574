/**
 * planGroupRules and routesOf: per region of a group's keys and per route, a rule per signal,
 * scoped to the group's keys in that region and split to fit the pattern limit.
 */
import { expect } from "chai";
import { planGroupRules, routesOf } from "../../components/groups/rule-plan";
import { keyArn, keyId, mrkId, groupModel, resolvedGroup, resolvedKey } from "../builders";
import { AWS_LIMITS } from "../../components/core/limits";
import { PUBLIC_POLICY_WILDCARDS } from "../program/group-rule-patterns";

const CRITICAL = [
  "deletion-scheduled",
  "key-disabled",
  "pending-deletion-use",
  "material-deleted",
  "material-expired",
  "key-deleted",
  "key-made-public",
];
const STANDARD = [
  "deletion-cancelled",
  "key-enabled",
  "key-policy-changed",
  "grant-created",
  "grant-revoked",
  "grant-retired",
  "material-imported",
  "rotation-disabled",
  "rotation-performed",
  "rotation-on-demand",
  "destructive-call-denied",
];
const ALL = [
  "deletion-scheduled",
  "deletion-cancelled",
  "key-disabled",
  "key-enabled",
  "pending-deletion-use",
  "key-policy-changed",
  "grant-created",
  "grant-revoked",
  "grant-retired",
  "material-imported",
  "material-deleted",
  "material-expired",
  "rotation-disabled",
  "rotation-performed",
  "rotation-on-demand",
  "key-deleted",
  "destructive-call-denied",
  "key-made-public",
];
const WITH_READ_ONLY = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";

const US1 = keyId(1);
const US2 = keyId(2);
const EU1 = keyId(3);
const MRK = mrkId(4);

function payments(critical: boolean) {
  return resolvedGroup(groupModel("payments", { critical, description: "Card payments" }), [
    resolvedKey(keyArn("us-east-1", US1)),
    resolvedKey(keyArn("eu-west-1", EU1)),
    resolvedKey(keyArn("us-east-1", US2)),
    resolvedKey(keyArn("eu-west-1", MRK)),
  ]);
}

/** A spec without its pattern and transformer, which have their own tests. */
function outline(spec: ReturnType<typeof planGroupRules>[number]) {
  const { group, region, route, id, name, description, state, signalId, keyIds } = spec;
  return { group, region, route, id, name, description, state, signalId, keyIds };
}

describe("routesOf", () => {
  it("splits the group signals into critical and standard when critical signals go elsewhere", () => {
    const routes = routesOf(payments(true));
    expect(routes.map((r) => [r.route, r.signals.map((s) => s.id)])).to.deep.equal([
      ["critical", CRITICAL],
      ["standard", STANDARD],
    ]);
  });

  it("carries every group signal on one route otherwise", () => {
    const routes = routesOf(payments(false));
    expect(routes.map((r) => [r.route, r.signals.map((s) => s.id)])).to.deep.equal([["all", ALL]]);
  });
});

describe("planGroupRules", () => {
  /** [id, name, state, signal] of each rule in one region. */
  const CRITICAL_ROUTE_RULES = [
    ["deletion-scheduled-1", "kmsmon-prod-payments-ds-1", "ENABLED", "deletion-scheduled"],
    ["key-disabled-1", "kmsmon-prod-payments-kd-1", "ENABLED", "key-disabled"],
    ["pending-deletion-use-1", "kmsmon-prod-payments-pu-1", WITH_READ_ONLY, "pending-deletion-use"],
    [
      "pending-deletion-use-unlisted-1",
      "kmsmon-prod-payments-pun-1",
      WITH_READ_ONLY,
      "pending-deletion-use",
    ],
    ["material-deleted-1", "kmsmon-prod-payments-md-1", "ENABLED", "material-deleted"],
    ["material-expired-1", "kmsmon-prod-payments-me-1", "ENABLED", "material-expired"],
    ["key-deleted-1", "kmsmon-prod-payments-kx-1", "ENABLED", "key-deleted"],
    ["key-made-public-1", "kmsmon-prod-payments-pp-1", "ENABLED", "key-made-public"],
  ];
  const STANDARD_ROUTE_RULES = [
    ["deletion-cancelled-1", "kmsmon-prod-payments-dc-1", "ENABLED", "deletion-cancelled"],
    ["key-enabled-1", "kmsmon-prod-payments-ke-1", "ENABLED", "key-enabled"],
    ["key-policy-changed-1", "kmsmon-prod-payments-kp-1", "ENABLED", "key-policy-changed"],
    ["grant-created-1", "kmsmon-prod-payments-gc-1", "ENABLED", "grant-created"],
    ["grant-revoked-1", "kmsmon-prod-payments-gv-1", "ENABLED", "grant-revoked"],
    ["grant-retired-1", "kmsmon-prod-payments-gr-1", "ENABLED", "grant-retired"],
    ["material-imported-1", "kmsmon-prod-payments-mi-1", "ENABLED", "material-imported"],
    ["rotation-disabled-1", "kmsmon-prod-payments-rd-1", "ENABLED", "rotation-disabled"],
    ["rotation-performed-1", "kmsmon-prod-payments-rp-1", "ENABLED", "rotation-performed"],
    ["rotation-on-demand-1", "kmsmon-prod-payments-ro-1", "ENABLED", "rotation-on-demand"],
    [
      "destructive-call-denied-1",
      "kmsmon-prod-payments-dd-1",
      "ENABLED",
      "destructive-call-denied",
    ],
  ];

  it("plans a rule per signal, per route and region", () => {
    const rules = planGroupRules(payments(true), "prod");
    const inRegion = (region: string) =>
      rules.filter((r) => r.region === region).map((r) => [r.id, r.name, r.state, r.signalId]);
    for (const region of ["eu-west-1", "us-east-1"]) {
      expect(inRegion(region), region).to.deep.equal([
        ...CRITICAL_ROUTE_RULES,
        ...STANDARD_ROUTE_RULES,
      ]);
    }
    expect(rules.map((r) => r.region)).to.deep.equal([
      ...Array(19).fill("eu-west-1"),
      ...Array(19).fill("us-east-1"),
    ]);
    expect(outline(rules[0])).to.deep.equal({
      group: "payments",
      region: "eu-west-1",
      route: "critical",
      id: "deletion-scheduled-1",
      name: "kmsmon-prod-payments-ds-1",
      description:
        'KMS signal "Key deletion scheduled" of key group payments (prod), 2 key(s) in eu-west-1',
      state: "ENABLED",
      signalId: "deletion-scheduled",
      keyIds: [EU1, MRK],
    });
    expect(outline(rules[29])).to.deep.include({
      route: "standard",
      description:
        'KMS signal "Key policy changed" of key group payments (prod), 2 key(s) in us-east-1',
      keyIds: [US1, US2],
    });
  });

  it("builds the exact event patterns of a critical signal's rules in eu-west-1", () => {
    const rules = planGroupRules(payments(true), "prod");
    // A record names the key in resources, in the response or in the request.
    const euKeys = [
      { resources: { ARN: [{ suffix: `:key/${EU1}` }, { suffix: `:key/${MRK}` }] } },
      { responseElements: { keyId: [{ suffix: EU1 }, { suffix: MRK }] } },
      { requestParameters: { keyId: [{ suffix: EU1 }, { suffix: MRK }] } },
    ];
    expect(rules[0].eventPattern).to.deep.equal({
      source: ["aws.kms"],
      "detail-type": ["AWS API Call via CloudTrail"],
      detail: {
        eventSource: ["kms.amazonaws.com"],
        $or: euKeys,
        eventName: ["ScheduleKeyDeletion"],
        errorCode: [{ exists: false }],
      },
    });
    const refused = (listed: boolean) => ({
      source: ["aws.kms"],
      "detail-type": ["AWS API Call via CloudTrail"],
      detail: {
        eventSource: ["kms.amazonaws.com"],
        errorCode: ["KMSInvalidStateException", "DisabledException"],
        errorMessage: [
          { wildcard: `*key/${EU1} is pending deletion*` },
          { wildcard: `*key/${MRK} is pending deletion*` },
        ],
        resources: { ARN: [{ exists: listed }] },
      },
    });
    expect(rules[2].eventPattern).to.deep.equal(refused(true));
    expect(rules[3].eventPattern).to.deep.equal(refused(false));
    expect(rules[6].eventPattern).to.deep.equal({
      source: ["aws.kms"],
      "detail-type": ["KMS CMK Deletion"],
      detail: { "key-id": [EU1, MRK] },
    });
    // The policy as one string: a wildcard per spelling of a "*" principal (`*` escaped).
    expect(rules[7].eventPattern).to.deep.equal({
      source: ["aws.kms"],
      "detail-type": ["AWS API Call via CloudTrail"],
      detail: {
        eventSource: ["kms.amazonaws.com"],
        $or: euKeys,
        eventName: ["PutKeyPolicy", "CreateKey", "ReplicateKey"],
        errorCode: [{ exists: false }],
        requestParameters: {
          policy: PUBLIC_POLICY_WILDCARDS,
        },
      },
    });
  });

  it("builds the exact event pattern of a standard signal's rule in us-east-1", () => {
    const rule = planGroupRules(payments(true), "prod")[29];
    expect(rule.eventPattern).to.deep.equal({
      source: ["aws.kms"],
      "detail-type": ["AWS API Call via CloudTrail"],
      detail: {
        eventSource: ["kms.amazonaws.com"],
        $or: [
          { resources: { ARN: [{ suffix: `:key/${US1}` }, { suffix: `:key/${US2}` }] } },
          { responseElements: { keyId: [{ suffix: US1 }, { suffix: US2 }] } },
          { requestParameters: { keyId: [{ suffix: US1 }, { suffix: US2 }] } },
        ],
        eventName: ["PutKeyPolicy"],
        errorCode: [{ exists: false }],
      },
    });
  });

  it("heads each rule's message with its signal", () => {
    const rules = planGroupRules(payments(true), "prod").slice(0, 19);
    const firstLines = rules.map((r) => JSON.parse(r.transformer.inputTemplate).split("\n")[0]);
    const where = "in payments (prod), account <account>";
    expect(firstLines).to.deep.equal([
      `[CRITICAL] Key deletion scheduled: key <key> ${where}`,
      `[CRITICAL] Key disabled: key <key> ${where}`,
      `[CRITICAL] Key pending deletion is still in use: <eventName> refused ${where}: <errorMessage>`,
      `[CRITICAL] Key pending deletion is still in use: <eventName> refused ${where}: <errorMessage>`,
      `[CRITICAL] Imported key material deleted: key <key> ${where}`,
      `[CRITICAL] Imported key material expired and was deleted: key <keyId> ${where}`,
      `[CRITICAL] Key deleted: key <keyId> ${where}`,
      `[CRITICAL] Key policy grants a wildcard principal: key <key> ${where}`,
      `[INFO] Key deletion cancelled: key <key> ${where}`,
      `[INFO] Key enabled: key <key> ${where}`,
      `[WARNING] Key policy changed: key <key> ${where}`,
      `[WARNING] Grant created on key: key <key> ${where}`,
      `[INFO] Grant revoked on key: key <key> ${where}`,
      `[INFO] Grant retired on key: key <key> ${where}`,
      `[INFO] Key material imported: key <key> ${where}`,
      `[WARNING] Automatic key rotation disabled: key <key> ${where}`,
      `[INFO] Key material rotated automatically: key <keyId> ${where}`,
      `[INFO] Key material rotated on demand: key <key> ${where}`,
      `[WARNING] Destructive call on key denied: key <key> ${where}`,
    ]);
    // The refused call without resources takes the key the request named.
    expect([
      rules[2].transformer.inputPaths.key,
      rules[3].transformer.inputPaths.key,
    ]).to.deep.equal(["$.detail.resources[0].ARN", "$.detail.requestParameters.keyId"]);
    // A denied call may be recorded without resources; its request always names the key.
    expect(rules[18].transformer.inputPaths.key).to.equal("$.detail.requestParameters.keyId");
  });

  it("plans only 'all' rules for a group without critical routing", () => {
    const rules = planGroupRules(payments(false), "prod").filter((r) => r.region === "us-east-1");
    expect(rules.map((r) => [r.route, r.id, r.name])).to.deep.equal([
      ["all", "deletion-scheduled-1", "kmsmon-prod-payments-ds-1"],
      ["all", "deletion-cancelled-1", "kmsmon-prod-payments-dc-1"],
      ["all", "key-disabled-1", "kmsmon-prod-payments-kd-1"],
      ["all", "key-enabled-1", "kmsmon-prod-payments-ke-1"],
      ["all", "pending-deletion-use-1", "kmsmon-prod-payments-pu-1"],
      ["all", "pending-deletion-use-unlisted-1", "kmsmon-prod-payments-pun-1"],
      ["all", "key-policy-changed-1", "kmsmon-prod-payments-kp-1"],
      ["all", "grant-created-1", "kmsmon-prod-payments-gc-1"],
      ["all", "grant-revoked-1", "kmsmon-prod-payments-gv-1"],
      ["all", "grant-retired-1", "kmsmon-prod-payments-gr-1"],
      ["all", "material-imported-1", "kmsmon-prod-payments-mi-1"],
      ["all", "material-deleted-1", "kmsmon-prod-payments-md-1"],
      ["all", "material-expired-1", "kmsmon-prod-payments-me-1"],
      ["all", "rotation-disabled-1", "kmsmon-prod-payments-rd-1"],
      ["all", "rotation-performed-1", "kmsmon-prod-payments-rp-1"],
      ["all", "rotation-on-demand-1", "kmsmon-prod-payments-ro-1"],
      ["all", "key-deleted-1", "kmsmon-prod-payments-kx-1"],
      ["all", "destructive-call-denied-1", "kmsmon-prod-payments-dd-1"],
      ["all", "key-made-public-1", "kmsmon-prod-payments-pp-1"],
    ]);
  });

  it("splits a region's keys over numbered rules, each pattern within the limit", () => {
    const ids = Array.from({ length: 40 }, (_, i) => keyId(100 + i));
    const group = resolvedGroup(
      groupModel("vault", { critical: true }),
      ids.map((id) => resolvedKey(keyArn("us-east-1", id))),
    );
    const rules = planGroupRules(group, "prod");
    expect(rules.map((r) => [r.id, r.name, r.keyIds.length])).to.deep.equal([
      ["deletion-scheduled-1", "kmsmon-prod-vault-ds-1", 11],
      ["deletion-scheduled-2", "kmsmon-prod-vault-ds-2", 11],
      ["deletion-scheduled-3", "kmsmon-prod-vault-ds-3", 11],
      ["deletion-scheduled-4", "kmsmon-prod-vault-ds-4", 7],
      ["key-disabled-1", "kmsmon-prod-vault-kd-1", 11],
      ["key-disabled-2", "kmsmon-prod-vault-kd-2", 11],
      ["key-disabled-3", "kmsmon-prod-vault-kd-3", 11],
      ["key-disabled-4", "kmsmon-prod-vault-kd-4", 7],
      ["pending-deletion-use-1", "kmsmon-prod-vault-pu-1", 23],
      ["pending-deletion-use-2", "kmsmon-prod-vault-pu-2", 17],
      ["pending-deletion-use-unlisted-1", "kmsmon-prod-vault-pun-1", 23],
      ["pending-deletion-use-unlisted-2", "kmsmon-prod-vault-pun-2", 17],
      ["material-deleted-1", "kmsmon-prod-vault-md-1", 11],
      ["material-deleted-2", "kmsmon-prod-vault-md-2", 11],
      ["material-deleted-3", "kmsmon-prod-vault-md-3", 11],
      ["material-deleted-4", "kmsmon-prod-vault-md-4", 7],
      ["material-expired-1", "kmsmon-prod-vault-me-1", 40],
      ["key-deleted-1", "kmsmon-prod-vault-kx-1", 40],
      ["key-made-public-1", "kmsmon-prod-vault-pp-1", 8],
      ["key-made-public-2", "kmsmon-prod-vault-pp-2", 8],
      ["key-made-public-3", "kmsmon-prod-vault-pp-3", 8],
      ["key-made-public-4", "kmsmon-prod-vault-pp-4", 8],
      ["key-made-public-5", "kmsmon-prod-vault-pp-5", 8],
      ["deletion-cancelled-1", "kmsmon-prod-vault-dc-1", 11],
      ["deletion-cancelled-2", "kmsmon-prod-vault-dc-2", 11],
      ["deletion-cancelled-3", "kmsmon-prod-vault-dc-3", 11],
      ["deletion-cancelled-4", "kmsmon-prod-vault-dc-4", 7],
      ["key-enabled-1", "kmsmon-prod-vault-ke-1", 11],
      ["key-enabled-2", "kmsmon-prod-vault-ke-2", 11],
      ["key-enabled-3", "kmsmon-prod-vault-ke-3", 11],
      ["key-enabled-4", "kmsmon-prod-vault-ke-4", 7],
      ["key-policy-changed-1", "kmsmon-prod-vault-kp-1", 11],
      ["key-policy-changed-2", "kmsmon-prod-vault-kp-2", 11],
      ["key-policy-changed-3", "kmsmon-prod-vault-kp-3", 11],
      ["key-policy-changed-4", "kmsmon-prod-vault-kp-4", 7],
      ["grant-created-1", "kmsmon-prod-vault-gc-1", 11],
      ["grant-created-2", "kmsmon-prod-vault-gc-2", 11],
      ["grant-created-3", "kmsmon-prod-vault-gc-3", 11],
      ["grant-created-4", "kmsmon-prod-vault-gc-4", 7],
      ["grant-revoked-1", "kmsmon-prod-vault-gv-1", 11],
      ["grant-revoked-2", "kmsmon-prod-vault-gv-2", 11],
      ["grant-revoked-3", "kmsmon-prod-vault-gv-3", 11],
      ["grant-revoked-4", "kmsmon-prod-vault-gv-4", 7],
      ["grant-retired-1", "kmsmon-prod-vault-gr-1", 11],
      ["grant-retired-2", "kmsmon-prod-vault-gr-2", 11],
      ["grant-retired-3", "kmsmon-prod-vault-gr-3", 11],
      ["grant-retired-4", "kmsmon-prod-vault-gr-4", 7],
      ["material-imported-1", "kmsmon-prod-vault-mi-1", 11],
      ["material-imported-2", "kmsmon-prod-vault-mi-2", 11],
      ["material-imported-3", "kmsmon-prod-vault-mi-3", 11],
      ["material-imported-4", "kmsmon-prod-vault-mi-4", 7],
      ["rotation-disabled-1", "kmsmon-prod-vault-rd-1", 11],
      ["rotation-disabled-2", "kmsmon-prod-vault-rd-2", 11],
      ["rotation-disabled-3", "kmsmon-prod-vault-rd-3", 11],
      ["rotation-disabled-4", "kmsmon-prod-vault-rd-4", 7],
      ["rotation-performed-1", "kmsmon-prod-vault-rp-1", 40],
      ["rotation-on-demand-1", "kmsmon-prod-vault-ro-1", 11],
      ["rotation-on-demand-2", "kmsmon-prod-vault-ro-2", 11],
      ["rotation-on-demand-3", "kmsmon-prod-vault-ro-3", 11],
      ["rotation-on-demand-4", "kmsmon-prod-vault-ro-4", 7],
      ["destructive-call-denied-1", "kmsmon-prod-vault-dd-1", 10],
      ["destructive-call-denied-2", "kmsmon-prod-vault-dd-2", 10],
      ["destructive-call-denied-3", "kmsmon-prod-vault-dd-3", 10],
      ["destructive-call-denied-4", "kmsmon-prod-vault-dd-4", 10],
    ]);
    for (const signal of [...CRITICAL, ...STANDARD]) {
      const covered = rules
        .filter((r) => r.signalId === signal && !r.id.includes("unlisted"))
        .flatMap((r) => r.keyIds);
      expect(covered, signal).to.deep.equal(ids);
    }
    for (const rule of rules) {
      expect(JSON.stringify(rule.eventPattern).length).to.be.at.most(AWS_LIMITS.eventPatternLength);
    }
  });

  it("plans nothing for a group without keys", () => {
    expect(planGroupRules(resolvedGroup(groupModel("empty"), []), "prod")).to.deep.equal([]);
  });
});
