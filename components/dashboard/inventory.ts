/**
 * The key inventory of a group: a markdown table with the columns the KMS console shows, filled
 * from the metadata found at deploy time. Long groups are split into several tables so each text
 * widget stays readable.
 */
import type { ResolvedKey } from "../groups/resolved";
import { FULL_WIDTH, SizedWidget, textHeight } from "./layout";
import { chunk } from "./limits";

/** Keys per inventory table: one text widget each. */
export const INVENTORY_ROWS_PER_WIDGET = 50;

/** What a column shows for a key that could not be described. */
export const NOT_DESCRIBED = "not described";

/** Shown when a key has no value for a column. */
const NONE = "-";

/** The table's columns, in order. */
export const INVENTORY_COLUMNS = [
  "Key ID",
  "Aliases",
  "Region",
  "Status",
  "Origin",
  "Creation date",
  "Key material expires",
  "Custom key store ID",
] as const;

/** A markdown table cell: pipes escaped, line breaks removed, empty shown as "-". */
function cell(value: string | undefined): string {
  if (value === undefined || value === "") return NONE;
  return value.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

/** When the key's imported material expires, as the console says it. */
function materialExpiry(key: ResolvedKey): string | undefined {
  if (key.validTo) return key.validTo;
  if (key.expirationModel === "KEY_MATERIAL_DOES_NOT_EXPIRE") return "does not expire";
  return undefined;
}

/** The cells of one key's row, in column order. */
export function inventoryRow(key: ResolvedKey): string[] {
  const aliases = key.aliases.length > 0 ? key.aliases.join(", ") : undefined;
  if (!key.described) {
    return [key.keyId, aliases, key.region, NOT_DESCRIBED, NONE, NONE, NONE, NONE].map(cell);
  }
  return [
    key.keyId,
    aliases,
    key.region,
    key.keyState,
    key.origin,
    key.creationDate,
    materialExpiry(key),
    key.customKeyStoreId,
  ].map(cell);
}

/**
 * The markdown of one inventory table; with `accountLabels` (a hub), an Account column after the
 * key ID names each key's account ("payments-prod (222233334444)", the ID for the hub's own).
 */
export function inventoryMarkdown(
  title: string,
  keys: readonly ResolvedKey[],
  accountLabels?: Readonly<Record<string, string>>,
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const withAccount = (cells: readonly string[], account: string) =>
    accountLabels ? [cells[0], account, ...cells.slice(1)] : [...cells];
  const header = withAccount(INVENTORY_COLUMNS, "Account");
  return [
    `### ${title}`,
    "",
    line(header),
    line(header.map(() => "---")),
    ...keys.map((k) =>
      line(withAccount(inventoryRow(k), cell(accountLabels?.[k.accountId] ?? k.accountId))),
    ),
  ].join("\n");
}

/** The inventory widgets of a group: one full-width table per chunk of keys. */
export function inventoryWidgets(
  group: string,
  keys: readonly ResolvedKey[],
  accountLabels?: Readonly<Record<string, string>>,
): SizedWidget[] {
  const chunks = chunk(keys, INVENTORY_ROWS_PER_WIDGET);
  return chunks.map((part, n) => {
    const title =
      `Keys of group ${group}, as found at deploy time` +
      (chunks.length > 1 ? ` (${n + 1}/${chunks.length})` : "");
    return {
      content: {
        type: "text",
        properties: { markdown: inventoryMarkdown(title, part, accountLabels) },
      },
      width: FULL_WIDTH,
      height: textHeight(part.length + 3),
    };
  });
}
