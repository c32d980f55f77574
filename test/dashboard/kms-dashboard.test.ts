import { expect } from "chai";

import { buildDashboardBodies } from "../../components/dashboard/body";
import { KmsDashboard, KMS_DASHBOARD_TYPE } from "../../components/dashboard/kms-dashboard";
import type { DashboardInput } from "../../components/dashboard/input";
import { runUnderMocks, unwrap } from "../harness/mock-runtime";
import { ACCOUNT } from "../builders";
import { key, prodStack } from "./fixtures";

const DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";

function run(input: DashboardInput) {
  return runUnderMocks(async () => {
    const d = new KmsDashboard("kms-dashboard", input);
    return { names: await unwrap(d.dashboardNames), urls: await unwrap(d.dashboardUrls) };
  });
}

describe("KmsDashboard under mocks", function () {
  // Importing @pulumi/aws takes a second or two on the first run.
  this.timeout(60000);

  it("creates one Dashboard for the prod example, with exactly the pure body", async () => {
    const { input } = prodStack();
    const result = await run(input);
    expect(result.resources.map((r) => `${r.type} ${r.name}`)).to.deep.equal([
      `${KMS_DASHBOARD_TYPE} kms-dashboard`,
      `${DASHBOARD} kms-dashboard-kmsmon-prod`,
    ]);
    const component = result.one(KMS_DASHBOARD_TYPE, "kms-dashboard");
    expect(component.inputs).to.deep.equal({});
    const dashboard = result.one(DASHBOARD, "kms-dashboard-kmsmon-prod");
    expect(dashboard.parent).to.equal(component.urn);
    expect(Object.keys(dashboard.inputs).sort()).to.deep.equal(["dashboardBody", "dashboardName"]);
    expect(dashboard.inputs.dashboardName).to.equal("kmsmon-prod");
    expect(dashboard.inputs.dashboardBody).to.equal(
      JSON.stringify(buildDashboardBodies(input)[0].body),
    );
  });

  it("outputs the names and console URLs in the stack's region", async () => {
    const result = await run(prodStack().input);
    expect(result.result).to.deep.equal({
      names: ["kmsmon-prod"],
      urls: [
        "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards:name=kmsmon-prod",
      ],
    });
  });

  it("creates one Dashboard per part when the estate needs several", async () => {
    const keys = Array.from({ length: 600 }, (_, i) => key(`k${i}`, "eu-west-1"));
    const input: DashboardInput = {
      environment: "big",
      stackRegion: "eu-west-1",
      accountId: ACCOUNT,
      groups: [{ name: "huge", keys, alarms: [], expiryKeyArns: [], anomalyBandWidth: 2 }],
    };
    const result = await run(input);
    const bodies = buildDashboardBodies(input);
    expect(result.ofType(DASHBOARD).map((r) => r.inputs)).to.deep.equal(
      bodies.map((b) => ({ dashboardName: b.name, dashboardBody: JSON.stringify(b.body) })),
    );
    expect(result.result.names).to.deep.equal(["kmsmon-big", "kmsmon-big-2", "kmsmon-big-3"]);
    expect(result.result.urls[2]).to.equal(
      "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards:name=kmsmon-big-3",
    );
  });

  it("registers nothing when the input is invalid", async () => {
    const { input } = prodStack();
    const bad = { ...input, groups: [input.groups[0], input.groups[0]] };
    let error: Error | undefined;
    const result = await runUnderMocks(() => {
      try {
        new KmsDashboard("kms-dashboard", bad);
      } catch (e) {
        error = e as Error;
      }
    });
    expect(error?.message).to.equal("dashboard: groups: payments is listed twice");
    expect(result.resources).to.deep.equal([]);
  });
});
