/**
 * The KMS events the signal tests run on: every CloudTrail record in test/fixtures/cloudtrail
 * (published by AWS) and the KMS records in test/fixtures/synthesized (marked as synthesized),
 * plus the native KMS EventBridge events. See test/fixtures/SOURCES.md.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { toEventBridgeEvent } from "../../tools/matching";
import type { CloudTrailRecord } from "../../tools/matching";

const FIXTURES = join(__dirname, "..", "fixtures");

/** One fixture file and its parsed event. */
export interface FixtureEvent {
  file: string;
  event: any;
}

function load(dir: string, keep: (event: Record<string, any>) => boolean): FixtureEvent[] {
  return readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({
      file: `${dir}/${f}`,
      event: JSON.parse(readFileSync(join(FIXTURES, dir, f), "utf8")),
    }))
    .filter((e) => keep(e.event));
}

/** CloudTrail records of KMS: real ones, then synthesized failures on keys pending deletion. */
export function kmsCloudTrailRecords(): FixtureEvent[] {
  return [
    ...load("cloudtrail", () => true),
    ...load("synthesized", (e) => e.eventSource === "kms.amazonaws.com"),
  ];
}

/** CloudTrail records of other services (tamper fixtures), for negative checks. */
export function otherServiceRecords(): FixtureEvent[] {
  return [
    ...load("cloudtrail-tamper", () => true),
    ...load("synthesized", (e) => e.eventSource !== "kms.amazonaws.com"),
  ];
}

/** The native KMS EventBridge events. */
export function nativeKmsEvents(): FixtureEvent[] {
  return load("eventbridge", () => true);
}

/** AWS-published "AWS API Call via CloudTrail" events (another service's), for the envelope. */
export function cloudTrailEnvelopes(): FixtureEvent[] {
  return load("eventbridge-cloudtrail", () => true);
}

/** Detection-content samples written by others (Panther), kept for their shapes. */
export function detectionSample(name: string): any {
  return JSON.parse(readFileSync(join(FIXTURES, "detection-samples", name), "utf8"));
}

/** The key ID an event is about: from the first key in resources, the error text, or key-id. */
export function keyIdOfEvent(event: Record<string, any>): string | undefined {
  const arns: string[] = [
    ...(event.resources ?? []).map((r: any) => (typeof r === "string" ? r : r.ARN)),
    ...(event.detail?.resources ?? []).map((r: any) => r.ARN),
  ];
  const keyArn = arns.find((a) => typeof a === "string" && a.includes(":key/"));
  if (keyArn) return keyArn.split(":key/")[1];
  const fromMessage = /:key\/([a-z0-9-]+) /.exec(event.errorMessage ?? "");
  if (fromMessage) return fromMessage[1];
  return event.detail?.["key-id"];
}

/** A copy of a real event retargeted to another key (same shape, other key ID everywhere). */
export function retarget<T>(event: T, fromKeyId: string, toKeyId: string): T {
  return JSON.parse(JSON.stringify(event).split(fromKeyId).join(toKeyId)) as T;
}

/** The group signal each fixture is; fixtures not listed are no group signal. */
export const GROUP_SIGNAL: Record<string, string> = {
  "cloudtrail/CancelKeyDeletion.json": "deletion-cancelled",
  "cloudtrail/CreateGrant.json": "grant-created",
  "cloudtrail/DeleteImportedKeyMaterial.json": "material-deleted",
  "cloudtrail/DisableKey.json": "key-disabled",
  "cloudtrail/DisableKeyRotation.json": "rotation-disabled",
  "cloudtrail/EnableKey.json": "key-enabled",
  "cloudtrail/ImportKeyMaterial.json": "material-imported",
  "cloudtrail/PutKeyPolicy.json": "key-policy-changed",
  "cloudtrail/RetireGrant.json": "grant-retired",
  "cloudtrail/RevokeGrant.json": "grant-revoked",
  "cloudtrail/RotateKeyOnDemand.json": "rotation-on-demand",
  "cloudtrail/ScheduleKeyDeletion-multi-region.json": "deletion-scheduled",
  "cloudtrail/ScheduleKeyDeletion.json": "deletion-scheduled",
  "synthesized/Decrypt-pending-deletion.json": "pending-deletion-use",
  "synthesized/Encrypt-pending-deletion-DisabledException.json": "pending-deletion-use",
  "synthesized/GenerateDataKey-pending-deletion-mrk.json": "pending-deletion-use",
  "synthesized/CreateKey-public-Principal-star.json": "key-made-public",
  "synthesized/PutKeyPolicy-AWS-star-with-condition.json": "key-made-public",
  "synthesized/PutKeyPolicy-public-AWS-star-list.json": "key-made-public",
  "synthesized/PutKeyPolicy-public-AWS-star.json": "key-made-public",
  "synthesized/DeleteImportedKeyMaterial-AccessDenied.json": "destructive-call-denied",
  "synthesized/DisableKey-AccessDenied.json": "destructive-call-denied",
  "synthesized/DisableKeyRotation-AccessDenied.json": "destructive-call-denied",
  "synthesized/PutKeyPolicy-AccessDenied.json": "destructive-call-denied",
  "synthesized/ScheduleKeyDeletion-AccessDenied-no-resources.json": "destructive-call-denied",
  "synthesized/ScheduleKeyDeletion-AccessDenied.json": "destructive-call-denied",
  "eventbridge/KMS-CMK-Deletion.json": "key-deleted",
  "eventbridge/KMS-CMK-Rotation.json": "rotation-performed",
  "eventbridge/KMS-Imported-Key-Material-Expiration.json": "material-expired",
};

/**
 * Fixtures that set off other group signals besides theirs: a PutKeyPolicy that makes a key public
 * is also a key policy change (a warning on its own route, next to the critical alert).
 */
export const ALSO_GROUP_SIGNALS: Record<string, string[]> = {
  "synthesized/PutKeyPolicy-AWS-star-with-condition.json": ["key-policy-changed"],
  "synthesized/PutKeyPolicy-public-AWS-star-list.json": ["key-policy-changed"],
  "synthesized/PutKeyPolicy-public-AWS-star.json": ["key-policy-changed"],
};

/**
 * The event as the default bus of `region` receives it, about key `toKeyId` instead of the
 * fixture's key: key IDs and key ARNs are rewritten, and the region set (AWS's published examples
 * mix regions). CloudTrail records are wrapped as EventBridge wraps them.
 */
export function delivered(
  fixture: FixtureEvent,
  toKeyId: string | undefined,
  region: string,
): Record<string, unknown> {
  const from = keyIdOfEvent(fixture.event);
  const moved = from && toKeyId ? retarget(fixture.event, from, toKeyId) : fixture.event;
  const text = JSON.stringify(moved).replace(/arn:aws:kms:[a-z0-9-]+:/g, `arn:aws:kms:${region}:`);
  const event = JSON.parse(text) as Record<string, unknown>;
  if ("detail-type" in event) return { ...event, region };
  return toEventBridgeEvent({
    ...event,
    awsRegion: region,
  } as unknown as CloudTrailRecord) as unknown as Record<string, unknown>;
}
