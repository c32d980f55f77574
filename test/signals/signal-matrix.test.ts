/**
 * Proof of the catalog against real events: for every fixture, exactly the expected signals match,
 * by the CloudWatch Logs filter pattern (on the record) and by the EventBridge pattern (on the
 * event AWS delivers for it); key-scoped patterns match the event's key and no other key.
 */
import { expect } from "chai";
import {
  KMS_SIGNALS,
  accountEventPattern,
  accountFilterPattern,
  keyScopedEventPatterns,
  keyScopedFilterPatterns,
} from "../../components/signals";
import {
  matchesEventPattern,
  matchesFilterPattern,
  toEventBridgeEvent,
} from "../../tools/matching";
import {
  keyIdOfEvent,
  kmsCloudTrailRecords,
  nativeKmsEvents,
  otherServiceRecords,
  retarget,
} from "./fixture-events";

const DATA = ["data-plane-use"];
const DENIED = "destructive-call-denied";
const PUBLIC = "key-made-public";
/** What each KMS CloudTrail record must trigger in the log-group filters. */
const EXPECTED: Record<string, string[]> = {
  "cloudtrail/CancelKeyDeletion.json": ["deletion-cancelled"],
  "cloudtrail/CreateAlias.json": [],
  "cloudtrail/CreateGrant.json": ["grant-created"],
  "cloudtrail/CreateKey.json": ["key-created"],
  "cloudtrail/Decrypt.json": DATA,
  "cloudtrail/DeleteAlias.json": [],
  "cloudtrail/DeleteExpiredKeyMaterial.json": ["material-expired"],
  "cloudtrail/DeleteImportedKeyMaterial.json": ["material-deleted"],
  "cloudtrail/DeleteKey-cloudhsm-key-store.json": ["key-deleted"],
  "cloudtrail/DeleteKey.json": ["key-deleted"],
  "cloudtrail/DescribeKey.json": [],
  "cloudtrail/DisableKey.json": ["key-disabled", "cis-4-7"],
  "cloudtrail/DisableKeyRotation.json": ["rotation-disabled"],
  "cloudtrail/EnableKey.json": ["key-enabled"],
  "cloudtrail/EnableKeyRotation.json": [],
  "cloudtrail/Encrypt.json": DATA,
  "cloudtrail/GenerateDataKey.json": DATA,
  "cloudtrail/GenerateDataKeyPair.json": DATA,
  "cloudtrail/GenerateDataKeyPairWithoutPlaintext.json": DATA,
  "cloudtrail/GenerateDataKeyWithoutPlaintext-InvalidKeyUsageException.json": [],
  "cloudtrail/GenerateDataKeyWithoutPlaintext.json": DATA,
  "cloudtrail/GenerateMac.json": DATA,
  "cloudtrail/GenerateRandom.json": [],
  "cloudtrail/ImportKeyMaterial.json": ["material-imported"],
  "cloudtrail/ListAliases.json": [],
  "cloudtrail/ListGrants.json": [],
  "cloudtrail/PutKeyPolicy.json": ["key-policy-changed"],
  "cloudtrail/ReEncrypt.json": DATA,
  // Real: the new replica in another Region is a key no group has yet.
  "cloudtrail/ReplicateKey.json": ["key-created"],
  "cloudtrail/RetireGrant.json": ["grant-retired"],
  "cloudtrail/RevokeGrant.json": ["grant-revoked"],
  "cloudtrail/RotateKey.json": ["rotation-performed"],
  "cloudtrail/RotateKeyOnDemand.json": ["rotation-on-demand"],
  "cloudtrail/ScheduleKeyDeletion-multi-region.json": ["deletion-scheduled", "cis-4-7"],
  "cloudtrail/ScheduleKeyDeletion.json": ["deletion-scheduled", "cis-4-7"],
  "cloudtrail/Sign.json": DATA,
  "cloudtrail/SynchronizeMultiRegionKey.json": [],
  "cloudtrail/TagResource.json": [],
  "cloudtrail/UpdateKeyDescription.json": [],
  "cloudtrail/UpdatePrimaryRegion.json": [],
  "cloudtrail/Verify.json": DATA,
  "cloudtrail/VerifyMac.json": DATA,
  "synthesized/CreateKey-public-Principal-star.json": ["key-created", "key-made-public"],
  "synthesized/Decrypt-pending-deletion.json": ["pending-deletion-use"],
  "synthesized/Decrypt-pending-import.json": [],
  "synthesized/DeleteImportedKeyMaterial-AccessDenied.json": [DENIED],
  // The exact CIS text has no errorCode term: it counts the refused call too.
  "synthesized/DisableKey-AccessDenied.json": [DENIED, "cis-4-7"],
  "synthesized/DisableKeyRotation-AccessDenied.json": [DENIED],
  "synthesized/Encrypt-pending-deletion-DisabledException.json": ["pending-deletion-use"],
  "synthesized/GenerateDataKey-pending-deletion-mrk.json": ["pending-deletion-use"],
  // Known false positive, documented: string matching cannot see the Condition that narrows "*".
  "synthesized/PutKeyPolicy-AWS-star-with-condition.json": ["key-policy-changed", PUBLIC],
  "synthesized/PutKeyPolicy-AccessDenied.json": [DENIED],
  "synthesized/PutKeyPolicy-public-AWS-star-list.json": ["key-policy-changed", PUBLIC],
  "synthesized/PutKeyPolicy-public-AWS-star.json": ["key-policy-changed", PUBLIC],
  "synthesized/ScheduleKeyDeletion-AccessDenied-no-resources.json": [DENIED, "cis-4-7"],
  "synthesized/ScheduleKeyDeletion-AccessDenied.json": [DENIED, "cis-4-7"],
};

