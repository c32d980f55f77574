/**
 * EventBridge event patterns for signals, on the default bus of the key's region. Pure functions;
 * the matcher in components/matching proves them on real events.
 *
 * CloudTrail records arrive as "AWS API Call via CloudTrail" events with the record in `detail`.
 * What KMS does by itself (rotation, deletion at the end of the waiting period, expiry of imported
 * material) arrives as native KMS events, which need no trail; their CloudTrail copies are left to
 * the log-group filters so that one occurrence alerts once.
 */
import type { EventPattern } from "./event-pattern-type";
import type { KmsSignal } from "./types";
import { chunkBySize, distinctKeyIds } from "./key-scope";
import { AWS_LIMITS } from "../core/limits";

/** A JSON event pattern object, as the matcher in components/matching reads it. */
export type SignalEventPattern = EventPattern;

/** Patterns are assembled as plain objects, then typed once they are whole. */
type Draft = Record<string, unknown>;

const API_CALL = "AWS API Call via CloudTrail";

function names(signals: readonly KmsSignal[], kind: KmsSignal["source"]["kind"][]): string[] {
  const out: string[] = [];
  for (const s of signals) {
    if (kind.includes(s.source.kind) && "eventNames" in s.source) out.push(...s.source.eventNames);
  }
  return [...new Set(out)];
}

/** One alternative of `$or`, or the only one merged into its parent. */
function orOf(alternatives: Draft[]): Draft {
  return alternatives.length === 1 ? alternatives[0] : { $or: alternatives };
}

/**
 * Where a CloudTrail record names the key, as `detail` alternatives: `resources[].ARN` (optional in
 * CloudTrail), `responseElements.keyId` (the key ARN, written since December 2022 on calls that
 * return none) and `requestParameters.keyId` (key ID or key ARN; an alias is not recognised). A
 * suffix on the key ID matches both the bare ID and an ARN ending in `key/<id>`.
 */
function keyLocations(keyIds: readonly string[]): Draft[] {
  const ids = keyIds.map((id) => ({ suffix: id }));
  return [
    { resources: { ARN: keyIds.map((id) => ({ suffix: `:key/${id}` })) } },
    { responseElements: { keyId: ids } },
    { requestParameters: { keyId: ids } },
  ];
}

/** The `detail` conditions of each CloudTrail-recorded kind of signal, before key scoping. */
function recordConditions(signals: readonly KmsSignal[]): Draft[] {
  const result: Draft[] = [];
  const apiNames = names(signals, ["api-call", "data-plane"]);
  if (apiNames.length > 0) result.push({ eventName: apiNames, errorCode: [{ exists: false }] });
  for (const s of signals) {
    if (s.source.kind === "denied-call") {
      const errorCode = [{ prefix: s.source.errorCodePrefix }];
      result.push({ eventName: [...s.source.eventNames], errorCode });
    }
    if (s.source.kind === "policy-text") {
      // EventBridge sees the policy as one string: only wildcards over its text can test it.
      const policy = s.source.principalTexts.map((t) => ({ wildcard: `*${wildcardText(t)}*` }));
      result.push({
        eventName: [...s.source.eventNames],
        errorCode: [{ exists: false }],
        requestParameters: { policy },
      });
    }
  }
  return result;
}

/** Literal text inside an EventBridge wildcard: `*` and `\` must be escaped. */
function wildcardText(text: string): string {
  return text.replace(/[\\*]/g, (c) => `\\${c}`);
}

/** Options of {@link keyScopedEventPatterns}. */
export interface KeyScopeOptions {
  /**
   * For refused calls on a key pending deletion, which name the key in their error message:
   * true matches only records that list the key in `resources`, false only records that do not
   * (AWS does not document which a refused call has), so that each rule's alert text can take the
   * key from where it is. Default: both.
   */
  resourcesListed?: boolean;
}

/**
 * The `$or` clauses for the signals, each optionally restricted to key IDs. The calls recorded by
 * CloudTrail share one clause, whose key alternatives are written once and combined with each
 * signal's conditions (EventBridge merges the fields of nested `$or` alternatives).
 */
