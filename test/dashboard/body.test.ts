import { expect } from "chai";

import { buildDashboardBodies, dashboardName } from "../../components/dashboard/body";
import { dashboardLimits } from "../../components/dashboard/limits";
import type { Widget } from "../../components/dashboard/types";
import type { DashboardInput } from "../../components/dashboard/input";
import { KMS_SIGNALS } from "../../components/signals/catalog";
import { expectValidGrid, expectWithinQuotas, roundTrip } from "./checks";
import { ACCOUNT } from "../builders";
import { accountAlarms, importedKey, key, undescribedKey } from "./fixtures";

const K1 = key("k1", "us-east-1", { aliases: ["alias/payments"] });
const K2 = importedKey("k2", "eu-west-1", "2026-06-30T00:00:00Z");
const K3 = undescribedKey("k3", "us-east-1");

function input(extra: Partial<DashboardInput["groups"][number]> = {}): DashboardInput {
  return {
    environment: "test",
    stackRegion: "us-east-1",
    accountId: ACCOUNT,
    accountAlarms: accountAlarms("test"),
    groups: [
      {
        name: "payments",
        keys: [K1, K2, K3],
        alarms: [{ name: "kmsmon-test-payments-expiry-k2", region: "eu-west-1" }],
        expiryKeyArns: [K2.arn],
        ...extra,
      },
    ],
  };
}

function titleOf(w: Widget): string {
  return w.type === "text" ? w.properties.markdown.split("\n")[0] : w.properties.title;
}

function only(): Widget[] {
  const dashboards = buildDashboardBodies(input());
  expect(dashboards).to.have.length(1);
  return roundTrip(dashboards[0].body).widgets;
}

function find(widgets: Widget[], title: string): Widget {
  const found = widgets.filter((w) => titleOf(w).startsWith(title));
  expect(found, title).to.have.length(1);
  return found[0];
}

