import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { runUnderMocks, unwrap } from "./mock-runtime";

class Holder extends pulumi.ComponentResource {
  readonly topicArn: pulumi.Output<string>;
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("test:index:Holder", name, {}, opts);
    const topic = new aws.sns.Topic(`${name}-topic`, {}, { parent: this });
    this.topicArn = topic.arn;
    this.registerOutputs({ topicArn: this.topicArn });
  }
}

describe("mock runtime harness", () => {
  it("records type, name, parent, inputs, options and the provider's region", async () => {
    const run = await runUnderMocks(() => {
      const eu = new aws.Provider("eu", { region: "eu-west-1" });
      const holder = new Holder("h");
      const euTopic = new aws.sns.Topic(
        "eu-topic",
        { name: "alerts" },
        { provider: eu, protect: true },
      );
      return { holder, euTopic };
    });
    const holder = run.one("test:index:Holder", "h");
    const topic = run.one("aws:sns/topic:Topic", "h-topic");
    expect(topic.parent).to.equal(holder.urn);
    expect(run.childrenOf(holder).map((r) => r.name)).to.deep.equal(["h-topic"]);
    const euTopic = run.one("aws:sns/topic:Topic", "eu-topic");
    expect(euTopic.inputs).to.deep.equal({ name: "alerts" });
    expect(euTopic.protect).to.equal(true);
    expect(euTopic.state.arn).to.equal("arn:aws:sns:eu-west-1:111122223333:alerts");
    expect(await unwrap(run.result.holder.topicArn)).to.equal(
      "arn:aws:sns:us-east-1:111122223333:h-topic",
    );
  });

  it("answers invokes plausibly, records them, and lets a key fail to describe", async () => {
    const run = await runUnderMocks(
      async () => {
        const me = await aws.getCallerIdentity();
        const key = await aws.kms.getKey({ keyId: "arn:aws:kms:us-east-1:111122223333:key/k1" });
        const failure = await aws.kms
          .getKey({ keyId: "arn:aws:kms:us-east-1:111122223333:key/gone" })
          .then(
            () => "described",
            () => "failed",
          );
        return { account: me.accountId, origin: key.origin, failure };
      },
      {
        describeKey: (id) => {
          if (id.endsWith("gone")) throw new Error("NotFoundException: key gone");
          return { origin: "EXTERNAL" };
        },
      },
    );
    expect(run.result.account).to.equal("111122223333");
    expect(run.result.origin).to.equal("EXTERNAL");
    // The mock runtime drops the provider's message; the rejection itself is what matters.
    expect(run.result.failure).to.equal("failed");
    expect(run.invokes.map((i) => i.token)).to.deep.equal([
      "aws:index/getCallerIdentity:getCallerIdentity",
      "aws:kms/getKey:getKey",
      "aws:kms/getKey:getKey",
    ]);
  });

  it("passes config as the CLI does, JSON-encoding objects", async () => {
    const run = await runUnderMocks(
      () => new pulumi.Config("kms-monitoring").requireObject<{ a: number }>("thing"),
      { config: { "kms-monitoring:thing": { a: 1 } } },
    );
    expect(run.result).to.deep.equal({ a: 1 });
  });
});
