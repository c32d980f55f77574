/**
 * trail-log-group-retention-and-encryption: the CloudWatch Logs group a trail delivers to keeps
 * KMS audit events long enough to investigate, and encrypts them with a KMS key. In scope: log
 * groups a Trail's cloudWatchLogsGroupArn refers to, log groups a metric filter over
 * kms.amazonaws.com events reads (whoever built it), and our log groups;
 * `kmsMonitoringResourcesOnly` leaves out the groups only a foreign KMS filter reads.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { isUnknown, knownString } from "./lib/known";
import { KmsWatch, oursOnly, SCOPE_SCHEMA, ScopeConfig } from "./lib/kms-watch";
import { quoted } from "./lib/resource-policy";
import { sameAs, StackResource, StackView } from "./lib/stack-view";

/** Config of {@link trailLogGroupRetentionAndEncryption}. */
export interface TrailLogGroupConfig extends ScopeConfig {
  /** The shortest retention allowed, in days. */
  minimumRetentionDays: number;
}

const LOG_GROUP_TYPE = "aws:cloudwatch/logGroup:LogGroup";
const TRAIL_TYPE = "aws:cloudtrail/trail:Trail";

/** Log groups receiving a trail keep events for minimumRetentionDays and are encrypted. */
export const trailLogGroupRetentionAndEncryption: StackValidationPolicy = {
  name: "trail-log-group-retention-and-encryption",
  description:
    "CloudWatch Logs groups that receive a CloudTrail trail, are read by a metric filter over " +
    "kms.amazonaws.com events, or belong to kms-monitoring set " +
    "retentionInDays to at least minimumRetentionDays (default 365; 0, never expire, passes) " +
    "and kmsKeyId.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      minimumRetentionDays: { type: "integer", minimum: 1, default: 365 },
      ...SCOPE_SCHEMA,
    },
  },
  validateStack: (args, report) => {
    const config = args.getConfig<TrailLogGroupConfig>();
    const minimum = config.minimumRetentionDays;
    const view = new StackView(args.resources);
    for (const { group, why } of logGroupsInScope(view, new KmsWatch(view, oursOnly(config)))) {
      const subject = `log group ${quoted(group.name)}${why ? ` (${why})` : ""}`;
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

/**
 * Log groups in scope, with why when they are not ours: the trail that delivers to them, or the
 * KMS filter that reads them.
 */
function logGroupsInScope(
  view: StackView,
  watch: KmsWatch,
): { group: StackResource; why?: string }[] {
  const trails = view.ofType(TRAIL_TYPE);
  const filters = watch.oursOnly ? [] : watch.filters;
  return view.ofType(LOG_GROUP_TYPE).flatMap((group) => {
    const trail = trails.find(
      (t) => view.refersTo(t, "cloudWatchLogsGroupArn", group, logGroupArnMatcher(group)) === true,
    );
    if (trail) return [{ group, why: `receives trail ${quoted(trail.name)}` }];
    const filter = filters.find(
      (f) => view.refersTo(f, "logGroupName", group, sameAs(group, "name", "id")) === true,
    );
    if (filter) return [{ group, why: `read by KMS metric filter ${quoted(filter.name)}` }];
    return group.ours ? [{ group }] : [];
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
