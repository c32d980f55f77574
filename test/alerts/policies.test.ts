import { expect } from "chai";
import { AlertTopic, AlertTopicKey, DeadLetterQueue } from "../../components/alerts";
import type { PolicyDocument } from "../../components/iam";
import { ANONYMOUS, type SimulateArgs, simulate } from "../harness/iam-simulator";
import { MockRun, runUnderMocks } from "../harness/mock-runtime";
import { ACCOUNT, mockKeyArn, OTHER_ACCOUNT, REGION, T } from "../builders";
import {
  ALARM_PREFIX,
  DLQ_ARGS,
  RULE_PREFIX,
  SECURITY_TOPIC,
  TOPIC_ARGS,
  policyOf,
} from "./helpers";

const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:kmsmon-prod-payments-critical`;
const QUEUE_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:kmsmon-prod-dlq`;
const KEY_ARN = mockKeyArn("alert-key-key");
const ALARM_ARN = `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:kmsmon-prod-payments-key-disabled`;
const RULE_ARN = `arn:aws:events:${REGION}:${ACCOUNT}:rule/kmsmon-prod-payments-c-1`;
const FOREIGN_ALARM = `arn:aws:cloudwatch:${REGION}:${OTHER_ACCOUNT}:alarm:kmsmon-prod-x`;
const FOREIGN_RULE = `arn:aws:events:${REGION}:${OTHER_ACCOUNT}:rule/kmsmon-prod-x`;
const TOPIC_CONTEXT = "kms:EncryptionContext:aws:sns:topicArn";

/** The three components wired as the stack wires them in one region. */
function stack(): Promise<MockRun<unknown>> {
  return runUnderMocks(() => {
    const key = new AlertTopicKey("alert-key", { aliasName: "kmsmon-prod-alerts" });
    const dlq = new DeadLetterQueue("dlq", DLQ_ARGS);
    return new AlertTopic("pay", {
      ...TOPIC_ARGS,
      kmsKeyArn: key.keyArn,
      deadLetterQueueArn: dlq.queueArn,
      alarmArnPrefix: ALARM_PREFIX,
      ruleArnPrefix: RULE_PREFIX,
      failureAlarm: { alarmActions: [SECURITY_TOPIC] },
    });
  });
}

/** Context of a service acting for `account` and `source` over TLS. */
function from(account: string, source: string): Record<string, string> {
  return { "aws:SecureTransport": "true", "aws:SourceAccount": account, "aws:SourceArn": source };
}

