import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { AlertTopicKey } from "../../components/alerts";
import { alertTopicKeyPolicy } from "../../components/iam";
import { runUnderMocks, unwrap } from "../harness/mock-runtime";
import { ACCOUNT, mockKeyArn, mockKeyId, T } from "../builders";
import { parsedInputs, summary } from "./helpers";

function runKey(tags?: Record<string, string>) {
  return runUnderMocks(
    () => new AlertTopicKey("alert-key", { aliasName: "kmsmon-prod-alerts", tags }),
  );
}

describe("AlertTopicKey", () => {
  it("registers the component with exactly a key and an alias", async () => {
    const run = await runKey();
    expect(run.resources).to.have.length(3);
    expect(summary(run)).to.deep.equal(
      [
        `${T.topicKey} alert-key <- (root)`,
        `${T.key} alert-key-key <- alert-key`,
        `${T.alias} alert-key-alias <- alert-key`,
      ].sort(),
    );
    expect(run.one(T.topicKey, "alert-key").inputs).to.deep.equal({});
  });

  it("creates a rotating key with a 30-day window and the alert topic key policy", async () => {
    const run = await runKey({ team: "security" });
    expect(parsedInputs(run.one(T.key, "alert-key-key"))).to.deep.equal({
      description:
        "Encrypts the kms-monitoring alert topics of this region (alias/kmsmon-prod-alerts)",
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: alertTopicKeyPolicy({ partition: "aws", accountId: ACCOUNT }),
      tags: { team: "security" },
    });
    expect(run.one(T.alias, "alert-key-alias").inputs).to.deep.equal({
      name: "alias/kmsmon-prod-alerts",
      targetKeyId: mockKeyId("alert-key-key"),
    });
  });

  it("looks up the account and partition, nothing else", async () => {
    const run = await runKey();
    expect(run.invokes.map((i) => i.token).sort()).to.deep.equal([
      "aws:index/getCallerIdentity:getCallerIdentity",
      "aws:index/getPartition:getPartition",
    ]);
  });

  it("resolves its outputs", async () => {
    const run = await runKey();
    expect(await unwrap(run.result.keyArn)).to.equal(mockKeyArn("alert-key-key"));
    expect(await unwrap(run.result.keyId)).to.equal(mockKeyId("alert-key-key"));
    expect(await unwrap(run.result.aliasName)).to.equal("alias/kmsmon-prod-alerts");
  });

  it("creates the key and runs its invokes with an inherited regional provider", async () => {
    const run = await runUnderMocks(() => {
      const eu = new aws.Provider("eu", { region: "eu-west-1" });
      return new AlertTopicKey("eu-key", { aliasName: "kmsmon-prod-alerts" }, { provider: eu });
    });
    const provider = run.one(T.provider, "eu");
    expect(run.invokes).to.have.length(2);
    for (const invoke of run.invokes)
      expect(invoke.provider).to.match(new RegExp(`^${provider.urn}::`));
    expect(run.one(T.key, "eu-key-key").provider).to.match(new RegExp(`^${provider.urn}::`));
    expect(await unwrap(run.result.keyArn)).to.equal(mockKeyArn("eu-key-key", "eu-west-1"));
  });
});