function clauses(
  signals: readonly KmsSignal[],
  keyIds?: readonly string[],
  options: KeyScopeOptions = {},
): Draft[] {
  const result: Draft[] = [];
  const conditions = recordConditions(signals);
  if (conditions.length > 0) {
    const detail: Draft = { eventSource: ["kms.amazonaws.com"] };
    if (keyIds) Object.assign(detail, orOf(keyLocations(keyIds)));
    const clause: Draft = { "detail-type": [API_CALL], detail };
    if (conditions.length === 1) Object.assign(detail, conditions[0]);
    else clause.$or = conditions.map((c) => ({ detail: c }));
    result.push(clause);
  }
  const native = signals.flatMap((s) =>
    s.source.kind === "service-event" ? [s.source.nativeDetailType] : [],
  );
  if (native.length > 0) {
    const clause: Draft = { "detail-type": [...new Set(native)] };
    if (keyIds) clause.detail = { "key-id": [...keyIds] };
    result.push(clause);
  }
  for (const s of signals) {
    if (s.source.kind !== "pending-deletion-use") continue;
    const fragment = s.source.messageFragment;
    const messages = keyIds
      ? keyIds.map((id) => ({ wildcard: `*key/${id} ${fragment}*` }))
      : [{ wildcard: `*${fragment}*` }];
    const detail: Draft = {
      eventSource: ["kms.amazonaws.com"],
      errorCode: [...s.source.errorCodes],
      errorMessage: messages,
    };
    // "exists" tests leaf fields, so an absent or empty `resources` has no ARN leaf.
    if (options.resourcesListed !== undefined) {
      detail.resources = { ARN: [{ exists: options.resourcesListed }] };
    }
    result.push({ "detail-type": [API_CALL], detail });
  }
  return result;
}

function combine(parts: Draft[]): SignalEventPattern {
  const whole =
    parts.length === 1 ? { source: ["aws.kms"], ...parts[0] } : { source: ["aws.kms"], $or: parts };
  return whole as SignalEventPattern;
}

function assertUsable(signals: readonly KmsSignal[]): void {
  if (signals.length === 0) throw new Error("an event pattern needs at least one signal");
  const account = signals.find((s) => s.exactFilterPattern !== undefined);
  if (account) throw new Error(`signal ${account.id} is matched by its log filter only`);
}

/** One account-wide pattern matching any of the signals on any key. */
export function accountEventPattern(signals: readonly KmsSignal[]): SignalEventPattern {
  assertUsable(signals);
  return combine(clauses(signals));
}

/** A key-scoped pattern and the keys it covers. */
export interface KeyScopedEventPattern {
  pattern: SignalEventPattern;
  keyIds: string[];
}

/**
 * Patterns matching any of the signals on the given keys, split by keys so each stays within
 * AWS's 2,048-character limit; each comes with the key IDs it covers.
 */
export function keyScopedEventPatterns(
  signals: readonly KmsSignal[],
  keyIds: readonly string[],
  options: KeyScopeOptions = {},
): KeyScopedEventPattern[] {
  assertUsable(signals);
  const ids = distinctKeyIds(keyIds);
  if (ids.length === 0) throw new Error("an event pattern scoped to keys needs at least one key");
  const build = (chunk: readonly string[]) => combine(clauses(signals, chunk, options));
  const chunks = chunkBySize(
    ids,
    AWS_LIMITS.eventPatternLength,
    (chunk) => JSON.stringify(build(chunk)),
    "event pattern",
  );
  return chunks.map((chunk) => ({ pattern: build(chunk), keyIds: chunk }));
}

/** True when a rule with this pattern must receive read-only management events (e.g. Decrypt). */
export function needsReadOnlyEvents(signals: readonly KmsSignal[]): boolean {
  return signals.some(
    (s) => s.source.kind === "pending-deletion-use" || s.source.kind === "data-plane",
  );
}