describe("dashboard body: one small group", () => {
  it("is one dashboard, kmsmon-test, opening on the last 12 hours", () => {
    const [d] = buildDashboardBodies(input());
    expect(d.name).to.equal("kmsmon-test");
    expect(d.body.start).to.equal("-PT12H");
    expect(d.body.periodOverride).to.equal("auto");
  });

  it("places exactly these 13 widgets", () => {
    const layout = only().map((w) => [w.type, w.x, w.y, w.width, w.height, titleOf(w)]);
    expect(layout).to.deep.equal([
      ["text", 0, 0, 24, 6, "# KMS monitoring: test"],
      ["text", 0, 6, 24, 2, "## Whole account"],
      ["metric", 0, 8, 12, 6, "KMS control-plane events, whole account (all keys, not per group)"],
      ["alarm", 12, 8, 12, 6, "Account-wide KMS and tamper alarms in us-east-1"],
      [
        "metric",
        0,
        14,
        12,
        6,
        "KMS request quota usage in eu-west-1 (% of the account's quota, all keys)",
      ],
      [
        "metric",
        12,
        14,
        12,
        6,
        "KMS request quota usage in us-east-1 (% of the account's quota, all keys)",
      ],
      ["text", 0, 20, 24, 44, "## What to do"],
      ["text", 0, 64, 24, 3, "## Key group payments"],
      ["alarm", 0, 67, 12, 6, "Alarms of group payments in eu-west-1"],
      ["metric", 12, 67, 12, 6, "Days left on imported key material, group payments in eu-west-1"],
      ["metric", 0, 73, 8, 6, "Data-plane calls of alias/payments (us-east-1), by operation"],
      ["metric", 8, 73, 8, 6, "Data-plane calls of k2 (eu-west-1), by operation"],
      ["text", 0, 79, 24, 5, "### Keys of group payments, as found at deploy time"],
    ]);
  });

  it("stays on the grid, without overlaps, within every quota", () => {
    const [d] = buildDashboardBodies(input());
    expectValidGrid(d.body);
    expectWithinQuotas(d.body);
    expect(dashboardLimits(d.body)).to.deep.equal({
      widgets: 13,
      metrics: 19 + 6 + 6 + 2 + 11 + 11,
      maxMetricsPerWidget: 19,
      maxAlarmsPerWidget: 16,
      withinLimits: true,
    });
  });

  it("graphs the account-wide control-plane metrics of the catalog, titled as account-wide", () => {
    const w = find(only(), "KMS control-plane events");
    if (w.type !== "metric") throw new Error("not a graph");
    const expected = KMS_SIGNALS.filter((s) => s.widget === "control-plane-events");
    expect(w.properties.metrics).to.deep.equal(
      expected.map((s) => ["KMSMonitoring/test", s.metricName, { label: s.title }]),
    );
    expect(w.properties).to.include({ region: "us-east-1", stat: "Sum", period: 300 });
    expect(expected).to.have.length(19);
  });

  it("shows quota usage as calls per second over the per-second SERVICE_QUOTA", () => {
    const w = find(only(), "KMS request quota usage in eu-west-1");
    if (w.type !== "metric") throw new Error("not a graph");
    expect(w.properties.region).to.equal("eu-west-1");
    expect(w.properties.metrics.slice(0, 2)).to.deep.equal([
      [
        "AWS/Usage",
        "CallCount",
        "Service",
        "KMS",
        "Type",
        "API",
        "Resource",
        "CryptographicOperationsSymmetric",
        "Class",
        "None",
        { id: "q0", visible: false },
      ],
      [
        {
          id: "p0",
          expression: "q0/PERIOD(q0)/SERVICE_QUOTA(q0)*100",
          label: "Cryptographic operations (symmetric) request rate",
        },
      ],
    ]);
    expect(w.properties.metrics).to.have.length(6);
  });

  it("lists alarm ARNs by region, the account's in the stack region", () => {
    const widgets = only();
    const group = find(widgets, "Alarms of group payments");
    const account = find(widgets, "Account-wide KMS and tamper alarms");
    if (group.type !== "alarm" || account.type !== "alarm") throw new Error("not alarms");
    expect(group.properties.alarms).to.deep.equal([
      `arn:aws:cloudwatch:eu-west-1:${ACCOUNT}:alarm:kmsmon-test-payments-expiry-k2`,
    ]);
    expect(account.properties.alarms).to.include.members([
      `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:kmsmon-test-account-cis-4-7`,
      `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:kmsmon-test-tamper-trail-silent`,
    ]);
    // 7 KMS signal alarms, 8 tamper alarms and the silence alarm.
    expect(account.properties.alarms).to.have.length(16);
  });

  it("graphs each described key's calls by KeyArn and Operation, in the key's region", () => {
    const w = find(only(), "Data-plane calls of alias/payments");
    if (w.type !== "metric") throw new Error("not a graph");
    expect(w.properties.region).to.equal("us-east-1");
    expect(w.properties.metrics).to.have.length(11);
    expect(w.properties.metrics[1]).to.deep.equal([
      "AWS/KMS",
      "SuccessfulRequest",
      "KeyArn",
      K1.arn,
      "Operation",
      "Decrypt",
      { id: "o1", label: "Decrypt" },
    ]);
    // k3 could not be described: no graph, a row in the inventory.
    expect(only().filter((x) => titleOf(x).includes("of k3"))).to.deep.equal([]);
  });

  it("draws the expected band of the operation the baseline reads, when there is a baseline", () => {
    const [d] = buildDashboardBodies(input({ anomalyBandWidth: 3 }));
    const w = find(d.body.widgets, "Data-plane calls of alias/payments");
    if (w.type !== "metric") throw new Error("not a graph");
    // Usage unknown: every operation is graphed, and Decrypt (o1) is the baselined one.
    expect(w.properties.metrics.slice(11)).to.deep.equal([
      [
        {
          id: "band",
          expression: "ANOMALY_DETECTION_BAND(o1, 3)",
          label: "Decrypt expected range (3 standard deviations)",
        },
      ],
    ]);
  });

  it("graphs only the operations a key's usage allows", () => {
    const signing = key("s1", "us-east-1", { keyUsage: "SIGN_VERIFY" });
    const [d] = buildDashboardBodies(
      input({ keys: [signing], alarms: [], expiryKeyArns: [], anomalyBandWidth: 2 }),
    );
    const w = find(d.body.widgets, "Data-plane calls of s1");
    if (w.type !== "metric") throw new Error("not a graph");
    expect(w.properties.metrics).to.deep.equal([
      [
        "AWS/KMS",
        "SuccessfulRequest",
        "KeyArn",
        signing.arn,
        "Operation",
        "Sign",
        { id: "o0", label: "Sign" },
      ],
      [
        "AWS/KMS",
        "SuccessfulRequest",
        "KeyArn",
        signing.arn,
        "Operation",
        "Verify",
        { id: "o1", label: "Verify" },
      ],
      [
        {
          id: "band",
          expression: "ANOMALY_DETECTION_BAND(o0, 2)",
          label: "Sign expected range (2 standard deviations)",
        },
      ],
    ]);
  });

  it("draws the quota alarm threshold on the quota graphs when given", () => {
    const [d] = buildDashboardBodies({ ...input(), quotaAlarmPercent: 75 });
    const w = find(d.body.widgets, "KMS request quota usage in us-east-1");
    if (w.type !== "metric") throw new Error("not a graph");
    expect(w.properties.annotations).to.deep.equal({
      horizontal: [{ value: 75, label: "Quota alarm" }],
    });
  });

  it("shows days left on imported material from the seconds metric, Minimum", () => {
    const w = find(only(), "Days left on imported key material");
    if (w.type !== "metric") throw new Error("not a graph");
    expect(w.properties).to.include({ region: "eu-west-1", stat: "Minimum", period: 3600 });
    expect(w.properties.metrics).to.deep.equal([
      ["AWS/KMS", "SecondsUntilKeyMaterialExpiration", "KeyId", "k2", { id: "s0", visible: false }],
      [{ id: "d0", expression: "s0/86400", label: "k2" }],
    ]);
  });

  it("links the runbook and the consoles from the header", () => {
    const header = only()[0];
    if (header.type !== "text") throw new Error("not text");
    expect(header.properties.markdown).to.include("*What to do* table below");
    expect(header.properties.markdown).to.include(
      "[KMS keys](https://us-east-1.console.aws.amazon.com/kms/home?region=us-east-1#/kms/keys)",
    );
  });

  it("refuses a group listed twice, and an expiry key outside the group", () => {
    const twice = input();
    twice.groups.push(twice.groups[0]);
    expect(() => buildDashboardBodies(twice)).to.throw(
      "dashboard: groups: payments is listed twice",
    );
    expect(() =>
      buildDashboardBodies(input({ expiryKeyArns: ["arn:aws:kms:us-east-1:1:key/x"] })),
    ).to.throw("expiry key arn:aws:kms:us-east-1:1:key/x is not one of its keys");
  });

  it("names later dashboards -2, -3 and refuses names AWS would refuse", () => {
    expect([0, 1, 2].map((i) => dashboardName("prod", i))).to.deep.equal([
      "kmsmon-prod",
      "kmsmon-prod-2",
      "kmsmon-prod-3",
    ]);
    expect(() => dashboardName("a b", 0)).to.throw("is not a dashboard name");
  });
});
