// Every JSON filter pattern example found on the AWS documentation pages cited below, run
// against the sample event AWS gives next to it. Where a page shows a pattern without an event,
// the event is written here and marked "event written for this test".
import { expect } from "chai";
import {
  FilterPatternSyntaxError,
  matchesFilterPattern,
  parseFilterPattern,
} from "../../tools/matching/filter-pattern";

type Case = [pattern: string, event: unknown, expected: boolean];

function runCases(cases: readonly Case[]): void {
  for (const [pattern, event, expected] of cases) {
    it(`${pattern} -> ${expected} for ${JSON.stringify(event).slice(0, 60)}`, () => {
      expect(matchesFilterPattern(pattern, event)).to.equal(expected);
    });
  }
}

// Sample event of "Using filter patterns to match terms in JSON log events", in both
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/matching-terms-json-log-events.html
// and the JSON section of "Filter pattern syntax for metric filters, subscription filters,
// filter log events, and Live Tail"
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html).
const STRINGS_EVENT = {
  eventType: "UpdateTrail",
  sourceIPAddress: "111.111.111.111",
  arrayKey: ["value", "another value"],
  objectList: [
    { name: "a", id: 1 },
    { name: "b", id: 2 },
  ],
  SomeObject: null,
  "cluster.name": "c",
};

// Compound-expression sample event of the same pages.
const COMPOUND_EVENT = {
  user: { id: 1, email: "John.Stiles@example.com" },
  users: [
    { id: 2, email: "John.Doe@example.com" },
    { id: 3, email: "Jane.Doe@example.com" },
  ],
  actions: ["GET", "PUT", "DELETE"],
  coordinates: [
    [0, 1, 2],
    [4, 5, 6],
    [7, 8, 9],
  ],
};

