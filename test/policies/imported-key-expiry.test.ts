import { expect } from "chai";
import { importedKeyMaterialExpiry } from "../../policies/imported-key-material-expiry";
import { messagesOf, resource, runOne } from "./helpers";

const EXTERNAL = "aws:kms/externalKey:ExternalKey";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const NOW = new Date("2025-06-01T00:00:00Z");

const partnerKey = resource(
  EXTERNAL,
  "partner-key",
  { validTo: "2025-12-31T00:00:00Z", keyMaterialBase64: "c2VjcmV0" },
  {
    outputs: {
      validTo: "2025-12-31T00:00:00Z",
      keyId: "k-partner",
      arn: "arn:aws:kms:eu-west-1:111122223333:key/k-partner",
    },
  },
);

/** An alarm on the expiry metric of `keyId`. */
function expiryAlarm(name: string, dimensions: Record<string, unknown>, deps: string[] = []) {
  return resource(
    ALARM,
    name,
    {
      namespace: "AWS/KMS",
      metricName: "SecondsUntilKeyMaterialExpiration",
      dimensions,
      statistic: "Minimum",
      period: 3600,
      evaluationPeriods: 1,
      threshold: 5_184_000,
      comparisonOperator: "LessThanThreshold",
      alarmActions: ["arn:aws:sns:eu-west-1:111122223333:kmsmon-prod-partner-exchange-s"],
    },
    { propertyDependencies: { dimensions: deps } },
  );
}

const noAlarm =
  'imported key "partner-key": no CloudWatch alarm watches its key material expiry; add a ' +
  "MetricAlarm on namespace AWS/KMS, metric SecondsUntilKeyMaterialExpiration, dimension KeyId " +
  "set to this key's ID, with an action that tells someone";

describe("policy imported-key-material-expiry", () => {
  it("passes material valid beyond the horizon with an alarm on its key ID", async () => {
    const stack = [partnerKey, expiryAlarm("partner-expiry", { KeyId: "k-partner" })];
    expect(await messagesOf(importedKeyMaterialExpiry, stack, { now: NOW })).to.deep.equal([]);
  });

  it("links the alarm through its dimensions' dependency when the key ID is unknown", async () => {
    const stack = [
      partnerKey,
      expiryAlarm("partner-expiry", { KeyId: undefined }, [partnerKey.urn]),
    ];
    expect(await messagesOf(importedKeyMaterialExpiry, stack, { now: NOW })).to.deep.equal([]);
  });

  it("reports material expiring inside the horizon, or expired, and a missing alarm", async () => {
    const soon = {
      ...partnerKey,
      outputs: { ...partnerKey.outputs, validTo: "2025-06-13T12:00:00Z" },
    };
    const violations = await runOne(importedKeyMaterialExpiry, [soon], { now: NOW });
    expect(violations.map((v) => v.message)).to.deep.equal([
      'imported key "partner-key": key material expires in 12 days (validTo ' +
        "2025-06-13T12:00:00Z); import new material with a validTo at least 30 days ahead, or " +
        "none, before the key stops working",
      noAlarm,
    ]);
    expect(violations.map((v) => v.resource)).to.deep.equal([soon.urn, soon.urn]);
    const expired = { ...soon, outputs: { ...soon.outputs, validTo: "2025-05-01T00:00:00Z" } };
    const [message] = await messagesOf(importedKeyMaterialExpiry, [expired], {
      now: NOW,
      config: { "imported-key-material-expiry": { minimumHorizonDays: 60 } },
    });
    expect(message).to.equal(
      'imported key "partner-key": key material expired 31 days ago (validTo ' +
        "2025-05-01T00:00:00Z); import new material with a validTo at least 60 days ahead, or " +
        "none, before the key stops working",
    );
  });

  it("does not count an alarm on another key or metric", async () => {
    const other = expiryAlarm("other-expiry", { KeyId: "k-other" });
    const wrongMetric = { ...expiryAlarm("errors", { KeyId: "k-partner" }) };
    wrongMetric.inputs = { ...wrongMetric.inputs, metricName: "Errors" };
    expect(
      await messagesOf(importedKeyMaterialExpiry, [partnerKey, other, wrongMetric], { now: NOW }),
    ).to.deep.equal([noAlarm]);
  });

  it("skips keys without validTo or with it unknown, and alarms whose key is unknown", async () => {
    const stack = [
      resource(EXTERNAL, "no-expiry", { keyMaterialBase64: "c2VjcmV0" }),
      resource(EXTERNAL, "computed", { validTo: undefined }),
      partnerKey,
      expiryAlarm("unknown-dimensions", { KeyId: undefined }),
    ];
    expect(await messagesOf(importedKeyMaterialExpiry, stack, { now: NOW })).to.deep.equal([]);
  });
});
