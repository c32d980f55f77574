import { expect } from "chai";

import { buildDashboardBodies } from "../../components/dashboard/body";
import type { DashboardInput } from "../../components/dashboard/input";
import { planAlarms, type StackPlan } from "../../components/plan/stack-plan";
import { ACCOUNT } from "../builders";
import { devStack, key, prodStack } from "./fixtures";

/** Every alarm the plan's dashboards draw, as `region/name`, sorted. */
function drawnAlarms(plan: StackPlan): string[] {
  const prefix = `arn:aws:cloudwatch:`;
  return plan.dashboards
    .flatMap((d) => d.body.widgets)
    .flatMap((w) => (w.type === "alarm" ? w.properties.alarms : []))
    .map((arn) => {
      expect(arn.startsWith(prefix), arn).to.equal(true);
      const [region, account, , name] = arn.slice(prefix.length).split(":");
      expect(account).to.equal(ACCOUNT);
      return `${region}/${name}`;
    })
    .sort();
}

/** The plan's alarms as `region/name`, less the alert plumbing's (dead-letter queue, delivery). */
function plannedExceptPlumbing(plan: StackPlan): string[] {
  const plumbing = new Set(
    plan.alerting.flatMap((a) => [a.deadLetterQueue.alarm.name, a.deliveryAlarm.name]),
  );
  return planAlarms(plan)
    .filter((a) => !plumbing.has(a.name))
    .map((a) => `${a.region}/${a.name}`)
    .sort();
}

describe("dashboard: draws the alarms of the stack plan", () => {
  it("dev: the plan's 25 alarms besides the alert plumbing, each once", () => {
    const { plan } = devStack();
    const drawn = drawnAlarms(plan);
    // 9 account, 9 tamper and the trail-silence alarm, 3 quota alarms and 3 account usage bands;
    // no group opts in to its own baseline, no key has expiring material.
    expect(drawn).to.have.length(25);
    expect(new Set(drawn).size).to.equal(25);
    expect(drawn).to.deep.equal(plannedExceptPlumbing(plan));
    expect(drawn).to.include.members([
      "us-east-1/kmsmon-dev-account-cis-4-7",
      "us-east-1/kmsmon-dev-account-key-created",
      "us-east-1/kmsmon-dev-tamper-trail-silent",
      "us-east-1/kmsmon-dev-tamper-alarms-muted",
      "us-east-1/kmsmon-dev-quota-symmetric",
      "us-east-1/kmsmon-dev-usage-symmetric",
    ]);
    expect(drawn).not.to.include.members([
      "us-east-1/kmsmon-dev-undelivered-not-empty",
      "us-east-1/kmsmon-dev-notifications-failed",
    ]);
  });

  it("prod: the plan's alarms besides the alert plumbing, in their regions", () => {
    const { plan } = prodStack();
    const drawn = drawnAlarms(plan);
    // us-east-1: 19 account-wide (9 account, 9 tamper, trail silent), 3 quota, 3 usage bands and
    // platform-secrets' opt-in baseline; eu-west-1: 3 quota, 3 usage bands, platform-secrets'
    // baseline and partner-exchange's expiry alarm.
    expect(drawn).to.have.length(34);
    expect(drawn).to.deep.equal(plannedExceptPlumbing(plan));
    expect(drawn.filter((a) => a.startsWith("eu-west-1/"))).to.deep.equal([
      "eu-west-1/kmsmon-prod-partner-exchange-expiry-3a7c5e91-2b4d-4f68-8e1a-c6d0b9f2e473",
      "eu-west-1/kmsmon-prod-platform-secrets-baseline-1",
      "eu-west-1/kmsmon-prod-quota-ecc",
      "eu-west-1/kmsmon-prod-quota-rsa",
      "eu-west-1/kmsmon-prod-quota-symmetric",
      "eu-west-1/kmsmon-prod-usage-ecc",
      "eu-west-1/kmsmon-prod-usage-rsa",
      "eu-west-1/kmsmon-prod-usage-symmetric",
    ]);
  });

  it("bands the operation the plan's baseline alarm reads for each key", () => {
    const k = key("k1", "us-east-1", { keyUsage: "ENCRYPT_DECRYPT" });
    const input = (bandOperations?: Record<string, string>): DashboardInput => ({
      environment: "test",
      stackRegion: "us-east-1",
      accountId: ACCOUNT,
      groups: [
        {
          name: "g",
          keys: [k],
          alarms: [],
          expiryKeyArns: [],
          anomalyBandWidth: 2,
          bandOperations,
        },
      ],
    });
    const bands = (i: DashboardInput) =>
      buildDashboardBodies(i)[0]
        .body.widgets.flatMap((w) => (w.type === "metric" ? w.properties.metrics : []))
        .flatMap((m) =>
          m.flatMap((part) =>
            typeof part === "object" && part.expression?.startsWith("ANOMALY")
              ? [part.expression]
              : [],
          ),
        );
    // Planned: Encrypt (line o0). Not planned: Decrypt, what UsageBaseline reads (line o1).
    expect(bands(input({ [k.arn]: "Encrypt" }))).to.deep.equal(["ANOMALY_DETECTION_BAND(o0, 2)"]);
    expect(bands(input())).to.deep.equal(["ANOMALY_DETECTION_BAND(o1, 2)"]);
    expect(() => bands(input({ [k.arn]: "Sign" }))).to.throw(
      `dashboard: key ${k.arn}: its baseline reads Sign, not graphed`,
    );
  });

  it("draws no account alarms unless given (a standalone dashboard has no plan)", () => {
    const [d] = buildDashboardBodies({
      environment: "test",
      stackRegion: "us-east-1",
      accountId: ACCOUNT,
      groups: [],
    });
    expect(d.body.widgets.filter((w) => w.type === "alarm")).to.deep.equal([]);
  });
});
