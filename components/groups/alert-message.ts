/**
 * The text an on-call engineer reads: an EventBridge input transformer that turns a KMS event into
 * what happened, to which key of which group, who did it, when, and what to do next.
 */
import type { KmsSignal } from "../signals/types";

/** EventBridge input transformer: JSON paths into the event, and the message template. */
export interface AlertInputTransformer {
  inputPaths: Record<string, string>;
  inputTemplate: string;
}

/**
 * Paths that exist in one kind of event and not another (API call vs native KMS event) resolve to
 * nothing; the template places both so that whichever exists is shown.
 */
const INPUT_PATHS: Record<string, string> = {
  detailType: "$.detail-type",
  time: "$.time",
  region: "$.region",
  account: "$.account",
  eventName: "$.detail.eventName",
  keyArn: "$.detail.resources[0].ARN",
  nativeKeyArn: "$.resources[0]",
  caller: "$.detail.userIdentity.arn",
  callerIp: "$.detail.sourceIPAddress",
  errorMessage: "$.detail.errorMessage",
};

/** Arguments of {@link alertInputTransformer}. */
export interface AlertMessageArgs {
  environment: string;
  group: string;
  /** Free-text description of the group; omitted when empty. */
  groupDescription: string;
  /** "CRITICAL" or "WARNING/INFO": what the route carries. */
  severityLabel: string;
  /** The signals the rule matches; their actions are listed as next steps. */
  signals: readonly KmsSignal[];
}

/**
 * Free text for the template. EventBridge reads any `<name>` as a placeholder, cannot escape `<`
 * or `>`, and rejects a target whose template names a placeholder that is not an input path, so
 * angle brackets become single guillemets.
 */
function literal(text: string): string {
  return text.replace(/</g, "\u2039").replace(/>/g, "\u203a");
}

/**
 * The `<key>` and `<region>` of a catalog action (`--key-id <key> --region <region>`) become the
 * event's key ARN and region, so every command can be pasted as it is.
 */
const ACTION_KEY = "<key>";
const EVENT_KEY_ARN = "<keyArn><nativeKeyArn>";
const ACTION_REGION = "<region>";

function actionText(action: string): string {
  return action
    .split(ACTION_KEY)
    .map((part) => part.split(ACTION_REGION).map(literal).join(ACTION_REGION))
    .join(EVENT_KEY_ARN);
}

/** Builds the input transformer of a group rule. Pure; the result is passed to an EventTarget. */
export function alertInputTransformer(args: AlertMessageArgs): AlertInputTransformer {
  const lines = [
    `[${args.severityLabel}] KMS key event in key group "${args.group}" (${args.environment})`,
    ...(args.groupDescription ? [`Group: ${literal(args.groupDescription)}`] : []),
    "",
    "What happened: <detailType> <eventName>",
    "Key: <keyArn><nativeKeyArn>",
    "Who: <caller> from <callerIp>",
    "When: <time> in <region>, account <account>",
    "Error (if any): <errorMessage>",
    "",
    "What to do next:",
    ...args.signals.map((s) => `- ${literal(s.title)} (${s.severity}): ${actionText(s.action)}`),
  ];
  // A string template must itself be a JSON string; JSON.stringify escapes quotes and newlines
  // and leaves the <placeholders> for EventBridge to fill.
  return { inputPaths: { ...INPUT_PATHS }, inputTemplate: JSON.stringify(lines.join("\n")) };
}

/**
 * Renders a transformer for a concrete event the way EventBridge does, for tests and the offline
 * plan: each placeholder becomes the value at its path, or nothing when the path is absent.
 */
export function renderAlertMessage(
  transformer: AlertInputTransformer,
  event: Record<string, unknown>,
): string {
  const values: Record<string, string> = {};
  for (const [name, path] of Object.entries(transformer.inputPaths)) {
    const value = readPath(event, path);
    values[name] = value === undefined || value === null ? "" : String(value);
  }
  const text = JSON.parse(transformer.inputTemplate) as string;
  return text.replace(/<([A-Za-z0-9_]+)>/g, (whole, name: string) =>
    name in values ? values[name] : whole,
  );
}

function readPath(event: unknown, path: string): unknown {
  // Paths here are "$." followed by dot-separated keys with optional [n] indexes.
  const parts = path.slice(2).match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let current: unknown = event;
  for (const part of parts) {
    if (current === null || typeof current !== "object") return undefined;
    const key = part.startsWith("[") ? Number(part.slice(1, -1)) : part;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
