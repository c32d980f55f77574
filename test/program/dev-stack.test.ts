/**
 * Pulumi.dev.yaml under mocks: one region, e-mail only, one `all` route per group. Every input of
 * every resource is in the record (test/records/dev.json); these are the properties that matter,
 * written out.
 */
import { expect } from "chai";
import type { MockRun } from "../harness/mock-runtime";
import { allRoutePatterns } from "./group-rule-patterns";
import { T } from "../builders";
import { dashboardBodyOf, devRun, inventoryRows, keyOf, parsedInputs } from "./helpers";

const PAYMENTS_KEYS = [
  "0f6c2a8e-3b1d-4c7a-9e52-7d4b1a9c3e10",
  "5b9e7d21-8c4f-4a36-b0e3-2f1d6c8a7b54",
];
const SECRETS_KEY = "c2d84f17-6a90-4e3b-8f25-91e7b3d0a6c8";
const TRAIL_KEY = "arn:aws:kms:us-east-1:111122223333:key/e9242fd4-8a49-8b3e-2707-bff80b22b030";

describe("program: the dev stack (Pulumi.dev.yaml) under mocks", function () {
  this.timeout(30000);
  let run: MockRun<unknown>;
  before(async () => {
    run = await devRun();
  });

  it("registers exactly these resources per type", () => {
    expect(run.countByType()).to.deep.equal({
      [T.monitoring]: 1,
      [T.regionAlerting]: 1,
      [T.auditTrail]: 1,
      [T.accountAlarms]: 1,
      // the region's alert-topic key; the trail's key is created by the trail
      [T.topicKey]: 1,
      // the security topic and one "all" topic per group
      [T.alertTopic]: 3,
      [T.deadLetterQueue]: 1,
      [T.groupMonitor]: 2,
      [T.quotaAlarms]: 1,
      [T.tamperAlarms]: 1,
      // no UsageBaseline: group baselines are opt-in (the account's bands are quota alarms)
      [T.key]: 2,
      [T.alias]: 2,
      [T.topic]: 3,
      [T.topicPolicy]: 3,
      // one e-mail address on each topic
      [T.subscription]: 3,
      [T.queue]: 1,
      [T.queuePolicy]: 1,
      // 20 account filters (every catalog signal but the data plane), 9 tamper filters
      [T.filter]: 29,
      // 9 account alarms (7 critical signals, CIS 4.7, key-created), the queue's, the
      // failed-notifications one, 3 quota alarms and 3 account usage bands, 9 tamper alarms and
      // the trail-silence one; no group baseline (opt-in), no imported key
      [T.alarm]: 27,
      // per group 19 rules: one per signal (2 for refused calls on a key pending deletion),
      // each with its target; and the region's 2 new-key rules (CreateKey, ReplicateKey) to
      // security
      [T.rule]: 40,
      [T.target]: 40,
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
    expect(run.resources).to.have.length(177);
  });

  it("registers each URN once, without a warning", () => {
    expect(new Set(run.resources.map((r) => r.urn)).size).to.equal(177);
    expect(run.warnings).to.deep.equal([]);
  });

  it("creates no provider: every resource is in the stack's region", () => {
    expect(run.ofType(T.provider)).to.deep.equal([]);
    expect(run.resources.filter((r) => r.provider !== undefined)).to.deep.equal([]);
  });

  it("retains nothing on destroy and protects nothing (retainOnDelete is off in dev)", () => {
    expect(run.resources.filter((r) => r.retainOnDelete).map(keyOf)).to.deep.equal([]);
    expect(run.resources.filter((r) => r.protect).map(keyOf)).to.deep.equal([]);
  });

  it("logs every region's management events, read and write, to a 30-day log group", () => {
    expect(run.one(T.trail, "kms-trail-trail").inputs).to.deep.equal({
      name: "kmsmon-dev",
      isOrganizationTrail: false,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      kmsKeyId: TRAIL_KEY,
      s3BucketName: "kms-trail-bucket",
      cloudWatchLogsGroupArn:
        "arn:aws:logs:us-east-1:111122223333:log-group:/aws/cloudtrail/kmsmon-dev:*",
      cloudWatchLogsRoleArn: "arn:aws:iam::111122223333:role/kms-trail-delivery-role",
      eventSelectors: [{ includeManagementEvents: true, readWriteType: "All" }],
    });
    expect(run.one(T.logGroup, "kms-trail-log-group").inputs).to.deep.equal({
      name: "/aws/cloudtrail/kmsmon-dev",
      logGroupClass: "STANDARD",
      retentionInDays: 30,
      kmsKeyId: TRAIL_KEY,
    });
  });

  it("alerts on every signal of the payments keys with `all` rules on the default bus", () => {
    const rules = run
      .ofType(T.rule)
      .filter((r) => String(r.inputs.name).startsWith("kmsmon-dev-payments-"));
    expect(
      Object.fromEntries(rules.map((r) => [r.inputs.name, parsedInputs(r).eventPattern])),
    ).to.deep.equal(allRoutePatterns("kmsmon-dev-payments", PAYMENTS_KEYS));
    const rule = run.one(T.rule, "kms-payments-us-east-1-deletion-scheduled-1");
    expect(parsedInputs(rule)).to.deep.include({
      name: "kmsmon-dev-payments-ds-1",
      description:
        'KMS signal "Key deletion scheduled" of key group payments (dev), 2 key(s) in us-east-1',
      state: "ENABLED",
    });
    // Read-only calls on a key pending deletion reach only rules in this state.
    expect(
      parsedInputs(run.one(T.rule, "kms-payments-us-east-1-pending-deletion-use-1")).state,
    ).to.equal("ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");
    const target = run.one(T.target, "kms-payments-us-east-1-deletion-scheduled-1-target").inputs;
    expect([target.rule, target.arn]).to.deep.equal([
      "kmsmon-dev-payments-ds-1",
      "arn:aws:sns:us-east-1:111122223333:kmsmon-dev-payments-all",
    ]);
  });

  describe("its dashboard", () => {
    it("is one dashboard, kmsmon-dev, of 14 widgets", () => {
      const names = run.ofType(T.dashboard).map((d) => d.inputs.dashboardName);
      expect(names).to.deep.equal(["kmsmon-dev"]);
      // The header; the whole account: its title, the control-plane graph, the account alarms,
      // the quota graph and the quota and usage-band alarms of us-east-1, the runbook (6); per
      // group its header, a graph per key and the inventory (no group alarm: baselines are
      // opt-in): payments 4, platform-secrets 3.
      expect(dashboardBodyOf(run, "dev").widgets).to.have.length(14);
    });

    it("lists each group's keys, described, in its inventory table", () => {
      const body = dashboardBodyOf(run, "dev");
      const described = (id: string) => [
        id,
        "-",
        "us-east-1",
        "Enabled",
        "AWS_KMS",
        "2024-01-15T10:00:00Z",
        "-",
        "-",
      ];
      expect(inventoryRows(body, "payments")).to.deep.equal(PAYMENTS_KEYS.map(described));
      expect(inventoryRows(body, "platform-secrets")).to.deep.equal([described(SECRETS_KEY)]);
    });
  });
});
