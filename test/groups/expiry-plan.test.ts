/**
 * planExpiryAlarms: one alarm per described key with imported material that expires, in the key's
 * region; keys that cannot be described, or whose material does not expire, are skipped.
 */
import { expect } from "chai";
import { expiryAlarmSkipReason, planExpiryAlarms } from "../../components/groups/expiry-plan";
import { keyArn, keyId, mrkId, groupModel, resolvedGroup, resolvedKey } from "../builders";

const EXTERNAL = keyArn("eu-west-1", keyId(1));
const FLAGGED = keyArn("us-east-1", keyId(2));
const UNDESCRIBED = keyArn("us-east-1", keyId(3));
const NEVER_EXPIRES = keyArn("us-east-1", keyId(4));
const PLAIN = keyArn("us-east-1", keyId(5));
const EXTERNAL_MRK = keyArn("us-east-1", mrkId(6));

const expiring = {
  origin: "EXTERNAL",
  validTo: "2026-03-01T00:00:00Z",
  expirationModel: "KEY_MATERIAL_EXPIRES",
};

function vault(expiryWarningDays = 30) {
  return resolvedGroup(
    groupModel("vault", { expiryWarningDays, importedKeys: [FLAGGED, UNDESCRIBED] }),
    [
      resolvedKey(EXTERNAL, expiring),
      resolvedKey(FLAGGED, { flaggedImported: true, origin: undefined }),
      {
        ...resolvedKey(UNDESCRIBED, { flaggedImported: true }),
        described: false,
        origin: undefined,
        keyState: undefined,
        keyManager: undefined,
        creationDate: undefined,
        multiRegion: undefined,
      },
      resolvedKey(NEVER_EXPIRES, {
        origin: "EXTERNAL",
        expirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
      }),
      resolvedKey(PLAIN),
    ],
  );
}

describe("planExpiryAlarms", () => {
  it("plans the exact alarm of a described EXTERNAL key whose material expires", () => {
    const [alarm] = planExpiryAlarms(vault(), "prod");
    expect(alarm).to.deep.equal({
      group: "vault",
      region: "eu-west-1",
      keyArn: EXTERNAL,
      keyId: keyId(1),
      name: `kmsmon-prod-vault-expiry-${keyId(1)}`,
      description:
        `Imported key material of ${EXTERNAL} (group vault) expires in less than 30 days, or has ` +
        "expired (KMS stops publishing the metric then). Re-import the same material with a later " +
        `expiry: aws kms import-key-material --key-id ${keyId(1)} ...`,
      severity: "warning",
      metric: {
        kind: "standard",
        namespace: "AWS/KMS",
        metricName: "SecondsUntilKeyMaterialExpiration",
        dimensions: { KeyId: keyId(1) },
        statistic: "Minimum",
        periodSeconds: 3600,
      },
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      threshold: 2592000,
      comparisonOperator: "LessThanThreshold",
      treatMissingData: "breaching",
      actions: { role: "group-warning", onOk: true },
      actionsEnabled: true,
      monthlyCostUsd: 0.1,
      quotas: ["alarmNameLength", "actionsPerAlarmState", "metricQueriesPerAlarm"],
    });
  });

  it("alarms on a described key the group flags as imported", () => {
    const alarms = planExpiryAlarms(vault(), "prod");
    expect(alarms.map((a) => [a.keyArn, a.region, a.name])).to.deep.equal([
      [EXTERNAL, "eu-west-1", `kmsmon-prod-vault-expiry-${keyId(1)}`],
      [FLAGGED, "us-east-1", `kmsmon-prod-vault-expiry-${keyId(2)}`],
    ]);
  });

  it("skips a key that was not described, and one whose material does not expire, saying why", () => {
    const keys = vault().keys;
    expect(keys.map((k) => expiryAlarmSkipReason(k))).to.deep.equal([
      undefined,
      undefined,
      `key ${UNDESCRIBED} could not be described; its expiry alarm waits until it can be`,
      `key ${NEVER_EXPIRES} has imported material that does not expire; no expiry alarm needed`,
      // A plain key never gets this far in planning (not flagged, not EXTERNAL); asked directly,
      // its origin says why it has no expiry metric.
      `key ${PLAIN} is flagged as imported but KMS reports origin AWS_KMS; no expiry alarm`,
    ]);
    const planned = planExpiryAlarms(vault(), "prod").map((a) => a.keyArn);
    expect(planned).to.not.include(UNDESCRIBED);
    expect(planned).to.not.include(NEVER_EXPIRES);
  });

  it("skips a key flagged as imported whose origin KMS reports as AWS_KMS", () => {
    const flaggedPlain = { ...resolvedKey(PLAIN), flaggedImported: true, origin: "AWS_KMS" };
    const group = resolvedGroup(groupModel("mixed"), [flaggedPlain]);
    expect(planExpiryAlarms(group, "prod")).to.deep.equal([]);
  });

  it("ignores keys without imported material", () => {
    expect(planExpiryAlarms(vault(), "prod").map((a) => a.keyArn)).to.not.include(PLAIN);
    const plain = resolvedGroup(groupModel("plain"), [resolvedKey(PLAIN)]);
    expect(planExpiryAlarms(plain, "prod")).to.deep.equal([]);
  });

  it("sets the threshold to the group's warning days in seconds", () => {
    for (const days of [1, 7, 30, 90, 365]) {
      const thresholds = planExpiryAlarms(vault(days), "prod").map((a) => a.threshold);
      expect(thresholds, `${days} days`).to.deep.equal([days * 86400, days * 86400]);
    }
    expect(planExpiryAlarms(vault(14), "prod")[0].description).to.contain(
      "expires in less than 14 days",
    );
  });

  it("plans an alarm in each region of an imported multi-Region key, named alike", () => {
    const replica = EXTERNAL_MRK.replace("us-east-1", "ap-south-1");
    const group = resolvedGroup(groupModel("vault"), [
      resolvedKey(EXTERNAL_MRK, expiring),
      resolvedKey(replica, expiring),
    ]);
    expect(planExpiryAlarms(group, "prod").map((a) => [a.region, a.name])).to.deep.equal([
      ["us-east-1", `kmsmon-prod-vault-expiry-${mrkId(6)}`],
      ["ap-south-1", `kmsmon-prod-vault-expiry-${mrkId(6)}`],
    ]);
  });
});
