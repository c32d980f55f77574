/**
 * A key group's plan: its topics per region and route, its rules, its expiry alarms and its usage
 * baseline alarms, as data.
 */
import type { BaselineSettings, NotificationTargets } from "../config/model";
import { alarmsMonthlyCostUsd } from "../alarms/pricing";
import { TopicSpec, topicSpec } from "../alerts/alert-plan";
import { AlertRoute, names } from "../core/names";
import { BaselineAlarmSpec, planBaselineAlarms } from "../watchers/baseline-plan";
import { ExpiryAlarmSpec, planExpiryAlarms } from "./expiry-plan";
import { regionsOf, ResolvedKeyGroup } from "./resolved";
import { GroupRuleSpec, planGroupRules, routesOf } from "./rule-plan";

/** One SNS topic of a group, in one region, for one route. */
export interface GroupTopicSpec extends TopicSpec {
  group: string;
  route: AlertRoute;
}

/** A group's share of the plan. */
export interface GroupPlan {
  name: string;
  regions: string[];
  topics: GroupTopicSpec[];
  rules: GroupRuleSpec[];
  expiryAlarms: ExpiryAlarmSpec[];
  /** Anomaly alarms on the group's data-plane use; empty when its baseline is disabled. */
  baselineAlarms: BaselineAlarmSpec[];
  /**
   * Monthly price in US dollars of the group's own baseline at each level, enabled or not: what
   * turning it on (or switching level) costs, with the group's other baseline settings.
   */
  baselinePrices: Record<BaselineSettings["level"], number>;
}

/** The price of the group's baseline if it were enabled at `level`. */
function baselinePrice(
  group: ResolvedKeyGroup,
  environment: string,
  level: BaselineSettings["level"],
): number {
  const baseline: BaselineSettings = { ...group.model.baseline, enabled: true, level };
  const alarms = planBaselineAlarms({ ...group, model: { ...group.model, baseline } }, environment);
  return alarmsMonthlyCostUsd(alarms);
}

function topicTargets(group: ResolvedKeyGroup, route: AlertRoute): NotificationTargets {
  const notify = group.model.notify;
  return route === "critical" && notify.critical ? notify.critical : notify.default;
}

/**
 * Plans one group: its topics, rules, expiry and baseline alarms in each of its regions.
 *
 * @param group - the resolved group.
 * @param environment - the environment name.
 * @param memberNames - in an organization hub, member account ID to name: the rules' messages
 *   name the accounts of their keys. Default: none (a one-account stack).
 * @throws when the group's baseline settings cannot make a valid alarm.
 */
export function planGroup(
  group: ResolvedKeyGroup,
  environment: string,
  memberNames?: ReadonlyMap<string, string>,
): GroupPlan {
  const regions = regionsOf(group);
  const topics = regions.flatMap((region) =>
    routesOf(group).map(({ route }) => ({
      group: group.model.name,
      route,
      ...topicSpec(
        names(environment).groupTopic(group.model.name, route),
        region,
        topicTargets(group, route),
      ),
    })),
  );
  return {
    name: group.model.name,
    regions,
    topics,
    rules: planGroupRules(group, environment, memberNames),
    expiryAlarms: planExpiryAlarms(group, environment),
    baselineAlarms: planBaselineAlarms(group, environment),
    baselinePrices: {
      group: baselinePrice(group, environment, "group"),
      key: baselinePrice(group, environment, "key"),
    },
  };
}
