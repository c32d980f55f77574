/**
 * trail-log-group-retention-and-encryption: the CloudWatch Logs group a trail delivers to keeps
 * KMS audit events long enough to investigate, and encrypts them with a KMS key. In scope: log
 * groups a Trail's cloudWatchLogsGroupArn refers to, and our log groups.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { isUnknown, knownString } from "./lib/known";
import { quoted } from "./lib/resource-policy";
import { StackResource, StackView } from "./lib/stack-view";

/** Config of {@link trailLogGroupRetentionAndEncryption}. */
export interface TrailLogGroupConfig {
  /** The shortest retention allowed, in days. */
  minimumRetentionDays: number;
}

const LOG_GROUP_TYPE = "aws:cloudwatch/logGroup:LogGroup";
const TRAIL_TYPE = "aws:cloudtrail/trail:Trail";

/** Log groups receiving a trail keep events for minimumRetentionDays and are encrypted. */
export const trailLogGroupRetentionAndEncryption: StackValidationPolicy = {
  name: "trail-log-group-retention-and-encryption",
  description:
    "CloudWatch Logs groups that receive a CloudTrail trail (or belong to kms-monitoring) set " +
    "retentionInDays to at least minimumRetentionDays (default 365; 0, never expire, passes) " +
    "and kmsKeyId.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      minimumRetentionDays: { type: "integer", minimum: 1, default: 365 },
    },
  },
  validateStack: (args, report) => {
    const { minimumRetentionDays: minimum } = args.getConfig<TrailLogGroupConfig>();
    const view = new StackView(args.resources);
    for (const { group, trail } of logGroupsInScope(view)) {
      const subject = `log group ${quoted(group.name)}${trail ? ` (receives trail ${quoted(trail.name)})` : ""}`;
      const days = group.props.retentionInDays;
      if (days === undefined) {
        report(
          `${subject}: retentionInDays is not set; set it to at least ${minimum} days so KMS ` +
            "audit events are kept long enough to investigate, and no longer than you pay for",
          group.urn,
        );
      } else if (typeof days === "number" && days !== 0 && days < minimum) {
        report(
          `${subject}: retentionInDays is ${days}; set it to at least ${minimum} days so KMS ` +
            "audit events are kept long enough to investigate",
          group.urn,
        );
      }
      if (group.props.kmsKeyId === undefined || group.props.kmsKeyId === "") {
        report(
          `${subject}: kmsKeyId is not set; encrypt it with a customer managed KMS key whose ` +
            "policy lets logs.<region>.amazonaws.com use it",
          group.urn,
        );
      }
    }
  },
};

/** Log groups a trail delivers to (with the trail), then our other log groups. */
function logGroupsInScope(view: StackView): { group: StackResource; trail?: StackResource }[] {
  const trails = view.ofType(TRAIL_TYPE);
  return view.ofType(LOG_GROUP_TYPE).flatMap((group) => {
    const trail = trails.find(
      (t) => view.refersTo(t, "cloudWatchLogsGroupArn", group, logGroupArnMatcher(group)) === true,
    );
    return trail || group.ours ? [{ group, trail }] : [];
  });
}

/** Matches the log group's ARN, with or without CloudTrail's `:*` suffix, or one ending in its name. */
function logGroupArnMatcher(group: StackResource): (value: string) => boolean {
  const arn = knownString(group.props.arn);
  const name = knownString(group.props.name);
  return (value) => {
    const bare = value.endsWith(":*") ? value.slice(0, -2) : value;
    if (arn !== undefined && bare === arn) return true;
    return name !== undefined && !isUnknown(name) && bare.endsWith(`:log-group:${name}`);
  };
}
