/**
 * The organization example (Pulumi.org.yaml) under the mock runtime: the hub's resources, and
 * real CloudTrail records rewritten into member accounts and regions followed end to end: the
 * member's forwarding rule (its pattern taken from the StackSet's template), the hub bus policy
 * (IAM simulator: an organization account admitted, an outside account refused), and the hub's
 * group rules, to that group's topic and no other.
 */
import { readFileSync } from "fs";
import { join } from "path";

import { expect } from "chai";

import {
  applyInputTransformer,
  matchesEventPattern,
  toEventBridgeEvent,
  type CloudTrailRecord,
  type EventPattern,
} from "../../tools/matching";
import { loadStackConfig } from "../config/helpers";
import type { MockRun, RecordedResource } from "../harness/mock-runtime";
import { simulate } from "../harness/iam-simulator";
import {
  dashboardBodyOf,
  inventoryRows,
  parsedInputs,
  regionOf,
  runStack,
  widgetSummary,
} from "../program/helpers";

const HUB = "111122223333";
const ORG = "o-a1b2c3d4e5";
const KEYS = {
  paymentsUsEast1: ["222233334444", "us-east-1", "7b1e4c2a-9d3f-4a68-b5e0-c1d2e3f4a5b6"],
  paymentsUsWest2: ["222233334444", "us-west-2", "2c3d4e5f-6a7b-4c8d-9e0f-a1b2c3d4e5f7"],
  analyticsEuWest1: ["333344445555", "eu-west-1", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6e"],
  analyticsUsEast1: ["333344445555", "us-east-1", "4d5e6f7a-8b9c-4d0e-a1f2-b3c4d5e6f7a8"],
} as const;

let memo: Promise<MockRun<unknown>> | undefined;
const orgRun = () => (memo ??= runStack(loadStackConfig("org"), { stack: "org" }));

/** A fixture record, rewritten as if it happened in `account` and `region` on `keyId`. */
function recordIn(file: string, account: string, region: string, keyId?: string): CloudTrailRecord {
  const text = readFileSync(join(__dirname, "..", "fixtures", "cloudtrail", file), "utf8");
  const record = JSON.parse(text.replace(/\b\d{12}\b/g, account));
  record.awsRegion = region;
  record.recipientAccountId = account;
  if (keyId !== undefined) {
    const arn = `arn:aws:kms:${region}:${account}:key/${keyId}`;
    record.resources = [{ ARN: arn, accountId: account }];
    if (record.requestParameters) record.requestParameters.keyId = keyId;
  }
  return record as CloudTrailRecord;
}

/** The member template's forwarding pattern, read from the StackSet's template body. */
async function memberPattern(): Promise<EventPattern> {
  const [stackSet] = (await orgRun()).ofType("aws:cloudformation/stackSet:StackSet");
  const template = JSON.parse(stackSet.inputs.templateBody);
  return template.Resources.ForwardRule.Properties.EventPattern;
}

function inRegion(run: MockRun<unknown>, type: string, region: string): RecordedResource[] {
  return run.ofType(type).filter((r) => regionOf(run, r) === region);
}

/** The topics the hub's rules in `region` send `event` to, by rule name. */
function hubRoutes(run: MockRun<unknown>, region: string, event: unknown): Record<string, string> {
  const rules = inRegion(run, "aws:cloudwatch/eventRule:EventRule", region).filter(
    (r) => r.inputs.eventBusName === "kmsmon-sec-org",
  );
  const targets = inRegion(run, "aws:cloudwatch/eventTarget:EventTarget", region);
  const routes: Record<string, string> = {};
  for (const rule of rules) {
    if (!matchesEventPattern(parsedInputs(rule).eventPattern as EventPattern, event)) continue;
    for (const target of targets.filter((t) => t.inputs.rule === rule.inputs.name)) {
      routes[rule.inputs.name] = (target.inputs.arn as string).split(":").pop() as string;
    }
  }
  return routes;
}

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

  /** The text each hub rule in `region` matching `event` sends, by rule name. */
  function hubMessages(run: MockRun<unknown>, region: string, event: object): string[] {
    const targets = inRegion(run, "aws:cloudwatch/eventTarget:EventTarget", region);
    return Object.keys(hubRoutes(run, region, event)).map((rule) => {
      const target = targets.find((t) => t.inputs.rule === rule)!;
      return applyInputTransformer(target.inputs.inputTransformer, event);
    });
  }

  it("names the member account of the key by name and ID in a group's alert", async () => {
    const run = await orgRun();
    const [account, region, keyId] = KEYS.paymentsUsEast1;
    const event = toEventBridgeEvent(recordIn("DisableKey.json", account, region, keyId));
    const texts = hubMessages(run, region, event);
    expect(texts.length).to.be.greaterThan(0);
    for (const text of texts) {
      expect(text.split("\n").slice(1, 3)).to.deep.equal([
        "Group: Card tokenisation keys of the payments accounts",
        "Account: payments-prod (222233334444)",
      ]);
    }
    const [, euRegion, euKey] = KEYS.analyticsEuWest1;
    const put = toEventBridgeEvent(recordIn("PutKeyPolicy.json", "333344445555", euRegion, euKey));
    const euTexts = hubMessages(run, euRegion, put);
    expect(euTexts.length).to.be.greaterThan(0);
    for (const text of euTexts) {
      expect(text.split("\n")[2]).to.equal("Account: Analytics Data Lake (333344445555)");
    }
  });

  it("names each member key's account by name and ID on the dashboard, and reads its metrics there", async () => {
    const body = dashboardBodyOf(await orgRun(), "sec");
    expect(inventoryRows(body, "analytics").map((row) => row.slice(0, 3))).to.deep.equal([
      ["9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6e", "Analytics Data Lake (333344445555)", "-"],
      ["4d5e6f7a-8b9c-4d0e-a1f2-b3c4d5e6f7a8", "Analytics Data Lake (333344445555)", "-"],
    ]);
    const graph = body.widgets.find(
      (w) =>
        widgetSummary(w) ===
        "metric: Data-plane calls of 7b1e4c2a-9d3f-4a68-b5e0-c1d2e3f4a5b6 (us-east-1, account payments-prod (222233334444)), by operation",
    );
    expect(graph?.type).to.equal("metric");
    if (graph?.type !== "metric") return;
    const options = graph.properties.metrics.map((line) => line[line.length - 1]);
    expect(options.every((o) => typeof o === "object" && o.accountId === "222233334444")).to.equal(
      true,
    );
  });

  it("sends a member's quota alarm to the security topic of its region, naming the account", async () => {
    const run = await orgRun();
    const path = join(__dirname, "..", "fixtures", "eventbridge");
    const text = readFileSync(join(path, "CloudWatch-Alarm-State-Change-metric-math.json"), "utf8");
    const event = JSON.parse(text.replace(/123456789012/g, "222233334444"));
    event.region = "us-west-2";
    event.detail.alarmName = "kmsmon-sec-member-quota-symmetric";
    event.detail.configuration.description =
      'KMS requests in us-west-2 reached 80% of "Cryptographic operations (symmetric) request rate"';
    const [stackSet] = run.ofType("aws:cloudformation/stackSet:StackSet");
    const template = JSON.parse(stackSet.inputs.templateBody);
    expect(
      matchesEventPattern(template.Resources.AlarmForwardRule.Properties.EventPattern, event),
    ).to.equal(true);
    expect(hubRoutes(run, "us-west-2", event)).to.deep.equal({
      "kmsmon-sec-org-member-alarms": "kmsmon-sec-security",
    });
    expect(hubMessages(run, "us-west-2", event)[0].split("\n")).to.deep.equal([
      "[OPERATIONAL] KMS requests of a member account: kmsmon-sec-member-quota-symmetric in ALARM, account 222233334444 (sec)",
      "Member accounts in us-west-2 (at deploy): payments-prod (222233334444)",
      "",
      'What happened: KMS requests in us-west-2 reached 80% of "Cryptographic operations (symmetric) request rate"',
      "Why: Threshold Crossed: 1 out of the last 1 datapoints [45628.0 (02/10/19 17:10:00)] was greater than the threshold (10000.0) (minimum 1 datapoint for OK -> ALARM transition).",
      "When: 2019-10-02T17:20:48Z in us-west-2",
      "",
      "What to do: KMS throttles these calls for the whole of account 222233334444 in us-west-2 past 100% of the quota. In that account, find the callers (CloudTrail, the hub dashboard's per-key graphs), cache data keys or spread load, or request an increase: aws service-quotas list-service-quotas --service-code kms --region us-west-2",
      "",
      "Alarm (sign in to account 222233334444): https://us-west-2.console.aws.amazon.com/cloudwatch/home?region=us-west-2#alarmsV2:alarm/kmsmon-sec-member-quota-symmetric",
    ]);
  });

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
    expect(text.split("\n")[1]).to.equal(
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
