/**
 * The benchmark's baseline: a hand-written program that registers the same AWS resources as our
 * components do for a synthetic estate (same types, counts and input keys), with plain
 * `@pulumi/aws` calls at the stack root: no component resources, no parents, no Outputs passed
 * between components. Inputs come from the same pure planners (patterns, alarm specs), so their
 * sizes match; the bench compares type counts with ours and reports any difference.
 */
import * as aws from "@pulumi/aws";
import { parseStackConfig } from "../../components/config";
import type { ResolvedKeyGroup } from "../../components/groups/resolved";
import { planStack } from "../../components/plan/stack-plan";
import { names } from "../../components/core/names";
import { alarm, regionAlerting, topic, trail } from "./baseline-parts";
import { shardBuses, watchers } from "./baseline-watchers";
import { describedKey } from "../plan/world";
import { BENCH_ACCOUNT, BENCH_REGION, benchConfig } from "./estate";

/** Registers the whole synthetic estate of `keys` keys. Run under the mock runtime. */
export function baselineProgram(keys: number): void {
  const model = parseStackConfig(benchConfig(keys), { stack: "bench" });
  const groups: ResolvedKeyGroup[] = model.keyGroups.map((g) => ({
    model: g,
    keys: g.keys.map((k) => describedKey(k.arn, false)),
  }));
  const plan = planStack(model, groups, { accountId: BENCH_ACCOUNT, partition: "aws" });
  const env = model.environment;
  const logGroupName = plan.trail.logGroupName;
  const queueArn = `arn:aws:sqs:${BENCH_REGION}:${BENCH_ACCOUNT}:${names(env).deadLetterQueue}`;
  trail(logGroupName);

  const { security, keyArn } = regionAlerting(env, queueArn);
  watchers(plan, logGroupName, security);
  shardBuses(plan, queueArn);
  // Keys created outside every group: a rule per call to the security topic.
  for (const rule of plan.alerting.flatMap((a) => a.newKeyRules)) {
    const r = new aws.cloudwatch.EventRule(rule.name, {
      name: rule.name,
      description: rule.description,
      eventPattern: JSON.stringify(rule.eventPattern),
    });
    new aws.cloudwatch.EventTarget(`${rule.name}-target`, {
      rule: r.name,
      targetId: "security-topic",
      arn: security,
      inputTransformer: rule.transformer,
      retryPolicy: {
        maximumRetryAttempts: rule.target.maximumRetryAttempts,
        maximumEventAgeInSeconds: rule.target.maximumEventAgeSeconds,
      },
      deadLetterConfig: { arn: queueArn },
    });
  }
  for (const d of plan.dashboards) {
    new aws.cloudwatch.Dashboard(d.name, {
      dashboardName: d.name,
      dashboardBody: JSON.stringify(d.body),
    });
  }

  const busOf = (group: string) => {
    const bus = plan.buses.find((b) => b.region === BENCH_REGION)?.busOfGroup[group];
    return bus && bus !== "default" ? bus : undefined;
  };
  for (const group of plan.groups) {
    const topicArns = group.topics.map((t) => topic(t.name, keyArn, queueArn));
    for (const rule of group.rules) {
      const r = new aws.cloudwatch.EventRule(rule.name, {
        name: rule.name,
        description: rule.description,
        eventBusName: busOf(group.name),
        eventPattern: JSON.stringify(rule.eventPattern),
        state: rule.state,
      });
      new aws.cloudwatch.EventTarget(`${rule.name}-target`, {
        rule: r.name,
        eventBusName: busOf(group.name),
        targetId: "alert-topic",
        arn: topicArns[0],
        inputTransformer: rule.transformer,
        retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 86400 },
        deadLetterConfig: { arn: queueArn },
      });
    }
    for (const b of group.baselineAlarms) {
      if (b.metric.kind !== "anomaly") throw new Error(`bench: ${b.name} is not an anomaly alarm`);
      alarm(b.name, [`arn:aws:sns:${BENCH_REGION}:${BENCH_ACCOUNT}:${group.topics[0].name}`], {
        metricQueries: b.metric.queries,
        thresholdMetricId: b.metric.bandId,
        comparisonOperator: b.comparisonOperator,
        datapointsToAlarm: b.datapointsToAlarm,
        treatMissingData: b.treatMissingData,
      });
    }
  }
}
