/**
 * AlertTopic with Outputs among its targets: a secret e-mail address stays secret in its
 * subscription, a Lambda ARN Output gets its permission, and an invalid or repeated entry fails
 * with the same message once it resolves.
 */
import * as pulumi from "@pulumi/pulumi";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { expect } from "chai";

import { AlertTopic } from "../../components/alerts";
import { runUnderMocks } from "../harness/mock-runtime";
import { ACCOUNT, REGION } from "../builders";
import { TOPIC_ARGS } from "./helpers";

const SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const FUNCTION = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:kms-alert-router`;

describe("AlertTopic with Outputs among its targets", () => {
  it("subscribes a secret e-mail address as a secret, named by its position", async () => {
    const run = await runUnderMocks(
      () =>
        new AlertTopic("pay", {
          ...TOPIC_ARGS,
          targets: { emails: ["secops@example.com", pulumi.secret("pager@example.com")] },
        }),
    );
    expect(run.ofType(SUBSCRIPTION).map((s) => [s.name, s.inputs.endpoint])).to.deep.equal([
      ["pay-email-92a93735", "secops@example.com"],
      ["pay-email-item-1", { [specialSigKey]: specialSecretSig, value: "pager@example.com" }],
    ]);
    expect(run.result.subscriptionCount).to.equal(2);
  });

  it("lets SNS invoke a Lambda function given as an Output", async () => {
    const run = await runUnderMocks(
      () =>
        new AlertTopic("pay", {
          ...TOPIC_ARGS,
          targets: { lambda: [pulumi.output(`${FUNCTION}:live`)] },
        }),
    );
    const permission = run.one("aws:lambda/permission:Permission", "pay-lambda-item-0-invoke");
    expect(permission.inputs).to.include({ function: FUNCTION, qualifier: "live", region: REGION });
    expect(run.one(SUBSCRIPTION, "pay-lambda-item-0").inputs.endpoint).to.equal(`${FUNCTION}:live`);
  });

  for (const [what, emails, message] of [
    [
      "an invalid entry",
      ["secops@example.com", pulumi.output("not an address")],
      'AlertTopic "pay": targets.emails[1]: "not an address" is not a valid e-mail address',
    ],
    [
      "a repeated entry",
      ["Secops@example.com", pulumi.output("secops@example.com")],
      'AlertTopic "pay": targets.emails[1]: "secops@example.com" repeats targets.emails[0]',
    ],
    [
      "an invalid secret entry, without showing it",
      ["secops@example.com", pulumi.secret("pager-token-4f1c9b2e")],
      'AlertTopic "pay": targets.emails[1]: [secret] is not a valid e-mail address',
    ],
    [
      "a repeated secret entry, without showing it",
      ["Secops@example.com", pulumi.secret("secops@example.com")],
      'AlertTopic "pay": targets.emails[1]: [secret] repeats targets.emails[0]',
    ],
  ] as const) {
    it(`fails the deployment on ${what} once the Output resolves, naming it`, async () => {
      // The failed registration surfaces as an unhandled rejection, as the Pulumi runtime sees it.
      const rejections: unknown[] = [];
      const listener = (reason: unknown) => rejections.push(reason);
      process.on("unhandledRejection", listener);
      try {
        const run = await runUnderMocks(
          () => new AlertTopic("pay", { ...TOPIC_ARGS, targets: { emails: [...emails] } }),
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(run.ofType(SUBSCRIPTION)).to.have.length(1);
      } finally {
        process.off("unhandledRejection", listener);
      }
      const messages = rejections.map((r) => (r instanceof Error ? r.message : String(r)));
      expect(
        messages.some((m) => m.includes(message)),
        messages.join("\n"),
      ).to.equal(true);
      expect(messages.join("\n")).not.to.contain("pager-token");
    });
  }
});
