/**
 * The test data every test shares: the fake account of the mock runs, another account, and the
 * ARNs and IDs of their keys and aliases. One definition each, one signature per builder, so no
 * two tests can disagree on what "our account" or "a key ARN" is.
 */
import { stableUuid } from "./harness/fake-state";

/** The account the mock runtime answers for (getCallerIdentity, every fake ARN). */
export const ACCOUNT = "111122223333";
/** An account that is not ours. */
export const OTHER_ACCOUNT = "444455556666";
/** Region of the default provider in the mock runs. */
export const REGION = "us-east-1";
/** Partition of the mock runs. */
export const PARTITION = "aws";

/** A UUID-shaped key ID; `n` picks a distinct key (`1234abcd-12ab-34cd-56ef-<n in 12 hex digits>`). */
export function keyId(n: number): string {
  return `1234abcd-12ab-34cd-56ef-${n.toString(16).padStart(12, "0")}`;
}

/** A multi-Region key ID; `n` picks a distinct key (`mrk-<n in 32 hex digits>`). */
export function mrkId(n: number): string {
  return `mrk-${n.toString(16).padStart(32, "0")}`;
}

/** The ARN of key `id` in `region` of `account` (ours by default). */
export function keyArn(region: string, id: string, account = ACCOUNT): string {
  return `arn:aws:kms:${region}:${account}:key/${id}`;
}

/** The ARN of alias `alias` (`alias/<name>`) in `region` of `account` (ours by default). */
export function aliasArn(region: string, alias: string, account = ACCOUNT): string {
  return `arn:aws:kms:${region}:${account}:${alias}`;
}

/** The key ID at the end of a key ARN. */
export function keyIdOf(arn: string): string {
  return arn.slice(arn.indexOf(":key/") + ":key/".length);
}

/** The region of an ARN. */
export function regionOfArn(arn: string): string {
  return arn.split(":")[3];
}

/** The key ID the mock runtime gives the aws.kms.Key resource named `name`. */
export function mockKeyId(name: string): string {
  return stableUuid(name);
}

/** The ARN the mock runtime gives the aws.kms.Key resource named `name`, created in `region`. */
export function mockKeyArn(name: string, region = REGION): string {
  return keyArn(region, mockKeyId(name));
}
