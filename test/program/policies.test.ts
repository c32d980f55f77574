import { expect } from "chai";
import type { PolicyDocument } from "../../components/iam";
import { ANONYMOUS, type SimulateArgs, simulate } from "../harness/iam-simulator";
import type { MockRun, RecordedResource } from "../harness/mock-runtime";
import { ACCOUNT, OTHER_ACCOUNT, T } from "../builders";
import { prodRun, providerName } from "./helpers";

const TOPIC_CONTEXT = "kms:EncryptionContext:aws:sns:topicArn";

/** Context of a service acting for `account` and `source` over TLS. */
function from(account: string, source: string): Record<string, string> {
  return { "aws:SecureTransport": "true", "aws:SourceAccount": account, "aws:SourceArn": source };
}

/** The policy a resource was registered with, as recorded. */
function recordedPolicy(run: MockRun<unknown>, type: string, name: string): PolicyDocument {
  return JSON.parse(run.one(type, name).inputs.policy as string) as PolicyDocument;
}

/** The region a recorded resource was created in. */
function regionOf(r: RecordedResource): string {
  return providerName(r) === "kms-eu-west-1" ? "eu-west-1" : "us-east-1";
}

describe("program: the prod stack's alert policies as recorded, evaluated", function () {
  this.timeout(30000);

  let run: MockRun<unknown>;
  before(async () => {
    run = await prodRun();
  });

  for (const region of ["us-east-1", "eu-west-1"]) {
    const alarm = (name: string, account = ACCOUNT) =>
      `arn:aws:cloudwatch:${region}:${account}:alarm:${name}`;
    const rule = (name: string, account = ACCOUNT) =>
      `arn:aws:events:${region}:${account}:rule/${name}`;
    const OUR_ALARM = alarm("kmsmon-prod-payments-expiry-0f6c2a8e");
    const GROUP_RULE = rule("kmsmon-prod-payments-c-1");
    const SHARD_RULE = rule("kmsmon-prod-shard-1/kmsmon-prod-x");
    const FOREIGN_ALARM = alarm("kmsmon-prod-payments-expiry-0f6c2a8e", OTHER_ACCOUNT);
    const FOREIGN_RULE = rule("kmsmon-prod-payments-c-1", OTHER_ACCOUNT);

    describe(`in ${region}`, () => {
      let topicArn: string;
      let securityTopicArn: string;
      before(() => {
        topicArn = run.one(T.topic, `kms-payments-${region}-critical-topic`).state.arn;
        securityTopicArn = run.one(T.topic, `kms-${region}-security-topic`).state.arn;
      });

      describe("topic policies (a group topic and the security topic)", () => {
        /** A publish to the group topic or the security topic, by an alarm unless told. */
        const publishTo = (
          topic: "group" | "security",
          context: Record<string, string>,
          principal: SimulateArgs["principal"] = "cloudwatch.amazonaws.com",
        ): SimulateArgs => {
          const name =
            topic === "group" ? `kms-payments-${region}-critical` : `kms-${region}-security`;
          return {
            resourcePolicy: recordedPolicy(run, T.topicPolicy, `${name}-policy`),
            principal,
            action: "sns:Publish",
            resource: topic === "group" ? topicArn : securityTopicArn,
            accountId: ACCOUNT,
            context,
          };
        };
        const EVENTS = "events.amazonaws.com";

        it("let this account's alarms and rules (default and shard buses) publish", async () => {
          for (const topic of ["group", "security"] as const) {
            expect(await simulate(publishTo(topic, from(ACCOUNT, OUR_ALARM)))).to.equal("Allowed");
            for (const source of [GROUP_RULE, SHARD_RULE]) {
              const args = publishTo(topic, from(ACCOUNT, source), EVENTS);
              expect(await simulate(args), `${topic} <- ${source}`).to.equal("Allowed");
            }
          }
        });

        it("let every alarm and rule the stack created in the region publish", async () => {
          const alarms = run.ofType(T.alarm).filter((a) => regionOf(a) === region);
          const rules = run.ofType(T.rule).filter((r) => regionOf(r) === region);
          expect(alarms.length).to.be.greaterThan(5);
          expect(rules.length).to.be.greaterThan(5);
          for (const a of alarms) {
            const decision = await simulate(publishTo("group", from(ACCOUNT, a.state.arn)));
            expect(decision, a.state.arn).to.equal("Allowed");
          }
          for (const r of rules) {
            const args = publishTo("group", from(ACCOUNT, r.state.arn), EVENTS);
            expect(await simulate(args), r.state.arn).to.equal("Allowed");
          }
        });

        it("refuse another account, anonymous callers and alarms outside the prefix", async () => {
          for (const topic of ["group", "security"] as const) {
            const foreign = publishTo(topic, from(OTHER_ACCOUNT, FOREIGN_ALARM));
            expect(await simulate(foreign)).to.equal("ImplicitlyDenied");
            const foreignRule = publishTo(topic, from(OTHER_ACCOUNT, FOREIGN_RULE), EVENTS);
            expect(await simulate(foreignRule)).to.equal("ImplicitlyDenied");
            const anonymous = publishTo(topic, from(ACCOUNT, OUR_ALARM), ANONYMOUS);
            expect(await simulate(anonymous)).to.equal("ImplicitlyDenied");
            const billing = publishTo(topic, from(ACCOUNT, alarm("billing-spike")));
            expect(await simulate(billing)).to.equal("ImplicitlyDenied");
            const unrelated = publishTo(topic, from(ACCOUNT, rule("deploy-notifier")), EVENTS);
            expect(await simulate(unrelated)).to.equal("ImplicitlyDenied");
          }
        });

        it("refuse our alarms of the other region and plain-text publishing", async () => {
          const elsewhere = region === "us-east-1" ? "eu-west-1" : "us-east-1";
          const otherRegion = `arn:aws:cloudwatch:${elsewhere}:${ACCOUNT}:alarm:kmsmon-prod-x`;
          expect(await simulate(publishTo("group", from(ACCOUNT, otherRegion)))).to.equal(
            "ImplicitlyDenied",
          );
          const plain = { ...from(ACCOUNT, OUR_ALARM), "aws:SecureTransport": "false" };
          expect(await simulate(publishTo("group", plain))).to.equal("ExplicitlyDenied");
        });
      });

      describe("the region's topic key policy", () => {
        let use: SimulateArgs;
        before(() => {
          const key = run.one(T.key, `kms-${region}-topic-key-key`);
          use = {
            resourcePolicy: JSON.parse(key.inputs.policy as string) as PolicyDocument,
            principal: "cloudwatch.amazonaws.com",
            action: "kms:GenerateDataKey",
            resource: key.state.arn,
            accountId: ACCOUNT,
            context: { "aws:SourceAccount": ACCOUNT, [TOPIC_CONTEXT]: topicArn },
          };
        });

        it("lets this account's alarms and EventBridge use the key for our topics", async () => {
          for (const action of ["kms:GenerateDataKey", "kms:Decrypt"]) {
            expect(await simulate({ ...use, action })).to.equal("Allowed");
            const events = { ...use, action, principal: "events.amazonaws.com" };
            for (const topic of [topicArn, securityTopicArn]) {
              const decision = await simulate({ ...events, context: { [TOPIC_CONTEXT]: topic } });
              expect(decision, topic).to.equal("Allowed");
            }
          }
        });

        it("refuses another account, anonymous callers and other accounts' topics", async () => {
          const foreign = { "aws:SourceAccount": OTHER_ACCOUNT, [TOPIC_CONTEXT]: topicArn };
          expect(await simulate({ ...use, context: foreign })).to.equal("ImplicitlyDenied");
          expect(await simulate({ ...use, principal: ANONYMOUS })).to.equal("ImplicitlyDenied");
          const foreignTopic = topicArn.replace(ACCOUNT, OTHER_ACCOUNT);
          const events = { ...use, principal: "events.amazonaws.com" };
          expect(
            await simulate({ ...events, context: { [TOPIC_CONTEXT]: foreignTopic } }),
          ).to.equal("ImplicitlyDenied");
          expect(await simulate({ ...events, context: {} })).to.equal("ImplicitlyDenied");
        });

        it("admits any alarm of the account, so the topic policy alone keeps others out", async () => {
          // The key policy scopes CloudWatch by account only (an alarm's ARN is not in the
          // request); an alarm outside the prefix can use the key but not publish to the topic.
          const billing = { "aws:SourceAccount": ACCOUNT, [TOPIC_CONTEXT]: topicArn };
          expect(await simulate({ ...use, context: billing })).to.equal("Allowed");
          const publish = {
            resourcePolicy: recordedPolicy(
              run,
              T.topicPolicy,
              `kms-payments-${region}-critical-policy`,
            ),
            principal: "cloudwatch.amazonaws.com",
            action: "sns:Publish",
            resource: topicArn,
            accountId: ACCOUNT,
            context: from(ACCOUNT, alarm("billing-spike")),
          };
          expect(await simulate(publish)).to.equal("ImplicitlyDenied");
        });
      });

      describe("the region's dead-letter queue policy", () => {
        let send: SimulateArgs;
        before(() => {
          const queue = run.one(T.queue, `kms-${region}-dlq-queue`);
          send = {
            resourcePolicy: recordedPolicy(run, T.queuePolicy, `kms-${region}-dlq-policy`),
            principal: "events.amazonaws.com",
            action: "sqs:SendMessage",
            resource: queue.state.arn,
            accountId: ACCOUNT,
            context: from(ACCOUNT, GROUP_RULE),
          };
        });

        it("lets our rules (default and shard buses) and our topics park messages", async () => {
          expect(await simulate(send)).to.equal("Allowed");
          expect(await simulate({ ...send, context: from(ACCOUNT, SHARD_RULE) })).to.equal(
            "Allowed",
          );
          for (const topic of [topicArn, securityTopicArn]) {
            const sns = { ...send, principal: "sns.amazonaws.com", context: from(ACCOUNT, topic) };
            expect(await simulate(sns), topic).to.equal("Allowed");
          }
        });

        it("refuses another account, anonymous callers, other rules and alarms", async () => {
          expect(await simulate({ ...send, context: from(OTHER_ACCOUNT, FOREIGN_RULE) })).to.equal(
            "ImplicitlyDenied",
          );
          expect(await simulate({ ...send, principal: ANONYMOUS })).to.equal("ImplicitlyDenied");
          expect(
            await simulate({ ...send, context: from(ACCOUNT, rule("deploy-notifier")) }),
          ).to.equal("ImplicitlyDenied");
          const cloudwatch = {
            ...send,
            principal: "cloudwatch.amazonaws.com",
            context: from(ACCOUNT, OUR_ALARM),
          };
          expect(await simulate(cloudwatch)).to.equal("ImplicitlyDenied");
          const plain = { ...from(ACCOUNT, GROUP_RULE), "aws:SecureTransport": "false" };
          expect(await simulate({ ...send, context: plain })).to.equal("ExplicitlyDenied");
        });
      });
    });
  }
});
