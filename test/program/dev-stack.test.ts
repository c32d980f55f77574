import { expect } from "chai";
import type { StackSpec } from "./expected";
import { loadStackConfig } from "../config/helpers";
import { T, devRun, keyArn } from "./helpers";
import { checkStack } from "./stack-checks";

const ALERTS = { emails: ["kms-alerts-dev@example.com"] };
/** The default data-plane baseline. */
const BASELINE = {
  enabled: true,
  bandWidth: 2,
  evaluationPeriods: 3,
  datapointsToAlarm: 3,
  periodSeconds: 3600,
};

/** Pulumi.dev.yaml as it must deploy: one region, e-mail only, one route per group. */
const DEV: StackSpec = {
  env: "dev",
  stackRegion: "us-east-1",
  quotaAlarmPercent: 80,
  security: ALERTS,
  groups: [
    {
      name: "payments",
      description: "Card tokenisation and settlement keys (dev)",
      keyArns: [
        keyArn("us-east-1", "0f6c2a8e-3b1d-4c7a-9e52-7d4b1a9c3e10"),
        keyArn("us-east-1", "5b9e7d21-8c4f-4a36-b0e3-2f1d6c8a7b54"),
      ],
      aliases: [],
      tags: {},
      routes: { all: ALERTS },
      expiryKeys: [],
      expiryWarningDays: 30,
      baseline: BASELINE,
    },
    {
      name: "platform-secrets",
      description: "Secrets Manager and Parameter Store keys (dev)",
      keyArns: [keyArn("us-east-1", "c2d84f17-6a90-4e3b-8f25-91e7b3d0a6c8")],
      aliases: [],
      tags: {},
      routes: { all: ALERTS },
      expiryKeys: [],
      expiryWarningDays: 14,
      baseline: BASELINE,
    },
  ],
};

describe("program: the dev stack (Pulumi.dev.yaml) under mocks", function () {
  this.timeout(30000);

  it("registers exactly these resources per type", async () => {
    const run = await devRun();
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
      [T.usageBaseline]: 2,
      [T.key]: 2,
      [T.alias]: 2,
      [T.topic]: 3,
      [T.topicPolicy]: 3,
      // one e-mail address on each topic
      [T.subscription]: 3,
      [T.queue]: 1,
      [T.queuePolicy]: 1,
      // 17 account filters, 8 tamper filters
      [T.filter]: 25,
      // 7 account alarms, the queue's, the failed-notifications one, 3 quota alarms, 8 tamper
      // alarms and the trail-silence one, 1 baseline per group; no imported key
      [T.alarm]: 23,
      [T.rule]: 2,
      [T.target]: 2,
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
    expect(run.resources).to.have.length(95);
  });

  it("creates no provider: every resource is in the stack's region", async () => {
    const run = await devRun();
    expect(run.ofType(T.provider)).to.deep.equal([]);
    expect(run.resources.filter((r) => r.provider !== undefined)).to.deep.equal([]);
  });

  checkStack({
    run: devRun,
    spec: DEV,
    config: () => loadStackConfig("dev"),
    world: { stack: "dev" },
    logRetentionDays: 30,
    retainTrail: false,
    // The header; the whole account: its title, the control-plane graph, the account alarms,
    // the quota graph and quota alarms of us-east-1, the runbook (6); per group its header, its
    // baseline alarm, a graph per key and the inventory: payments 5, platform-secrets 4.
    dashboardWidgets: 1 + 6 + 5 + 4,
  });
});