/** Native KMS events and the signal each is. */
const EXPECTED_NATIVE: Record<string, string[]> = {
  "eventbridge/KMS-CMK-Deletion.json": ["key-deleted"],
  "eventbridge/KMS-CMK-Rotation.json": ["rotation-performed"],
  "eventbridge/KMS-Imported-Key-Material-Expiration.json": ["material-expired"],
};

/** Signals whose EventBridge match is the native KMS event, not the CloudTrail copy. */
const NATIVE_ONLY = new Set(
  KMS_SIGNALS.filter((s) => s.source.kind === "service-event").map((s) => s.id),
);
/** CIS 4.7 is a log-group filter by definition; it has no event pattern. */
const EVENT_BRIDGE_SIGNALS = KMS_SIGNALS.filter((s) => s.exactFilterPattern === undefined);
const OTHER_KEY = "99999999-9999-4999-8999-999999999999";

const records = kmsCloudTrailRecords();

describe("signal catalog against real KMS events", () => {
  it("has an expectation for every KMS fixture, and every expectation has a fixture", () => {
    expect(records.map((r) => r.file).sort()).to.deep.equal(Object.keys(EXPECTED).sort());
    expect(nativeKmsEvents().map((r) => r.file)).to.deep.equal(Object.keys(EXPECTED_NATIVE));
  });

  it("backs every signal with at least one real or marked event", () => {
    const covered = new Set([...Object.values(EXPECTED), ...Object.values(EXPECTED_NATIVE)].flat());
    expect(KMS_SIGNALS.map((s) => s.id).filter((id) => !covered.has(id))).to.deep.equal([]);
  });

  for (const { file, event } of records) {
    it(`filter patterns: ${file} triggers exactly ${JSON.stringify(EXPECTED[file])}`, () => {
      const matched = KMS_SIGNALS.filter((s) =>
        matchesFilterPattern(accountFilterPattern(s), event),
      );
      expect(matched.map((s) => s.id).sort()).to.deep.equal([...(EXPECTED[file] ?? [])].sort());
    });

    it(`event patterns: ${file} (as EventBridge delivers it) triggers the same signals`, () => {
      const wrapped = toEventBridgeEvent(event);
      const matched = EVENT_BRIDGE_SIGNALS.filter((s) =>
        matchesEventPattern(accountEventPattern([s]), wrapped),
      );
      const expected = (EXPECTED[file] ?? []).filter(
        (id) => id !== "cis-4-7" && !NATIVE_ONLY.has(id),
      );
      expect(matched.map((s) => s.id).sort()).to.deep.equal(expected.sort());
    });
  }

  for (const { file, event } of nativeKmsEvents()) {
    it(`event patterns: native ${file} triggers exactly ${JSON.stringify(EXPECTED_NATIVE[file])}`, () => {
      const matched = EVENT_BRIDGE_SIGNALS.filter((s) =>
        matchesEventPattern(accountEventPattern([s]), event),
      );
      expect(matched.map((s) => s.id)).to.deep.equal(EXPECTED_NATIVE[file]);
    });
  }

  it("no signal matches another service's records", () => {
    for (const { file, event } of otherServiceRecords()) {
      const byFilter = KMS_SIGNALS.filter((s) =>
        matchesFilterPattern(accountFilterPattern(s), event),
      );
      const byRule = EVENT_BRIDGE_SIGNALS.filter((s) =>
        matchesEventPattern(accountEventPattern([s]), toEventBridgeEvent(event)),
      );
      expect(
        [...byFilter, ...byRule].map((s) => s.id),
        file,
      ).to.deep.equal([]);
    }
  });
});

