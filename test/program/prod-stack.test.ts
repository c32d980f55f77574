import { expect } from "chai";
import type { StackSpec, Targets } from "./expected";
import {
  PROD_KEYS,
  PROD_WORLD,
  T,
  keyIdOf,
  prodConfig,
  prodRun,
  providerName,
  regionOfArn,
} from "./helpers";
import { checkStack } from "./stack-checks";

const ONCALL = "kms-oncall@example.com";
const PAGER = "https://events.pagerduty.com/integration/4f1c9b2e7a6d4e08b3c5a9f0d2e8b741/enqueue";
/** The stack's critical targets, which groups inherit. */
const STACK_CRITICAL: Targets = { emails: [ONCALL], https: [PAGER] };
/** The default data-plane baseline. */
const BASELINE = {
  enabled: true,
  bandWidth: 2,
  evaluationPeriods: 3,
  datapointsToAlarm: 3,
  periodSeconds: 3600,
};

/**
 * Pulumi.prod.yaml as it must deploy in the mock world of PROD_WORLD: two regions, severity
 * routing, customer-data resolved from its aliases and tags, one key with expiring material.
 */
const PROD: StackSpec = {
  env: "prod",
  stackRegion: "us-east-1",
  quotaAlarmPercent: 75,
  security: {
    emails: ["security-operations@example.com"],
    sqs: ["arn:aws:sqs:us-east-1:111122223333:security-findings"],
  },
  groups: [
    {
      name: "payments",
      description: "Card tokenisation and settlement keys",
      keyArns: [PROD_KEYS.payments, PROD_KEYS.paymentsMrkUs, PROD_KEYS.paymentsMrkEu],
      aliases: [],
      tags: {},
      routes: { critical: STACK_CRITICAL, standard: { emails: ["payments-platform@example.com"] } },
      expiryKeys: [],
      expiryWarningDays: 30,
      baseline: BASELINE,
    },
    {
      name: "customer-data",
      description: "Customer records in RDS and S3, found by alias and by tag",
      // Alias targets first, then tagged keys; the RDS key, also tagged, appears once.
      keyArns: [
        PROD_KEYS.customerRds,
        PROD_KEYS.customerS3,
        PROD_KEYS.customerTaggedUs,
        PROD_KEYS.customerTaggedEu,
      ],
      aliases: ["alias/customer-data/rds", "alias/customer-data/s3"],
      tags: { "data-classification": "restricted", owner: "customer-data" },
      // The group's critical e-mail replaces the stack's; the pager is inherited.
      routes: {
        critical: { emails: ["data-protection-oncall@example.com"], https: [PAGER] },
        standard: { emails: ["data-protection@example.com"] },
      },
      expiryKeys: [],
      expiryWarningDays: 30,
      baseline: BASELINE,
    },
    {
      name: "partner-exchange",
      description: "Keys with imported material for partner file exchange",
      keyArns: [PROD_KEYS.partnerImported, PROD_KEYS.partner],
      aliases: [],
      tags: {},
      routes: { critical: STACK_CRITICAL, standard: { emails: [ONCALL] } },
      expiryKeys: [PROD_KEYS.partnerImported],
      expiryWarningDays: 60,
      baseline: BASELINE,
    },
    {
      name: "platform-secrets",
      description: "Secrets Manager, Parameter Store and EBS keys",
      keyArns: [PROD_KEYS.secretsUs, PROD_KEYS.secretsEu],
      aliases: [],
      tags: {},
      routes: {
        critical: STACK_CRITICAL,
        standard: {
          emails: [ONCALL],
          lambda: ["arn:aws:lambda:us-east-1:111122223333:function:platform-alert-router:live"],
        },
      },
      expiryKeys: [],
      expiryWarningDays: 30,
      baseline: {
        enabled: true,
        bandWidth: 3,
        evaluationPeriods: 6,
        datapointsToAlarm: 4,
        periodSeconds: 900,
      },
    },
  ],
};

describe("program: the prod stack (Pulumi.prod.yaml) under mocks", function () {
  this.timeout(30000);

  it("registers exactly these resources per type", async () => {
    const run = await prodRun();
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
      [T.usageBaseline]: 4,
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
      // 17 account filters, 8 tamper filters
      [T.filter]: 25,
      // 7 account alarms, per region the queue's, the failed-notifications one and 3 quota
      // alarms, 8 tamper alarms and the trail-silence one, 1 expiry alarm, 1 baseline per group
      // and region (2 + 2 + 1 + 2)
      [T.alarm]: 34,
      // one per route and region of each group: 4 + 4 + 2 + 4
      [T.rule]: 14,
      [T.target]: 14,
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
    expect(run.resources).to.have.length(208);
  });

  it("looks each alias, tag and key up with the provider of its region", async () => {
    const run = await prodRun();
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

  it("watches no key tagged for another owner", async () => {
    const run = await prodRun();
    const patterns = run.ofType(T.rule).map((r) => r.inputs.eventPattern as string);
    expect(patterns.some((p) => p.includes(keyIdOf(PROD_KEYS.otherOwnerUs)))).to.equal(false);
  });

  it("redrives every subscription, the security topics' too, to its region's queue", async () => {
    const run = await prodRun();
    const queues = new Map(run.ofType(T.queue).map((q) => [providerName(q) ?? "us-east-1", q]));
    const subscriptions = run.ofType(T.subscription);
    expect(subscriptions.filter((s) => s.name.includes("-security-"))).to.have.length(4);
    for (const s of subscriptions) {
      const queue = queues.get(providerName(s) === "kms-eu-west-1" ? "kms-eu-west-1" : "us-east-1");
      expect(JSON.parse(s.inputs.redrivePolicy as string), s.name).to.deep.equal({
        deadLetterTargetArn: queue?.state.arn,
      });
      // Registered once the queue exists, though the queue's alarm notifies the security topic.
      expect(s.propertyDependencies.redrivePolicy, s.name).to.deep.equal([queue?.urn]);
    }
  });

  checkStack({
    run: prodRun,
    spec: PROD,
    config: prodConfig,
    world: PROD_WORLD,
    logRetentionDays: 400,
    retainTrail: true,
    // The header; the whole account: its title, the control-plane graph, the account alarms,
    // a quota graph and a quota alarm widget per region, the runbook (8); per group its header,
    // an alarm widget per region with alarms, the expiry graph (partner-exchange), a graph per
    // key and the inventory: payments 1+2+3+1, customer-data 1+2+4+1, partner-exchange
    // 1+1+1+2+1, platform-secrets 1+2+2+1.
    dashboardWidgets: 1 + 8 + 7 + 8 + 6 + 6,
  });
});
