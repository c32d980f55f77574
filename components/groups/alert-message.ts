/**
 * The text an on-call engineer reads: the EventBridge input transformer of a group rule. A
 * transformer cannot choose by event, so each rule watches one signal: its message names that
 * signal and gives its one runbook. Every message uses only fields every event the rule matches
 * has.
 *
 * Four shapes, chosen by the signal's source (catalog): a successful API call (who, from where), a
 * call refused because the key is pending deletion (the call and its error), a call denied by
 * IAM or the key policy (the call, its error, the key it asked for) and a native KMS event (no
 * caller: KMS acted on its own).
 */
import type { KmsSignal, SignalAlertField } from "../signals/types";
import { CALLS_NAMING_ONE_KEY } from "../signals/catalog-terms";
import { accountLine, type AccountName } from "./account-line";
import { literal } from "./literal";

/** EventBridge input transformer: JSON paths into the event, and the message template. */
export interface AlertInputTransformer {
  inputPaths: Record<string, string>;
  inputTemplate: string;
}

/** The aliases the plan knows for one key the rule covers. */
export interface KeyAliases {
  keyId: string;
  aliases: readonly string[];
}

/** Arguments of {@link alertInputTransformer}. */
export interface AlertMessageArgs {
  environment: string;
  group: string;
  /** Free-text description of the group; omitted when empty. */
  groupDescription: string;
  /** The signal the rule matches: the message names it and gives its one runbook. */
  signal: KmsSignal;
  /** Aliases of the keys the rule covers (from the group's alias selection); may be empty. */
  keyAliases: readonly KeyAliases[];
  /**
   * The rule matches only refused calls whose record lists no `resources`: the key is taken from
   * the request (`requestParameters.keyId`, as the caller named it). Default: false.
   */
  keyFromRequest?: boolean;
  /**
   * In an organization hub, the accounts of the keys the rule covers, named as the config names
   * them: the message says whose keys they are. Default: none (no account line).
   */
  accountNames?: readonly AccountName[];
}

/** Fields of every EventBridge event. */
const ENVELOPE = { time: "$.time", region: "$.region", account: "$.account" };

/**
 * A CloudTrail record as EventBridge delivers it, the key from `resources`, which AWS's records of
 * successful calls on a key list; a signal whose calls all name the key in the request reads it
 * there instead ({@link keyPath}), so a record without `resources` still shows its key.
 */
const API_CALL = {
  ...ENVELOPE,
  eventName: "$.detail.eventName",
  eventId: "$.detail.eventID",
  key: "$.detail.resources[0].ARN",
  caller: "$.detail.userIdentity.arn",
  callerType: "$.detail.userIdentity.type",
  callerIp: "$.detail.sourceIPAddress",
};

/** A refused call: the error message names the key, whether or not `resources` does. */
const REFUSED_CALL = {
  ...API_CALL,
  errorCode: "$.detail.errorCode",
  errorMessage: "$.detail.errorMessage",
};

/** A native KMS event (e.g. "KMS CMK Deletion"): the key's ID and ARN, no caller. */
const NATIVE = {
  ...ENVELOPE,
  detailType: "$.detail-type",
  keyId: "$.detail.key-id",
  key: "$.resources[0]",
};

/** Longest alias list a message carries, in characters; the rest are counted, not named. */
export const ALIAS_LINE_BUDGET = 1000;

/**
 * The `<key>` and `<region>` of a catalog action (`--key-id <key> --region <region>`) are input
 * paths of every shape (the event's key and region), so every command can be pasted as it is.
 */
function actionText(action: string): string {
  return action
    .split("<key>")
    .map((part) => part.split("<region>").map(literal).join("<region>"))
    .join("<key>");
}

/** The headline's key: its alias when the rule covers one key with a known alias. */
function keyName(keyAliases: readonly KeyAliases[], fromEvent: string): string {
  const only = keyAliases.length === 1 ? keyAliases[0].aliases : [];
  return only.length > 0 ? `${literal(only.join(", "))} (${fromEvent})` : fromEvent;
}

/** "Aliases: alias/a = key <id>; ..." for rules over several keys, within the budget. */
function aliasLine(keyAliases: readonly KeyAliases[]): string[] {
  if (keyAliases.length < 2) return [];
  const pairs = keyAliases.flatMap((k) => k.aliases.map((a) => `${literal(a)} = key ${k.keyId}`));
  if (pairs.length === 0) return [];
  let line = "Aliases of the keys this rule watches (at deploy):";
  let shown = 0;
  for (const pair of pairs) {
    if (line.length + pair.length + 2 > ALIAS_LINE_BUDGET) break;
    line += `${shown === 0 ? " " : "; "}${pair}`;
    shown++;
  }
  const more = pairs.length - shown;
  return [more > 0 ? `${line}${shown === 0 ? "" : ";"} and ${more} more` : line];
}

/** The catalog's event fields of a signal: a `<fieldN>` path each, and its labelled line. */
function fieldLines(fields: readonly SignalAlertField[]): {
  paths: Record<string, string>;
  lines: string[];
} {
  const paths: Record<string, string> = {};
  const lines = fields.map((f, i) => {
    paths[`field${i + 1}`] = f.path;
    return `${literal(f.label)}: <field${i + 1}>${f.note ? ` ${literal(f.note)}` : ""}`;
  });
  return { paths, lines };
}

const KEY_CONSOLE =
  "Key in the console: https://<region>.console.aws.amazon.com/kms/home?region=<region>#/kms/keys/";
