import { expect } from "chai";
import { kmsKeyDeletionWindow } from "../../policies/kms-key-deletion-window";
import { kmsKeyRotationEnabled } from "../../policies/kms-key-rotation-enabled";
import { UNKNOWN } from "../../policies/lib/known";
import { messagesOf, resource, runOne } from "./helpers";

const KEY = "aws:kms/key:Key";
const EXTERNAL = "aws:kms/externalKey:ExternalKey";

describe("policy kms-key-deletion-window", () => {
  it("passes 30 days, and an unset window (AWS waits 30 days)", async () => {
    const keys = [
      resource(KEY, "app-key", { deletionWindowInDays: 30, enableKeyRotation: true }),
      resource(KEY, "default-key", { description: "no window set" }),
    ];
    expect(await messagesOf(kmsKeyDeletionWindow, keys)).to.deep.equal([]);
  });

  it("reports a short window with the fix, on the key", async () => {
    const key = resource(KEY, "app-key", { deletionWindowInDays: 7 });
    const violations = await runOne(kmsKeyDeletionWindow, [key]);
    expect(violations).to.deep.equal([
      {
        policy: "kms-key-deletion-window",
        level: "mandatory",
        message:
          'kms key "app-key": deletionWindowInDays is 7; set it to at least 30 days so a ' +
          "mistaken deletion can still be cancelled",
        resource: key.urn,
      },
    ]);
  });

  it("checks imported and replica keys too, and honours minimumDays", async () => {
    const keys = [
      resource(EXTERNAL, "partner-key", { deletionWindowInDays: 10 }),
      resource("aws:kms/replicaKey:ReplicaKey", "eu-replica", { deletionWindowInDays: 20 }),
    ];
    expect(
      await messagesOf(kmsKeyDeletionWindow, keys, {
        config: { "kms-key-deletion-window": { minimumDays: 14 } },
      }),
    ).to.deep.equal([
      'kms key "partner-key": deletionWindowInDays is 10; set it to at least 14 days so a ' +
        "mistaken deletion can still be cancelled",
    ]);
  });

  it("skips a window unknown at preview and other resource types", async () => {
    const resources = [
      resource(KEY, "computed", { deletionWindowInDays: undefined }),
      resource(KEY, "marked", { deletionWindowInDays: UNKNOWN }),
      resource("aws:sns/topic:Topic", "t", { deletionWindowInDays: 1 }),
    ];
    expect(await runOne(kmsKeyDeletionWindow, resources)).to.deep.equal([]);
  });
});

describe("policy kms-key-rotation-enabled", () => {
  it("passes a symmetric key with rotation on", async () => {
    const keys = [
      resource(KEY, "app-key", { enableKeyRotation: true }),
      resource(KEY, "explicit", { keySpec: "SYMMETRIC_DEFAULT", enableKeyRotation: true }),
    ];
    expect(await messagesOf(kmsKeyRotationEnabled, keys)).to.deep.equal([]);
  });

  it("reports a symmetric key without rotation, unset or false", async () => {
    const keys = [
      resource(KEY, "app-key", { description: "orders" }),
      resource(KEY, "legacy", { keySpec: "SYMMETRIC_DEFAULT", enableKeyRotation: false }),
    ];
    expect(await messagesOf(kmsKeyRotationEnabled, keys)).to.deep.equal([
      'kms key "app-key": enableKeyRotation is not set; set enableKeyRotation: true so KMS ' +
        "rotates the material of this symmetric key every year",
      'kms key "legacy": enableKeyRotation is false; set enableKeyRotation: true so KMS ' +
        "rotates the material of this symmetric key every year",
    ]);
  });

  it("exempts asymmetric, HMAC, custom key store and imported keys", async () => {
    const keys = [
      resource(KEY, "signing", { keySpec: "ECC_NIST_P256", keyUsage: "SIGN_VERIFY" }),
      resource(KEY, "rsa", { customerMasterKeySpec: "RSA_2048" }),
      resource(KEY, "mac", { keySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC" }),
      resource(KEY, "hsm", { customKeyStoreId: "cks-1234567890abcdef0" }),
      resource(EXTERNAL, "partner-key", { enabled: true }),
    ];
    expect(await messagesOf(kmsKeyRotationEnabled, keys)).to.deep.equal([]);
  });

  it("skips a key whose spec or rotation is unknown at preview", async () => {
    const keys = [
      resource(KEY, "spec", { keySpec: undefined }),
      resource(KEY, "rotation", { enableKeyRotation: UNKNOWN }),
    ];
    expect(await messagesOf(kmsKeyRotationEnabled, keys)).to.deep.equal([]);
  });
});
