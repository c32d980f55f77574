// Validation messages and pattern size. The accepted forms come from "Content filtering in Amazon
// EventBridge event patterns"; the 2048-character limit is the "Amazon EventBridge quotas" entry
// for event pattern size.
import { expect } from "chai";
import {
  EventPattern,
  eventPatternSize,
  validateEventPattern,
} from "../../tools/matching/event-pattern";
import { AWS_LIMITS } from "../../components/core/limits";

const KNOWN =
  'known operators are "anything-but", "cidr", "equals-ignore-case", "exists", ' +
  '"numeric", "prefix", "suffix", "wildcard"';
const NUMERIC_SHAPE =
  '"numeric" takes an operator and a number, optionally followed by a second operator and number';

describe("validateEventPattern", () => {
  it("accepts every form of the AWS content filtering page", () => {
    const pattern = {
      time: [{ prefix: "2017-10-02" }],
      service: [{ prefix: { "equals-ignore-case": "EventB" } }],
      FileName: [{ suffix: { "equals-ignore-case": ".png" } }],
      "detail-type": [{ "equals-ignore-case": "ec2 instance state-change notification" }],
      EventBusArn: [{ wildcard: "arn:aws:events:us-east-1:*:event-bus/*" }],
      detail: {
        state: [{ "anything-but": { "equals-ignore-case": ["initializing", "stopped"] } }],
        FilePath: [{ "anything-but": { wildcard: ["*/lib/*", "*/bin/*"] } }],
        x: [{ "anything-but": { prefix: "init" } }, { "anything-but": { suffix: ".txt" } }],
        "x-limit": [{ "anything-but": [100, 200, 300] }],
        "c-count": [{ numeric: [">", 0, "<=", 5] }],
        sourceIPAddress: [{ cidr: "10.0.0.0/24" }, { cidr: "2001:db8::/32" }],
        gone: [{ exists: false }],
        literals: ["a", 1, true, null, ""],
        $or: [{ a: ["1"] }, { b: { c: ["2"] } }],
      },
    };
    expect(validateEventPattern(pattern)).to.deep.equal([]);
  });

  it("rejects a pattern that is not an object", () => {
    expect(validateEventPattern([{ source: ["aws.kms"] }])).to.deep.equal([
      "event pattern must be a JSON object, got array",
    ]);
    expect(validateEventPattern("{}")).to.deep.equal([
      "event pattern must be a JSON object, got string",
    ]);
    expect(validateEventPattern(null)).to.deep.equal([
      "event pattern must be a JSON object, got null",
    ]);
  });

  it("rejects empty patterns and empty nested objects", () => {
    expect(validateEventPattern({})).to.deep.equal(["event pattern must name at least one field"]);
    expect(validateEventPattern({ detail: {} })).to.deep.equal([
      "detail: object must name at least one field",
    ]);
  });

  it("rejects leaf values that are not arrays", () => {
    expect(validateEventPattern({ source: "aws.kms", detail: { n: 3, b: null } })).to.deep.equal([
      "source: must be a value list (array) or a nested object, got string",
      "detail.n: must be a value list (array) or a nested object, got number",
      "detail.b: must be a value list (array) or a nested object, got null",
    ]);
  });

  it("rejects empty value lists and arrays inside value lists", () => {
    expect(validateEventPattern({ source: [], detail: { a: ["x", ["y"]] } })).to.deep.equal([
      "source: value list must not be empty",
      "detail.a[1]: a value list cannot contain an array",
    ]);
  });

  it("rejects unknown operators and objects with several operators", () => {
    expect(
      validateEventPattern({
        a: [{ contains: "x" }],
        b: [{ prefix: "x", suffix: "y" }],
        c: [{}],
      }),
    ).to.deep.equal([
      `a[0]: unknown operator "contains"; ${KNOWN}`,
      'b[0]: an operator object must hold exactly one operator, got "prefix", "suffix"',
      "c[0]: an operator object must hold exactly one operator, got none",
    ]);
  });

  it("checks the payload of each operator", () => {
    expect(
      validateEventPattern({
        a: [{ prefix: 1 }],
        b: [{ suffix: { "equals-ignore-case": 2 } }],
        c: [{ "equals-ignore-case": ["x"] }],
        d: [{ exists: "true" }],
        e: [{ cidr: "10.0.0.0" }],
        f: [{ cidr: "10.0.0.0/33" }],
        g: [{ wildcard: 5 }],
      }),
    ).to.deep.equal([
      'a[0]: "prefix" takes a string or {"equals-ignore-case": string}',
      'b[0]: "suffix" takes a string or {"equals-ignore-case": string}',
      'c[0]: "equals-ignore-case" takes a string',
      'd[0]: "exists" takes true or false',
      'e[0]: "cidr" takes an IPv4 or IPv6 block such as "10.0.0.0/24", got "10.0.0.0"',
      'f[0]: "cidr" takes an IPv4 or IPv6 block such as "10.0.0.0/24", got "10.0.0.0/33"',
      'g[0]: "wildcard" takes a string',
    ]);
  });

  it("rejects wildcards with consecutive asterisks or stray backslashes", () => {
    expect(
      validateEventPattern({
        a: [{ wildcard: "a**b" }],
        b: [{ wildcard: "a\\b" }],
        c: [{ "anything-but": { wildcard: ["ok*", "bad**"] } }],
      }),
    ).to.deep.equal([
      'a[0]: "wildcard" value "a**b" has consecutive "*" characters',
      'b[0]: "wildcard" value "a\\\\b" has a backslash that escapes neither "*" nor "\\"',
      'c[0]: "wildcard" value "bad**" has consecutive "*" characters',
    ]);
  });

  it("checks numeric operators, operands, ranges and limits", () => {
    expect(
      validateEventPattern({
        a: [{ numeric: [">", 0, "<"] }],
        b: [{ numeric: ["=>", 1] }],
        c: [{ numeric: [">", "1"] }],
        d: [{ numeric: ["=", 1, "<", 5] }],
        e: [{ numeric: ["<", 5, ">", 1] }],
        f: [{ numeric: [">", 5, "<", 5] }],
        g: [{ numeric: ["<", 6e9] }],
        h: [{ numeric: 5 }],
      }),
    ).to.deep.equal([
      `a[0]: ${NUMERIC_SHAPE}`,
      'b[0]: unknown numeric operator "=>"',
      'c[0]: numeric operand after ">" must be a number',
      'd[0]: "=" cannot be combined with a second numeric operator',
      'e[0]: a numeric range is a lower bound (">" or ">=") ' +
        'followed by an upper bound ("<" or "<=")',
      "f[0]: numeric range lower bound 5 must be less than upper bound 5",
      "g[0]: numeric operand 6000000000 is outside -5e9..5e9",
      `h[0]: ${NUMERIC_SHAPE}`,
    ]);
  });

  it("checks anything-but payloads", () => {
    expect(
      validateEventPattern({
        a: [{ "anything-but": [] }],
        b: [{ "anything-but": ["x", 1] }],
        c: [{ "anything-but": true }],
        d: [{ "anything-but": { prefix: ["a", "b"] } }],
        e: [{ "anything-but": { numeric: [">", 1] } }],
        f: [{ "anything-but": { "equals-ignore-case": [] } }],
      }),
    ).to.deep.equal([
      'a[0]: "anything-but" list must not be empty',
      'b[0]: "anything-but" list must contain only strings or only numbers',
      'c[0]: "anything-but" takes a string, a number, a list of only strings or only numbers, ' +
        'or an object with "prefix", "suffix", "equals-ignore-case" or "wildcard"',
      'd[0]: "anything-but" with "prefix" takes a single string',
      'e[0]: "anything-but" object takes exactly one of ' +
        '"prefix", "suffix", "equals-ignore-case" or "wildcard"',
      'f[0]: "anything-but" with "equals-ignore-case" ' +
        "takes a string or a non-empty list of strings",
    ]);
  });

  it("rejects malformed $or", () => {
    expect(
      validateEventPattern({
        $or: { a: ["x"] },
        detail: { $or: [{ a: ["x"] }] },
        other: { $or: [{ a: ["x"] }, ["b"], { c: "y" }] },
      }),
    ).to.deep.equal([
      '$or: "$or" takes an array of at least two pattern objects, got object',
      'detail.$or: "$or" needs at least two alternatives, got 1',
      'other.$or[1]: a "$or" alternative must be an object, got array',
      "other.$or[2].c: must be a value list (array) or a nested object, got string",
    ]);
  });

  it("rejects $or expanding into more than 1000 rule combinations", () => {
    const alternatives = (prefix: string, count: number): EventPattern[] =>
      Array.from({ length: count }, (_, i) => ({ [`${prefix}${i}`]: ["x"] }));
    const within = { $or: alternatives("a", 10), detail: { $or: alternatives("b", 100) } };
    expect(validateEventPattern(within)).to.deep.equal([]);
    const over = { ...within, region: { $or: alternatives("c", 2) } };
    expect(validateEventPattern(over)).to.deep.equal([
      '"$or" expands the pattern into 2000 rule combinations; EventBridge allows at most 1000',
    ]);
  });

  it("reports patterns longer than the 2048-character quota", () => {
    const long = { source: ["x".repeat(AWS_LIMITS.eventPatternLength)] };
    expect(validateEventPattern(long)).to.deep.equal([
      `event pattern is ${AWS_LIMITS.eventPatternLength + 15} characters long; ` +
        "EventBridge allows at most 2048",
    ]);
  });

  it("treats a field set to undefined as absent, as JSON.stringify does", () => {
    expect(validateEventPattern({ source: ["aws.kms"], region: undefined })).to.deep.equal([]);
    expect(validateEventPattern({ region: undefined })).to.deep.equal([
      "event pattern must name at least one field",
    ]);
  });

  it("reports every problem, not only the first", () => {
    expect(validateEventPattern({ a: [], b: "x" })).to.have.length(2);
  });
});

describe("eventPatternSize", () => {
  it("counts the compact JSON text", () => {
    const pattern = { source: ["aws.kms"], detail: { eventName: ["DisableKey"] } };
    expect(eventPatternSize(pattern)).to.equal(
      '{"source":["aws.kms"],"detail":{"eventName":["DisableKey"]}}'.length,
    );
  });

  it("exposes the EventBridge quota of 2048 characters", () => {
    expect(AWS_LIMITS.eventPatternLength).to.equal(2048);
  });

  it("accepts a pattern exactly at the quota", () => {
    const filler = "x".repeat(AWS_LIMITS.eventPatternLength - '{"source":[""]}'.length);
    const pattern = { source: [filler] };
    expect(eventPatternSize(pattern)).to.equal(AWS_LIMITS.eventPatternLength);
    expect(validateEventPattern(pattern)).to.deep.equal([]);
  });
});
