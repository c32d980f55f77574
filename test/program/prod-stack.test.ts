/**
 * Pulumi.prod.yaml under mocks in the world of PROD_WORLD: two regions, severity routing,
 * customer-data resolved from its aliases and tags, one key with expiring imported material.
 * Every input of every resource is in the record (test/records/prod.json); these are the
 * properties that matter, written out.
 */
import { expect } from "chai";
import { keyIdOf, regionOfArn, T } from "../builders";
import type { MockRun } from "../harness/mock-runtime";
import { severityRoutedPatterns } from "./group-rule-patterns";
import {
  PROD_KEYS,
  dashboardBodyOf,
  inventoryRows,
  keyOf,
  parsedInputs,
  prodRun,
  providerName,
} from "./helpers";

const PAYMENTS_US = [
  "8d3f1a52-6c7e-4b90-a1d4-3e5f7c9b2a68",
  "mrk-6e2b9c4d1a8f47e3b5c0d9a2e7f4b1c8",
];
const PARTNER_IMPORTED = "3a7c5e91-2b4d-4f68-8e1a-c6d0b9f2e473";

describe("program: the prod stack (Pulumi.prod.yaml) under mocks", function () {
  this.timeout(30000);
  let run: MockRun<unknown>;
  before(async () => {
    run = await prodRun();
  });

  it("registers exactly these resources per type", () => {
    expect(run.countByType()).to.deep.equal({
      // eu-west-1; us-east-1 is the stack's region and uses the default provider
      [T.provider]: 1,
      [T.monitoring]: 1,
      [T.regionAlerting]: 2,
      [T.auditTrail]: 1,
      [T.accountAlarms]: 1,
      [T.topicKey]: 2,
      // 2 security topics; critical + standard per region of each group: 4 + 4 + 2 + 4
      [T.alertTopic]: 16,
      [T.deadLetterQueue]: 2,
      [T.groupMonitor]: 4,
      [T.quotaAlarms]: 2,
      [T.tamperAlarms]: 1,
      // platform-secrets' opt-in baseline; the other groups have none
      [T.usageBaseline]: 1,
      // 2 alert-topic keys and the trail's
      [T.key]: 3,
      [T.alias]: 3,
      [T.topic]: 16,
      [T.topicPolicy]: 16,
      // security 2 x 2, payments 2 x 3, customer-data 2 x 3, partner-exchange 3,
      // platform-secrets 2 x 4
      [T.subscription]: 27,
      // the router function, subscribed in both regions
      [T.permission]: 2,
      [T.queue]: 2,
      [T.queuePolicy]: 2,
      // 20 account filters (every catalog signal but the data plane), 9 tamper filters
      [T.filter]: 29,
      // 9 account alarms, per region the queue's, the failed-notifications one, 3 quota alarms
      // and 3 account usage bands, 9 tamper alarms and the trail-silence one, 1 expiry alarm,
      // platform-secrets' baseline in its 2 regions: 9 + 2 x 8 + 10 + 1 + 2
      [T.alarm]: 38,
      // per region of each group, 8 critical (2 for refused calls on a key pending deletion)
      // and 11 standard rules: 38 + 38 + 19 + 38; and 2 new-key rules in each of the 2 regions
      [T.rule]: 137,
      [T.target]: 137,
      [T.bucket]: 1,
      [T.publicAccess]: 1,
      [T.ownership]: 1,
      [T.versioning]: 1,
      [T.encryption]: 1,
      [T.lifecycle]: 1,
      [T.bucketPolicy]: 1,
      [T.logGroup]: 1,
      [T.role]: 1,
      [T.rolePolicy]: 1,
      [T.trail]: 1,
      // one dashboard: everything fits AWS's dashboard quotas
      [T.dashboards]: 1,
      [T.dashboard]: 1,
    });
    expect(run.resources).to.have.length(459);
  });

  it("registers each URN once, without a warning", () => {
    expect(new Set(run.resources.map((r) => r.urn)).size).to.equal(459);
    expect(run.warnings).to.deep.equal([]);
  });

  it("creates one provider, for eu-west-1, and these resources with it", () => {
    const [provider] = run.ofType(T.provider);
    expect([provider.name, provider.inputs]).to.deep.equal([
      "kms-eu-west-1",
      { region: "eu-west-1", skipCredentialsValidation: "false", skipRegionValidation: "true" },
    ]);
    const inEu = run.resources.filter((r) => providerName(r) !== undefined);
    expect(new Set(inEu.map(providerName))).to.deep.equal(new Set(["kms-eu-west-1"]));
    const counts: Record<string, number> = {};
    for (const r of inEu) counts[r.type] = (counts[r.type] ?? 0) + 1;
    expect(counts).to.deep.equal({
      // the region's alert-topic key and its alias, queue and queue policy
      [T.key]: 1,
      [T.alias]: 1,
      [T.queue]: 1,
      [T.queuePolicy]: 1,
      // the security topic; critical + standard of payments, customer-data, partner-exchange
      // and platform-secrets
      [T.topic]: 9,
      [T.topicPolicy]: 9,
      // security 2, payments 3, customer-data 3, partner-exchange 3, platform-secrets 4
      [T.subscription]: 15,
      // the router function's permission for the eu-west-1 topic
      [T.permission]: 1,
      // 19 per group, 4 groups with keys in eu-west-1, and the region's 2 new-key rules
      [T.rule]: 78,
      [T.target]: 78,
      // the queue's, failed notifications, 3 quota alarms, 3 usage bands, 1 expiry and
      // platform-secrets' baseline
      [T.alarm]: 10,
    });
  });

  it("looks each alias, tag and key up with the provider of its region", () => {
    const lookups = run.invokes
      .filter((i) => /getAlias|getResources|getKey/.test(i.token))
      .map((i) => {
        const what = i.inputs.name ?? i.inputs.keyId ?? JSON.stringify(i.inputs.tagFilters);
        return `${i.token.split(":").pop()} ${what} ${i.provider ? "eu-west-1" : "default"}`;
      });
    const tags = JSON.stringify([
      { key: "data-classification", values: ["restricted"] },
      { key: "owner", values: ["customer-data"] },
    ]);
    const describedKeys = Object.values(PROD_KEYS).filter((k) => k !== PROD_KEYS.otherOwnerUs);
    expect(lookups.sort()).to.deep.equal(
      [
        "getAlias alias/customer-data/rds default",
        "getAlias alias/customer-data/s3 eu-west-1",
        `getResources ${tags} default`,
        `getResources ${tags} eu-west-1`,
        ...describedKeys.map(
          (k) => `getKey ${k} ${regionOfArn(k) === "us-east-1" ? "default" : "eu-west-1"}`,
        ),
      ].sort(),
    );
    for (const i of run.invokes.filter((i) => i.provider)) {
      expect(providerName(i)).to.equal("kms-eu-west-1");
    }
  });

  it("watches no key tagged for another owner", () => {
    const patterns = run.ofType(T.rule).map((r) => r.inputs.eventPattern as string);
    expect(patterns.some((p) => p.includes(keyIdOf(PROD_KEYS.otherOwnerUs)))).to.equal(false);
  });

  it("keeps the trail's key, bucket and log group on destroy; protects nothing", () => {
    expect(run.resources.filter((r) => r.retainOnDelete).map(keyOf)).to.have.members([
      "aws:kms/key:Key kms-trail-key",
      "aws:s3/bucket:Bucket kms-trail-bucket",
      "aws:cloudwatch/logGroup:LogGroup kms-trail-log-group",
    ]);
    expect(run.resources.filter((r) => r.retainOnDelete)).to.have.length(3);
    expect(run.resources.filter((r) => r.protect).map(keyOf)).to.deep.equal([]);
  });

  it("keeps the trail's log for 400 days", () => {
    expect(run.one(T.logGroup, "kms-trail-log-group").inputs).to.deep.equal({
      name: "/aws/cloudtrail/kmsmon-prod",
      logGroupClass: "STANDARD",
      retentionInDays: 400,
      kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/e9242fd4-8a49-8b3e-2707-bff80b22b030",
    });
  });

  it("routes the payments keys' critical signals to the critical topic, a rule each", () => {
    const rules = run
      .ofType(T.rule)
      .filter(
        (r) =>
          String(r.inputs.name).startsWith("kmsmon-prod-payments-") &&
          String(r.inputs.eventPattern).includes(PAYMENTS_US[0]),
      );
    expect(
      Object.fromEntries(rules.map((r) => [r.inputs.name, parsedInputs(r).eventPattern])),
    ).to.deep.equal(severityRoutedPatterns("kmsmon-prod-payments", PAYMENTS_US));
    const rule = parsedInputs(run.one(T.rule, "kms-payments-us-east-1-deletion-scheduled-1"));
    expect(rule).to.deep.include({
      name: "kmsmon-prod-payments-ds-1",
      description:
        'KMS signal "Key deletion scheduled" of key group payments (prod), 2 key(s) in us-east-1',
      state: "ENABLED",
    });
    const target = run.one(T.target, "kms-payments-us-east-1-deletion-scheduled-1-target").inputs;
    expect([target.rule, target.arn]).to.deep.equal([
      "kmsmon-prod-payments-ds-1",
      "arn:aws:sns:us-east-1:111122223333:kmsmon-prod-payments-critical",
    ]);
  });

  it("routes the payments keys' other signals to the standard topic, a rule each", () => {
    const rule = parsedInputs(run.one(T.rule, "kms-payments-us-east-1-key-policy-changed-1"));
    expect(rule).to.deep.include({
      name: "kmsmon-prod-payments-kp-1",
      description:
        'KMS signal "Key policy changed" of key group payments (prod), 2 key(s) in us-east-1',
      state: "ENABLED",
    });
    const target = run.one(T.target, "kms-payments-us-east-1-key-policy-changed-1-target").inputs;
    expect([target.rule, target.arn]).to.deep.equal([
      "kmsmon-prod-payments-kp-1",
      "arn:aws:sns:us-east-1:111122223333:kmsmon-prod-payments-standard",
    ]);
  });

  it("alarms 60 days before the partner key's imported material expires, and once it has", () => {
    const alarm = run.one(T.alarm, `kms-partner-exchange-eu-west-1-expiry-${PARTNER_IMPORTED}`);
    expect(providerName(alarm)).to.equal("kms-eu-west-1");
    const standard = "arn:aws:sns:eu-west-1:111122223333:kmsmon-prod-partner-exchange-standard";
    expect(alarm.inputs).to.deep.equal({
      name: `kmsmon-prod-partner-exchange-expiry-${PARTNER_IMPORTED}`,
      alarmDescription:
        `Imported key material of arn:aws:kms:eu-west-1:111122223333:key/${PARTNER_IMPORTED} ` +
        "(group partner-exchange) expires in less than 60 days, or has expired (KMS stops " +
        "publishing the metric then). Re-import the same material with a later expiry: aws kms " +
        `import-key-material --key-id ${PARTNER_IMPORTED} ...`,
      namespace: "AWS/KMS",
      metricName: "SecondsUntilKeyMaterialExpiration",
      dimensions: { KeyId: PARTNER_IMPORTED },
      statistic: "Minimum",
      period: 3600,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      threshold: 5184000,
      comparisonOperator: "LessThanThreshold",
      // No data means expired material or a deleted key: alarm.
      treatMissingData: "breaching",
      actionsEnabled: true,
      alarmActions: [standard],
      okActions: [standard],
    });
    expect(run.ofType(T.alarm).filter((a) => a.name.includes("-expiry-"))).to.have.length(1);
  });

  it("redrives every subscription, the security topics' too, to its region's queue", () => {
    const queues = new Map(run.ofType(T.queue).map((q) => [providerName(q) ?? "us-east-1", q]));
    const subscriptions = run.ofType(T.subscription);
    expect(subscriptions.filter((s) => s.name.includes("-security-"))).to.have.length(4);
    for (const s of subscriptions) {
      const queue = queues.get(providerName(s) === "kms-eu-west-1" ? "kms-eu-west-1" : "us-east-1");
      // Registered once the queue exists, though the queue's alarm notifies the security topic.
      expect(s.propertyDependencies.redrivePolicy, s.name).to.deep.equal([queue?.urn]);
    }
  });

  describe("its dashboard", () => {
    it("is one dashboard, kmsmon-prod, of 32 widgets", () => {
      const names = run.ofType(T.dashboard).map((d) => d.inputs.dashboardName);
      expect(names).to.deep.equal(["kmsmon-prod"]);
      // The header; the whole account: its title, the control-plane graph, the account alarms,
      // a quota graph and a quota and usage-band alarm widget per region, the runbook (8); per
      // group its header, an alarm widget per region with alarms, the expiry graph
      // (partner-exchange), a graph per key and the inventory: payments 1+3+1, customer-data
      // 1+4+1, partner-exchange 1+1+1+2+1, platform-secrets 1+2+2+1 (only platform-secrets
      // opts in to a baseline).
      expect(dashboardBodyOf(run, "prod").widgets).to.have.length(32);
    });

    it("lists each group's keys, as described at deploy time, in its inventory table", () => {
      const body = dashboardBodyOf(run, "prod");
      const created = "2024-01-15T10:00:00Z";
      const row = (id: string, region: string, aliases = "-") => [
        id,
        aliases,
        region,
        "Enabled",
        "AWS_KMS",
        created,
        "-",
        "-",
      ];
      expect(inventoryRows(body, "payments")).to.deep.equal([
        row("8d3f1a52-6c7e-4b90-a1d4-3e5f7c9b2a68", "us-east-1"),
        row("mrk-6e2b9c4d1a8f47e3b5c0d9a2e7f4b1c8", "us-east-1"),
        row("mrk-6e2b9c4d1a8f47e3b5c0d9a2e7f4b1c8", "eu-west-1"),
      ]);
      expect(inventoryRows(body, "customer-data")).to.deep.equal([
        row("d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6", "us-east-1", "alias/customer-data/rds"),
        row("a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c6d", "eu-west-1", "alias/customer-data/s3"),
        row("f0e1d2c3-b4a5-4968-8776-5a4b3c2d1e0f", "us-east-1"),
        row("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "eu-west-1"),
      ]);
      expect(inventoryRows(body, "partner-exchange")).to.deep.equal([
        [
          PARTNER_IMPORTED,
          "-",
          "eu-west-1",
          "Enabled",
          "EXTERNAL",
          created,
          "2027-03-31T00:00:00Z",
          "-",
        ],
        row("e5b2d8f4-7c1a-4936-a0e8-5d3f9b6c2a17", "eu-west-1"),
      ]);
      expect(inventoryRows(body, "platform-secrets")).to.deep.equal([
        row("b9e4c7a2-5d1f-4e83-96c0-a8f2d3e5b716", "us-east-1"),
        row("4c8a2f6e-9b3d-4a17-b5e0-7f1c9d2a8e64", "eu-west-1"),
      ]);
    });
  });
});
