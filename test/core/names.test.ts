/** Physical names: one per resource, rule names within 64 characters, publisher ARN patterns. */
import { expect } from "chai";
import { nameProblem } from "../../components/config/fields";
import { ENVIRONMENT_NAME, GROUP_NAME } from "../../components/config/schema";
import { planGroupRules } from "../../components/groups/rule-plan";
import { planGroup } from "../../components/groups/group-plan";
import { names } from "../../components/core/names";
import { groupAlertSignals } from "../../components/signals/catalog";
import { keyArn, keyId, groupModel, resolvedGroup, resolvedKey } from "../builders";
import { AWS_LIMITS } from "../../components/core/limits";

/** The longest names the config accepts. */
const ENVIRONMENT = "e".repeat(16);
const GROUP = `g${"-x".repeat(15)}9`;

const groupRuleName = (environment: string, group: string, code: string, chunk: number) =>
  names(environment).groupRule(group, code, chunk);

describe("names", () => {
  it("builds the prefixes from the environment", () => {
    expect(names("prod").prefix).to.equal("kmsmon-prod");
    expect(names("prod").fanOutPrefix).to.equal("kmsmon-prod-fanout");
    expect(names("prod").groupAlarm("payments", "expiry-k")).to.equal(
      "kmsmon-prod-payments-expiry-k",
    );
  });

  it("names every stack-wide resource of an environment exactly", () => {
    const n = names("prod");
    expect({
      trail: n.trail,
      logGroup: n.logGroup,
      metricNamespace: n.metricNamespace,
      topicKeyAlias: n.topicKeyAlias,
      securityTopic: n.securityTopic,
      deadLetterQueue: n.deadLetterQueue,
      deliveryAlarm: n.deliveryAlarm,
      silenceAlarm: n.silenceAlarm,
      accountFilter: n.accountFilter("cis-4-7"),
      accountAlarm: n.accountAlarm("cis-4-7"),
      tamper: n.tamper("trail-stopped"),
      quotaAlarm: n.quotaAlarm("rsa"),
      groupTopic: n.groupTopic("payments", "critical"),
      shardBus: n.shardBus(0),
      fanOutRule: n.fanOutRule(1),
      forwardingRole: n.forwardingRole("eu-west-1"),
      dashboards: [n.dashboard(0), n.dashboard(1)],
    }).to.deep.equal({
      trail: "kmsmon-prod",
      logGroup: "/aws/cloudtrail/kmsmon-prod",
      metricNamespace: "KMSMonitoring/prod",
      topicKeyAlias: "kmsmon-prod-alerts",
      securityTopic: "kmsmon-prod-security",
      deadLetterQueue: "kmsmon-prod-undelivered",
      deliveryAlarm: "kmsmon-prod-notifications-failed",
      silenceAlarm: "kmsmon-prod-tamper-trail-silent",
      accountFilter: "kmsmon-prod-cis-4-7",
      accountAlarm: "kmsmon-prod-account-cis-4-7",
      tamper: "kmsmon-prod-tamper-trail-stopped",
      quotaAlarm: "kmsmon-prod-quota-rsa",
      groupTopic: "kmsmon-prod-payments-critical",
      shardBus: "kmsmon-prod-shard-1",
      fanOutRule: "kmsmon-prod-fanout-2",
      forwardingRole: "kmsmon-prod-fanout-eu-west-1",
      dashboards: ["kmsmon-prod", "kmsmon-prod-2"],
    });
  });

  it("names rules kmsmon-<env>-<group>-<signal's rule code>-<key chunk>", () => {
    expect(groupRuleName("prod", "payments", "ds", 1)).to.equal("kmsmon-prod-payments-ds-1");
    expect(groupRuleName("prod", "payments", "pun", 2)).to.equal("kmsmon-prod-payments-pun-2");
  });

  it("gives every per-group signal a rule code of its own, two lowercase letters", () => {
    const codes = groupAlertSignals().map((s) => [s.id, s.ruleCode]);
    expect(Object.fromEntries(codes)).to.deep.equal({
      "deletion-scheduled": "ds",
      "deletion-cancelled": "dc",
      "key-disabled": "kd",
      "key-enabled": "ke",
      "pending-deletion-use": "pu",
      "key-policy-changed": "kp",
      "grant-created": "gc",
      "grant-revoked": "gv",
      "grant-retired": "gr",
      "material-imported": "mi",
      "material-deleted": "md",
      "material-expired": "me",
      "rotation-disabled": "rd",
      "rotation-performed": "rp",
      "rotation-on-demand": "ro",
      "key-deleted": "kx",
      "destructive-call-denied": "dd",
      "key-made-public": "pp",
    });
  });

  it("keeps every rule's name when a group's keys cross a chunk boundary", () => {
    // At 11 keys an API-call signal has one rule; at 12, two: the first keeps its name.
    const plan = (count: number) =>
      planGroupRules(
        resolvedGroup(
          groupModel("payments"),
          Array.from({ length: count }, (_, i) => resolvedKey(keyArn("us-east-1", keyId(i)))),
        ),
        "prod",
      );
    const nameOf = (rules: ReturnType<typeof plan>) => new Map(rules.map((r) => [r.id, r.name]));
    const before = nameOf(plan(11));
    const after = nameOf(plan(12));
    for (const [id, name] of before) expect(after.get(id), id).to.equal(name);
    // A name never passes from one rule to another.
    const ids = new Map([...after].map(([id, name]) => [name, id]));
    for (const [id, name] of before) expect(ids.get(name), name).to.equal(id);
    expect(after.get("deletion-scheduled-2")).to.equal("kmsmon-prod-payments-ds-2");
  });

  it("keeps rule names of the longest environment and group within 64 characters", () => {
    expect(ENVIRONMENT).to.have.length(16);
    expect(GROUP).to.have.length(32);
    expect(nameProblem(ENVIRONMENT, ENVIRONMENT_NAME)).to.equal(undefined);
    expect(nameProblem(GROUP, GROUP_NAME)).to.equal(undefined);
    expect(nameProblem(`${GROUP}x`, GROUP_NAME)).to.be.a("string");
    expect(groupRuleName(ENVIRONMENT, GROUP, "ds", 1)).to.have.length(61);
    // A variant code (three letters) and up to 999 key chunks still fit.
    expect(groupRuleName(ENVIRONMENT, GROUP, "pun", 999)).to.have.length(AWS_LIMITS.ruleNameLength);
    const group = resolvedGroup(
      groupModel(GROUP, { critical: true }),
      Array.from({ length: 40 }, (_, i) => resolvedKey(keyArn("us-east-1", keyId(i)))),
    );
    const ruleNames = planGroupRules(group, ENVIRONMENT).map((r) => r.name);
    // 40 keys: 23 critical rules (most signals take 11 keys a rule, the wildcard principal 8)
    // and 41 standard ones (nine API-call signals of 4 rules, rotation 1, denied calls 4).
    expect(ruleNames).to.have.length(64);
    expect(ruleNames[63]).to.equal(`kmsmon-${ENVIRONMENT}-${GROUP}-dd-4`);
    for (const name of ruleNames)
      expect(name.length, name).to.be.at.most(AWS_LIMITS.ruleNameLength);
    expect(ruleNames[0]).to.equal(`kmsmon-${ENVIRONMENT}-${GROUP}-ds-1`);
  });

  it("builds a rule name as it is; the rule planner refuses one longer than 64 characters", () => {
    expect(groupRuleName(ENVIRONMENT, GROUP, "pun", 1000)).to.equal(
      `kmsmon-${ENVIRONMENT}-${GROUP}-pun-1000`,
    );
    // Config refuses such names first; a group built in code meets the planner's check.
    const long = "g".repeat(45);
    const group = resolvedGroup(groupModel(long), [resolvedKey(keyArn("us-east-1", keyId(1)))]);
    expect(() => planGroupRules(group, ENVIRONMENT)).to.throw(
      `rule name kmsmon-${ENVIRONMENT}-${long}-ds-1 is longer than 64 characters`,
    );
  });

  it("names a group's topics per route; regions keep the same name apart", () => {
    const group = resolvedGroup(groupModel("payments", { critical: true }), [
      resolvedKey(keyArn("us-east-1", keyId(1))),
      resolvedKey(keyArn("eu-west-1", keyId(2))),
    ]);
    expect(planGroup(group, "prod").topics.map((t) => [t.region, t.route, t.name])).to.deep.equal([
      ["eu-west-1", "critical", "kmsmon-prod-payments-critical"],
      ["eu-west-1", "standard", "kmsmon-prod-payments-standard"],
      ["us-east-1", "critical", "kmsmon-prod-payments-critical"],
      ["us-east-1", "standard", "kmsmon-prod-payments-standard"],
    ]);
  });

  it("gives the exact publisher ARN patterns of a region", () => {
    const place = { partition: "aws", region: "eu-west-1", accountId: "111122223333" };
    expect(names("prod").publishers(place)).to.deep.equal({
      alarmArnPattern: "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:kmsmon-prod-*",
      ruleArnPattern: "arn:aws:events:eu-west-1:111122223333:rule/*kmsmon-prod-*",
      topicArnPattern: "arn:aws:sns:eu-west-1:111122223333:kmsmon-prod-*",
    });
    const gov = { partition: "aws-us-gov", region: "us-gov-west-1", accountId: "444455556666" };
    expect(names("dev").publishers(gov)).to.deep.equal({
      alarmArnPattern: "arn:aws-us-gov:cloudwatch:us-gov-west-1:444455556666:alarm:kmsmon-dev-*",
      ruleArnPattern: "arn:aws-us-gov:events:us-gov-west-1:444455556666:rule/*kmsmon-dev-*",
      topicArnPattern: "arn:aws-us-gov:sns:us-gov-west-1:444455556666:kmsmon-dev-*",
    });
  });
});
