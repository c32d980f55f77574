import { ComparisonOperator, Selector } from "./ast";
import { FilterPatternSyntaxError } from "./errors";
import { describeChar, readSelector } from "./selector";

/** A lexical token of a JSON filter pattern; `position` is the offset of its first character. */
export type Token =
  | { kind: "punct"; text: "{" | "}" | "(" | ")" | "&&" | "||"; position: number }
  | { kind: "operator"; text: ComparisonOperator; position: number }
  | { kind: "selector"; text: string; selector: Selector; position: number }
  /** A double-quoted string; `body` is the text between the quotes, escapes unresolved. */
  | { kind: "string"; text: string; body: string; position: number }
  /** A `%regex%`; `source` is the text between the percent signs. */
  | { kind: "regex"; text: string; source: string; position: number }
  /** An unquoted run such as `kms.amazonaws.com`, `123.123.*`, `-1.5e3`, `IS` or `NULL`. */
  | { kind: "word"; text: string; position: number }
  | { kind: "end"; text: ""; position: number };

/**
 * Characters of unquoted values. AWS asks for quotes around anything but letters, digits and
 * `_`, yet its own examples use dots, dashes and colons unquoted (`kms.amazonaws.com`,
 * `123.123.*`), so those and `/ + *` are accepted too.
 */
const WORD_CHAR = /[A-Za-z0-9_\-.:/*+]/;

/**
 * Reads tokens one at a time, so a lexical error is only reported once the parser reaches it
 * and errors always point at the leftmost problem. After the input, `next` returns `end`.
 */
export class Lexer {
  private i = 0;
  private previous: Token | undefined;
  private beforePrevious: Token | undefined;

  constructor(private readonly pattern: string) {}

  /** Returns the next token. */
  next(): Token {
    const token = this.read();
    this.beforePrevious = this.previous;
    this.previous = token;
    return token;
  }

  private read(): Token {
    const pattern = this.pattern;
    while (this.i < pattern.length && /\s/.test(pattern[this.i])) this.i += 1;
    const i = this.i;
    if (i >= pattern.length) return { kind: "end", text: "", position: i };
    const ch = pattern[i];
    const next = pattern[i + 1];
    if (ch === "{" || ch === "}" || ch === "(" || ch === ")") {
      this.i += 1;
      return { kind: "punct", text: ch, position: i };
    }
    if (ch === "&" || ch === "|") {
      if (next !== ch) {
        throw new FilterPatternSyntaxError(`Expected "${ch}${ch}", found a single "${ch}"`, i);
      }
      this.i += 2;
      return { kind: "punct", text: ch === "&" ? "&&" : "||", position: i };
    }
    if (ch === "=") {
      this.i += 1;
      return { kind: "operator", text: "=", position: i };
    }
    if (ch === "!") {
      if (next !== "=") throw new FilterPatternSyntaxError('Expected "!=", found a single "!"', i);
      this.i += 2;
      return { kind: "operator", text: "!=", position: i };
    }
    if (ch === "<" || ch === ">") {
      const text = next === "=" ? (ch === "<" ? "<=" : ">=") : ch;
      this.i += text.length;
      return { kind: "operator", text, position: i };
    }
    if (ch === "$") {
      const { selector, end } = readSelector(pattern, i);
      this.i = end;
      return { kind: "selector", text: selector.text, selector, position: i };
    }
    if (ch === '"' || ch === "%") {
      const end = findClosing(pattern, i, ch);
      const text = pattern.slice(i, end + 1);
      this.i = end + 1;
      return ch === '"'
        ? { kind: "string", text, body: text.slice(1, -1), position: i }
        : { kind: "regex", text, source: text.slice(1, -1), position: i };
    }
    if (WORD_CHAR.test(ch)) {
      let end = i + 1;
      while (end < pattern.length && WORD_CHAR.test(pattern[end])) end += 1;
      this.i = end;
      return { kind: "word", text: pattern.slice(i, end), position: i };
    }
    throw new FilterPatternSyntaxError(
      `Unexpected character ${describeChar(ch)}${this.hint(i)}`,
      i,
    );
  }

  /** Inside an unquoted value, the likely fix for a stray character is quoting the value. */
  private hint(i: number): string {
    const previous = this.previous;
    const inValue =
      previous?.kind === "operator" ||
      (previous?.kind === "word" &&
        previous.position + previous.text.length === i &&
        this.beforePrevious?.kind === "operator");
    return inValue ? "; enclose values containing it in double quotes" : "";
  }
}

/** Finds the unescaped `quote` closing the string or regex opened at `open`. */
function findClosing(pattern: string, open: number, quote: string): number {
  let i = open + 1;
  while (i < pattern.length && pattern[i] !== quote) {
    i += pattern[i] === "\\" ? 2 : 1;
  }
  if (i >= pattern.length) {
    const what = quote === '"' ? "string" : "regular expression";
    throw new FilterPatternSyntaxError(`Unterminated ${what} starting`, open);
  }
  return i;
}
