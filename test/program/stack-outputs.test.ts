import { expect } from "chai";
import { T } from "../builders";
import { devRun, outputsOf, prodRun } from "./helpers";

const SNS = "arn:aws:sns:us-east-1:111122223333";
const SNS_EU = "arn:aws:sns:eu-west-1:111122223333";
const CONSOLE = "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1";

describe("program: stack outputs", function () {
  this.timeout(30000);

  it("exports the prod trail, log group, security topics, group topics and dashboard", async () => {
    expect(await outputsOf(await prodRun())).to.deep.equal({
      environment: "prod",
      trailArn: "arn:aws:cloudtrail:us-east-1:111122223333:trail/kmsmon-prod",
      logGroupName: "/aws/cloudtrail/kmsmon-prod",
      securityTopicArns: {
        "eu-west-1": `${SNS_EU}:kmsmon-prod-security`,
        "us-east-1": `${SNS}:kmsmon-prod-security`,
      },
      groupTopicArns: {
        payments: {
          "eu-west-1/critical": `${SNS_EU}:kmsmon-prod-payments-critical`,
          "eu-west-1/standard": `${SNS_EU}:kmsmon-prod-payments-standard`,
          "us-east-1/critical": `${SNS}:kmsmon-prod-payments-critical`,
          "us-east-1/standard": `${SNS}:kmsmon-prod-payments-standard`,
        },
        "customer-data": {
          "eu-west-1/critical": `${SNS_EU}:kmsmon-prod-customer-data-critical`,
          "eu-west-1/standard": `${SNS_EU}:kmsmon-prod-customer-data-standard`,
          "us-east-1/critical": `${SNS}:kmsmon-prod-customer-data-critical`,
          "us-east-1/standard": `${SNS}:kmsmon-prod-customer-data-standard`,
        },
        "partner-exchange": {
          "eu-west-1/critical": `${SNS_EU}:kmsmon-prod-partner-exchange-critical`,
          "eu-west-1/standard": `${SNS_EU}:kmsmon-prod-partner-exchange-standard`,
        },
        "platform-secrets": {
          "eu-west-1/critical": `${SNS_EU}:kmsmon-prod-platform-secrets-critical`,
          "eu-west-1/standard": `${SNS_EU}:kmsmon-prod-platform-secrets-standard`,
          "us-east-1/critical": `${SNS}:kmsmon-prod-platform-secrets-critical`,
          "us-east-1/standard": `${SNS}:kmsmon-prod-platform-secrets-standard`,
        },
      },
      dashboardUrls: [`${CONSOLE}#dashboards:name=kmsmon-prod`],
    });
  });

  it("exports the dev outputs, one `all` topic per group", async () => {
    expect(await outputsOf(await devRun())).to.deep.equal({
      environment: "dev",
      trailArn: "arn:aws:cloudtrail:us-east-1:111122223333:trail/kmsmon-dev",
      logGroupName: "/aws/cloudtrail/kmsmon-dev",
      securityTopicArns: { "us-east-1": `${SNS}:kmsmon-dev-security` },
      groupTopicArns: {
        payments: { "us-east-1/all": `${SNS}:kmsmon-dev-payments-all` },
        "platform-secrets": { "us-east-1/all": `${SNS}:kmsmon-dev-platform-secrets-all` },
      },
      dashboardUrls: [`${CONSOLE}#dashboards:name=kmsmon-dev`],
    });
  });

  it("exports ARNs of topics and the trail the stack registered", async () => {
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

  it("exports the console URL of the one dashboard each stack registered", async () => {
    for (const [run, env] of [
      [await prodRun(), "prod"],
      [await devRun(), "dev"],
    ] as const) {
      const names = run.ofType(T.dashboard).map((d) => d.inputs.dashboardName as string);
      expect(names).to.deep.equal([`kmsmon-${env}`]);
      expect((await outputsOf(run)).dashboardUrls).to.deep.equal([
        `${CONSOLE}#dashboards:name=kmsmon-${env}`,
      ]);
    }
  });
});
