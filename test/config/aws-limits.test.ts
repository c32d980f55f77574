/**
 * AWS's limits across fields, refused by the stack config with the config path and what is
 * allowed: alarm evaluation windows, S3 lifecycle order, reserved log group names, name lengths.
 */
import { expect } from "chai";

import { ConfigError, parseStackConfig } from "../../components/config";
import { groupNameLengthProblem } from "../../components/config/rules";
import { keyArn, keyId } from "../builders";
import { expectIssues, stackConfig, withGroups } from "./helpers";

const LOG_GROUP_RULE =
  '1-512 letters, digits, underscores, hyphens, slashes, periods and #, not starting with "aws/"';

describe("config: AWS limits across fields", () => {
  it("refuses a baseline whose periodSeconds x evaluationPeriods exceeds 7 days", () => {
    const raw = withGroups([
      {
        name: "payments",
        keys: [keyArn("us-east-1", keyId(1))],
        baseline: { periodSeconds: 86400, evaluationPeriods: 24 },
      },
    ]);
    expect(() => parseStackConfig(raw)).to.throw(
      ConfigError,
      "Invalid kms-monitoring stack config, 1 problem (see docs/CONFIG.md):\n" +
        "  keyGroups[0].baseline.evaluationPeriods: 24 periods of 86,400 seconds are 2,073,600 seconds; CloudWatch allows at most 604,800 seconds (7 days) for periodSeconds x evaluationPeriods (expected at most 7 periods of 86,400 seconds)",
    );
  });

  it("accepts a baseline of exactly 7 days", () => {
    const raw = withGroups([
      {
        name: "payments",
        keys: [keyArn("us-east-1", keyId(1))],
        baseline: { periodSeconds: 86400, evaluationPeriods: 7 },
      },
    ]);
    expect(parseStackConfig(raw).keyGroups[0].baseline).to.deep.equal({
      enabled: false,
      level: "group",
      bandWidth: 2,
      evaluationPeriods: 7,
      datapointsToAlarm: 7,
      periodSeconds: 86400,
    });
  });

  it("refuses datapointsToAlarm over evaluationPeriods together with the 7-day limit", () => {
    const raw = withGroups([
      {
        name: "payments",
        keys: [keyArn("us-east-1", keyId(1))],
        baseline: { periodSeconds: 86400, evaluationPeriods: 8, datapointsToAlarm: 9 },
      },
    ]);
    expectIssues(raw, [
      {
        path: "keyGroups[0].baseline.evaluationPeriods",
        message:
          "8 periods of 86,400 seconds are 691,200 seconds; CloudWatch allows at most 604,800 seconds (7 days) for periodSeconds x evaluationPeriods (expected at most 7 periods of 86,400 seconds)",
      },
      {
        path: "keyGroups[0].baseline.datapointsToAlarm",
        message: "9 is more than evaluationPeriods (8) (expected an integer from 1 to 8)",
      },
    ]);
  });

  it("refuses a Glacier transition less than 30 days after Standard-IA", () => {
    const raw = stackConfig({
      "kms-monitoring:trail": { transitionToInfrequentAccessDays: 30, transitionToGlacierDays: 59 },
    });
    expectIssues(raw, [
      {
        path: "trail.transitionToGlacierDays",
        message:
          "59 is too soon after transitionToInfrequentAccessDays (30) (expected at least 60: S3 keeps objects in Standard-IA for 30 days before Glacier)",
      },
    ]);
  });

  it("refuses an existing trail's log group under aws/, as the trail component does", () => {
    const raw = stackConfig({
      "kms-monitoring:trail": { mode: "existing", logGroupName: "aws/cloudtrail/management" },
    });
    expectIssues(raw, [
      {
        path: "trail.logGroupName",
        message: `"aws/cloudtrail/management" starts with "aws/", which CloudWatch Logs reserves for AWS (allowed: ${LOG_GROUP_RULE})`,
      },
    ]);
  });

  it("measures a group's names after the environment prefix against AWS's lengths", () => {
    expect(groupNameLengthProblem("prod", "payments")).to.equal(undefined);
    // kmsmon-<16>-<32>-pun-999 is 64 characters: the longest names the config allows fit.
    expect(groupNameLengthProblem("e".repeat(16), "g".repeat(32))).to.equal(undefined);
    expect(groupNameLengthProblem("e".repeat(16), "g".repeat(35))).to.equal(
      `makes EventBridge rule names of up to 67 characters (kmsmon-${"e".repeat(16)}-${"g".repeat(35)}-pun-999); AWS allows 64 (shorten the group or environment name)`,
    );
  });
});
