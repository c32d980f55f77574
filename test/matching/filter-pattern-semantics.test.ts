// Evaluation rules: each operator on matching and non-matching data, value types, selectors,
// wildcards, precedence, non-object events and the parse cache.
import { expect } from "chai";
import {
  evaluateFilterPattern,
  FilterPatternSyntaxError,
  matchesFilterPattern,
  parseFilterPattern,
} from "../../tools/matching/filter-pattern";

type Case = [pattern: string, event: unknown, expected: boolean];

function runCases(cases: readonly Case[]): void {
  for (const [pattern, event, expected] of cases) {
    it(`${pattern} -> ${expected} for ${JSON.stringify(event)}`, () => {
      expect(matchesFilterPattern(pattern, event)).to.equal(expected);
    });
  }
}

describe("filter pattern evaluation: strings", () => {
  runCases([
    ["{ $.s = DisableKey }", { s: "DisableKey" }, true],
    ['{ $.s = "DisableKey" }', { s: "DisableKey" }, true],
    ["{ $.s = DisableKey }", { s: "disablekey" }, false],
    ["{ $.s = DisableKey }", { s: "DisableKeys" }, false],
    ["{ $.s != DisableKey }", { s: "EnableKey" }, true],
    ["{ $.s != DisableKey }", { s: "DisableKey" }, false],
    ["{ $.s = kms.amazonaws.com }", { s: "kms.amazonaws.com" }, true],
    [
      "{ $.s = arn:aws:iam::111122223333:user/Alice }",
      { s: "arn:aws:iam::111122223333:user/Alice" },
      true,
    ],
    ['{ $.s = "two words" }', { s: "two words" }, true],
    ['{ $.s = "" }', { s: "" }, true],
    ['{ $.s = "" }', { s: "x" }, false],
    ['{ $.s = "say \\"hi\\"" }', { s: 'say "hi"' }, true],
    ['{ $.s = "C:\\temp" }', { s: "C:\\temp" }, true],
  ]);
});

describe("filter pattern evaluation: wildcards in values", () => {
  runCases([
    ["{ $.s = Access* }", { s: "AccessDenied" }, true],
    ["{ $.s = Access* }", { s: "NoAccess" }, false],
    ["{ $.s = *Denied }", { s: "AccessDenied" }, true],
    ["{ $.s = *Denied }", { s: "DeniedAccess" }, false],
    ["{ $.s = *cess* }", { s: "AccessDenied" }, true],
    [
      "{ $.s = arn:aws:kms:*:111122223333:key/* }",
      { s: "arn:aws:kms:us-west-2:111122223333:key/1" },
      true,
    ],
    [
      "{ $.s = arn:aws:kms:*:111122223333:key/* }",
      { s: "arn:aws:kms:us-west-2:444455556666:key/1" },
      false,
    ],
    ["{ $.s = a*b*a }", { s: "aba" }, true],
    ["{ $.s = a*b*a }", { s: "ab" }, false],
    ["{ $.s = * }", { s: "" }, true],
    ["{ $.s != 123.123.* }", { s: "123.124.0.1" }, true],
    ['{ $.s = "a\\*b" }', { s: "a*b" }, true],
    ['{ $.s = "a\\*b" }', { s: "axb" }, false],
    ["{ $.s = * }", { s: null }, false],
    ["{ $.s = * }", { s: true }, false],
    ["{ $.s = * }", { s: { t: 1 } }, false],
    ["{ $.s = * }", {}, false],
  ]);
});

