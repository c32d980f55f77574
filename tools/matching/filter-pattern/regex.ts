import { FilterPatternSyntaxError } from "./errors";

/**
 * Characters AWS allows in a `%regex%`: letters, digits, the symbols `: _ # = @ / ; , -`, the
 * operators `^ $ ? [ ] { } | \ * + .`, and the space (used by AWS's own `^shutting down` example).
 * Parentheses are explicitly unsupported; `\xhh` is the documented way to match them.
 */
const ALLOWED = /^[A-Za-z0-9:_#=@/;,\- ^$?[\]{}|\\*+.]$/;

/** Escapes AWS documents: `\d \D \s \S \w \W`, plus `\xhh` handled separately. */
const CLASS_ESCAPES = new Set(["d", "D", "s", "S", "w", "W"]);

/** Characters that JavaScript's `u` mode lets us escape with a plain backslash. */
const SYNTAX_CHARS = new Set(["^", "$", "\\", ".", "*", "+", "?", "[", "]", "{", "}", "|", "/"]);

/**
 * Checks a regex written between `%` signs against the AWS subset and compiles it to an
 * unanchored, case-sensitive JavaScript `RegExp`.
 *
 * @param source the text between the `%` signs.
 * @param offset position of `source[0]` in the whole pattern, for error positions.
 */
export function compileAwsRegex(source: string, offset: number): RegExp {
  if (source.length === 0) {
    throw new FilterPatternSyntaxError("Regular expression is empty", offset - 1);
  }
  let out = "";
  let inClass = false;
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    checkAllowed(ch, offset + i);
    if (ch === "\\") {
      out += translateEscape(source, i, offset);
      i += source[i + 1] === "x" ? 4 : 2;
    } else if (ch === "[" && !inClass) {
      inClass = true;
      out += ch;
      i += 1;
      // A "]" right after "[" or "[^" is a literal in POSIX-style engines; keep it literal here.
      if (source[i] === "^") {
        out += "^";
        i += 1;
      }
      if (source[i] === "]") {
        out += "\\]";
        i += 1;
      }
    } else if (ch === "]" && inClass) {
      inClass = false;
      out += ch;
      i += 1;
    } else if (ch === "{" && !inClass) {
      const { text, end } = translateRepetition(source, i, offset);
      out += text;
      i = end;
    } else {
      out += ch;
      i += 1;
    }
  }
  try {
    return new RegExp(out, "u");
  } catch (error) {
    // V8 prefixes its reason with the translated expression, which would only confuse here.
    const message = error instanceof Error ? error.message : String(error);
    const detail = message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "");
    throw new FilterPatternSyntaxError(`Invalid regular expression (${detail})`, offset);
  }
}

function checkAllowed(ch: string, position: number): void {
  if (ch.charCodeAt(0) > 0x7f) {
    throw new FilterPatternSyntaxError(
      `Regular expressions cannot contain the multi-byte character ${JSON.stringify(ch)}`,
      position,
    );
  }
  if (!ALLOWED.test(ch)) {
    const hint = ch === "(" || ch === ")" ? " (use \\x28 or \\x29 to match a parenthesis)" : "";
    throw new FilterPatternSyntaxError(
      `Regular expressions cannot contain ${JSON.stringify(ch)}${hint}`,
      position,
    );
  }
}

/** Translates the escape sequence whose backslash is at `source[i]`. */
function translateEscape(source: string, i: number, offset: number): string {
  const next = source[i + 1];
  if (next === undefined) {
    throw new FilterPatternSyntaxError('Regular expression cannot end with "\\"', offset + i);
  }
  if (CLASS_ESCAPES.has(next)) return `\\${next}`;
  if (next === "x") {
    const hex = source.slice(i + 2, i + 4);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
      throw new FilterPatternSyntaxError(
        "\\x must be followed by two hexadecimal digits",
        offset + i,
      );
    }
    return `\\x${hex}`;
  }
  if (/[A-Za-z0-9]/.test(next)) {
    throw new FilterPatternSyntaxError(
      `Unsupported escape sequence ${JSON.stringify(`\\${next}`)} in regular expression`,
      offset + i,
    );
  }
  checkAllowed(next, offset + i + 1);
  // In "u" mode only syntax characters may be escaped with a backslash; use \xhh for the rest.
  if (SYNTAX_CHARS.has(next)) return `\\${next}`;
  return `\\x${next.charCodeAt(0).toString(16).padStart(2, "0")}`;
}

/**
 * Translates `{m,n}` starting at `source[start]`. AWS allows spaces (`{m, n}`) and omitting
 * either bound; JavaScript needs `{0,n}` when the minimum is omitted.
 */
function translateRepetition(
  source: string,
  start: number,
  offset: number,
): { text: string; end: number } {
  const match = /^\{ *([0-9]*) *(?:(,) *([0-9]*) *)?\}/.exec(source.slice(start));
  if (match === null || (match[1] === "" && (match[3] ?? "") === "")) {
    throw new FilterPatternSyntaxError(
      'Invalid repetition in regular expression: expected "{m}", "{m,n}", "{m,}" or "{,n}"',
      offset + start,
    );
  }
  const min = match[1] === "" ? "0" : match[1];
  const text = match[2] === undefined ? `{${min}}` : `{${min},${match[3]}}`;
  return { text, end: start + match[0].length };
}