const CLOUDTRAIL_CONSOLE =
  "https://<region>.console.aws.amazon.com/cloudtrail/home?region=<region>#/events";

/** The shape of a signal's message: its paths, headline subject and what-happened lines. */
interface Shape {
  paths: Record<string, string>;
  subject: (where: string, keyAliases: readonly KeyAliases[]) => string;
  /** What happened; `prefix` is the signal's title and a colon. */
  happened: (prefix: string) => string[];
  links: string[];
}

const API_CALL_SHAPE: Shape = {
  paths: API_CALL,
  subject: (where, aliases) => `key ${keyName(aliases, "<key>")} ${where}`,
  happened: (prefix) => [
    `What happened: ${prefix}<eventName> called by <caller> (<callerType>) from <callerIp>`,
    "When: <time> in <region>",
  ],
  links: [`${KEY_CONSOLE}<key>`, `CloudTrail event: ${CLOUDTRAIL_CONSOLE}/<eventId>`],
};

const REFUSED_CALL_SHAPE: Shape = {
  paths: REFUSED_CALL,
  subject: (where) => `<eventName> refused ${where}: <errorMessage>`,
  happened: (prefix) => [
    `What happened: ${prefix}<eventName> called by <caller> (<callerType>) from <callerIp> failed with <errorCode>: <errorMessage>`,
    "When: <time> in <region>",
  ],
  links: [`${KEY_CONSOLE}<key>`, `CloudTrail event: ${CLOUDTRAIL_CONSOLE}/<eventId>`],
};

const DENIED_CALL_SHAPE: Shape = {
  paths: REFUSED_CALL,
  subject: (where, aliases) => `key ${keyName(aliases, "<key>")} ${where}`,
  happened: REFUSED_CALL_SHAPE.happened,
  links: API_CALL_SHAPE.links,
};

const NATIVE_SHAPE: Shape = {
  paths: NATIVE,
  subject: (where, aliases) => `key ${keyName(aliases, "<keyId>")} ${where}`,
  happened: (prefix) => [
    `What happened: ${prefix}KMS reported "<detailType>" for key <key> (KMS acted on its own; no caller)`,
    "When: <time> in <region>",
  ],
  links: [
    `${KEY_CONSOLE}<keyId>`,
    `CloudTrail events of the key: ${CLOUDTRAIL_CONSOLE}?ResourceName=<keyId>`,
  ],
};

/**
 * The shape of a signal's message, from what its source says about its events (so a signal added
 * to the catalog gets a message without a change here): a native KMS event, a refused call (the
 * source names error codes), a denied call (an error code prefix), or a successful API call.
 */
function shapeOf(signal: KmsSignal): Shape {
  const source = signal.source;
  if (source.kind === "data-plane") {
    throw new Error(`signal ${signal.id} (data plane) is not alerted one by one`);
  }
  if ("nativeDetailType" in source) return NATIVE_SHAPE;
  if ("errorCodes" in source) return REFUSED_CALL_SHAPE;
  if ("errorCodePrefix" in source) return DENIED_CALL_SHAPE;
  return API_CALL_SHAPE;
}

/**
 * Where the message reads the key: the request's `KeyId` when the rule matches only records
 * without `resources`, or when every call of the signal must name one key there (a denied call,
 * which CloudTrail may record without `resources`, and most successful ones:
 * CALLS_NAMING_ONE_KEY); otherwise the shape's own path.
 */
function keyPath(signal: KmsSignal, shape: Shape, keyFromRequest: boolean): string {
  const source = signal.source;
  // A denied call may be recorded without `resources`: its request is the only place certain.
  const namesKey =
    shape === DENIED_CALL_SHAPE ||
    (shape === API_CALL_SHAPE &&
      "eventNames" in source &&
      source.eventNames.every((call) =>
        (CALLS_NAMING_ONE_KEY as readonly string[]).includes(call),
      ));
  return keyFromRequest || namesKey ? "$.detail.requestParameters.keyId" : shape.paths.key;
}

/** Builds the input transformer of a group rule. Pure; the result is passed to an EventTarget. */
export function alertInputTransformer(args: AlertMessageArgs): AlertInputTransformer {
  const { signal } = args;
  const shape = shapeOf(signal);
  const paths = { ...shape.paths, key: keyPath(signal, shape, args.keyFromRequest ?? false) };
  const title = literal(signal.title);
  const where = `in ${literal(args.group)} (${literal(args.environment)}), account <account>`;
  const fields = fieldLines(signal.alertFields ?? []);
  const lines = [
    `[${signal.severity.toUpperCase()}] ${title}: ${shape.subject(where, args.keyAliases)}`,
    ...(args.groupDescription ? [`Group: ${literal(args.groupDescription)}`] : []),
    ...aliasLine(args.keyAliases),
    ...accountLine(args.accountNames ?? []),
    "",
    ...shape.happened(`${title}: `),
    ...fields.lines,
    "",
    // In a hub the key lives in a member account, which the commands need credentials for.
    `What to do${(args.accountNames ?? []).length > 0 ? " (in account <account>)" : ""}: ${actionText(signal.action)}`,
    "",
    ...shape.links,
  ];
  // A string template must itself be a JSON string; JSON.stringify escapes quotes and newlines
  // and leaves the <placeholders> for EventBridge to fill.
  return {
    inputPaths: { ...paths, ...fields.paths },
    inputTemplate: JSON.stringify(lines.join("\n")),
  };
}
