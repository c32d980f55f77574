/**
 * What on-call reads from an organization hub (Pulumi.org.yaml under the mock runtime): alerts and
 * the dashboard name a member account by name and ID, and a member's own quota alarm reaches
 * security naming the account. Real records and AWS's sample alarm event, rewritten into a member.
 */
import { readFileSync } from "fs";
import { join } from "path";

import { expect } from "chai";

import { matchesEventPattern, toEventBridgeEvent } from "../../tools/matching";
import { dashboardBodyOf, inventoryRows, widgetSummary } from "../program/helpers";
import { KEYS, hubMessages, hubRoutes, orgRun, recordIn } from "./hub-helpers";

describe("organization: what the hub's alerts and dashboard say about members", function () {
  this.timeout(120_000);

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
    const path = join(__dirname, "..", "fixtures", "eventbridge-cloudwatch");
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
      "",
      'What happened: KMS requests in us-west-2 reached 80% of "Cryptographic operations (symmetric) request rate"',
      "Why: Threshold Crossed: 1 out of the last 1 datapoints [45628.0 (02/10/19 17:10:00)] was greater than the threshold (10000.0) (minimum 1 datapoint for OK -> ALARM transition).",
      "When: 2019-10-02T17:20:48Z in us-west-2",
      "",
      "What to do: in account 222233334444, find the callers (CloudTrail, the hub dashboard's per-key graphs). Near a quota, KMS soon throttles these calls for the whole account in us-west-2: cache data keys, spread load, or request an increase (aws service-quotas list-service-quotas --service-code kms --region us-west-2).",
      "",
      "Alarm (sign in to account 222233334444): https://us-west-2.console.aws.amazon.com/cloudwatch/home?region=us-west-2#alarmsV2:alarm/kmsmon-sec-member-quota-symmetric",
      "",
      "Member accounts in us-west-2 (at deploy): payments-prod (222233334444)",
    ]);
  });
});
