// The envelope follows "AWS service events delivered via AWS CloudTrail" in the Amazon
// EventBridge User Guide; the records are the AWS KMS Developer Guide examples in
// test/fixtures/cloudtrail (see test/fixtures/SOURCES.md).
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import {
  CloudTrailRecord,
  eventsFromFile,
  isCloudTrailRecord,
  isEventBridgeEvent,
  toEventBridgeEvent,
} from "../../tools/matching/cloudtrail-envelope";

const FIXTURES = path.join(__dirname, "..", "fixtures");

function fixture(kind: "cloudtrail" | "eventbridge", name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, kind, name), "utf8")) as unknown;
}

function record(name: string): CloudTrailRecord {
  const value = fixture("cloudtrail", name);
  if (!isCloudTrailRecord(value)) throw new Error(`${name} is not a CloudTrail record`);
  return value;
}

describe("toEventBridgeEvent", () => {
  it("wraps an API call record in the EventBridge envelope", () => {
    const decrypt = record("Decrypt.json");
    expect(toEventBridgeEvent(decrypt)).to.deep.equal({
      version: "0",
      id: "abcde202-ba1a-467c-b4ba-f729d45ae521",
      "detail-type": "AWS API Call via CloudTrail",
      source: "aws.kms",
      account: "111122223333",
      time: "2020-07-27T22:58:24Z",
      region: "us-west-2",
      resources: [],
      detail: decrypt,
    });
  });

  it("names service events 'AWS Service Event via CloudTrail'", () => {
    const rotate = toEventBridgeEvent(record("RotateKey.json"));
    expect(rotate["detail-type"]).to.equal("AWS Service Event via CloudTrail");
    expect(rotate.region).to.equal("us-west-2");
  });

  it("names console sign-ins 'AWS Console Sign In via CloudTrail' from aws.signin", () => {
    const signIn = {
      ...record("Decrypt.json"),
      eventSource: "signin.amazonaws.com",
      eventName: "ConsoleLogin",
      eventType: "AwsConsoleSignIn",
    };
    const wrapped = toEventBridgeEvent(signIn);
    expect(wrapped["detail-type"]).to.equal("AWS Console Sign In via CloudTrail");
    expect(wrapped.source).to.equal("aws.signin");
  });

  it("copies the record into detail instead of sharing it", () => {
    const decrypt = record("Decrypt.json");
    const wrapped = toEventBridgeEvent(decrypt);
    expect(wrapped.detail).to.not.equal(decrypt);
    expect(wrapped.detail).to.deep.equal(decrypt);
  });

  it("falls back to userIdentity.accountId when recipientAccountId is missing", () => {
    const encrypt: Record<string, unknown> = { ...record("Encrypt.json") };
    delete encrypt.recipientAccountId;
    encrypt.userIdentity = { accountId: "444455556666" };
    const wrapped = toEventBridgeEvent(encrypt as CloudTrailRecord);
    expect(wrapped.account).to.equal("444455556666");
  });

  it("rejects event types, sources and accounts it cannot place", () => {
    const base = record("Encrypt.json");
    expect(() => toEventBridgeEvent({ ...base, eventType: "Unknown" })).to.throw(
      'CloudTrail eventType "Unknown" has no EventBridge detail-type',
    );
    expect(() => toEventBridgeEvent({ ...base, eventType: "toString" })).to.throw(
      'CloudTrail eventType "toString" has no EventBridge detail-type',
    );
    expect(() => toEventBridgeEvent({ ...base, eventSource: "example.com" })).to.throw(
      'CloudTrail eventSource "example.com" is not an AWS service',
    );
    const noAccount = { ...base, recipientAccountId: undefined, userIdentity: {} };
    expect(() => toEventBridgeEvent(noAccount)).to.throw(
      `CloudTrail record ${base.eventID} names no account`,
    );
  });
});

describe("isCloudTrailRecord / isEventBridgeEvent", () => {
  const cloudTrailFiles = fs.readdirSync(path.join(FIXTURES, "cloudtrail"));
  const eventBridgeFiles = fs.readdirSync(path.join(FIXTURES, "eventbridge"));

  it("recognises every CloudTrail fixture as a record and not as an event", () => {
    for (const name of cloudTrailFiles) {
      const value = fixture("cloudtrail", name);
      expect(isCloudTrailRecord(value), name).to.equal(true);
      expect(isEventBridgeEvent(value), name).to.equal(false);
    }
  });

  it("recognises every EventBridge fixture as an event and not as a record", () => {
    for (const name of eventBridgeFiles) {
      const value = fixture("eventbridge", name);
      expect(isEventBridgeEvent(value), name).to.equal(true);
      expect(isCloudTrailRecord(value), name).to.equal(false);
    }
  });

  it("recognises converted records as EventBridge events", () => {
    expect(isEventBridgeEvent(toEventBridgeEvent(record("DisableKey.json")))).to.equal(true);
  });

  it("rejects non-objects and objects missing required fields", () => {
    for (const value of [null, "x", 1, [], {}, { eventName: "Decrypt" }]) {
      expect(isCloudTrailRecord(value)).to.equal(false);
      expect(isEventBridgeEvent(value)).to.equal(false);
    }
    const event = fixture("eventbridge", "KMS-CMK-Rotation.json") as Record<string, unknown>;
    expect(isEventBridgeEvent({ ...event, resources: "arn" })).to.equal(false);
    expect(isEventBridgeEvent({ ...event, detail: null })).to.equal(false);
  });
});

describe("eventsFromFile", () => {
  it("reads a single CloudTrail record", () => {
    const decrypt = record("Decrypt.json");
    const result = eventsFromFile(decrypt);
    expect(result.cloudTrailRecords).to.deep.equal([decrypt]);
    expect(result.eventBridgeEvents).to.deep.equal([toEventBridgeEvent(decrypt)]);
  });

  it("reads a single EventBridge event", () => {
    const rotation = fixture("eventbridge", "KMS-CMK-Rotation.json");
    expect(eventsFromFile(rotation)).to.deep.equal({
      cloudTrailRecords: [],
      eventBridgeEvents: [rotation],
    });
  });

  it("reads a CloudTrail log file, keeping the order of its records", () => {
    const records = ["EnableKey.json", "DisableKey.json", "RotateKey.json"].map(record);
    const result = eventsFromFile({ Records: records });
    expect(result.cloudTrailRecords).to.deep.equal(records);
    expect(result.eventBridgeEvents.map((e) => e.id)).to.deep.equal(records.map((r) => r.eventID));
  });

  it("reads an empty CloudTrail log file", () => {
    expect(eventsFromFile({ Records: [] })).to.deep.equal({
      cloudTrailRecords: [],
      eventBridgeEvents: [],
    });
  });

  it("rejects anything else", () => {
    expect(() =>
      eventsFromFile({ Records: [record("Encrypt.json"), { eventName: "x" }] }),
    ).to.throw(TypeError, "Records[1] is not a CloudTrail record");
    expect(() => eventsFromFile([record("Encrypt.json")])).to.throw(
      TypeError,
      'expected a CloudTrail record, an EventBridge event or a CloudTrail log file with "Records"',
    );
  });
});
