/**
 * A key group's plan: its topics per region and route, its rules and its expiry alarms, as data.
 */
import type { NotificationTargets } from "../config/model";
import { ExpiryAlarmSpec, planExpiryAlarms } from "./expiry-plan";
import { AlertRoute, namePrefix } from "./naming";
import { regionsOf, ResolvedKeyGroup } from "./resolved";
import { GroupRuleSpec, planGroupRules, routesOf } from "./rule-plan";

/** One SNS topic of a group, in one region, for one route. */
export interface TopicSpec {
  group: string;
  region: string;
  route: AlertRoute;
  name: string;
  targets: NotificationTargets;
}

/** A group's share of the plan. */
export interface GroupPlan {
  name: string;
  regions: string[];
  topics: TopicSpec[];
  rules: GroupRuleSpec[];
  expiryAlarms: ExpiryAlarmSpec[];
}

function topicTargets(group: ResolvedKeyGroup, route: AlertRoute): NotificationTargets {
  const notify = group.model.notify;
  return route === "critical" && notify.critical ? notify.critical : notify.default;
}

/** Plans one group: its topics, rules and expiry alarms in each of its regions. */
export function planGroup(group: ResolvedKeyGroup, environment: string): GroupPlan {
  const regions = regionsOf(group);
  const topics = regions.flatMap((region) =>
    routesOf(group).map(({ route }) => ({
      group: group.model.name,
      region,
      route,
      name: `${namePrefix(environment)}-${group.model.name}-${route}`,
      targets: topicTargets(group, route),
    })),
  );
  return {
    name: group.model.name,
    regions,
    topics,
    rules: planGroupRules(group, environment),
    expiryAlarms: planExpiryAlarms(group, environment),
  };
}
