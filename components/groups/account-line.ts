/**
 * The accounts an alert names in an organization hub. An EventBridge input transformer cannot
 * look anything up, so a message carries the names the plan knows (the config's
 * `organization.members[].name`) for the accounts its rule can see, next to the event's account ID.
 */
import { literal } from "./literal";

/** An account and the name on-call knows it by (IAM alias or Organizations account name). */
export interface AccountName {
  accountId: string;
  /** Undefined when the config names no account: the ID alone is shown. */
  name?: string;
}

/** Longest account list a group rule's message carries, in characters; the rest are counted. */
export const ACCOUNT_LINE_BUDGET = 1000;

/** "payments-prod (222233334444)", or "222233334444" when the account has no name. */
export function accountLabel(account: AccountName): string {
  return account.name === undefined
    ? account.accountId
    : `${literal(account.name)} (${account.accountId})`;
}

/** Characters `text` takes inside a JSON string (the input template escapes quotes). */
function templateLength(text: string): number {
  return JSON.stringify(text).length - 2;
}

/**
 * `title` and the accounts' labels, as many as fit, then "and N more": at most `budget`
 * characters once escaped into the input template.
 *
 * @param title - the line's start, e.g. "Member accounts in us-east-1 (at deploy):".
 * @param accounts - the accounts, in the order shown.
 * @param budget - the line's most characters in the template.
 */
export function accountsLine(
  title: string,
  accounts: readonly AccountName[],
  budget: number,
): string {
  // Room kept for the longest tail: "; and <all> more".
  const tail = templateLength(`; and ${accounts.length} more`);
  let line = title;
  let shown = 0;
  for (const [i, account] of accounts.entries()) {
    const next = `${line}${shown === 0 ? " " : "; "}${accountLabel(account)}`;
    const last = i === accounts.length - 1;
    if (templateLength(next) + (last ? 0 : tail) > budget) break;
    line = next;
    shown++;
  }
  const more = accounts.length - shown;
  return more > 0 ? `${line}${shown === 0 ? "" : ";"} and ${more} more` : line;
}

/**
 * The account line of a group rule: "Account: payments-prod (222233334444)" when its keys are in
 * one account, "Accounts of the keys this rule watches: ..." when in several; none without accounts.
 */
export function accountLine(accounts: readonly AccountName[]): string[] {
  if (accounts.length === 0) return [];
  if (accounts.length === 1) return [`Account: ${accountLabel(accounts[0])}`];
  return [accountsLine("Accounts of the keys this rule watches:", accounts, ACCOUNT_LINE_BUDGET)];
}

/**
 * The accounts of `keys`, sorted by ID, named from `memberNames`.
 *
 * @param keys - the keys whose accounts are named (a rule's covered keys).
 * @param memberNames - account ID to name, from the config's `organization.members`.
 */
export function accountsOfKeys(
  keys: readonly { accountId: string }[],
  memberNames: ReadonlyMap<string, string>,
): AccountName[] {
  const ids = [...new Set(keys.map((k) => k.accountId))].sort();
  return ids.map((accountId) => {
    const name = memberNames.get(accountId);
    return name === undefined ? { accountId } : { accountId, name };
  });
}