describe("filter pattern: AWS 'Using filter patterns to match terms in JSON log events'", () => {
  describe("string, regex, wildcard-selector, IS NULL and NOT EXISTS examples (all match)", () => {
    runCases([
      ['{ $.eventType = "UpdateTrail" }', STRINGS_EVENT, true],
      ["{ $.sourceIPAddress != 123.123.* }", STRINGS_EVENT, true],
      ['{ $.arrayKey[0] = "value" }', STRINGS_EVENT, true],
      ["{ $.eventType = %Trail% }", STRINGS_EVENT, true],
      ["{ $.arrayKey[*] = %val.{2}% }", STRINGS_EVENT, true],
      ["{ $.* = %111\\.111\\.111\\.1[0-9]{1,2}% }", STRINGS_EVENT, true],
      ["{ $.['cluster.name'] = \"c\" }", STRINGS_EVENT, true],
      ["{ $.SomeObject IS NULL }", STRINGS_EVENT, true],
      ["{ $.SomeOtherObject NOT EXISTS }", STRINGS_EVENT, true],
    ]);
  });

  describe("the same examples on events where they must not match", () => {
    runCases([
      ['{ $.eventType = "UpdateTrail" }', { ...STRINGS_EVENT, eventType: "CreateTrail" }, false],
      ["{ $.sourceIPAddress != 123.123.* }", { sourceIPAddress: "123.123.4.5" }, false],
      ['{ $.arrayKey[0] = "value" }', { arrayKey: ["another value", "value"] }, false],
      ["{ $.eventType = %Trail% }", { eventType: "trail" }, false],
      ["{ $.* = %111\\.111\\.111\\.1[0-9]{1,2}% }", { ip: "111.111.111.2" }, false],
      ["{ $.SomeObject IS NULL }", { SomeObject: {} }, false],
      ["{ $.SomeOtherObject NOT EXISTS }", { SomeOtherObject: null }, false],
    ]);
  });

  // "If a property selector points to an array or object, the filter pattern won't match."
  describe("selectors that reach an array or an object never match", () => {
    runCases([
      ['{ $.arrayKey = "value" }', STRINGS_EVENT, false],
      ['{ $.arrayKey != "value" }', STRINGS_EVENT, false],
      ['{ $.objectList[0] != "a" }', STRINGS_EVENT, false],
    ]);
  });

  describe("compound expression examples: () > && > ||", () => {
    runCases([
      ['{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }', COMPOUND_EVENT, true],
      [
        '{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch" && $.actions[2] = "nonmatch" }',
        COMPOUND_EVENT,
        true,
      ],
      [
        '{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch") && $.actions[2] = "nonmatch" }',
        COMPOUND_EVENT,
        false,
      ],
      [
        '{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }',
        COMPOUND_EVENT,
        false,
      ],
    ]);
  });

  // The numeric examples come without an event on the page; each event is written for this test.
  describe("numeric examples", () => {
    runCases([
      ["{ $.bandwidth > 75 }", { bandwidth: 80 }, true],
      ["{ $.bandwidth > 75 }", { bandwidth: 75 }, false],
      ["{ $.latency < 50 }", { latency: 49.9 }, true],
      ["{ $.latency < 50 }", { latency: 50 }, false],
      ["{ $.refreshRate >= 60 }", { refreshRate: 60 }, true],
      ["{ $.refreshRate >= 60 }", { refreshRate: 59 }, false],
      ["{ $.responseTime <= 5 }", { responseTime: 5 }, true],
      ["{ $.responseTime <= 5 }", { responseTime: 5.01 }, false],
      ["{ $.errorCode = 400}", { errorCode: 400 }, true],
      ["{ $.errorCode = 400}", { errorCode: 404 }, false],
      ["{ $.errorCode != 500 }", { errorCode: 400 }, true],
      ["{ $.errorCode != 500 }", { errorCode: 500 }, false],
      ["{ $.number[0] = 1e+3 }", { number: [1000] }, true],
      ["{ $.number[0] = 1e+3 }", { number: [100] }, false],
      ["{ $.number[0] != 1e-3 }", { number: [1] }, true],
      ["{ $.number[0] != 1e-3 }", { number: [0.001] }, false],
    ]);
  });

  // "The variables IS NOT and EXISTS currently aren't supported."
  it("rejects IS NOT and EXISTS", () => {
    expect(() => parseFilterPattern("{ $.SomeObject IS NOT NULL }")).to.throw(
      FilterPatternSyntaxError,
      /IS NOT is not supported/,
    );
    expect(() => parseFilterPattern("{ $.SomeObject EXISTS }")).to.throw(
      FilterPatternSyntaxError,
      /EXISTS is not supported/,
    );
  });

  // Quotas: "up to one wildcard selector in a property selector, and up to three wildcard
  // selectors in a filter pattern with compound expressions".
  it("enforces the wildcard selector quotas", () => {
    expect(() => parseFilterPattern("{ $.objectList[*].* = 1 }")).to.throw(
      FilterPatternSyntaxError,
      /at most one wildcard/,
    );
    const three = "{ $.a[*] = 1 || $.b.* = 2 || $.* = 3 }";
    expect(() => parseFilterPattern(three)).not.to.throw();
    expect(() => parseFilterPattern(three.replace(" }", " || $.c[*] = 4 }"))).to.throw(
      FilterPatternSyntaxError,
      /Too many wildcard selectors/,
    );
  });
});

// "Filter pattern syntax for metric filters"
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntaxForMetricFilters.html)
describe("filter pattern: AWS 'Filter pattern syntax for metric filters'", () => {
  const DIMENSIONS_EVENT = {
    eventType: "UpdateTrail",
    sourceIPAddress: "111.111.111.111",
    arrayKey: ["value", "another value"],
    objectList: [
      { name: "a", id: 1 },
      { name: "b", id: 2 },
    ],
  };
  runCases([
    ['{ $.eventType = "*" && $.sourceIPAddress != 123.123.* }', DIMENSIONS_EVENT, true],
    ['{ $.eventType = "*" && $.sourceIPAddress != 123.123.* }', { eventType: "x" }, false],
    ["{ $.latency = * }", { latency: 50, requestType: "GET" }, true],
    ["{ $.latency = * }", { requestType: "GET" }, false],
  ]);
});

