/** The member StackSet template: CloudFormation's own schemas accept it, and it stays minimal. */
import { expect } from "chai";

import {
  memberTemplate,
  renderTemplate,
  type CfnTemplate,
} from "../../components/organization/member-template";
import { templateProblems } from "../harness/cfn-template";

const HUB = "999988887777";
const MEMBER = "111122223333";
const SINK = "arn:aws:oam:us-east-1:999988887777:sink/f3c1e7a0-1b2c-4d5e-8f90-a1b2c3d4e5f6";
const ROLE_ARN = "arn:aws:iam::111122223333:role/kmsmon-prod-to-hub-us-east-1";

type Json = Parameters<typeof templateProblems>[0];

function problems(template: CfnTemplate, accountId: string, region: string): string[] {
  return templateProblems(
    template as unknown as Json,
    { accountId, region, partition: "aws" },
    { HubSinkArn: SINK },
    { "ForwardRole.Arn": ROLE_ARN },
  );
}

describe("organization: member template", () => {
  const template = memberTemplate("prod", HUB);

  it("passes the registry schemas of AWS::Events::Rule, AWS::IAM::Role and AWS::Oam::Link", () => {
    expect(problems(template, MEMBER, "us-east-1")).to.deep.equal([]);
    expect(problems(template, MEMBER, "eu-west-1")).to.deep.equal([]);
    expect(problems(template, HUB, "us-east-1")).to.deep.equal([]);
  });

  it("fails the schemas when a property is wrong (the check is not vacuous)", () => {
    const broken = JSON.parse(renderTemplate(template));
    broken.Resources.ForwardRule.Properties.State = "ON";
    delete broken.Resources.MetricsLink.Properties.ResourceTypes;
    broken.Resources.ForwardRole.Properties.RoleName = { Ref: "Missing" };
    delete broken.Resources.ForwardRule.Properties.EventPattern;
    expect(problems(broken, MEMBER, "us-east-1")).to.deep.equal([
      "Resources.ForwardRole.RoleName: Ref to unknown Missing",
      "Resources.ForwardRole.Properties/RoleName: must NOT have fewer than 1 characters",
      "Resources.ForwardRule.Properties: needs one of EventPattern, ScheduleExpression",
      "Resources.ForwardRule.Properties/State: must be equal to one of the allowed values",
      "Resources.MetricsLink.Properties: must have required property 'ResourceTypes'",
    ]);
  });

  it("stays within CloudFormation's 51,200-byte template body", () => {
    expect(Buffer.byteLength(renderTemplate(template), "utf8")).to.be.below(51_200);
  });

  it("has three resources, and the OAM link only outside the hub account", () => {
    expect(
      Object.entries(template.Resources).map(([name, r]) => [name, r.Type, r.Condition]),
    ).to.deep.equal([
      ["ForwardRole", "AWS::IAM::Role", undefined],
      ["ForwardRule", "AWS::Events::Rule", undefined],
      ["MetricsLink", "AWS::Oam::Link", "NotHub"],
    ]);
    expect(template.Conditions).to.deep.equal({
      NotHub: {
        "Fn::Not": [{ "Fn::Equals": [{ Ref: "AWS::AccountId" }, { Ref: "HubAccountId" }] }],
      },
    });
  });

  it("is the same in every account: no account ID but the hub's parameter default", () => {
    const text = renderTemplate(template);
    expect(text.match(/\d{12}/g)).to.deep.equal([HUB]);
  });

  it("lets the role put events on the hub's bus of its region only, for this account's EventBridge", () => {
    const role = template.Resources.ForwardRole.Properties;
    expect(role.Policies).to.deep.equal([
      {
        PolicyName: "put-events-on-hub-bus",
        PolicyDocument: {
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Action: "events:PutEvents",
              Resource: {
                "Fn::Sub":
                  "arn:${AWS::Partition}:events:${AWS::Region}:${HubAccountId}:event-bus/kmsmon-prod-org",
              },
            },
          ],
        },
      },
    ]);
    expect(role.AssumeRolePolicyDocument).to.deep.equal({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "events.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } } },
        },
      ],
    });
  });

  it("forwards with every management event, within EventBridge's 2,048-character pattern", () => {
    const rule = template.Resources.ForwardRule.Properties;
    expect(rule.State).to.equal("ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");
    expect(JSON.stringify(rule.EventPattern).length).to.be.at.most(2048);
  });
});
