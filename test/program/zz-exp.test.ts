import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { KmsMonitoringStack } from "../../components/monitoring/kms-monitoring-stack";
import { runUnderMocks } from "../harness/mock-runtime";

describe("exp", function () {
  this.timeout(60000);
  it("secret + key output", async () => {
    const run = await runUnderMocks(() => {
      const key = new aws.kms.Key("app", {});
      return new KmsMonitoringStack("kms", {
        environment: "dev",
        region: "us-east-1",
        notifications: { emails: ["a@example.com"], critical: { https: [pulumi.secret("https://pager.example.com/x1234567")] } },
        keyGroups: [{ name: "app", keys: [key.arn] }],
      });
    }, { stack: "dev" });
    const subs = run.ofType("aws:sns/topicSubscription:TopicSubscription");
    console.log(subs.map((s) => JSON.stringify(s.inputs.endpoint) + JSON.stringify(s.propertyDependencies) + s.parent));
    const rules = run.ofType("aws:cloudwatch/eventRule:EventRule");
    console.log(rules.slice(0, 2).map((r) => [r.name, String(r.inputs.eventPattern).slice(0, 300), JSON.stringify(r.propertyDependencies)]));
  });
  it("preview unknown", async () => {
    const run = await runUnderMocks(() => {
      return new KmsMonitoringStack("kms", {
        environment: "dev",
        region: "us-east-1",
        notifications: { emails: [pulumi.output(pulumi.unknown) as any] },
        keyGroups: [{ name: "app", keys: [pulumi.output(pulumi.unknown) as any] }],
      });
    }, { stack: "dev", preview: true });
    const subs = run.ofType("aws:sns/topicSubscription:TopicSubscription");
    console.log(subs.map((s) => s.name + " " + JSON.stringify(s.inputs.endpoint)));
    const rules = run.ofType("aws:cloudwatch/eventRule:EventRule");
    console.log(rules.slice(0, 2).map((r) => [r.name, JSON.stringify(r.inputs.eventPattern)]));
    console.log(run.resources.length, run.warnings);
  });
  it("invalid", async () => {
    try {
      const run = await runUnderMocks(() => {
        const s = new KmsMonitoringStack("kms", {
          environment: "dev",
          region: "us-east-1",
          notifications: { emails: [pulumi.secret("not-an-email")] },
          keyGroups: [{ name: "app", keys: [pulumi.output("arn:aws:kms:us-east-1:111122223333:key/nope")] }],
        });
        return s;
      }, { stack: "dev" });
      console.log("no throw", run.resources.map((r) => r.type));
    } catch (e) {
      console.log("threw", String(e));
    }
  });
});