describe("filter pattern evaluation: numbers", () => {
  runCases([
    ["{ $.n = 5 }", { n: 5 }, true],
    ["{ $.n = 5 }", { n: 6 }, false],
    ["{ $.n = 5.0 }", { n: 5 }, true],
    ["{ $.n != 5 }", { n: 6 }, true],
    ["{ $.n != 5 }", { n: 5 }, false],
    ["{ $.n < 5 }", { n: 4.99 }, true],
    ["{ $.n < 5 }", { n: 5 }, false],
    ["{ $.n <= 5 }", { n: 5 }, true],
    ["{ $.n <= 5 }", { n: 6 }, false],
    ["{ $.n > -1.5 }", { n: -1 }, true],
    ["{ $.n > -1.5 }", { n: -2 }, false],
    ["{ $.n >= -1.5 }", { n: -1.5 }, true],
    ["{ $.n >= -1.5 }", { n: -1.6 }, false],
    ["{ $.n = 1.5e2 }", { n: 150 }, true],
    ["{ $.n < 2E-2 }", { n: 0.01 }, true],
    ["{ $.n = .5 }", { n: 0.5 }, true],
    // A quoted or wildcard value is compared with the number's text.
    ['{ $.n = "123" }', { n: 123 }, true],
    ['{ $.n != "123.0" }', { n: 123 }, true],
    ["{ $.n = 12* }", { n: 123 }, true],
    ["{ $.n = *3 }", { n: 123 }, true],
    ["{ $.n != 4* }", { n: 123 }, true],
    ["{ $.n = %^12% }", { n: 123 }, true],
  ]);
});

// A string field never satisfies <, <=, > or >=; an unquoted number compared with = or != on a
// string field compares the text as written.
describe("filter pattern evaluation: numbers against strings", () => {
  runCases([
    ["{ $.s = 400 }", { s: "400" }, true],
    ["{ $.s = 400 }", { s: "400.0" }, false],
    ["{ $.s != 400 }", { s: "404" }, true],
    ["{ $.s > 100 }", { s: "400" }, false],
    ["{ $.s <= 100 }", { s: "50" }, false],
  ]);
});

describe("filter pattern evaluation: booleans, null and missing fields", () => {
  runCases([
    ["{ $.b IS TRUE }", { b: true }, true],
    ["{ $.b IS TRUE }", { b: false }, false],
    ["{ $.b IS TRUE }", { b: "true" }, false],
    ["{ $.b IS FALSE }", { b: false }, true],
    ["{ $.b IS FALSE }", { b: 0 }, false],
    ["{ $.b = true }", { b: true }, false],
    ["{ $.b != false }", { b: true }, false],
    ["{ $.x IS NULL }", { x: null }, true],
    ["{ $.x IS NULL }", { x: "null" }, false],
    ["{ $.x IS NULL }", {}, false],
    ["{ $.x NOT EXISTS }", {}, true],
    ["{ $.x NOT EXISTS }", { x: null }, false],
    ["{ $.x NOT EXISTS }", { x: { y: 1 } }, false],
    ["{ $.x.y NOT EXISTS }", { x: "scalar" }, true],
    // AWS does not match a selector that reaches nothing, whatever the operator.
    ["{ $.x != anything }", {}, false],
    ["{ $.x != 1 }", {}, false],
    ["{ $.x != anything }", { x: null }, false],
    ["{ $.x != %a% }", { x: "b" }, true],
    ["{ $.x != %a% }", { x: "a" }, false],
  ]);
});

