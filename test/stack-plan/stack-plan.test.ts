/**
 * The stack plan is complete: every resource the stack will have, each with its physical name,
 * region, severity (alarms), monthly cost and quotas. Expected values are written out by hand.
 */
import { expect } from "chai";
import { planAlarms, planStack, StackPlan } from "../../components/plan/stack-plan";
import { alarmsMonthlyCostUsd } from "../../components/alarms/pricing";
import {
  keyArn,
  keyId,
  groupModel,
  resolvedGroup,
  resolvedKey,
  stackModel,
  ACCOUNT_REF as ACCOUNT,
} from "../builders";

const US = "us-east-1";
const EU = "eu-west-1";

/** payments: critical routing, 2 keys in us-east-1 (one with expiring material), 1 in eu-west-1;
 * vault: one route, baseline off, 1 key in us-east-1. */
function examplePlan(): StackPlan {
  const imported = resolvedKey(keyArn(US, keyId(2)), {
    flaggedImported: true,
    origin: "EXTERNAL",
    expirationModel: "KEY_MATERIAL_EXPIRES",
  });
  const payments = resolvedGroup(groupModel("payments", { critical: true }), [
    resolvedKey(keyArn(US, keyId(1))),
    imported,
    resolvedKey(keyArn(EU, keyId(3))),
  ]);
  const vaultModel = groupModel("vault");
  const vault = resolvedGroup(
    { ...vaultModel, baseline: { ...vaultModel.baseline, enabled: false } },
    [resolvedKey(keyArn(US, keyId(4)))],
  );
  return planStack(stackModel([payments.model, vault.model]), [payments, vault], ACCOUNT);
}

