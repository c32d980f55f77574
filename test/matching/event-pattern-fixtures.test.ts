// Patterns evaluated against the real AWS KMS events in test/fixtures: the three EventBridge
// events of the AWS KMS Developer Guide ("Monitoring with Amazon EventBridge") and the CloudTrail
// records of "Logging AWS KMS API calls with AWS CloudTrail", wrapped as EventBridge delivers
// them ("AWS service events delivered via AWS CloudTrail").
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { eventsFromFile } from "../../tools/matching/cloudtrail-envelope";
import { EventPattern, matchesEventPattern } from "../../tools/matching/event-pattern";
import { CLOUDTRAIL_EXAMPLES } from "./fixture-names";

const FIXTURES = path.join(__dirname, "..", "fixtures");
const KEY_ARN = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** Fixture names (without ".json") as test/fixtures/SOURCES.md lists them; the folder may grow. */
const KMS_EVENTS = ["KMS-CMK-Deletion", "KMS-CMK-Rotation", "KMS-Imported-Key-Material-Expiration"];
const CLOUDTRAIL_RECORDS = CLOUDTRAIL_EXAMPLES;

function eventsIn(kind: "cloudtrail" | "eventbridge", names: string[]): Map<string, unknown> {
  const events = new Map<string, unknown>();
  for (const name of names) {
    const text = fs.readFileSync(path.join(FIXTURES, kind, `${name}.json`), "utf8");
    events.set(name, eventsFromFile(JSON.parse(text) as unknown).eventBridgeEvents[0]);
  }
  return events;
}

const kmsEvents = eventsIn("eventbridge", KMS_EVENTS);
const cloudTrailEvents = eventsIn("cloudtrail", CLOUDTRAIL_RECORDS);

/** Names of the events in `events` that `pattern` matches. */
function matching(pattern: EventPattern, events: Map<string, unknown>): string[] {
  return [...events].filter(([, event]) => matchesEventPattern(pattern, event)).map(([n]) => n);
}

describe("event patterns against the KMS EventBridge events", () => {
  it("selects each KMS event by its detail-type", () => {
    for (const detailType of [
      "KMS CMK Deletion",
      "KMS CMK Rotation",
      "KMS Imported Key Material Expiration",
    ]) {
      const pattern = { source: ["aws.kms"], "detail-type": [detailType] };
      expect(matching(pattern, kmsEvents)).to.deep.equal([detailType.replace(/ /g, "-")]);
    }
  });

  it("matches all three by key ARN in resources and by detail.key-id", () => {
    const pattern = {
      source: ["aws.kms"],
      resources: [KEY_ARN],
      detail: { "key-id": ["1234abcd-12ab-34cd-56ef-1234567890ab"] },
    };
    expect(matching(pattern, kmsEvents)).to.have.length(3);
  });

  it("narrows with anything-but and prefix operators", () => {
    const pattern = {
      "detail-type": [{ "anything-but": { prefix: "KMS CMK" } }],
      resources: [{ prefix: "arn:aws:kms:us-west-2:" }],
    };
    expect(matching(pattern, kmsEvents)).to.deep.equal(["KMS-Imported-Key-Material-Expiration"]);
  });

  it("does not match CloudTrail-delivered events with a KMS-native detail-type", () => {
    const pattern = { source: ["aws.kms"], "detail-type": ["KMS CMK Deletion"] };
    expect(matching(pattern, cloudTrailEvents)).to.deep.equal([]);
  });
});

describe("event patterns against KMS CloudTrail records wrapped for EventBridge", () => {
  it("matches detail.eventName together with detail.resources.ARN", () => {
    const pattern = {
      source: ["aws.kms"],
      "detail-type": ["AWS API Call via CloudTrail"],
      detail: { eventName: ["DisableKey", "ScheduleKeyDeletion"], resources: { ARN: [KEY_ARN] } },
    };
    expect(matching(pattern, cloudTrailEvents)).to.deep.equal(["DisableKey"]);
  });

  it("finds the key in the resources of every record", () => {
    expect(
      matching({ detail: { resources: { ARN: [KEY_ARN] } } }, cloudTrailEvents),
    ).to.have.length(cloudTrailEvents.size);
  });

  it("matches ARN and type within one resources element", () => {
    const sameElement = { detail: { resources: { ARN: [KEY_ARN], type: ["AWS::KMS::Key"] } } };
    // CreateGrant, DisableKey, EnableKey, Encrypt and GenerateDataKey list no resource type.
    expect(matching(sameElement, cloudTrailEvents)).to.deep.equal([
      "Decrypt",
      "DeleteExpiredKeyMaterial",
      "DeleteKey-cloudhsm-key-store",
      "EnableKeyRotation",
      "ImportKeyMaterial",
      "ReEncrypt",
      "RotateKey",
    ]);
  });

  it("separates API calls from service events by detail-type", () => {
    const pattern = { "detail-type": ["AWS Service Event via CloudTrail"] };
    expect(matching(pattern, cloudTrailEvents)).to.deep.equal([
      "DeleteExpiredKeyMaterial",
      "DeleteKey-cloudhsm-key-store",
      "RotateKey",
    ]);
  });

  it("matches on nested request parameters with wildcard and exists", () => {
    const pattern = {
      detail: {
        requestParameters: {
          keyId: [{ wildcard: "arn:aws:kms:*:111122223333:key/*" }],
          encryptionContext: { Department: [{ exists: true }] },
        },
      },
    };
    expect(matching(pattern, cloudTrailEvents)).to.include("Decrypt");
  });

  it("matches null response elements and absent user identity types", () => {
    const pattern = {
      detail: { responseElements: [null], userIdentity: { type: [{ exists: false }] } },
    };
    expect(matching(pattern, cloudTrailEvents)).to.deep.equal([
      "DeleteExpiredKeyMaterial",
      "DeleteKey-cloudhsm-key-store",
      "RotateKey",
    ]);
  });

  it("matches the CloudTrail region against a prefix and the account with $or", () => {
    const pattern = {
      region: [{ prefix: "us-west-" }],
      $or: [{ account: ["111122223333"] }, { detail: { recipientAccountId: ["111122223333"] } }],
      detail: { eventName: [{ "equals-ignore-case": "rotatekey" }] },
    };
    expect(matching(pattern, cloudTrailEvents)).to.deep.equal(["RotateKey"]);
  });
});
