/**
 * planGroupRules and routesOf: one rule set per region of a group's keys and per route, each
 * scoped to the group's keys in that region and split to fit the pattern limit.
 */
import { expect } from "chai";
import { planGroupRules, routesOf } from "../../components/groups/rule-plan";
import { keyArn, keyId, mrkId, groupModel, resolvedGroup, resolvedKey } from "../builders";
import { AWS_LIMITS } from "../../components/core/limits";

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
/** The wildcard principals of key-made-public, as EventBridge wildcards (`\\*` is a literal *). */
const PUBLIC_POLICY = [
  { wildcard: '*"Principal":"\\*"*' },
  { wildcard: '*"Principal": "\\*"*' },
  { wildcard: '*"Principal" : "\\*"*' },
  { wildcard: '*"AWS":"\\*"*' },
  { wildcard: '*"AWS": "\\*"*' },
  { wildcard: '*"AWS" : "\\*"*' },
  { wildcard: '*"AWS":["\\*"]*' },
  { wildcard: '*"AWS": ["\\*"]*' },
  { wildcard: '*"AWS" : [ "\\*" ]*' },
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
  const { group, region, route, id, name, description, state, signalIds, keyIds } = spec;
  return { group, region, route, id, name, description, state, signalIds, keyIds };
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
  it("plans critical and standard rules per region, in region order, scoped to the region's keys", () => {
    expect(planGroupRules(payments(true), "prod").map(outline)).to.deep.equal([
      {
        group: "payments",
        region: "eu-west-1",
        route: "critical",
        id: "critical-1",
        name: "kmsmon-prod-payments-c-1",
        description: "KMS critical signals of key group payments (prod), 2 key(s) in eu-west-1",
        state: WITH_READ_ONLY,
        signalIds: CRITICAL,
        keyIds: [EU1, MRK],
      },
      {
        group: "payments",
        region: "eu-west-1",
        route: "standard",
        id: "standard-1",
        name: "kmsmon-prod-payments-s-1",
        description: "KMS standard signals of key group payments (prod), 2 key(s) in eu-west-1",
        state: "ENABLED",
        signalIds: STANDARD,
        keyIds: [EU1, MRK],
      },
      {
        group: "payments",
        region: "us-east-1",
        route: "critical",
        id: "critical-1",
        name: "kmsmon-prod-payments-c-1",
        description: "KMS critical signals of key group payments (prod), 2 key(s) in us-east-1",
        state: WITH_READ_ONLY,
        signalIds: CRITICAL,
        keyIds: [US1, US2],
      },
      {
        group: "payments",
        region: "us-east-1",
        route: "standard",
        id: "standard-1",
        name: "kmsmon-prod-payments-s-1",
        description: "KMS standard signals of key group payments (prod), 2 key(s) in us-east-1",
        state: "ENABLED",
        signalIds: STANDARD,
        keyIds: [US1, US2],
      },
    ]);
  });

  it("builds the exact event pattern of the critical rule in eu-west-1", () => {
    const rule = planGroupRules(payments(true), "prod")[0];
    expect(rule.eventPattern).to.deep.equal({
      source: ["aws.kms"],
      $or: [
        {
          "detail-type": ["AWS API Call via CloudTrail"],
          detail: {
            eventSource: ["kms.amazonaws.com"],
            $or: [
              { resources: { ARN: [{ suffix: `:key/${EU1}` }, { suffix: `:key/${MRK}` }] } },
              { responseElements: { keyId: [{ suffix: EU1 }, { suffix: MRK }] } },
              { requestParameters: { keyId: [{ suffix: EU1 }, { suffix: MRK }] } },
            ],
          },
          $or: [
            {
              detail: {
                eventName: ["ScheduleKeyDeletion", "DisableKey", "DeleteImportedKeyMaterial"],
                errorCode: [{ exists: false }],
              },
            },
            {
              detail: {
                eventName: ["PutKeyPolicy", "CreateKey", "ReplicateKey"],
                errorCode: [{ exists: false }],
                requestParameters: { policy: PUBLIC_POLICY },
              },
            },
          ],
        },
        {
          "detail-type": ["KMS Imported Key Material Expiration", "KMS CMK Deletion"],
          detail: { "key-id": [EU1, MRK] },
        },
        {
          "detail-type": ["AWS API Call via CloudTrail"],
          detail: {
            eventSource: ["kms.amazonaws.com"],
            errorCode: ["KMSInvalidStateException", "DisabledException"],
            errorMessage: [
              { wildcard: `*key/${EU1} is pending deletion*` },
              { wildcard: `*key/${MRK} is pending deletion*` },
            ],
          },
        },
      ],
    });
  });

  it("builds the exact event pattern of the standard rule in us-east-1", () => {
    const rule = planGroupRules(payments(true), "prod")[3];
    expect(rule.eventPattern).to.deep.equal({
      source: ["aws.kms"],
      $or: [
        {
          "detail-type": ["AWS API Call via CloudTrail"],
          detail: {
            eventSource: ["kms.amazonaws.com"],
            $or: [
              { resources: { ARN: [{ suffix: `:key/${US1}` }, { suffix: `:key/${US2}` }] } },
              { responseElements: { keyId: [{ suffix: US1 }, { suffix: US2 }] } },
              { requestParameters: { keyId: [{ suffix: US1 }, { suffix: US2 }] } },
            ],
          },
          $or: [
            {
              detail: {
                eventName: [
                  "CancelKeyDeletion",
                  "EnableKey",
                  "PutKeyPolicy",
                  "CreateGrant",
                  "RevokeGrant",
                  "RetireGrant",
                  "ImportKeyMaterial",
                  "DisableKeyRotation",
                  "RotateKeyOnDemand",
                ],
                errorCode: [{ exists: false }],
              },
            },
            {
              detail: {
                eventName: [
                  "ScheduleKeyDeletion",
                  "DisableKey",
                  "PutKeyPolicy",
                  "DeleteImportedKeyMaterial",
                  "DisableKeyRotation",
                ],
                errorCode: [{ prefix: "AccessDenied" }],
              },
            },
          ],
        },
        { "detail-type": ["KMS CMK Rotation"], detail: { "key-id": [US1, US2] } },
      ],
    });
  });

  it("gives every rule of a route the route's transformer, labelled by severity", () => {
    const rules = planGroupRules(payments(true), "prod");
    const firstLines = rules.map((r) => JSON.parse(r.transformer.inputTemplate).split("\n")[0]);
    expect(firstLines).to.deep.equal([
      '[CRITICAL] KMS key event in key group "payments" (prod)',
      '[WARNING/INFO] KMS key event in key group "payments" (prod)',
      '[CRITICAL] KMS key event in key group "payments" (prod)',
      '[WARNING/INFO] KMS key event in key group "payments" (prod)',
    ]);
    expect(rules[0].transformer).to.deep.equal(rules[2].transformer);
  });

  it("plans only 'all' rules for a group without critical routing", () => {
    const rules = planGroupRules(payments(false), "prod");
    expect(rules.map(outline)).to.deep.equal([
      {
        group: "payments",
        region: "eu-west-1",
        route: "all",
        id: "all-1",
        name: "kmsmon-prod-payments-a-1",
        description: "KMS all signals of key group payments (prod), 2 key(s) in eu-west-1",
        state: WITH_READ_ONLY,
        signalIds: ALL,
        keyIds: [EU1, MRK],
      },
      {
        group: "payments",
        region: "us-east-1",
        route: "all",
        id: "all-1",
        name: "kmsmon-prod-payments-a-1",
        description: "KMS all signals of key group payments (prod), 2 key(s) in us-east-1",
        state: WITH_READ_ONLY,
        signalIds: ALL,
        keyIds: [US1, US2],
      },
    ]);
    expect(JSON.parse(rules[0].transformer.inputTemplate).split("\n")[0]).to.equal(
      '[KMS ALERT] KMS key event in key group "payments" (prod)',
    );
  });

  // Each key is named three times in the CloudTrail clause (resources, responseElements,
  // requestParameters), once for native events and once in the pending-deletion message: about
  // 240 characters a key on the critical route, 180 on the standard one (see docs/DESIGN.md).
  it("splits a region's keys over numbered rules, each pattern within the limit", () => {
    const ids = Array.from({ length: 40 }, (_, i) => keyId(100 + i));
    const group = resolvedGroup(
      groupModel("vault", { critical: true }),
      ids.map((id) => resolvedKey(keyArn("us-east-1", id))),
    );
    const rules = planGroupRules(group, "prod");
    expect(rules.map((r) => [r.id, r.name, r.keyIds.length])).to.deep.equal([
      ["critical-1", "kmsmon-prod-vault-c-1", 3],
      ["critical-2", "kmsmon-prod-vault-c-2", 3],
      ["critical-3", "kmsmon-prod-vault-c-3", 3],
      ["critical-4", "kmsmon-prod-vault-c-4", 3],
      ["critical-5", "kmsmon-prod-vault-c-5", 3],
      ["critical-6", "kmsmon-prod-vault-c-6", 3],
      ["critical-7", "kmsmon-prod-vault-c-7", 3],
      ["critical-8", "kmsmon-prod-vault-c-8", 3],
      ["critical-9", "kmsmon-prod-vault-c-9", 3],
      ["critical-10", "kmsmon-prod-vault-c-10", 3],
      ["critical-11", "kmsmon-prod-vault-c-11", 3],
      ["critical-12", "kmsmon-prod-vault-c-12", 3],
      ["critical-13", "kmsmon-prod-vault-c-13", 3],
      ["critical-14", "kmsmon-prod-vault-c-14", 1],
      ["standard-1", "kmsmon-prod-vault-s-1", 7],
      ["standard-2", "kmsmon-prod-vault-s-2", 7],
      ["standard-3", "kmsmon-prod-vault-s-3", 7],
      ["standard-4", "kmsmon-prod-vault-s-4", 7],
      ["standard-5", "kmsmon-prod-vault-s-5", 7],
      ["standard-6", "kmsmon-prod-vault-s-6", 5],
    ]);
    for (const route of ["critical", "standard"]) {
      const covered = rules.filter((r) => r.route === route).flatMap((r) => r.keyIds);
      expect(covered, route).to.deep.equal(ids);
    }
    for (const rule of rules) {
      expect(JSON.stringify(rule.eventPattern).length).to.be.at.most(AWS_LIMITS.eventPatternLength);
    }
  });

  it("plans nothing for a group without keys", () => {
    expect(planGroupRules(resolvedGroup(groupModel("empty"), []), "prod")).to.deep.equal([]);
  });
});
