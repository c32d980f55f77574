import { expect } from "chai";
import { trailKeyPolicy } from "../../components/iam";
import { ACCOUNT, OTHER_ACCOUNT, PARTITION, REGION, keyArn } from "../builders";
import {
  ANONYMOUS,
  type SimulateArgs,
  allowAllIdentityPolicy,
  simulate,
} from "../harness/iam-simulator";

const KEY_ARN = keyArn(REGION, "1234abcd-12ab-34cd-56ef-1234567890ab");
const TRAIL_ARN = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/kms-monitoring-prod`;
const LOG_GROUP_ARN = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/kms-monitoring/prod/trail`;
const CLOUDTRAIL_CONTEXT = "kms:EncryptionContext:aws:cloudtrail:arn";
const LOGS_CONTEXT = "kms:EncryptionContext:aws:logs:arn";
const LOGS_PRINCIPAL = `logs.${REGION}.amazonaws.com`;

const policy = trailKeyPolicy({
  partition: PARTITION,
  accountId: ACCOUNT,
  region: REGION,
  trailArn: TRAIL_ARN,
  logGroupArn: LOG_GROUP_ARN,
});

/** CloudTrail generating a data key for one of its log files. */
const encrypt: SimulateArgs = {
  resourcePolicy: policy,
  principal: "cloudtrail.amazonaws.com",
  action: "kms:GenerateDataKey",
  resource: KEY_ARN,
  accountId: ACCOUNT,
  context: {
    "aws:SourceArn": TRAIL_ARN,
    "aws:SourceAccount": ACCOUNT,
    [CLOUDTRAIL_CONTEXT]: TRAIL_ARN,
  },
};

/** CloudWatch Logs using the key for the trail's log group. */
const logs: SimulateArgs = {
  resourcePolicy: policy,
  principal: LOGS_PRINCIPAL,
  action: "kms:Encrypt",
  resource: KEY_ARN,
  accountId: ACCOUNT,
  context: { [LOGS_CONTEXT]: LOG_GROUP_ARN },
};

/** A role of the account that reads log files from the bucket. */
const read: SimulateArgs = {
  resourcePolicy: policy,
  principal: `arn:aws:iam::${ACCOUNT}:role/log-reader`,
  action: "kms:Decrypt",
  resource: KEY_ARN,
  accountId: ACCOUNT,
  context: { "kms:CallerAccount": ACCOUNT, [CLOUDTRAIL_CONTEXT]: TRAIL_ARN },
};

