import { expect } from "chai";
import { planAlarms, StackPlan } from "../../components/plan/stack-plan";
import type { PlanReport } from "../../tools/plan/report";
import { runCli } from "./helpers";

/** What the plan says of each type of AWS resource the resource tables count. */
const PLANNED: [string, (plan: StackPlan) => number][] = [
  ["aws:cloudwatch/metricAlarm:MetricAlarm", (p) => planAlarms(p).length],
  [
    "aws:cloudwatch/logMetricFilter:LogMetricFilter",
    (p) => p.accountFilters.length + p.tamperAlarms.length,
  ],
  ["aws:sns/topic:Topic", (p) => p.alerting.length + p.groups.flatMap((g) => g.topics).length],
  [
    "aws:sns/topicSubscription:TopicSubscription",
    (p) =>
      [...p.alerting.map((a) => a.securityTopic), ...p.groups.flatMap((g) => g.topics)].flatMap(
        (t) => t.subscriptions,
      ).length,
  ],
  [
    "aws:cloudwatch/eventRule:EventRule",
    (p) =>
      p.groups.flatMap((g) => g.rules).length +
      p.buses.flatMap((b) => b.fanOutRules).length +
      p.alerting.flatMap((a) => a.newKeyRules).length,
  ],
  ["aws:cloudwatch/eventBus:EventBus", (p) => p.buses.flatMap((b) => b.shardBuses).length],
  ["aws:sqs/queue:Queue", (p) => p.alerting.length],
  ["aws:kms/key:Key", (p) => p.alerting.length + (p.trail.created ? 1 : 0)],
  ["aws:cloudtrail/trail:Trail", (p) => (p.trail.created ? 1 : 0)],
  [
    "aws:iam/role:Role",
    (p) => (p.trail.created?.iamRoles ?? 0) + p.buses.filter((b) => b.forwardingRole).length,
  ],
  ["aws:cloudwatch/dashboard:Dashboard", (p) => p.dashboards.length],
];

/** Per group: rules, alarms and topics, as the plan has them. */
function plannedByGroup(plan: StackPlan): Record<string, number[]> {
  return Object.fromEntries(
    plan.groups.map((g) => [
      g.name,
      [g.rules.length, g.expiryAlarms.length + g.baselineAlarms.length, g.topics.length],
    ]),
  );
}

/** Per group: rules, alarms and topics the program registered. */
function registeredByGroup(report: PlanReport): Record<string, number[]> {
  const inv = report.inventory;
  const of = (type: string) => inv.countOfTypeByGroup(type);
  const [rules, alarms, topics] = [
    of("aws:cloudwatch/eventRule:EventRule"),
    of("aws:cloudwatch/metricAlarm:MetricAlarm"),
    of("aws:sns/topic:Topic"),
  ];
  return Object.fromEntries(
    report.run.plan?.groups.map((g) => [
      g.name,
      [rules.get(g.name) ?? 0, alarms.get(g.name) ?? 0, topics.get(g.name) ?? 0],
    ]) ?? [],
  );
}

const EXAMPLES: {
  stack: string;
  byType: Record<string, number>;
  byGroup: Record<string, number[]>;
}[] = [
  {
    stack: "dev",
    byType: {
      // 9 account, 9 tamper + trail silent, queue, delivery, 3 quota, 3 usage bands
      "aws:cloudwatch/metricAlarm:MetricAlarm": 27,
      "aws:cloudwatch/logMetricFilter:LogMetricFilter": 29,
      "aws:sns/topic:Topic": 3,
      "aws:sns/topicSubscription:TopicSubscription": 3,
      // 19 per group: one per signal (18), and 2 for refused calls on a key pending deletion;
      // 2 groups x 19 rules, and the 2 new-key rules of the one alerting region
      "aws:cloudwatch/eventRule:EventRule": 40,
      "aws:cloudwatch/eventBus:EventBus": 0,
      "aws:sqs/queue:Queue": 1,
      "aws:kms/key:Key": 2,
      "aws:cloudtrail/trail:Trail": 1,
      "aws:iam/role:Role": 1,
      "aws:cloudwatch/dashboard:Dashboard": 1,
    },
    // group baselines are opt-in: no group alarm in dev
    byGroup: { payments: [19, 0, 1], "platform-secrets": [19, 0, 1] },
  },
  {
    stack: "prod",
    byType: {
      // 9 account, 9 tamper + trail silent, per region queue, delivery, 3 quota and 3 usage
      // bands, 1 expiry, platform-secrets' opt-in baseline in its 2 regions
      "aws:cloudwatch/metricAlarm:MetricAlarm": 38,
      "aws:cloudwatch/logMetricFilter:LogMetricFilter": 29,
      "aws:sns/topic:Topic": 16,
      "aws:sns/topicSubscription:TopicSubscription": 27,
      // 19 per group and region (8 critical, 11 standard): 7 group-regions x 19 rules, and 2
      // new-key rules in each of the 2 alerting regions
      "aws:cloudwatch/eventRule:EventRule": 137,
      "aws:cloudwatch/eventBus:EventBus": 0,
      "aws:sqs/queue:Queue": 2,
      "aws:kms/key:Key": 3,
      "aws:cloudtrail/trail:Trail": 1,
      "aws:iam/role:Role": 1,
      "aws:cloudwatch/dashboard:Dashboard": 1,
    },
    byGroup: {
      "customer-data": [38, 0, 4],
      // one region; its imported key's expiry alarm
      "partner-exchange": [19, 1, 2],
      payments: [38, 0, 4],
      // its opted-in baseline, one alarm per region
      "platform-secrets": [38, 2, 4],
    },
  },
];

describe("plan: the registered resources the tables count are those of the plan", function () {
  this.timeout(60_000);
  for (const { stack, byType, byGroup } of EXAMPLES) {
    describe(stack, () => {
      let report: PlanReport;
      let plan: StackPlan;

      before(async () => {
        const run = await runCli(["--stack", stack]);
        if (!run.report?.run.plan) throw new Error(`${stack}: no plan`);
        report = run.report;
        plan = run.report.run.plan;
      });

      it("counts as many resources of each type as the plan has", () => {
        const registered = Object.fromEntries(
          PLANNED.map(([type]) => [type, report.inventory.ofType(type).length]),
        );
        const planned = Object.fromEntries(PLANNED.map(([type, count]) => [type, count(plan)]));
        expect(registered).to.deep.equal(byType);
        expect(planned).to.deep.equal(byType);
      });

      it("counts each group's rules, alarms and topics as the plan has them", () => {
        expect(registeredByGroup(report)).to.deep.equal(byGroup);
        expect(plannedByGroup(plan)).to.deep.equal(byGroup);
      });
    });
  }
});
