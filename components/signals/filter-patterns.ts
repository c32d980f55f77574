/**
 * CloudWatch Logs filter patterns for signals, over CloudTrail records as the trail writes them to
 * its log group. Pure functions; the evaluator in components/matching proves them on real events.
 */
import type { KmsSignal } from "./types";
import { chunkBySize, distinctKeyIds } from "./key-scope";
import { AWS_LIMITS } from "../core/limits";

const KMS_SOURCE = '($.eventSource = "kms.amazonaws.com")';

function anyOf(terms: string[]): string {
  return terms.length === 1 ? terms[0] : `(${terms.join(" || ")})`;
}

function eventNameTerm(names: readonly string[]): string {
  return anyOf(names.map((n) => `($.eventName = "${n}")`));
}

/** The terms that say "this signal happened", before any key scoping. */
function signalTerms(signal: KmsSignal): string[] {
  const source = signal.source;
  switch (source.kind) {
    case "api-call":
    case "data-plane":
      // Only successful calls: a denied DisableKey did not disable anything.
      return [KMS_SOURCE, eventNameTerm(source.eventNames), "($.errorCode NOT EXISTS)"];
    case "service-event":
      return [KMS_SOURCE, '($.eventType = "AwsServiceEvent")', eventNameTerm(source.eventNames)];
    case "pending-deletion-use":
      return [
        KMS_SOURCE,
        anyOf(source.errorCodes.map((c) => `($.errorCode = "${c}")`)),
        `($.errorMessage = "*${source.messageFragment}*")`,
      ];
    case "denied-call":
      // A trailing `*` matches any ending: "AccessDenied" and "AccessDeniedException".
      return [
        KMS_SOURCE,
        eventNameTerm(source.eventNames),
        `($.errorCode = "${source.errorCodePrefix}*")`,
      ];
    case "policy-text":
      return [
        KMS_SOURCE,
        eventNameTerm(source.eventNames),
        "($.errorCode NOT EXISTS)",
        anyOf(source.principalTexts.map((t) => `($.requestParameters.policy = "*${quoted(t)}*")`)),
      ];
  }
}

/** Text inside a quoted filter value: `"`, `\` and `*` stand for themselves when escaped. */
function quoted(text: string): string {
  return text.replace(/[\\"*]/g, (c) => `\\${c}`);
}

/** The term that restricts a signal to some keys, by where the key appears in the record. */
function keyTerm(signal: KmsSignal, keyIds: readonly string[]): string {
  if (signal.source.kind === "pending-deletion-use") {
    // A call that failed on a key pending deletion names the key only in its error message.
    const fragment = signal.source.messageFragment;
    return anyOf(keyIds.map((id) => `($.errorMessage = "*key/${id} ${fragment}*")`));
  }
  // resources[0] is the key the call acted on (ReEncrypt lists its source key first). CloudTrail
  // documents `resources` as optional; the request names the key too (key ID or ARN), and since
  // December 2022 so does responseElements.keyId (key ARN) on the calls that had none.
  return anyOf(
    keyIds.flatMap((id) => [
      `($.resources[0].ARN = "*:key/${id}")`,
      `($.responseElements.keyId = "*:key/${id}")`,
      // The key ID or a key ARN ending in it (an alias name is not recognised).
      `($.requestParameters.keyId = "*${id}")`,
    ]),
  );
}

function render(terms: string[]): string {
  return `{ ${terms.join(" && ")} }`;
}

/**
 * The account-wide filter pattern of a signal: its exact pattern where compliance fixes the text,
 * otherwise built from its source.
 */
export function accountFilterPattern(signal: KmsSignal): string {
  const pattern = signal.exactFilterPattern ?? render(signalTerms(signal));
  if (pattern.length > AWS_LIMITS.filterPatternLength) {
    throw new Error(
      `filter pattern of signal ${signal.id} exceeds ${AWS_LIMITS.filterPatternLength}`,
    );
  }
  return pattern;
}

/**
 * Filter patterns that match the signal on the given keys only, split into as many patterns as
 * needed to keep each within AWS's 1,024-character limit.
 */
export function keyScopedFilterPatterns(signal: KmsSignal, keyIds: readonly string[]): string[] {
  if (signal.scope === "account") {
    throw new Error(`signal ${signal.id} is account-wide and cannot be scoped to keys`);
  }
  const ids = distinctKeyIds(keyIds);
  if (ids.length === 0) throw new Error(`signal ${signal.id}: no keys to scope the pattern to`);
  const base = signalTerms(signal);
  const build = (chunk: readonly string[]) => render([...base, keyTerm(signal, chunk)]);
  return chunkBySize(
    ids,
    AWS_LIMITS.filterPatternLength,
    build,
    `filter pattern of ${signal.id}`,
  ).map(build);
}