describe("key-scoped patterns against real KMS events", () => {
  const scoped = KMS_SIGNALS.filter((s) => s.scope === "keys");

  for (const { file, event } of records) {
    const signals = scoped.filter((s) => EXPECTED[file].includes(s.id));
    if (signals.length === 0) continue;
    const keyId = keyIdOfEvent(event) as string;

    it(`${file}: matches when its key ${keyId} is watched, not when only other keys are`, () => {
      expect(keyId, "key of the event").to.be.a("string");
      const other = retarget(event, keyId, OTHER_KEY);
      for (const signal of signals) {
        // Two keys may need two patterns (1,024 characters each): any of them may match.
        const mine = keyScopedFilterPatterns(signal, [OTHER_KEY, keyId]);
        const [theirs] = keyScopedFilterPatterns(signal, [OTHER_KEY]);
        expect(
          mine.some((p) => matchesFilterPattern(p, event)),
          `${signal.id} filter, own key`,
        ).to.equal(true);
        expect(matchesFilterPattern(theirs, event), `${signal.id} filter, other key`).to.equal(
          false,
        );
        expect(matchesFilterPattern(theirs, other), `${signal.id} filter, retargeted`).to.equal(
          true,
        );
        if (NATIVE_ONLY.has(signal.id)) continue;
        const [rule] = keyScopedEventPatterns([signal], [OTHER_KEY, keyId]);
        const [otherRule] = keyScopedEventPatterns([signal], [OTHER_KEY]);
        const wrapped = toEventBridgeEvent(event);
        expect(matchesEventPattern(rule.pattern, wrapped), `${signal.id} rule, own key`).to.equal(
          true,
        );
        expect(
          matchesEventPattern(otherRule.pattern, wrapped),
          `${signal.id} rule, other key`,
        ).to.equal(false);
      }
    });
  }

  for (const { file, event } of nativeKmsEvents()) {
    it(`native ${file}: matches its key only`, () => {
      const signal = KMS_SIGNALS.find((s) => EXPECTED_NATIVE[file].includes(s.id));
      const keyId = keyIdOfEvent(event) as string;
      const [rule] = keyScopedEventPatterns([signal!], [keyId]);
      const [otherRule] = keyScopedEventPatterns([signal!], [OTHER_KEY]);
      expect(matchesEventPattern(rule.pattern, event)).to.equal(true);
      expect(matchesEventPattern(otherRule.pattern, event)).to.equal(false);
    });
  }

  it("a multi-Region key is matched by its mrk- ID in every Region", () => {
    const record = records.find(
      (r) => r.file === "cloudtrail/ScheduleKeyDeletion-multi-region.json",
    )!;
    const keyId = keyIdOfEvent(record.event) as string;
    const elsewhere = JSON.parse(
      JSON.stringify(record.event).replace(/arn:aws:kms:[a-z0-9-]+:/g, "arn:aws:kms:ap-south-1:"),
    );
    const signal = KMS_SIGNALS.find((s) => s.id === "deletion-scheduled")!;
    const [pattern] = keyScopedFilterPatterns(signal, [keyId]);
    expect(matchesFilterPattern(pattern, record.event)).to.equal(true);
    expect(matchesFilterPattern(pattern, elsewhere)).to.equal(true);
  });
});