describe("planStack", () => {
  let plan: StackPlan;
  before(() => {
    plan = examplePlan();
  });

  it("plans the trail it reads and the account it deploys to", () => {
    expect(plan.regions).to.deep.equal([EU, US]);
    expect(plan.account).to.deep.equal(ACCOUNT);
    expect([plan.trail.mode, plan.trail.region, plan.trail.logGroupName]).to.deep.equal([
      "existing",
      US,
      "org-trail",
    ]);
    expect(plan.trail.trailName).to.equal(undefined);
    expect(plan.trail.watchedTrailName).to.equal(undefined);
  });

  it("plans each region's key, security topic, queue, delivery alarm and publishers", () => {
    expect(
      plan.alerting.map((a) => ({
        region: a.region,
        key: [a.topicKey.aliasName, a.topicKey.region, a.topicKey.monthlyCostUsd],
        topic: [a.securityTopic.name, a.securityTopic.subscriptions.map((s) => s.endpoint)],
        queue: [
          a.deadLetterQueue.name,
          a.deadLetterQueue.alarm.name,
          a.deadLetterQueue.alarm.region,
        ],
        delivery: [a.deliveryAlarm.name, a.deliveryAlarm.region, a.deliveryAlarm.monthlyCostUsd],
        rules: a.publishers.ruleArnPattern,
      })),
    ).to.deep.equal([
      {
        region: EU,
        key: ["kmsmon-prod-alerts", EU, 1],
        topic: ["kmsmon-prod-security", ["security@example.com"]],
        queue: ["kmsmon-prod-undelivered", "kmsmon-prod-undelivered-not-empty", EU],
        // The security topic and payments' critical and standard topics: 3 metrics analyzed.
        delivery: ["kmsmon-prod-notifications-failed", EU, 0.3],
        rules: "arn:aws:events:eu-west-1:111122223333:rule/*kmsmon-prod-*",
      },
      {
        region: US,
        key: ["kmsmon-prod-alerts", US, 1],
        topic: ["kmsmon-prod-security", ["security@example.com"]],
        queue: ["kmsmon-prod-undelivered", "kmsmon-prod-undelivered-not-empty", US],
        // Plus vault's single topic: 4.
        delivery: ["kmsmon-prod-notifications-failed", US, 0.4],
        rules: "arn:aws:events:us-east-1:111122223333:rule/*kmsmon-prod-*",
      },
    ]);
  });

  it("lists the quotas each alerting resource counts against, and prices subscriptions at $0", () => {
    const a = plan.alerting[0];
    expect({
      key: a.topicKey.quotas,
      topic: a.securityTopic.quotas,
      queue: a.deadLetterQueue.quotas,
      subscriptions: a.securityTopic.subscriptions.map((s) => [s.monthlyCostUsd, s.quotas]),
    }).to.deep.equal({
      key: ["aliasNameLength"],
      topic: ["topicNameLength"],
      queue: ["queueNameLength"],
      subscriptions: [[0, []]],
    });
  });

  it("plans the filters on the trail's log group, with the account and tamper alarms", () => {
    expect(plan.accountFilters).to.have.length(20);
    expect(
      plan.accountFilters.filter((f) => f.logGroupName !== "org-trail" || f.region !== US),
    ).to.deep.equal([]);
    const accountAlarms = plan.accountFilters.flatMap((f) => (f.alarm ? [f.alarm] : []));
    expect(accountAlarms.map((a) => a.name)).to.include("kmsmon-prod-account-cis-4-7");
    expect(accountAlarms).to.have.length(9);
    expect(plan.tamperAlarms).to.have.length(9);
    expect(plan.tamperAlarms[0].filter).to.include({
      name: "kmsmon-prod-tamper-trail-stopped",
      logGroupName: "org-trail",
      region: US,
      monthlyCostUsd: 0,
      worstCaseMonthlyUsd: 0.3,
    });
    expect(plan.silenceAlarm?.metric).to.deep.equal({
      kind: "standard",
      namespace: "AWS/Logs",
      metricName: "IncomingLogEvents",
      dimensions: { LogGroupName: "org-trail" },
      statistic: "Sum",
      periodSeconds: 3600,
    });
  });

  it("plans every group's topics, rules, expiry and baseline alarms in their regions", () => {
    const [payments, vault] = plan.groups;
    expect(payments.topics.map((t) => `${t.region} ${t.name}`)).to.deep.equal([
      `${EU} kmsmon-prod-payments-critical`,
      `${EU} kmsmon-prod-payments-standard`,
      `${US} kmsmon-prod-payments-critical`,
      `${US} kmsmon-prod-payments-standard`,
    ]);
    expect(vault.topics.map((t) => `${t.region} ${t.name}`)).to.deep.equal([
      `${US} kmsmon-prod-vault-all`,
    ]);
    // Per region: a rule per critical signal (8 with the two shapes of a refused call) and one
    // per other signal (11).
    const routeRules = (region: string, route: string, codes: string[]) =>
      codes.map((code) => [
        region,
        `kmsmon-prod-payments-${code}-1`,
        `kmsmon-prod-payments-${route}`,
      ]);
    const critical = ["ds", "kd", "pu", "pun", "md", "me", "kx", "pp"];
    const standard = ["dc", "ke", "kp", "gc", "gv", "gr", "mi", "rd", "rp", "ro", "dd"];
    expect(payments.rules.map((r) => [r.region, r.name, r.target.topicName])).to.deep.equal([
      ...routeRules(EU, "critical", critical),
      ...routeRules(EU, "standard", standard),
      ...routeRules(US, "critical", critical),
      ...routeRules(US, "standard", standard),
    ]);
    expect(payments.rules[0].target).to.deep.include({
      maximumRetryAttempts: 185,
      maximumEventAgeSeconds: 86400,
    });
    expect(payments.expiryAlarms.map((a) => [a.region, a.name, a.severity])).to.deep.equal([
      [US, `kmsmon-prod-payments-expiry-${keyId(2)}`, "warning"],
    ]);
    expect(
      payments.baselineAlarms.map((a) => [a.region, a.name, a.keys.length, a.monthlyCostUsd]),
    ).to.deep.equal([
      [EU, "kmsmon-prod-payments-baseline-1", 1, 0.3],
      [US, "kmsmon-prod-payments-baseline-1", 2, 0.4],
    ]);
    expect(vault.baselineAlarms).to.deep.equal([]);
  });

  it("plans the quota alarms of every region", () => {
    expect(plan.quotaAlarms.map((a) => `${a.region} ${a.name} ${a.threshold}`)).to.deep.equal([
      `${EU} kmsmon-prod-quota-symmetric 80`,
      `${EU} kmsmon-prod-quota-rsa 80`,
      `${EU} kmsmon-prod-quota-ecc 80`,
      `${US} kmsmon-prod-quota-symmetric 80`,
      `${US} kmsmon-prod-quota-rsa 80`,
      `${US} kmsmon-prod-quota-ecc 80`,
    ]);
  });

  it("lists every alarm once, each with a region, severity, price and quotas", () => {
    const alarms = planAlarms(plan);
    // 9 account + 9 tamper + 1 silence + 2 x (queue + delivery) + 6 quota + 6 usage bands
    // (symmetric, RSA, ECC per region) + 1 expiry + 2 baseline.
    expect(alarms).to.have.length(38);
    const keys = alarms.map((a) => `${a.region}/${a.name}`);
    expect(new Set(keys).size).to.equal(alarms.length);
    for (const a of alarms) {
      expect(a.region, a.name).to.be.oneOf([EU, US]);
      expect(a.severity, a.name).to.be.oneOf(["critical", "warning", "info", "operational"]);
      expect(a.monthlyCostUsd, a.name).to.be.greaterThan(0);
      expect(a.quotas, a.name).to.include("actionsPerAlarmState");
    }
    // $0.90 account + $0.90 tamper + $0.10 silence + $0.20 queues + $0.70 delivery + $0.60 quota
    // + $1.80 usage bands ($0.30 each) + $0.10 expiry + $0.70 baseline.
    expect(alarmsMonthlyCostUsd(alarms)).to.equal(6);
  });

  it("plans the dashboard from the plan's own alarms", () => {
    expect(plan.dashboards.map((d) => [d.name, d.region, d.monthlyCostUsd])).to.deep.equal([
      ["kmsmon-prod", US, 3],
    ]);
    const body = JSON.stringify(plan.dashboards[0].body);
    expect(body).to.include("kmsmon-prod-tamper-trail-silent");
    expect(body).to.include("kmsmon-prod-payments-baseline-1");
    expect(body).to.include(
      "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:kmsmon-prod-quota-rsa",
    );
  });
});
