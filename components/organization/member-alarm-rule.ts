/**
 * The hub's rule routing members' own alarms (member-alarms.ts: request quotas, and usage bands
 * when on) to the region's security topic. Their state changes arrive on the hub's bus from each
 * member's alarm rule; the message names the account (the event's ID, and the names the config
 * knows, which a transformer cannot look up) and the alarm with its description and reason.
 */
import type { NewKeyRuleSpec } from "../alerts/new-key-rule";
import { hubTransformer, securityRuleDelivery } from "../alerts/new-key-rule";
import { names } from "../core/names";
import type { AccountName } from "../groups/account-line";
import type { AlertInputTransformer } from "../groups/alert-message";
import { literal } from "../groups/literal";
import { memberAlarmPattern } from "./member-alarms";

/** The hub's rule for members' alarms in one region: a rule on the hub bus and its target. */
export type MemberAlarmRuleSpec = Omit<NewKeyRuleSpec, "call">;

const PATHS = {
  time: "$.time",
  region: "$.region",
  account: "$.account",
  alarmName: "$.detail.alarmName",
  description: "$.detail.configuration.description",
  reason: "$.detail.state.reason",
};

/** The message: which account, which alarm, why, and where to look. */
function memberAlarmTransformer(
  environment: string,
  region: string,
  accounts: readonly AccountName[],
): AlertInputTransformer {
  const headline = `[OPERATIONAL] KMS requests of a member account: <alarmName> in ALARM, account <account> (${literal(environment)})`;
  const body = [
    "",
    "What happened: <description>",
    "Why: <reason>",
    "When: <time> in <region>",
    "",
    "What to do: in account <account>, find the callers (CloudTrail, the hub dashboard's per-key graphs). Near a quota, KMS soon throttles these calls for the whole account in <region>: cache data keys, spread load, or request an increase (aws service-quotas list-service-quotas --service-code kms --region <region>).",
    "",
    "Alarm (sign in to account <account>): https://<region>.console.aws.amazon.com/cloudwatch/home?region=<region>#alarmsV2:alarm/<alarmName>",
  ];
  return hubTransformer(PATHS, [headline, ...body], region, accounts);
}

/**
 * The hub's rule for members' alarms in `region`.
 *
 * @param environment - environment name (rule and alarm names).
 * @param region - the hub region (its bus and security topic).
 * @param memberAccounts - the named member accounts of the region, listed in the message.
 */
export function planMemberAlarmRule(
  environment: string,
  region: string,
  memberAccounts: readonly AccountName[],
): MemberAlarmRuleSpec {
  const n = names(environment);
  return {
    name: n.hubMemberAlarmRule,
    region,
    description: `A member account's ${n.memberAlarmPrefix}* alarm (KMS request quota or usage) in ${region} went to ALARM.`,
    eventPattern: memberAlarmPattern(environment),
    transformer: memberAlarmTransformer(environment, region, memberAccounts),
    ...securityRuleDelivery(),
  };
}
