/**
 * Members' own request-quota alarms: the member template carries the one-account stack's quota
 * alarms (and usage bands when `memberUsageBands` is on) as AWS::CloudWatch::Alarm, valid against
 * CloudFormation's schema, and a rule forwarding their ALARM state changes to the hub's bus; the
 * real CloudWatch alarm event, rewritten into a member's quota alarm, matches it and nothing else.
 */
import { readFileSync } from "fs";
import { join } from "path";

import { expect } from "chai";

import { planMemberAlarms } from "../../components/organization/member-alarms";
import {
  memberTemplate,
  renderTemplate,
  type CfnTemplate,
} from "../../components/organization/member-template";
import { matchesEventPattern, type EventPattern } from "../../tools/matching";
import { templateProblems } from "../harness/cfn-template";

const HUB = "999988887777";
const MEMBER = "222233334444";
const SINK = "arn:aws:oam:us-east-1:999988887777:sink/f3c1e7a0-1b2c-4d5e-8f90-a1b2c3d4e5f6";
const ROLE_ARN = "arn:aws:iam::222233334444:role/kmsmon-prod-to-hub-us-east-1";
const BASELINE = {
  enabled: true,
  bandWidth: 2,
  evaluationPeriods: 3,
  datapointsToAlarm: 3,
  periodSeconds: 3600,
};

type Json = Parameters<typeof templateProblems>[0];

function templateWith(bands: boolean, quotas = true): CfnTemplate {
  const alarms = planMemberAlarms({
    environment: "prod",
    quotaAlarmPercent: 80,
    usageBaseline: BASELINE,
    quotas,
    bands,
  });
  return memberTemplate("prod", HUB, alarms);
}

function problems(template: CfnTemplate, accountId: string): string[] {
  return templateProblems(
    template as unknown as Json,
    { accountId, region: "us-east-1", partition: "aws" },
    { HubSinkArn: SINK },
    { "ForwardRole.Arn": ROLE_ARN },
  );
}

/** AWS's sample metric-math alarm event, as if a member's alarm `alarmName` fired. */
function alarmEvent(alarmName: string, state = "ALARM"): Record<string, unknown> {
  const path = join(__dirname, "..", "fixtures", "eventbridge-cloudwatch");
  const text = readFileSync(join(path, "CloudWatch-Alarm-State-Change-metric-math.json"), "utf8");
  const event = JSON.parse(text.replace(/123456789012/g, MEMBER));
  event.detail.alarmName = alarmName;
  event.detail.state.value = state;
  return event;
}