describe("filter pattern evaluation: selectors", () => {
  const event = {
    a: { b: { c: "deep" } },
    list: ["x", "y"],
    grid: [
      [1, 2],
      [3, 4],
    ],
    items: [
      { id: 1, tags: ["red"] },
      { id: 2, tags: ["blue", "green"] },
    ],
    "dotted.key": "d",
    "with space": { "inner.key": 7 },
    "dash-key": "k",
    obj: { p: "v1", q: "v2" },
  };
  runCases([
    ["{ $.a.b.c = deep }", event, true],
    ["{ $.a.b = deep }", event, false],
    ["{ $.list[1] = y }", event, true],
    ["{ $.list[2] NOT EXISTS }", event, true],
    ["{ $.list[5] != x }", event, false],
    ["{ $.grid[1][0] = 3 }", event, true],
    ["{ $.items[1].id = 2 }", event, true],
    ["{ $.items[1].tags[1] = green }", event, true],
    ["{ $.items[*].id = 2 }", event, true],
    ["{ $.items[*].id > 2 }", event, false],
    ["{ $.items[*].tags[0] = blue }", event, true],
    ["{ $.list[*] = y }", event, true],
    ["{ $.obj.* = v2 }", event, true],
    ["{ $.obj.* = v3 }", event, false],
    ["{ $.* = d }", event, true],
    ["{ $.['dotted.key'] = d }", event, true],
    ['{ $.["dotted.key"] = d }', event, true],
    ["{ $.dotted.key NOT EXISTS }", event, true],
    ["{ $.['with space']['inner.key'] = 7 }", event, true],
    ["{ $.dash-key = k }", event, true],
    ["{ $.list.0 NOT EXISTS }", event, true],
    ["{ $.obj[0] NOT EXISTS }", event, true],
    ["{ $.constructor NOT EXISTS }", event, true],
    ["{ $.__proto__ NOT EXISTS }", event, true],
    ["{ $.list[*] IS NULL }", { list: ["a", null] }, true],
    ["{ $.list[*] NOT EXISTS }", { list: [] }, true],
  ]);
});

describe("filter pattern evaluation: precedence and grouping", () => {
  // a is true, b and c are false: "a || (b && c)" is true, "(a || b) && c" is false.
  const event = { a: 1, b: 0, c: 0 };
  runCases([
    ["{ $.a = 1 || $.b = 1 && $.c = 1 }", event, true],
    ["{ ($.a = 1 || $.b = 1) && $.c = 1 }", event, false],
    ["{ $.b = 1 && $.c = 1 || $.a = 1 }", event, true],
    ["{ $.b = 1 && ($.c = 1 || $.a = 1) }", event, false],
    ["{ (($.a = 1) && (($.b = 0) && (($.c = 0)))) }", event, true],
    ["{ ($.a = 2 || ($.b = 1 || ($.c = 0 && $.a = 1))) }", event, true],
    ["{$.a=1&&$.b=0&&$.c!=0}", event, false],
  ]);
});

describe("filter pattern evaluation: events that are not JSON objects", () => {
  for (const event of [null, undefined, '{"a":1}', 42, [{ a: 1 }]]) {
    it(`never matches ${JSON.stringify(event)}, not even NOT EXISTS`, () => {
      expect(matchesFilterPattern("{ $.a NOT EXISTS }", event)).to.equal(false);
      expect(matchesFilterPattern("{ $.a = 1 }", event)).to.equal(false);
    });
  }
});

describe("filter pattern: parse once, evaluate many", () => {
  it("evaluates one parsed pattern against several events", () => {
    const node = parseFilterPattern("{ $.eventName = Disable* }");
    expect(evaluateFilterPattern(node, { eventName: "DisableKey" })).to.equal(true);
    expect(evaluateFilterPattern(node, { eventName: "EnableKey" })).to.equal(false);
  });

  it("gives the same answers from the cache and throws for invalid patterns every time", () => {
    for (let round = 0; round < 3; round += 1) {
      expect(matchesFilterPattern("{ $.n > 1 }", { n: 2 })).to.equal(true);
      expect(matchesFilterPattern("{ $.n > 1 }", { n: 0 })).to.equal(false);
      expect(() => matchesFilterPattern("{ $.n > }", { n: 2 })).to.throw(FilterPatternSyntaxError);
    }
  });

  it("keeps working after more distinct patterns than the cache holds", () => {
    for (let i = 0; i < 600; i += 1) {
      expect(matchesFilterPattern(`{ $.n = ${i} }`, { n: i })).to.equal(true);
    }
    expect(matchesFilterPattern("{ $.n = 0 }", { n: 0 })).to.equal(true);
  });
});