// Earlier edition of the same AWS page, "Filter and Pattern Syntax", as kept in AWS's
// documentation source (github.com/awsdocs/amazon-cloudwatch-logs-user-guide,
// doc_source/FilterAndPatternSyntax.md).
describe("filter pattern: AWS 'Filter and Pattern Syntax' (earlier edition)", () => {
  describe("OR pattern matching in JSON filters", () => {
    runCases([
      ["{$.foo = bar}", { foo: "bar" }, true],
      ["{$.foo = bar}", { foo: "baz" }, false],
      ["{$.foo = baz }", { foo: "baz" }, true],
      ["{$.foo = baz }", { foo: "bar" }, false],
      ["{$.foo = bar || $.foo = baz }", { foo: "bar" }, true],
      ["{$.foo = bar || $.foo = baz }", { foo: "baz" }, true],
    ]);
  });

  describe("examples on the sample event with ThisFlag", () => {
    const event = { ...STRINGS_EVENT, ThisFlag: true };
    runCases([
      ["{ $.objectList[1].id = 2 }", event, true],
      ["{ $.ThisFlag IS TRUE }", event, true],
      ["{ $.ThisFlag IS FALSE }", event, false],
      ["{ $.ThisFlag IS FALSE }", { ThisFlag: false }, true],
    ]);
  });

  describe("compound examples with unquoted values", () => {
    runCases([
      [
        '{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }',
        COMPOUND_EVENT,
        true,
      ],
      [
        '{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }',
        COMPOUND_EVENT,
        false,
      ],
    ]);
  });

  // "both {$.users = 1} and {$.users != 1} will fail to match a log event where users is an array"
  describe("special considerations", () => {
    runCases([
      ["{$.users = 1}", { users: [1, 2, 3] }, false],
      ["{$.users != 1}", { users: [1, 2, 3] }, false],
    ]);
  });

  // Numeric examples; events written for this test.
  describe("numeric comparisons", () => {
    runCases([
      ["{ $.latency >= 500 }", { latency: 500 }, true],
      ["{ $.numbers[0] < 10e3 }", { numbers: [9999] }, true],
      ["{ $.numbers[0] < 10e3 }", { numbers: [10000] }, false],
      ["{ $.numbers[0] < 10e-3 }", { numbers: [0.001] }, true],
      ["{ $.numbers[0] < 10e-3 }", { numbers: [0.01] }, false],
      [
        "{ $.processes[4].averageRuntime <= 55.5 }",
        { processes: [0, 0, 0, 0, { averageRuntime: 55.5 }] },
        true,
      ],
      ["{ $.latency > +1000 }", { latency: 1001 }, true],
      ["{ $.latency > +1000 }", { latency: 1000 }, false],
    ]);
  });

  // "*Event will match PutEvent and GetEvent. Event* will match EventId and EventName."
  describe("wildcards in strings", () => {
    runCases([
      ["{ $.eventName = *Event }", { eventName: "PutEvent" }, true],
      ["{ $.eventName = *Event }", { eventName: "GetEvent" }, true],
      ["{ $.eventName = *Event }", { eventName: "EventId" }, false],
      ["{ $.eventName = Event* }", { eventName: "EventId" }, true],
      ["{ $.eventName = Event* }", { eventName: "EventName" }, true],
      ["{ $.eventName = Event* }", { eventName: "PutEvent" }, false],
    ]);
  });

  // "the eventName is "UpdateTrail" and the recipientAccountId is 123456789012": CloudTrail
  // writes account ids as strings, so the unquoted number has to match the text.
  runCases([
    [
      "{ ($.eventName = UpdateTrail) && ($.recipientAccountId = 123456789012) }",
      { eventName: "UpdateTrail", recipientAccountId: "123456789012" },
      true,
    ],
  ]);
});