describe("organization: members' own quota alarms", () => {
  it("passes the registry schemas, with and without usage bands, in a member and in the hub", () => {
    expect(problems(templateWith(false), MEMBER)).to.deep.equal([]);
    expect(problems(templateWith(true), MEMBER)).to.deep.equal([]);
    expect(problems(templateWith(false), HUB)).to.deep.equal([]);
  });

  it("fails the alarm schema when a property is wrong (the check is not vacuous)", () => {
    const broken = JSON.parse(renderTemplate(templateWith(true)));
    broken.Resources.AlarmQuotaSymmetric.Properties.ThresholdMetricId = "e1";
    broken.Resources.AlarmQuotaRsa.Properties.TreatMissingData = "zero";
    delete broken.Resources.AlarmQuotaEcc.Properties.Metrics;
    expect(problems(broken, MEMBER)).to.deep.equal([
      "Resources.AlarmQuotaSymmetric.Properties: Threshold excludes ThresholdMetricId",
      "Resources.AlarmQuotaSymmetric.Properties: ThresholdMetricId excludes Threshold",
      "Resources.AlarmQuotaRsa.Properties/TreatMissingData: must be equal to one of the allowed values",
      "Resources.AlarmQuotaEcc.Properties: needs exactly one of Metrics, MetricName",
    ]);
  });

  it("adds three quota alarms and their rule outside the hub; bands add three more", () => {
    const kinds = (t: CfnTemplate) =>
      Object.entries(t.Resources).map(([name, r]) => [name, r.Type, r.Condition]);
    expect(kinds(templateWith(false))).to.deep.equal([
      ["ForwardRole", "AWS::IAM::Role", undefined],
      ["ForwardRule", "AWS::Events::Rule", undefined],
      ["AlarmQuotaSymmetric", "AWS::CloudWatch::Alarm", "NotHub"],
      ["AlarmQuotaRsa", "AWS::CloudWatch::Alarm", "NotHub"],
      ["AlarmQuotaEcc", "AWS::CloudWatch::Alarm", "NotHub"],
      ["AlarmForwardRule", "AWS::Events::Rule", "NotHub"],
      ["MetricsLink", "AWS::Oam::Link", "NotHub"],
    ]);
    expect(
      Object.keys(templateWith(true).Resources).filter((n) => n.startsWith("AlarmUsage")),
    ).to.deep.equal(["AlarmUsageSymmetric", "AlarmUsageRsa", "AlarmUsageEcc"]);
    // memberQuotaAlarms off (and no bands): no alarm, no alarm rule, no fixed charge.
    expect(kinds(templateWith(false, false))).to.deep.equal([
      ["ForwardRole", "AWS::IAM::Role", undefined],
      ["ForwardRule", "AWS::Events::Rule", undefined],
      ["MetricsLink", "AWS::Oam::Link", "NotHub"],
    ]);
  });

  it("reads the member's own AWS/Usage against its own applied quota, as the one-account stack does", () => {
    const alarm = templateWith(false).Resources.AlarmQuotaSymmetric.Properties;
    expect(alarm).to.deep.include({
      AlarmName: "kmsmon-prod-member-quota-symmetric",
      Threshold: 80,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      TreatMissingData: "notBreaching",
    });
    expect(alarm.Metrics).to.deep.equal([
      {
        Id: "m1",
        Label: "CallCount CryptographicOperationsSymmetric",
        ReturnData: false,
        MetricStat: {
          Metric: {
            Namespace: "AWS/Usage",
            MetricName: "CallCount",
            Dimensions: [
              { Name: "Service", Value: "KMS" },
              { Name: "Type", Value: "API" },
              { Name: "Resource", Value: "CryptographicOperationsSymmetric" },
              { Name: "Class", Value: "None" },
            ],
          },
          Period: 60,
          Stat: "Sum",
        },
      },
      {
        Id: "e1",
        Label: "Percent of Cryptographic operations (symmetric) request rate",
        ReturnData: true,
        Expression: "m1/60/SERVICE_QUOTA(m1)*100",
      },
    ]);
    expect((alarm.AlarmDescription as { "Fn::Sub": string })["Fn::Sub"]).to.match(
      /^KMS requests in \$\{AWS::Region\} reached 80% of "Cryptographic operations \(symmetric\) request rate"/,
    );
    // No actions: the state change reaches EventBridge whatever the actions.
    expect(alarm).not.to.have.property("AlarmActions");
  });

  it("forwards its alarms' changes to ALARM to the hub's bus, and nothing else", () => {
    const rule = templateWith(true).Resources.AlarmForwardRule.Properties;
    const pattern = rule.EventPattern as EventPattern;
    expect(rule.Targets).to.deep.equal(templateWith(true).Resources.ForwardRule.Properties.Targets);
    expect(matchesEventPattern(pattern, alarmEvent("kmsmon-prod-member-quota-symmetric"))).to.equal(
      true,
    );
    expect(matchesEventPattern(pattern, alarmEvent("kmsmon-prod-member-usage-rsa"))).to.equal(true);
    expect(matchesEventPattern(pattern, alarmEvent("kmsmon-prod-member-quota-rsa", "OK"))).to.equal(
      false,
    );
    expect(matchesEventPattern(pattern, alarmEvent("TotalNetworkTrafficTooHigh"))).to.equal(false);
  });

  it("stays within 51,200 bytes with the bands", () => {
    expect(Buffer.byteLength(renderTemplate(templateWith(true)), "utf8")).to.equal(11_655);
  });
});