describe("trailKeyPolicy", () => {
  describe("CloudTrail", () => {
    it("may generate data keys for its trail's log files", async () => {
      expect(await simulate(encrypt)).to.equal("Allowed");
    });

    it("may describe the key for its trail", async () => {
      const context = { "aws:SourceArn": TRAIL_ARN, "aws:SourceAccount": ACCOUNT };
      expect(await simulate({ ...encrypt, action: "kms:DescribeKey", context })).to.equal(
        "Allowed",
      );
    });

    it("may not act for another trail or another account", async () => {
      const otherTrail = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/other`;
      const foreignTrail = `arn:aws:cloudtrail:${REGION}:${OTHER_ACCOUNT}:trail/kms-monitoring-prod`;
      const withContext = (context: Record<string, string>) =>
        simulate({ ...encrypt, context: { ...encrypt.context, ...context } });
      expect(await withContext({ "aws:SourceArn": otherTrail })).to.equal("ImplicitlyDenied");
      expect(
        await withContext({
          "aws:SourceArn": foreignTrail,
          "aws:SourceAccount": OTHER_ACCOUNT,
          [CLOUDTRAIL_CONTEXT]: foreignTrail,
        }),
      ).to.equal("ImplicitlyDenied");
      expect(await withContext({ [CLOUDTRAIL_CONTEXT]: foreignTrail })).to.equal(
        "ImplicitlyDenied",
      );
    });

    it("may not generate data keys without the CloudTrail encryption context", async () => {
      const context = { "aws:SourceArn": TRAIL_ARN, "aws:SourceAccount": ACCOUNT };
      expect(await simulate({ ...encrypt, context })).to.equal("ImplicitlyDenied");
    });

    it("may neither decrypt nor administer the key", async () => {
      expect(await simulate({ ...encrypt, action: "kms:Decrypt" })).to.equal("ImplicitlyDenied");
      const context = { "aws:SourceArn": TRAIL_ARN };
      expect(await simulate({ ...encrypt, action: "kms:ScheduleKeyDeletion", context })).to.equal(
        "ImplicitlyDenied",
      );
    });
  });

  describe("CloudWatch Logs", () => {
    it("may encrypt, decrypt and generate data keys for the trail's log group", async () => {
      expect(await simulate(logs)).to.equal("Allowed");
      expect(await simulate({ ...logs, action: "kms:Decrypt" })).to.equal("Allowed");
      expect(await simulate({ ...logs, action: "kms:GenerateDataKey" })).to.equal("Allowed");
      expect(await simulate({ ...logs, action: "kms:ReEncryptFrom" })).to.equal("Allowed");
    });

    it("may not use the key for another log group", async () => {
      const other = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:other`;
      expect(await simulate({ ...logs, context: { [LOGS_CONTEXT]: other } })).to.equal(
        "ImplicitlyDenied",
      );
    });

    it("is only the log group's regional service principal", async () => {
      expect(await simulate({ ...logs, principal: "logs.eu-west-1.amazonaws.com" })).to.equal(
        "ImplicitlyDenied",
      );
    });

    it("may not administer the key", async () => {
      expect(await simulate({ ...logs, action: "kms:ScheduleKeyDeletion", context: {} })).to.equal(
        "ImplicitlyDenied",
      );
    });
  });

  describe("log readers", () => {
    it("in the account may decrypt CloudTrail log files without an IAM grant", async () => {
      expect(await simulate(read)).to.equal("Allowed");
    });

    it("may not decrypt anything else with the key", async () => {
      const context = { "kms:CallerAccount": ACCOUNT, [LOGS_CONTEXT]: LOG_GROUP_ARN };
      expect(await simulate({ ...read, context })).to.equal("ImplicitlyDenied");
      expect(await simulate({ ...read, action: "kms:Encrypt" })).to.equal("ImplicitlyDenied");
    });

    it("from another account may not decrypt, whatever their own permissions", async () => {
      expect(
        await simulate({
          ...read,
          principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/log-reader`,
          identityPolicies: [allowAllIdentityPolicy("kms:*")],
          context: { "kms:CallerAccount": OTHER_ACCOUNT, [CLOUDTRAIL_CONTEXT]: TRAIL_ARN },
        }),
      ).to.equal("ImplicitlyDenied");
    });

    it("include no anonymous caller", async () => {
      const context = { [CLOUDTRAIL_CONTEXT]: TRAIL_ARN };
      expect(await simulate({ ...read, principal: ANONYMOUS, context })).to.equal(
        "ImplicitlyDenied",
      );
    });
  });

  describe("administration", () => {
    const administer: SimulateArgs = {
      resourcePolicy: policy,
      principal: `arn:aws:iam::${ACCOUNT}:role/key-admin`,
      action: "kms:ScheduleKeyDeletion",
      resource: KEY_ARN,
      accountId: ACCOUNT,
    };

    it("is delegated to the account's IAM policies", async () => {
      const identityPolicies = [allowAllIdentityPolicy("kms:*")];
      expect(await simulate({ ...administer, identityPolicies })).to.equal("Allowed");
      expect(await simulate(administer)).to.equal("ImplicitlyDenied");
    });

    it("is closed to other accounts", async () => {
      expect(
        await simulate({
          ...administer,
          principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/key-admin`,
          identityPolicies: [allowAllIdentityPolicy("kms:*")],
        }),
      ).to.equal("ImplicitlyDenied");
    });
  });
});
