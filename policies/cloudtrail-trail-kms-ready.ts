/**
 * cloudtrail-trail-kms-ready: a trail that KMS monitoring can rely on records every KMS
 * management event in every region, proves its log files unaltered, and delivers to CloudWatch
 * Logs, where the metric filters read.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { isUnknown, Props } from "./lib/known";
import { quoted, validateTypes } from "./lib/resource-policy";
import { kmsSelectorProblems } from "./lib/trail-selectors";

/** CloudTrail trails record all KMS management events in every region into CloudWatch Logs. */
export const cloudtrailTrailKmsReady: ResourceValidationPolicy = {
  name: "cloudtrail-trail-kms-ready",
  description:
    "CloudTrail trails are multi-region, logging, with log file validation, record all " +
    "management events (readWriteType All) without excluding kms.amazonaws.com, and deliver " +
    "to a CloudWatch Logs group (cloudWatchLogsGroupArn and cloudWatchLogsRoleArn set).",
  enforcementLevel: "mandatory",
  validateResource: validateTypes(["aws:cloudtrail/trail:Trail"], (props, args, report) => {
    const subject = `cloudtrail trail ${quoted(args.name)}`;
    for (const problem of trailProblems(props)) report(`${subject}: ${problem}`);
  }),
};

/** Every problem of a trail, each saying what to change; unknown values are skipped. */
export function trailProblems(props: Props): string[] {
  const problems: string[] = [];
  const flag = (field: string, wanted: boolean, why: string) => {
    const value = props[field];
    if (value === wanted || isUnknown(value)) return;
    // enableLogging defaults to true; the others default to false.
    if (value === undefined && field === "enableLogging") return;
    const now = value === undefined ? "is not set" : `is ${JSON.stringify(value)}`;
    problems.push(`${field} ${now}; set ${field}: ${wanted} ${why}`);
  };
  flag("isMultiRegionTrail", true, "so KMS calls in every region are recorded");
  flag("enableLogging", true, "or the trail records nothing");
  flag("enableLogFileValidation", true, "so tampering with log files can be detected");
  problems.push(...kmsSelectorProblems(props));
  for (const field of ["cloudWatchLogsGroupArn", "cloudWatchLogsRoleArn"]) {
    if (props[field] === undefined || props[field] === "") {
      problems.push(
        `${field} is not set; deliver the trail to a CloudWatch Logs group ` +
          "(cloudWatchLogsGroupArn with its :* suffix, and a cloudWatchLogsRoleArn CloudTrail " +
          "can assume) so the KMS metric filters see its events",
      );
    }
  }
  return problems;
}
