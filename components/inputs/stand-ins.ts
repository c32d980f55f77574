/**
 * Stand-ins: the values a preview plans with where an input is not known yet (the ARN of a key the
 * same program creates, a queue of another stack). Each passes the field's validation, so the plan
 * and its resources are still built, and carries a token that marks every property built from it
 * as unknown (see carry-inputs.ts). The token is hex, so it fits a key ID, and starts with a
 * per-process random nonce, so no real value matches it.
 *
 * Which fields may be Outputs is decided here (OUTPUT_FIELDS): the string items of lists and a few
 * free strings. Lists, maps, names, modes, numbers and booleans must be plain: their length or value
 * shapes the plan (rule splitting, subscriptions, costs, resource names, providers, prices).
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

const TARGETS = String.raw`^(notifications|security|keyGroups\[\d+\]\.notify)(\.critical)?\.`;
const GROUP = String.raw`^keyGroups\[\d+\]\.`;
const ITEM = String.raw`\[\d+\]$`;

/**
 * The inputs that accept Outputs (pulumi.Input<string>), by config path, each with its stand-in.
 * README "Outputs, unknowns and secrets" lists the same fields.
 */
const OUTPUT_FIELDS: [RegExp, (token: string, place: StandInPlace) => string][] = [
  [new RegExp(`${GROUP}(keys|importedKeys)${ITEM}`), standInKeyArn],
  [new RegExp(`${GROUP}aliases${ITEM}`), (t) => `alias/kmsmon-unknown-${t}`],
  [new RegExp(`${GROUP}description$`), (t) => `(known once deployed: ${t})`],
  [new RegExp(`${TARGETS}emails${ITEM}`), (t) => `unknown-${t}@example.com`],
  [new RegExp(`${TARGETS}https${ITEM}`), (t) => `https://example.com/unknown-${t}`],
  [
    new RegExp(`${TARGETS}sqs${ITEM}`),
    (t, p) => `arn:${p.partition}:sqs:${p.region}:${p.accountId}:unknown-${t}`,
  ],
  [
    new RegExp(`${TARGETS}lambda${ITEM}`),
    (t, p) => `arn:${p.partition}:lambda:${p.region}:${p.accountId}:function:unknown-${t}`,
  ],
  [/^trail\.logGroupName$/, (t) => `/kmsmon/unknown-${t}`],
  [
    /^trail\.trailArn$/,
    (t, p) => `arn:${p.partition}:cloudtrail:${p.region}:${p.accountId}:trail/unknown-${t}`,
  ],
];

/** Whether the input at a config path may be an Output. */
export function acceptsOutput(path: string): boolean {
  return OUTPUT_FIELDS.some(([pattern]) => pattern.test(path));
}

/** The stand-in of the input at `path`; undefined when the field must be plain. */
export function standInFor(path: string, token: string, place: StandInPlace): string | undefined {
  const field = OUTPUT_FIELDS.find(([pattern]) => pattern.test(path));
  return field?.[1](token, place);
}

/**
 * A lookup's argument: the value, or an unknown Output when it was built from a stand-in, so that
 * the SDK skips the lookup in a preview instead of asking AWS about a name that does not exist.
 */
export function unknownIfStandIn(value: string): pulumi.Input<string> {
  return isStandIn(value) ? (pulumi.output(pulumi.unknown) as pulumi.Output<string>) : value;
}
