import {
  ComparisonOperator,
  FilterPatternNode,
  FilterValue,
  Selector,
  SelectorSegment,
} from "./ast";
import { FilterPatternSyntaxError } from "./errors";
import { Lexer, Token } from "./lexer";
import { compileAwsRegex } from "./regex";
import { isNumberLiteral, numberValue, quotedTextValue, unquotedTextValue } from "./values";

/** AWS: "up to three wildcard selectors in a filter pattern with compound expressions". */
const MAX_WILDCARD_SELECTORS = 3;

/** AWS: "There is a limit of 2 regex for each filter pattern" (JSON and delimited patterns). */
const MAX_REGEXES = 2;

const RELATIONAL: ReadonlySet<ComparisonOperator> = new Set(["<", "<=", ">", ">="]);

/**
 * Parses a JSON filter pattern (`{ ... }`) into its AST. `&&` binds tighter than `||`,
 * parentheses group, and whitespace is free between tokens.
 *
 * @throws FilterPatternSyntaxError with the offending position.
 */
export function parseFilterPattern(pattern: string): FilterPatternNode {
  return new Parser(new Lexer(pattern)).parsePattern();
}

class Parser {
  private buffered: Token | undefined;
  private wildcardSelectors = 0;
  private regexes = 0;

  constructor(private readonly lexer: Lexer) {}

  parsePattern(): FilterPatternNode {
    const open = this.next();
    if (!isPunct(open, "{")) {
      throw new FilterPatternSyntaxError(
        `Expected "{" to open a JSON filter pattern, found ${describe(open)}`,
        open.position,
      );
    }
    const expression = this.parseOr();
    const close = this.next();
    if (!isPunct(close, "}")) {
      throw new FilterPatternSyntaxError(
        `Expected "&&", "||" or "}", found ${describe(close)}`,
        close.position,
      );
    }
    const rest = this.next();
    if (rest.kind !== "end") {
      throw new FilterPatternSyntaxError(
        `Unexpected ${describe(rest)} after the closing "}"`,
        rest.position,
      );
    }
    return expression;
  }

  private parseOr(): FilterPatternNode {
    const operands = [this.parseAnd()];
    while (isPunct(this.peek(), "||")) {
      this.next();
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0] : { type: "or", operands };
  }

  private parseAnd(): FilterPatternNode {
    const operands = [this.parsePrimary()];
    while (isPunct(this.peek(), "&&")) {
      this.next();
      operands.push(this.parsePrimary());
    }
    return operands.length === 1 ? operands[0] : { type: "and", operands };
  }

  private parsePrimary(): FilterPatternNode {
    const token = this.next();
    if (isPunct(token, "(")) {
      const inner = this.parseOr();
      const close = this.next();
      if (!isPunct(close, ")")) {
        throw new FilterPatternSyntaxError(
          `Expected "&&", "||" or ")", found ${describe(close)}`,
          close.position,
        );
      }
      return inner;
    }
    if (token.kind !== "selector") {
      throw new FilterPatternSyntaxError(
        `Expected a selector such as $.field or "(", found ${describe(token)}`,
        token.position,
      );
    }
    this.countWildcards(token.selector);
    return this.parseCondition(token.selector);
  }

  private parseCondition(selector: Selector): FilterPatternNode {
    const token = this.next();
    if (token.kind === "operator") {
      return {
        type: "comparison",
        selector,
        operator: token.text,
        value: this.parseValue(token.text),
      };
    }
    if (isWord(token, "IS")) {
      const what = this.next();
      if (isWord(what, "NULL")) return { type: "is", selector, expected: null };
      if (isWord(what, "TRUE")) return { type: "is", selector, expected: true };
      if (isWord(what, "FALSE")) return { type: "is", selector, expected: false };
      if (isWord(what, "NOT")) {
        throw new FilterPatternSyntaxError(
          "IS NOT is not supported by CloudWatch Logs; use NOT EXISTS, IS NULL, IS TRUE or IS FALSE",
          what.position,
        );
      }
      throw new FilterPatternSyntaxError(
        `Expected NULL, TRUE or FALSE after IS, found ${describe(what)}`,
        what.position,
      );
    }
    if (isWord(token, "NOT")) {
      const what = this.next();
      if (isWord(what, "EXISTS")) return { type: "notExists", selector };
      throw new FilterPatternSyntaxError(
        `Expected EXISTS after NOT, found ${describe(what)}`,
        what.position,
      );
    }
    if (isWord(token, "EXISTS")) {
      throw new FilterPatternSyntaxError(
        'EXISTS is not supported by CloudWatch Logs; use NOT EXISTS, or "= *" for strings and numbers',
        token.position,
      );
    }
    throw new FilterPatternSyntaxError(
      `Expected a comparison operator, IS or NOT EXISTS after ${selector.text}, found ${describe(token)}`,
      token.position,
    );
  }

  private parseValue(operator: ComparisonOperator): FilterValue {
    const token = this.next();
    const numericOnly = RELATIONAL.has(operator);
    if (token.kind === "word" && isNumberLiteral(token.text)) return numberValue(token.text);
    if (
      numericOnly &&
      (token.kind === "word" || token.kind === "string" || token.kind === "regex")
    ) {
      throw new FilterPatternSyntaxError(
        `Operator "${operator}" requires a number, found ${describe(token)}`,
        token.position,
      );
    }
    if (token.kind === "word") return unquotedTextValue(token.text);
    if (token.kind === "string") return quotedTextValue(token.text, token.body);
    if (token.kind === "regex") {
      this.regexes += 1;
      if (this.regexes > MAX_REGEXES) {
        throw new FilterPatternSyntaxError(
          "Too many regular expressions (AWS allows 2 per filter pattern)",
          token.position,
        );
      }
      const regex = compileAwsRegex(token.source, token.position + 1);
      return { kind: "regex", source: token.source, regex };
    }
    throw new FilterPatternSyntaxError(
      `Expected a value after "${operator}", found ${describe(token)}`,
      token.position,
    );
  }

  private countWildcards(selector: Selector): void {
    if (!selector.segments.some((s: SelectorSegment) => s.kind === "wildcard")) return;
    this.wildcardSelectors += 1;
    if (this.wildcardSelectors > MAX_WILDCARD_SELECTORS) {
      throw new FilterPatternSyntaxError(
        "Too many wildcard selectors (AWS allows 3 per filter pattern)",
        selector.position,
      );
    }
  }

  private peek(): Token {
    this.buffered ??= this.lexer.next();
    return this.buffered;
  }

  private next(): Token {
    const token = this.peek();
    // Once at the end, keep returning the "end" token.
    if (token.kind !== "end") this.buffered = undefined;
    return token;
  }
}

function isPunct(token: Token, text: string): boolean {
  return token.kind === "punct" && token.text === text;
}

function isWord(token: Token, text: string): boolean {
  return token.kind === "word" && token.text === text;
}

/** Renders a token for an error message. */
function describe(token: Token): string {
  return token.kind === "end" ? "end of pattern" : JSON.stringify(token.text);
}
