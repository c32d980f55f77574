import { expect } from "chai";
import { ACCOUNT, T, dashboardUrl, devRun, outputsOf, prodRun } from "./helpers";

const topic = (region: string, name: string) => `arn:aws:sns:${region}:${ACCOUNT}:kmsmon-${name}`;

/** Topic ARNs of a group with severity routing, by `<region>/<route>`. */
function routed(env: string, group: string, regions: string[]): Record<string, string> {
  return Object.fromEntries(
    regions.flatMap((r) => [
      [`${r}/critical`, topic(r, `${env}-${group}-critical`)],
      [`${r}/standard`, topic(r, `${env}-${group}-standard`)],
    ]),
  );
}

describe("program: stack outputs", function () {
  this.timeout(30000);

  it("exports the prod trail, log group, security topics, group topics and dashboard", async () => {
    const both = ["eu-west-1", "us-east-1"];
    expect(await outputsOf(await prodRun())).to.deep.equal({
      environment: "prod",
      trailArn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/kmsmon-prod`,
      logGroupName: "/aws/cloudtrail/kmsmon-prod",
      securityTopicArns: {
        "eu-west-1": topic("eu-west-1", "prod-security"),
        "us-east-1": topic("us-east-1", "prod-security"),
      },
      groupTopicArns: {
        payments: routed("prod", "payments", both),
        "customer-data": routed("prod", "customer-data", both),
        "partner-exchange": routed("prod", "partner-exchange", ["eu-west-1"]),
        "platform-secrets": routed("prod", "platform-secrets", both),
      },
      dashboardUrls: [
        "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards:name=kmsmon-prod",
      ],
    });
  });

  it("exports the dev outputs, one `all` topic per group", async () => {
    expect(await outputsOf(await devRun())).to.deep.equal({
      environment: "dev",
      trailArn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/kmsmon-dev`,
      logGroupName: "/aws/cloudtrail/kmsmon-dev",
      securityTopicArns: { "us-east-1": topic("us-east-1", "dev-security") },
      groupTopicArns: {
        payments: { "us-east-1/all": topic("us-east-1", "dev-payments-all") },
        "platform-secrets": { "us-east-1/all": topic("us-east-1", "dev-platform-secrets-all") },
      },
      dashboardUrls: [dashboardUrl("us-east-1", "kmsmon-dev")],
    });
  });

  it("exports ARNs of topics the stack registered", async () => {
    const run = await prodRun();
    const outputs = await outputsOf(run);
    const registered = new Set(run.resources.map((r) => r.state.arn));
    const groups = outputs.groupTopicArns as Record<string, Record<string, string>>;
    const arns = [
      ...Object.values(outputs.securityTopicArns as Record<string, string>),
      ...Object.values(groups).flatMap((byRoute) => Object.values(byRoute)),
      outputs.trailArn,
    ];
    expect(arns).to.have.length(17);
    for (const arn of arns) expect(registered.has(arn), String(arn)).to.equal(true);
  });

  it("exports the console URL of each dashboard the stack registered, in the stack's region", async () => {
    for (const run of [await prodRun(), await devRun()]) {
      const outputs = await outputsOf(run);
      const names = run.ofType(T.dashboard).map((d) => d.inputs.dashboardName as string);
      expect(names).to.have.length(1);
      expect(outputs.dashboardUrls).to.deep.equal(names.map((n) => dashboardUrl("us-east-1", n)));
    }
  });
});
