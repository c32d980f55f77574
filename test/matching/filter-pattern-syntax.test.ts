// Parser behaviour: the AST it builds (precedence, grouping, value kinds, selectors) and the
// exact messages and positions of syntax errors.
import { expect } from "chai";
import {
  FilterPatternNode,
  FilterPatternSyntaxError,
  parseFilterPattern,
} from "../../tools/matching/filter-pattern";

/** A compact rendering of the AST: `or(a, and(b, c))` with each comparison as its selector. */
function shape(node: FilterPatternNode): string {
  switch (node.type) {
    case "and":
    case "or":
      return `${node.type}(${node.operands.map(shape).join(", ")})`;
    case "comparison":
      return node.selector.text.slice(2);
    case "is":
      return `${node.selector.text.slice(2)} IS ${String(node.expected).toUpperCase()}`;
    case "notExists":
      return `${node.selector.text.slice(2)} NOT EXISTS`;
  }
}

describe("filter pattern parser: structure", () => {
  const cases: [pattern: string, expected: string][] = [
    ["{ $.a = 1 || $.b = 2 && $.c = 3 }", "or(a, and(b, c))"],
    ["{ $.a = 1 && $.b = 2 || $.c = 3 }", "or(and(a, b), c)"],
    ["{ ($.a = 1 || $.b = 2) && $.c = 3 }", "and(or(a, b), c)"],
    ["{ $.a = 1 || $.b = 2 || $.c = 3 }", "or(a, b, c)"],
    ["{ $.a = 1 && $.b = 2 && $.c = 3 && $.d = 4 }", "and(a, b, c, d)"],
    ["{ ((($.a = 1))) }", "a"],
    [
      "{ ($.a = 1 || ($.b = 2 && ($.c = 3 || $.d = 4))) && $.e = 5 }",
      "and(or(a, and(b, or(c, d))), e)",
    ],
    [
      "{ $.a IS NULL || $.b IS TRUE && $.c NOT EXISTS }",
      "or(a IS NULL, and(b IS TRUE, c NOT EXISTS))",
    ],
    ["{$.a=1&&$.b=2||$.c=3}", "or(and(a, b), c)"],
    ["\n\t{\n  $.a = 1\n  ||\n  $.b = 2\n}\n", "or(a, b)"],
  ];
  for (const [pattern, expected] of cases) {
    it(`${JSON.stringify(pattern)} parses as ${expected}`, () => {
      expect(shape(parseFilterPattern(pattern))).to.equal(expected);
    });
  }

  it("reads numbers, unquoted text, quoted text and regexes as different values", () => {
    const node = parseFilterPattern(
      '{ $.n = -1.5e3 && $.u = arn:aws:kms:*:key/* && $.q = "a\\"b\\*c*" && $.r = %^a{2,}% }',
    );
    expect(node.type).to.equal("and");
    const values =
      node.type === "and"
        ? node.operands.map((o) => (o.type === "comparison" ? o.value : null))
        : [];
    expect(values[0]).to.deep.equal({ kind: "number", raw: "-1.5e3", value: -1500 });
    expect(values[1]).to.deep.equal({
      kind: "text",
      raw: "arn:aws:kms:*:key/*",
      quoted: false,
      parts: ["arn:aws:kms:", ":key/", ""],
    });
    expect(values[2]).to.deep.equal({
      kind: "text",
      raw: '"a\\"b\\*c*"',
      quoted: true,
      parts: ['a"b*c', ""],
    });
    expect(values[3]).to.include({ kind: "regex", source: "^a{2,}" });
  });

  it("reads every selector form", () => {
    const node = parseFilterPattern(
      "{ $.a.b-c_d[0][12].e = 1 || $.['x.y'][*] = 2 || $.f[\"g h\"].* = 3 || $.* = 4 }",
    );
    const segments =
      node.type === "or"
        ? node.operands.map((o) => (o.type === "comparison" ? o.selector.segments : []))
        : [];
    expect(segments).to.deep.equal([
      [
        { kind: "property", name: "a" },
        { kind: "property", name: "b-c_d" },
        { kind: "index", index: 0 },
        { kind: "index", index: 12 },
        { kind: "property", name: "e" },
      ],
      [{ kind: "property", name: "x.y" }, { kind: "wildcard" }],
      [{ kind: "property", name: "f" }, { kind: "property", name: "g h" }, { kind: "wildcard" }],
      [{ kind: "wildcard" }],
    ]);
  });

  it("treats NULL, TRUE and EXISTS after an operator as plain text", () => {
    const node = parseFilterPattern("{ $.a = NULL }");
    expect(node).to.deep.include({ type: "comparison", operator: "=" });
  });
});

