/**
 * Keys created or replicated outside every group (catalog signal `key-created`), told to the
 * security team with the key and who made it. A new key cannot be in a group's ARN list before it
 * exists, and tag or alias selections are resolved at deploy, so every new key is unwatched until
 * the next deploy: the account-wide alarm counts them, and these rules say which key and who.
 * One rule per call, because CreateKey and ReplicateKey name the new key in different fields and
 * an input transformer cannot choose between paths.
 */
import { AWS_LIMITS, type Quota } from "../core/limits";
import { names } from "../core/names";
import type { AlertInputTransformer } from "../groups/alert-message";
import { literal } from "../groups/literal";
import { accountsLine, type AccountName } from "../groups/account-line";
import { RULE_TARGET_MAX_EVENT_AGE_SECONDS, RULE_TARGET_RETRIES } from "../groups/rule-plan";
import { signalById } from "../signals/catalog";
import { accountEventPattern, type SignalEventPattern } from "../signals/event-patterns";
import type { KmsSignal } from "../signals/types";

/** Which call made the key. */
export type NewKeyCall = "created" | "replicated";

/** One rule on a region's default bus, to the region's security topic. */
export interface NewKeyRuleSpec {
  call: NewKeyCall;
  /** Physical name: `kmsmon-<env>-new-key-<call>`. */
  name: string;
  region: string;
  description: string;
  eventPattern: SignalEventPattern;
  transformer: AlertInputTransformer;
  /** Retries for a day, then the region's dead-letter queue: an alert is never dropped. */
  target: { maximumRetryAttempts: number; maximumEventAgeSeconds: number };
  /** $0: rules and AWS service events are free; deliveries are priced by traffic. */
  monthlyCostUsd: number;
  quotas: Quota[];
}

/** Where each call's record names the new key, its ID and its region. */
const NEW_KEY_PATHS: Record<
  NewKeyCall,
  { eventName: string; key: string; keyId: string; keyRegion: string }
> = {
  created: {
    eventName: "CreateKey",
    key: "$.detail.responseElements.keyMetadata.arn",
    keyId: "$.detail.responseElements.keyMetadata.keyId",
    keyRegion: "$.region",
  },
  replicated: {
    eventName: "ReplicateKey",
    key: "$.detail.responseElements.replicaKeyMetadata.arn",
    keyId: "$.detail.responseElements.replicaKeyMetadata.keyId",
    keyRegion: "$.detail.requestParameters.replicaRegion",
  },
};

/** The catalog signal narrowed to one call. */
function signalOf(call: NewKeyCall): KmsSignal {
  const signal = signalById("key-created");
  const eventNames = [NEW_KEY_PATHS[call].eventName];
  return { ...signal, source: { kind: "api-call", eventNames } };
}

/**
 * The transformer of a hub-wide message: `lines` with `inputPaths`, and last (below what to do:
 * it can run to thousands of characters), after a blank line, the line naming the member
 * accounts of the hub's region, as much of it as the input template's quota leaves room for.
 */
export function hubTransformer(
  inputPaths: Record<string, string>,
  lines: readonly string[],
  region: string,
  accounts: readonly AccountName[],
): AlertInputTransformer {
  // A string template must itself be a JSON string (see alert-message.ts).
  const of = (all: readonly string[]) => ({
    inputPaths,
    inputTemplate: JSON.stringify(all.join("\n")),
  });
  const message = of(lines);
  if (accounts.length === 0) return message;
  // The line is JSON-escaped into the template with two newlines (4 characters) before it.
  const room = AWS_LIMITS.inputTemplateLength - message.inputTemplate.length - 4;
  return of([
    ...lines,
    "",
    accountsLine(`Member accounts in ${region} (at deploy):`, accounts, room),
  ]);
}

/** The message security reads: the key, who made it, and what to do. */
function newKeyTransformer(
  environment: string,
  call: NewKeyCall,
  region: string,
  accounts: readonly AccountName[],
): AlertInputTransformer {
  const signal = signalOf(call);
  const paths = NEW_KEY_PATHS[call];
  const made = call === "created" ? "created" : "replicated into <keyRegion> from <primary>";
  const headline = `[${signal.severity.toUpperCase()}] ${literal(signal.title)}: key <key>, account <account> (${literal(environment)})`;
  const body = [
    "",
    `What happened: <eventName> by <caller> (<callerType>) from <callerIp>: the key was ${made}; no key group of ${literal(environment)} watches it yet.`,
    "When: <time> in <region>",
    "",
    `What to do: ${literal(signal.action)} Check it: aws kms describe-key --key-id <key> --region <keyRegion>`,
    "",
    "Key in the console: https://<keyRegion>.console.aws.amazon.com/kms/home?region=<keyRegion>#/kms/keys/<keyId>",
    "CloudTrail event: https://<region>.console.aws.amazon.com/cloudtrail/home?region=<region>#/events/<eventId>",
  ];
  const inputPaths = {
    time: "$.time",
    region: "$.region",
    account: "$.account",
    eventName: "$.detail.eventName",
    eventId: "$.detail.eventID",
    caller: "$.detail.userIdentity.arn",
    callerType: "$.detail.userIdentity.type",
    callerIp: "$.detail.sourceIPAddress",
    key: paths.key,
    keyId: paths.keyId,
    keyRegion: paths.keyRegion,
    ...(call === "replicated" ? { primary: "$.detail.resources[0].ARN" } : {}),
  };
  return hubTransformer(inputPaths, [headline, ...body], region, accounts);
}

/**
 * What every rule to a security topic shares: a target that retries for a day, then the region's
 * dead-letter queue; no charge (rules and AWS service events are free); the quotas it counts
 * against.
 */
export function securityRuleDelivery(): Pick<
  NewKeyRuleSpec,
  "target" | "monthlyCostUsd" | "quotas"
> {
  return {
    target: {
      maximumRetryAttempts: RULE_TARGET_RETRIES,
      maximumEventAgeSeconds: RULE_TARGET_MAX_EVENT_AGE_SECONDS,
    },
    monthlyCostUsd: 0,
    quotas: [
      "ruleNameLength",
      "eventPatternLength",
      "inputTemplateLength",
      "rulesPerBus",
      "targetsPerRule",
    ],
  };
}

/**
 * The rules of one region telling security of new keys, one per call.
 *
 * @param environment - environment name.
 * @param region - the alerting region (its default bus and security topic).
 * @param nameOf - each rule's name. Defaults to `kmsmon-<env>-new-key-<call>`.
 * @param memberAccounts - in an organization hub, the named member accounts of the region: the
 *   message lists them, since it cannot look up the event's account. Default: none.
 */
export function planNewKeyRules(
  environment: string,
  region: string,
  nameOf: (call: NewKeyCall) => string = names(environment).newKeyRule,
  memberAccounts: readonly AccountName[] = [],
): NewKeyRuleSpec[] {
  return (["created", "replicated"] as const).map((call) => ({
    call,
    name: nameOf(call),
    region,
    description: `A KMS key was ${call} in ${region}; no key group selects it until the next deploy.`,
    eventPattern: accountEventPattern([signalOf(call)]),
    transformer: newKeyTransformer(environment, call, region, memberAccounts),
    ...securityRuleDelivery(),
  }));
}
