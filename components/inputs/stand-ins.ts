/**
 * Stand-ins: the values a preview plans with where an input is not known yet (the ARN of a key the
 * same program creates, a queue of another stack). Each passes the field's validation, so the plan
 * and its resources are still built, and carries a token that marks every property built from it
 * as unknown (see carry-inputs.ts). The token is hex, so it fits a key ID, and starts with a
 * per-process random nonce, so no real value matches it.
 *
 * Which fields may be Outputs, and the stand-in of each, is the plain rule (plain-rule.ts).
 */
import { randomBytes } from "crypto";
import * as pulumi from "@pulumi/pulumi";

/** Where the stack deploys: what a stand-in ARN is made of. */
export interface StandInPlace {
  partition: string;
  region: string;
  accountId: string;
}

const NONCE = randomBytes(3).toString("hex");
const TOKEN = new RegExp(`${NONCE}[0-9a-f]{6}`, "g");
let issued = 0;

/** A new stand-in token: the nonce and a counter, 12 hex digits. */
export function newStandInToken(): string {
  issued += 1;
  return `${NONCE}${issued.toString(16).padStart(6, "0")}`;
}

/** The stand-in tokens a string contains. */
export function standInTokens(value: string): string[] {
  return value.match(TOKEN) ?? [];
}

/** Whether a string was built from a stand-in. */
export function isStandIn(value: string): boolean {
  return standInTokens(value).length > 0;
}

/** The stand-in of a key ARN: a key in the stack's region and account, its ID holding the token. */
export function standInKeyArn(token: string, place: StandInPlace, region = place.region): string {
  return `arn:${place.partition}:kms:${region}:${place.accountId}:key/00000000-0000-4000-8000-${token}`;
}

/**
 * A lookup's argument: the value, or an unknown Output when it was built from a stand-in, so that
 * the SDK skips the lookup in a preview instead of asking AWS about a name that does not exist.
 */
export function unknownIfStandIn(value: string): pulumi.Input<string> {
  return isStandIn(value) ? (pulumi.output(pulumi.unknown) as pulumi.Output<string>) : value;
}