describe("filter pattern parser: syntax errors", () => {
  const cases: [pattern: string, message: string, position: number][] = [
    ["", 'Expected "{" to open a JSON filter pattern, found end of pattern at position 0', 0],
    [
      "eventName = x",
      'Expected "{" to open a JSON filter pattern, found "eventName" at position 0',
      0,
    ],
    ["[ip, user]", 'Unexpected character "[" at position 0', 0],
    ["{}", 'Expected a selector such as $.field or "(", found "}" at position 1', 1],
    [
      "{ eventName = x }",
      'Expected a selector such as $.field or "(", found "eventName" at position 2',
      2,
    ],
    ["{ $.a = 1", 'Expected "&&", "||" or "}", found end of pattern at position 9', 9],
    ["{ $.a = 1 } x", 'Unexpected "x" after the closing "}" at position 12', 12],
    // The leftmost problem is reported, even when a later character could not be read at all.
    [
      "{ $.a } @",
      'Expected a comparison operator, IS or NOT EXISTS after $.a, found "}" at position 6',
      6,
    ],
    ["{ $.a = 1 ) }", 'Expected "&&", "||" or "}", found ")" at position 10', 10],
    ["{ ($.a = 1 }", 'Expected "&&", "||" or ")", found "}" at position 11', 11],
    ["{ $.a = 1 && }", 'Expected a selector such as $.field or "(", found "}" at position 13', 13],
    [
      "{ $.a = 1 || || $.b = 2 }",
      'Expected a selector such as $.field or "(", found "||" at position 13',
      13,
    ],
    ["{ $.a = 1 & $.b = 2 }", 'Expected "&&", found a single "&" at position 10', 10],
    ["{ $.a = 1 | $.b = 2 }", 'Expected "||", found a single "|" at position 10', 10],
    [
      "{ $.a }",
      'Expected a comparison operator, IS or NOT EXISTS after $.a, found "}" at position 6',
      6,
    ],
    ["{ $.a == 1 }", 'Expected a value after "=", found "=" at position 7', 7],
    ["{ $.a ! 1 }", 'Expected "!=", found a single "!" at position 6', 6],
    ["{ $.a = }", 'Expected a value after "=", found "}" at position 8', 8],
    ["{ $.a = $.b }", 'Expected a value after "=", found "$.b" at position 8', 8],
    ["{ $.a > abc }", 'Operator ">" requires a number, found "abc" at position 8', 8],
    ['{ $.a >= "123" }', 'Operator ">=" requires a number, found "\\"123\\"" at position 9', 9],
    ["{ $.a < %1% }", 'Operator "<" requires a number, found "%1%" at position 8', 8],
    [
      "{ $.a = foo@bar }",
      'Unexpected character "@"; enclose values containing it in double quotes at position 11',
      11,
    ],
    [
      "{ $.a = 'x' }",
      'Unexpected character "\'"; enclose values containing it in double quotes at position 8',
      8,
    ],
    ['{ $.a = "abc }', "Unterminated string starting at position 8", 8],
    ["{ $.a = %abc }", "Unterminated regular expression starting at position 8", 8],
    ["{ $.a = %% }", "Regular expression is empty at position 8", 8],
    ["{ $.a = %a\\% }", "Unterminated regular expression starting at position 8", 8],
    [
      "{ $.a = %\\q% }",
      'Unsupported escape sequence "\\\\q" in regular expression at position 9',
      9,
    ],
    ["{ $.a = %\\xZ1% }", "\\x must be followed by two hexadecimal digits at position 9", 9],
    [
      "{ $.a = %a{x}% }",
      'Invalid repetition in regular expression: expected "{m}", "{m,n}", "{m,}" or "{,n}" at position 10',
      10,
    ],
    ["{ $.a IS }", 'Expected NULL, TRUE or FALSE after IS, found "}" at position 9', 9],
    ["{ $.a IS null }", 'Expected NULL, TRUE or FALSE after IS, found "null" at position 9', 9],
    [
      "{ $.a IS NOT NULL }",
      "IS NOT is not supported by CloudWatch Logs; use NOT EXISTS, IS NULL, IS TRUE or IS FALSE at position 9",
      9,
    ],
    ["{ $.a NOT NULL }", 'Expected EXISTS after NOT, found "NULL" at position 10', 10],
    [
      "{ $.a EXISTS }",
      'EXISTS is not supported by CloudWatch Logs; use NOT EXISTS, or "= *" for strings and numbers at position 6',
      6,
    ],
    ["{ $a = 1 }", 'Selectors must start with "$." at position 2', 2],
    ["{ $ = 1 }", 'Selectors must start with "$." at position 2', 2],
    [
      "{ $. = 1 }",
      'Expected a property name, "*" or "[" after "." in selector, found " " at position 4',
      4,
    ],
    [
      "{ $.a. = 1 }",
      'Expected a property name, "*" or "[" after "." in selector, found " " at position 6',
      6,
    ],
    [
      "{ $.@timestamp = 1 }",
      'Expected a property name, "*" or "[" after "." in selector, found "@" at position 4',
      4,
    ],
    [
      "{ $.a[x] = 1 }",
      'Expected an array index, "*" or a quoted key after "[", found "x" at position 6',
      6,
    ],
    [
      "{ $.a[-1] = 1 }",
      'Expected an array index, "*" or a quoted key after "[", found "-" at position 6',
      6,
    ],
    ["{ $.a[0 = 1 }", 'Expected "]", found " " at position 7', 7],
    ["{ $.['a.b = 1 }", "Unterminated quoted key in selector at position 5", 5],
    [
      "{ $.a[*][*] = 1 }",
      "A property selector may contain at most one wildcard (* or [*]) at position 2",
      2,
    ],
  ];
  for (const [pattern, message, position] of cases) {
    it(`${JSON.stringify(pattern)}: ${message}`, () => {
      let caught: unknown;
      try {
        parseFilterPattern(pattern);
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(FilterPatternSyntaxError);
      const error = caught as FilterPatternSyntaxError;
      expect(error.message).to.equal(message);
      expect(error.position).to.equal(position);
      expect(error.name).to.equal("FilterPatternSyntaxError");
    });
  }

  it("reports regular expressions JavaScript cannot compile, without repeating the prefix", () => {
    expect(() => parseFilterPattern("{ $.a = %[a% }")).to.throw(
      FilterPatternSyntaxError,
      /^Invalid regular expression \([^/]*\) at position 9$/,
    );
    expect(() => parseFilterPattern("{ $.a = %a{2,1}% }")).to.throw(
      FilterPatternSyntaxError,
      /^Invalid regular expression \(numbers out of order in \{\} quantifier\) at position 9$/,
    );
  });
});
