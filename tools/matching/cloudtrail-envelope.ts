/**
 * Conversion between the two shapes in which a CloudTrail event reaches users: the raw record
 * CloudTrail writes to S3 and CloudWatch Logs, and the EventBridge event AWS delivers for it.
 *
 * The envelope follows "AWS service events delivered via AWS CloudTrail" and "Events from AWS
 * services" in the Amazon EventBridge User Guide
 * (docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html and
 * eb-service-event.html): `detail-type` names the CloudTrail event type ("AWS API Call via
 * CloudTrail", ...), `source` is "aws." plus the service prefix of `eventSource` (the EventBridge
 * events reference lists `source: aws.kms` with `eventSource: kms.amazonaws.com`), `resources` is
 * empty and `detail` carries the CloudTrail record unchanged. Pure: no I/O.
 */

/** A CloudTrail record as found in a CloudTrail log file's `Records` array. */
export interface CloudTrailRecord {
  readonly eventVersion: string;
  readonly eventTime: string;
  readonly eventSource: string;
  readonly eventName: string;
  readonly awsRegion: string;
  readonly eventID: string;
  readonly eventType?: string;
  readonly recipientAccountId?: string;
  readonly userIdentity?: { readonly accountId?: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/** An event as EventBridge delivers it to rules and targets. */
export interface EventBridgeEvent<TDetail = unknown> {
  readonly version: string;
  readonly id: string;
  readonly "detail-type": string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: TDetail;
}

/** The events found in one JSON document, in both shapes. */
export interface EventsFromFile {
  /** CloudTrail records found in the document (none when it held an EventBridge event). */
  readonly cloudTrailRecords: CloudTrailRecord[];
  /** EventBridge events: the document's own, or those AWS delivers for its CloudTrail records. */
  readonly eventBridgeEvents: EventBridgeEvent[];
}

/**
 * `detail-type` of the EventBridge event for each CloudTrail `eventType`. Real sign-in events
 * carry "AWS Console Sign In via CloudTrail" (the User Guide's list spells it "Signin").
 */
const DETAIL_TYPES: Readonly<Record<string, string>> = {
  AwsApiCall: "AWS API Call via CloudTrail",
  AwsServiceEvent: "AWS Service Event via CloudTrail",
  AwsConsoleSignIn: "AWS Console Sign In via CloudTrail",
  AwsConsoleAction: "AWS Console Action via CloudTrail",
  AwsCloudTrailInsight: "AWS Insight via CloudTrail",
};

const SERVICE_SUFFIX = ".amazonaws.com";

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasStrings(value: Readonly<Record<string, unknown>>, keys: readonly string[]): boolean {
  return keys.every((key) => typeof value[key] === "string");
}

/**
 * True for a raw CloudTrail record: an object with the string fields every record carries
 * (`eventVersion`, `eventTime`, `eventSource`, `eventName`, `awsRegion`, `eventID`).
 */
export function isCloudTrailRecord(value: unknown): value is CloudTrailRecord {
  return (
    isObject(value) &&
    hasStrings(value, [
      "eventVersion",
      "eventTime",
      "eventSource",
      "eventName",
      "awsRegion",
      "eventID",
    ])
  );
}

/**
 * True for an EventBridge event: an object with the envelope's string fields (`version`, `id`,
 * `detail-type`, `source`, `account`, `time`, `region`), a `resources` array and an object
 * `detail`.
 */
export function isEventBridgeEvent(value: unknown): value is EventBridgeEvent {
  return (
    isObject(value) &&
    hasStrings(value, ["version", "id", "detail-type", "source", "account", "time", "region"]) &&
    Array.isArray(value.resources) &&
    value.resources.every((resource) => typeof resource === "string") &&
    isObject(value.detail)
  );
}

/**
 * The EventBridge event AWS delivers for a CloudTrail record.
 *
 * `id` reuses the record's `eventID` so the result is deterministic; AWS assigns a fresh id.
 * `account` is `recipientAccountId`, or `userIdentity.accountId` for records without it.
 * A record without `eventType` (eventVersion before 1.02) is taken as an API call.
 *
 * @throws Error when the record's `eventType` has no EventBridge detail-type, when `eventSource`
 *   is not a `*.amazonaws.com` service, or when no account can be found.
 */
export function toEventBridgeEvent(record: CloudTrailRecord): EventBridgeEvent<CloudTrailRecord> {
  // Records older than eventVersion 1.02 have no eventType; they are all API calls.
  const eventType = record.eventType ?? "AwsApiCall";
  // An own-property check, so names such as "toString" are not read from the prototype.
  const detailType = Object.hasOwn(DETAIL_TYPES, eventType) ? DETAIL_TYPES[eventType] : undefined;
  if (detailType === undefined) {
    throw new Error(
      `CloudTrail eventType ${JSON.stringify(record.eventType)} has no EventBridge detail-type`,
    );
  }
  if (!record.eventSource.endsWith(SERVICE_SUFFIX) || record.eventSource === SERVICE_SUFFIX) {
    throw new Error(
      `CloudTrail eventSource ${JSON.stringify(record.eventSource)} is not an AWS service`,
    );
  }
  const account = record.recipientAccountId ?? record.userIdentity?.accountId;
  if (typeof account !== "string") {
    throw new Error(`CloudTrail record ${record.eventID} names no account`);
  }
  return {
    version: "0",
    id: record.eventID,
    "detail-type": detailType,
    source: `aws.${record.eventSource.slice(0, -SERVICE_SUFFIX.length)}`,
    account,
    time: record.eventTime,
    region: record.awsRegion,
    resources: [],
    // A copy, so that editing the event never edits the caller's record.
    detail: structuredClone(record),
  };
}

/**
 * Reads the events in one parsed JSON document: a single CloudTrail record, a single EventBridge
 * event, or a CloudTrail log file (`{"Records": [...]}`). CloudTrail records are also converted
 * with {@link toEventBridgeEvent}, in the same order.
 *
 * @throws TypeError when the document is none of these, or a `Records` entry is not a record.
 */
export function eventsFromFile(json: unknown): EventsFromFile {
  if (isEventBridgeEvent(json)) {
    return { cloudTrailRecords: [], eventBridgeEvents: [json] };
  }
  let records: CloudTrailRecord[];
  if (isCloudTrailRecord(json)) {
    records = [json];
  } else if (isObject(json) && Array.isArray(json.Records)) {
    records = json.Records.map((record: unknown, index: number) => {
      if (!isCloudTrailRecord(record)) {
        throw new TypeError(`Records[${index}] is not a CloudTrail record`);
      }
      return record;
    });
  } else {
    throw new TypeError(
      'expected a CloudTrail record, an EventBridge event or a CloudTrail log file with "Records"',
    );
  }
  return { cloudTrailRecords: records, eventBridgeEvents: records.map(toEventBridgeEvent) };
}
