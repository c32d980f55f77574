/**
 * The organization example (Pulumi.org.yaml) under the mock runtime: the hub's resources, and
 * real CloudTrail records rewritten into member accounts and regions followed end to end: the
 * member's forwarding rule (its pattern taken from the StackSet's template), the hub bus policy
 * (IAM simulator: an organization account admitted, an outside account refused), and the hub's
 * group rules, to that group's topic and no other.
 */
import { expect } from "chai";

import {
  applyInputTransformer,
  matchesEventPattern,
  toEventBridgeEvent,
} from "../../tools/matching";
import { simulate } from "../harness/iam-simulator";
import { parsedInputs } from "../program/helpers";
import {
  HUB,
  KEYS,
  ORG,
  hubRoutes,
  inRegion,
  memberPattern,
  orgRun,
  recordIn,
} from "./hub-helpers";

describe("organization: the hub program (Pulumi.org.yaml under mocks)", function () {
  this.timeout(120_000);

  it("creates per region a bus admitting only the organization, and an organization-only sink", async () => {
    const run = await orgRun();
    for (const region of ["eu-west-1", "us-east-1", "us-west-2"]) {
      const [bus] = inRegion(run, "aws:cloudwatch/eventBus:EventBus", region);
      expect(bus.inputs.name).to.equal("kmsmon-sec-org");
      const [policy] = inRegion(run, "aws:cloudwatch/eventBusPolicy:EventBusPolicy", region);
      expect(parsedInputs(policy).policy).to.deep.equal({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "OrganizationPutsKmsEvents",
            Effect: "Allow",
            Principal: "*",
            Action: "events:PutEvents",
            Resource: `arn:aws:events:${region}:${HUB}:event-bus/kmsmon-sec-org`,
            Condition: { StringEquals: { "aws:PrincipalOrgID": ORG } },
          },
        ],
      });
      const [sinkPolicy] = inRegion(run, "aws:oam/sinkPolicy:SinkPolicy", region);
      expect(parsedInputs(sinkPolicy).policy).to.deep.equal({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "OrganizationLinksMetrics",
            Effect: "Allow",
            Principal: "*",
            Action: ["oam:CreateLink", "oam:UpdateLink"],
            Resource: "*",
            Condition: {
              StringEquals: { "aws:PrincipalOrgID": ORG },
              "ForAllValues:StringEquals": { "oam:ResourceTypes": ["AWS::CloudWatch::Metric"] },
            },
          },
        ],
      });
    }
  });

  it("rolls the member template out by a service-managed StackSet on the OUs, per region with its sink", async () => {
    const run = await orgRun();
    const [stackSet] = run.ofType("aws:cloudformation/stackSet:StackSet");
    expect({
      name: stackSet.inputs.name,
      permissionModel: stackSet.inputs.permissionModel,
      callAs: stackSet.inputs.callAs,
      autoDeployment: stackSet.inputs.autoDeployment,
      capabilities: stackSet.inputs.capabilities,
      parameters: stackSet.inputs.parameters,
      operationPreferences: stackSet.inputs.operationPreferences,
    }).to.deep.equal({
      name: "kmsmon-sec-members",
      permissionModel: "SERVICE_MANAGED",
      callAs: "DELEGATED_ADMIN",
      autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
      capabilities: ["CAPABILITY_NAMED_IAM"],
      parameters: { HubAccountId: HUB },
      operationPreferences: {
        maxConcurrentPercentage: 25,
        failureTolerancePercentage: 10,
        regionConcurrencyType: "PARALLEL",
      },
    });
    const instances = run.ofType("aws:cloudformation/stackSetInstance:StackSetInstance");
    expect(
      instances.map((i) => [
        i.inputs.stackSetInstanceRegion,
        i.inputs.deploymentTargets,
        i.inputs.callAs,
        i.inputs.parameterOverrides,
      ]),
    ).to.deep.equal(
      ["us-east-1", "eu-west-1", "us-west-2"].map((region) => [
        region,
        { organizationalUnitIds: ["ou-ab12-34cd5678", "ou-ab12-9f8e7d6c"] },
        "DELEGATED_ADMIN",
        { HubSinkArn: `arn:aws:oam:${region}:${HUB}:sink/kmsmon-sec-org` },
      ]),
    );
  });

  const cases: [string, keyof typeof KEYS, string][] = [
    ["DisableKey.json", "paymentsUsEast1", "payments"],
    ["ScheduleKeyDeletion.json", "paymentsUsWest2", "payments"],
    ["PutKeyPolicy.json", "analyticsEuWest1", "analytics"],
    ["DisableKey.json", "analyticsUsEast1", "analytics"],
  ];
  for (const [file, key, group] of cases) {
    const [account, region, keyId] = KEYS[key];
    it(`follows ${file} of member ${account} in ${region} to ${group}'s topic only`, async () => {
      const run = await orgRun();
      const event = toEventBridgeEvent(recordIn(file, account, region, keyId));
      expect(event.account).to.equal(account);
      expect(matchesEventPattern(await memberPattern(), event)).to.equal(true);
      const [policy] = inRegion(run, "aws:cloudwatch/eventBusPolicy:EventBusPolicy", region);
      const bus = `arn:aws:events:${region}:${HUB}:event-bus/kmsmon-sec-org`;
      const put = (principalAccount: string, orgId: string) =>
        simulate({
          resourcePolicy: parsedInputs(policy).policy as never,
          // The member role's own policy (the template's): PutEvents on this bus.
          identityPolicies: [
            {
              Version: "2012-10-17",
              Statement: [
                {
                  Sid: "PutEventsOnHubBus",
                  Effect: "Allow",
                  Action: "events:PutEvents",
                  Resource: bus,
                },
              ],
            },
          ],
          principal: `arn:aws:iam::${principalAccount}:role/kmsmon-sec-to-hub-${region}`,
          action: "events:PutEvents",
          resource: bus,
          accountId: HUB,
          context: { "aws:PrincipalOrgID": orgId },
        });
      expect(await put(account, ORG)).to.equal("Allowed");
      expect(await put("777766665555", "o-zzzzzzzzzz")).to.equal("ImplicitlyDenied");
      const topics = Object.values(hubRoutes(run, region, event));
      expect(topics.length).to.be.greaterThan(0);
      expect(topics.every((t) => t.startsWith(`kmsmon-sec-${group}-`))).to.equal(true);
    });
  }

  it("sends a key created in a member no group covers to the security topic of its region", async () => {
    const run = await orgRun();
    const event = toEventBridgeEvent(recordIn("CreateKey.json", "444455556666", "us-west-2"));
    expect(matchesEventPattern(await memberPattern(), event)).to.equal(true);
    expect(hubRoutes(run, "us-west-2", event)).to.deep.equal({
      "kmsmon-sec-org-new-key-created": "kmsmon-sec-security",
    });
    // The message names the member's new key and who created it.
    const target = inRegion(run, "aws:cloudwatch/eventTarget:EventTarget", "us-west-2").find(
      (t) => t.inputs.rule === "kmsmon-sec-org-new-key-created",
    );
    const text = applyInputTransformer(target!.inputs.inputTransformer, event);
    expect(text.split("\n")[0]).to.equal(
      "[WARNING] Key created or replicated outside every group: key arn:aws:kms:us-west-2:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab, account 444455556666 (sec)",
    );
    // The event gives the ID only; the message lists the region's named members to look it up.
    expect(text.split("\n").at(-1)).to.equal(
      "Member accounts in us-west-2 (at deploy): payments-prod (222233334444)",
    );
    expect(text).to.contain("CreateKey by arn:aws:iam::444455556666:user/Alice (IAMUser)");
    // The security topic takes it from the rule on the hub bus.
    const topicPolicy = inRegion(run, "aws:sns/topicPolicy:TopicPolicy", "us-west-2").find((p) =>
      (p.inputs.arn as string).endsWith(":kmsmon-sec-security"),
    );
    expect(
      await simulate({
        resourcePolicy: parsedInputs(topicPolicy!).policy as never,
        principal: "events.amazonaws.com",
        action: "sns:Publish",
        resource: `arn:aws:sns:us-west-2:${HUB}:kmsmon-sec-security`,
        accountId: HUB,
        context: {
          "aws:SourceAccount": HUB,
          "aws:SourceArn": `arn:aws:events:us-west-2:${HUB}:rule/kmsmon-sec-org/kmsmon-sec-org-new-key-created`,
          "aws:SecureTransport": "true",
        },
      }),
    ).to.equal("Allowed");
  });
});
