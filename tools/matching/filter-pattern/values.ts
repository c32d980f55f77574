import { NumberValue, TextValue } from "./ast";

/**
 * AWS numbers: "an integer with an optional + or - sign, a decimal with an optional + or - sign,
 * or a number in scientific notation" (for example `400`, `-1.5`, `+1000`, `10e-3`, `1e+3`).
 */
const NUMBER = /^[+-]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** True when an unquoted word is a numeric literal rather than text. */
export function isNumberLiteral(word: string): boolean {
  return NUMBER.test(word);
}

/** Builds the value of an unquoted numeric literal. */
export function numberValue(raw: string): NumberValue {
  return { kind: "number", raw, value: Number(raw) };
}

/** Builds the value of an unquoted word: every `*` is a wildcard. */
export function unquotedTextValue(raw: string): TextValue {
  return { kind: "text", raw, quoted: false, parts: raw.split("*") };
}

/**
 * Builds the value of a double-quoted string from its body (without the quotes). `*` is a
 * wildcard; `\"`, `\\` and `\*` stand for the literal character. Any other backslash is kept,
 * so Windows paths such as `"C:\temp"` need no doubling.
 */
export function quotedTextValue(raw: string, body: string): TextValue {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    const next = body[i + 1];
    if (ch === "\\" && (next === '"' || next === "\\" || next === "*")) {
      current += next;
      i += 1;
    } else if (ch === "*") {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return { kind: "text", raw, quoted: true, parts };
}

/**
 * Matches `text` against wildcard parts: the first part is a prefix, the last a suffix and the
 * middle ones must appear in order between them. One part means exact equality.
 */
export function matchesWildcard(parts: readonly string[], text: string): boolean {
  if (parts.length === 1) return text === parts[0];
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (text.length < first.length + last.length) return false;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  let from = first.length;
  const until = text.length - last.length;
  for (let p = 1; p < parts.length - 1; p += 1) {
    const at = text.indexOf(parts[p], from);
    if (at === -1 || at + parts[p].length > until) return false;
    from = at + parts[p].length;
  }
  return true;
}