describe("alert components' rendered policies, evaluated", () => {
  let run: MockRun<unknown>;
  before(async () => {
    run = await stack();
  });

  describe("topic policy", () => {
    let publish: SimulateArgs;
    before(() => {
      publish = {
        resourcePolicy: policyOf<PolicyDocument>(run.one(T.topicPolicy, "pay-policy")),
        principal: "cloudwatch.amazonaws.com",
        action: "sns:Publish",
        resource: TOPIC_ARN,
        accountId: ACCOUNT,
        context: from(ACCOUNT, ALARM_ARN),
      };
    });

    it("lets this account's alarms and rules publish", async () => {
      expect(await simulate(publish)).to.equal("Allowed");
      const rule = {
        ...publish,
        principal: "events.amazonaws.com",
        context: from(ACCOUNT, RULE_ARN),
      };
      expect(await simulate(rule)).to.equal("Allowed");
    });

    it("lets the component's own alarms publish (their names are under the prefix)", async () => {
      for (const alarm of run.ofType(T.alarm)) {
        expect(await simulate({ ...publish, context: from(ACCOUNT, alarm.state.arn) })).to.equal(
          "Allowed",
        );
      }
      expect(run.ofType(T.alarm)).to.have.length(2);
    });

    it("refuses another account's alarms and rules", async () => {
      expect(await simulate({ ...publish, context: from(OTHER_ACCOUNT, FOREIGN_ALARM) })).to.equal(
        "ImplicitlyDenied",
      );
      const rule = {
        ...publish,
        principal: "events.amazonaws.com",
        context: from(OTHER_ACCOUNT, FOREIGN_RULE),
      };
      expect(await simulate(rule)).to.equal("ImplicitlyDenied");
    });

    it("refuses alarms outside the prefix, anonymous callers and other services", async () => {
      const billing = `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:billing`;
      expect(await simulate({ ...publish, context: from(ACCOUNT, billing) })).to.equal(
        "ImplicitlyDenied",
      );
      expect(await simulate({ ...publish, principal: ANONYMOUS })).to.equal("ImplicitlyDenied");
      expect(await simulate({ ...publish, principal: "s3.amazonaws.com" })).to.equal(
        "ImplicitlyDenied",
      );
    });

    it("grants the publishers nothing but publishing", async () => {
      expect(await simulate({ ...publish, action: "sns:Subscribe" })).to.equal("ImplicitlyDenied");
      expect(await simulate({ ...publish, action: "sns:SetTopicAttributes" })).to.equal(
        "ImplicitlyDenied",
      );
    });
  });

  describe("key policy", () => {
    let use: SimulateArgs;
    before(() => {
      use = {
        resourcePolicy: policyOf<PolicyDocument>(run.one(T.key, "alert-key-key")),
        principal: "cloudwatch.amazonaws.com",
        action: "kms:GenerateDataKey",
        resource: KEY_ARN,
        accountId: ACCOUNT,
        context: { "aws:SourceAccount": ACCOUNT, [TOPIC_CONTEXT]: TOPIC_ARN },
      };
    });

    it("lets this account's alarms and EventBridge use the key for the topic", async () => {
      expect(await simulate(use)).to.equal("Allowed");
      expect(await simulate({ ...use, action: "kms:Decrypt" })).to.equal("Allowed");
      const rule = {
        ...use,
        principal: "events.amazonaws.com",
        context: { [TOPIC_CONTEXT]: TOPIC_ARN },
      };
      expect(await simulate(rule)).to.equal("Allowed");
      expect(await simulate({ ...rule, action: "kms:Decrypt" })).to.equal("Allowed");
    });

    it("refuses CloudWatch acting for another account and anonymous callers", async () => {
      const foreign = { "aws:SourceAccount": OTHER_ACCOUNT, [TOPIC_CONTEXT]: TOPIC_ARN };
      expect(await simulate({ ...use, context: foreign })).to.equal("ImplicitlyDenied");
      expect(await simulate({ ...use, principal: ANONYMOUS })).to.equal("ImplicitlyDenied");
    });

    it("refuses EventBridge without this account's topic in the encryption context", async () => {
      const decrypt = { ...use, principal: "events.amazonaws.com", action: "kms:Decrypt" };
      expect(await simulate({ ...decrypt, context: {} })).to.equal("ImplicitlyDenied");
      const foreignTopic = `arn:aws:sns:${REGION}:${OTHER_ACCOUNT}:kmsmon-prod-payments-critical`;
      expect(await simulate({ ...decrypt, context: { [TOPIC_CONTEXT]: foreignTopic } })).to.equal(
        "ImplicitlyDenied",
      );
    });

    it("grants the publishers nothing but data keys and decryption", async () => {
      expect(await simulate({ ...use, action: "kms:Encrypt" })).to.equal("ImplicitlyDenied");
      const administer = { ...use, action: "kms:ScheduleKeyDeletion" };
      expect(await simulate({ ...administer, context: { "aws:SourceAccount": ACCOUNT } })).to.equal(
        "ImplicitlyDenied",
      );
    });
  });

  describe("queue policy", () => {
    let send: SimulateArgs;
    before(() => {
      send = {
        resourcePolicy: policyOf<PolicyDocument>(run.one(T.queuePolicy, "dlq-policy")),
        principal: "events.amazonaws.com",
        action: "sqs:SendMessage",
        resource: QUEUE_ARN,
        accountId: ACCOUNT,
        context: from(ACCOUNT, RULE_ARN),
      };
    });

    it("lets this account's rules and the alert topic park messages", async () => {
      expect(await simulate(send)).to.equal("Allowed");
      const topic = { ...send, principal: "sns.amazonaws.com", context: from(ACCOUNT, TOPIC_ARN) };
      expect(await simulate(topic)).to.equal("Allowed");
    });

    it("refuses another account, anonymous callers and sources outside the prefixes", async () => {
      expect(await simulate({ ...send, context: from(OTHER_ACCOUNT, FOREIGN_RULE) })).to.equal(
        "ImplicitlyDenied",
      );
      expect(await simulate({ ...send, principal: ANONYMOUS })).to.equal("ImplicitlyDenied");
      const otherRule = `arn:aws:events:${REGION}:${ACCOUNT}:rule/unrelated`;
      expect(await simulate({ ...send, context: from(ACCOUNT, otherRule) })).to.equal(
        "ImplicitlyDenied",
      );
      const otherTopic = `arn:aws:sns:${REGION}:${ACCOUNT}:billing-alerts`;
      const sns = { ...send, principal: "sns.amazonaws.com", context: from(ACCOUNT, otherTopic) };
      expect(await simulate(sns)).to.equal("ImplicitlyDenied");
    });

    it("refuses a rule without a source account, and anything but sending", async () => {
      const noAccount = { "aws:SecureTransport": "true", "aws:SourceArn": RULE_ARN };
      expect(await simulate({ ...send, context: noAccount })).to.equal("ImplicitlyDenied");
      expect(await simulate({ ...send, action: "sqs:ReceiveMessage" })).to.equal(
        "ImplicitlyDenied",
      );
    });
  });
});