// "Supported regular expressions (regex) syntax"
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/regex-expressions.html). The page's
// regexes are stand-alone patterns; here each one is the value of a JSON comparison.
describe("filter pattern: AWS 'Supported regular expressions (regex) syntax'", () => {
  const msg = (message: string) => ({ message });
  runCases([
    ["{ $.message = %\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}% }", msg("from 10.0.12.1"), true],
    ["{ $.message = %\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}% }", msg("from host-a"), false],
    ["{ $.message = %[Ee]rror|[Ff]ail% }", msg("Error: disk"), true],
    ["{ $.message = %[Ee]rror|[Ff]ail% }", msg("job fail"), true],
    ["{ $.message = %[Ee]rror|[Ff]ail% }", msg("all good"), false],
    ["{ $.message = %AUTHORIZED% }", msg("[ERROR 401] UNAUTHORIZED REQUEST"), true],
    ["{ $.message = %AUTHORIZED% }", msg("[SUCCESS 200] AUTHORIZED REQUEST"), true],
    ["{ $.message = %^[hc]at% }", msg("cat food"), true],
    ["{ $.message = %^[hc]at% }", msg("the cat"), false],
    ["{ $.message = %[hc]at$% }", msg("the hat"), true],
    ["{ $.message = %[hc]at$% }", msg("hats"), false],
    ["{ $.message = %colou?r% }", msg("color"), true],
    ["{ $.message = %colou?r% }", msg("colour"), true],
    ["{ $.message = %[abcx-z]% }", msg("y"), true],
    ["{ $.message = %[abcx-z]% }", msg("d"), false],
    ["{ $.message = %a{3,5}% }", msg("aaa"), true],
    ["{ $.message = %a{3,5}% }", msg("aa"), false],
    ["{ $.message = %gra|ey% }", msg("grey"), true],
    ["{ $.message = %^starting|^initializing|^shutting down% }", msg("shutting down now"), true],
    [
      "{ $.message = %^starting|^initializing|^shutting down% }",
      msg("skipping initializing"),
      false,
    ],
    ["{ $.message = %\\[.\\]% }", msg("[7]"), true],
    ["{ $.message = %\\[.\\]% }", msg("[]"), false],
    ["{ $.message = %ab*c% }", msg("ac"), true],
    ["{ $.message = %ab[0-9]*% }", msg("ab129"), true],
    ["{ $.message = %ab+c% }", msg("ac"), false],
    ["{ $.message = %ab+c% }", msg("abbc"), true],
    ["{ $.message = %.at% }", msg(" at"), true],
    ["{ $.message = %\\d% }", msg("a1"), true],
    ["{ $.message = %\\D% }", msg("123"), false],
    ["{ $.message = %\\s% }", msg("a\tb"), true],
    ["{ $.message = %\\w% }", msg("_"), true],
    ["{ $.message = %\\W% }", msg("abc"), false],
    ["{ $.message = %\\x3A% }", msg("a:b"), true],
    ["{ $.message = %\\x28% }", msg("f(x)"), true],
    // "%10.10.0.1% can match "10010,051""; escaping the dots avoids it.
    ["{ $.message = %10.10.0.1% }", msg("10010,051"), true],
    ["{ $.message = %10\\.10\\.0\\.1% }", msg("10010,051"), false],
    // "Either m or n can be omitted".
    ["{ $.message = %^a{2,}$% }", msg("aaa"), true],
    ["{ $.message = %^a{,2}$% }", msg("aaa"), false],
    ["{ $.message = %^a{,2}$% }", msg("aa"), true],
  ]);

  it("rejects characters and constructs outside the AWS subset", () => {
    // "%something!% would be rejected since '!' is not supported."
    expect(() => parseFilterPattern("{ $.message = %something!% }")).to.throw(
      FilterPatternSyntaxError,
      'Regular expressions cannot contain "!" at position 24',
    );
    // "The ( and ) operators are not supported."
    expect(() => parseFilterPattern("{ $.message = %(a|b)c% }")).to.throw(
      FilterPatternSyntaxError,
      /cannot contain "\("/,
    );
    // "Multi-byte characters are not supported."
    expect(() => parseFilterPattern("{ $.message = %café% }")).to.throw(
      FilterPatternSyntaxError,
      /multi-byte character "é"/,
    );
  });

  // "There is a limit of 2 regex for each filter pattern".
  it("allows two regular expressions per pattern and rejects a third", () => {
    expect(() => parseFilterPattern("{ $.a = %x% && $.b = %y% }")).not.to.throw();
    expect(() => parseFilterPattern("{ $.a = %x% && $.b = %y% && $.c = %z% }")).to.throw(
      FilterPatternSyntaxError,
      "Too many regular expressions (AWS allows 2 per filter pattern) at position 34",
    );
  });
});
