// Matching semantics. Pattern/event pairs marked "AWS:" are the examples of the Amazon EventBridge
// User Guide pages "Amazon EventBridge event patterns" (eb-event-patterns.html, with its
// sub-pages on arrays and on null values and empty strings) and "Content filtering in Amazon
// EventBridge event patterns" (eb-event-patterns-content-based-filtering.html).
import { expect } from "chai";
import {
  EventPattern,
  InvalidEventPatternError,
  matchesEventPattern,
} from "../../tools/matching/event-pattern";

/** The EC2 state-change event of "Amazon EventBridge event patterns". */
const ec2Terminated = {
  version: "0",
  id: "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
  "detail-type": "EC2 Instance State-change Notification",
  source: "aws.ec2",
  account: "111122223333",
  time: "2017-12-22T18:43:48Z",
  region: "us-west-1",
  resources: ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
  detail: { "instance-id": "i-1234567890abcdef0", state: "terminated" },
};

/** The EC2 "pending" event of the exists-matching section. */
const ec2Pending = {
  version: "0",
  id: "7bf73129-1428-4cd3-a780-95db273d1602",
  "detail-type": "EC2 Instance State-change Notification",
  source: "aws.ec2",
  account: "123456789012",
  time: "2015-11-11T21:29:54Z",
  region: "us-east-1",
  resources: ["arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111"],
  detail: { "instance-id": "i-abcd1111", state: "pending" },
};

/** An event carrying the fields the content-filtering examples test. */
function event(detail: Record<string, unknown>, top: Record<string, unknown> = {}): object {
  return { ...ec2Terminated, time: "2017-10-02T16:24:49Z", ...top, detail };
}

const matches = (pattern: EventPattern, e: unknown): boolean => matchesEventPattern(pattern, e);

describe("matchesEventPattern: AWS event pattern pages", () => {
  it("AWS: selects the terminated EC2 instance by source, detail-type and detail.state", () => {
    const pattern = {
      source: ["aws.ec2"],
      "detail-type": ["EC2 Instance State-change Notification"],
      detail: { state: ["terminated"] },
    };
    expect(matches(pattern, ec2Terminated)).to.equal(true);
    expect(matches(pattern, ec2Pending)).to.equal(false);
  });

  it("AWS: values in a list are alternatives (aws.ec2 or aws.fargate)", () => {
    const pattern = { source: ["aws.ec2", "aws.fargate"] };
    expect(matches(pattern, ec2Terminated)).to.equal(true);
    expect(matches(pattern, { ...ec2Terminated, source: "aws.fargate" })).to.equal(true);
    expect(matches(pattern, { ...ec2Terminated, source: "aws.ecs" })).to.equal(false);
  });

  it("AWS: matches an event array when the two arrays intersect", () => {
    const pattern = {
      resources: [
        "arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f",
        "arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f",
        "arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f",
      ],
    };
    const hit = {
      resources: [
        "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:" +
          "eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate",
        "arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f",
      ],
    };
    expect(matches(pattern, hit)).to.equal(true);
    expect(matches(pattern, { resources: [hit.resources[0]] })).to.equal(false);
  });

  describe("AWS: null values and empty strings", () => {
    const autoscaling = {
      version: "0",
      id: "3e3c153a-8339-4e30-8c35-687ebef853fe",
      "detail-type": "EC2 Instance Launch Successful",
      source: "aws.autoscaling",
      account: "123456789012",
      time: "2015-11-11T21:31:47Z",
      region: "us-east-1",
      resources: [],
      detail: { eventVersion: "", responseElements: null },
    };

    it('matches an empty string with [""]', () => {
      expect(matches({ detail: { eventVersion: [""] } }, autoscaling)).to.equal(true);
    });

    it("matches null with [null]", () => {
      expect(matches({ detail: { responseElements: [null] } }, autoscaling)).to.equal(true);
    });

    it("does not interchange null and the empty string", () => {
      expect(matches({ detail: { responseElements: [""] } }, autoscaling)).to.equal(false);
      expect(matches({ detail: { eventVersion: [null] } }, autoscaling)).to.equal(false);
    });
  });
});

describe("matchesEventPattern: AWS content filtering examples", () => {
  it("AWS: prefix matching on time", () => {
    const pattern = { time: [{ prefix: "2017-10-02" }] };
    expect(matches(pattern, event({}, { time: "2017-10-02T18:43:48Z" }))).to.equal(true);
    expect(matches(pattern, event({}, { time: "2017-10-03T18:43:48Z" }))).to.equal(false);
  });

  it("AWS: prefix matching while ignoring case", () => {
    const pattern = { service: [{ prefix: { "equals-ignore-case": "EventB" } }] };
    for (const service of ["EventBridge", "EVENTBRIDGE", "eventbridge"]) {
      expect(matches(pattern, { service })).to.equal(true);
    }
    expect(matches(pattern, { service: "Eventual" })).to.equal(false);
  });

  it("AWS: suffix matching on FileName", () => {
    const pattern = { FileName: [{ suffix: ".png" }] };
    expect(matches(pattern, { FileName: "photo.png" })).to.equal(true);
    expect(matches(pattern, { FileName: "photo.PNG" })).to.equal(false);
  });

  it("AWS: suffix matching while ignoring case", () => {
    const pattern = { FileName: [{ suffix: { "equals-ignore-case": ".png" } }] };
    expect(matches(pattern, { FileName: "photo.PNG" })).to.equal(true);
    expect(matches(pattern, { FileName: "photo.jpg" })).to.equal(false);
  });

  it("AWS: anything-but with a string and with a number", () => {
    const byString = { detail: { state: [{ "anything-but": "initializing" }] } };
    expect(matches(byString, event({ state: "running" }))).to.equal(true);
    expect(matches(byString, event({ state: "initializing" }))).to.equal(false);
    const byNumber = { detail: { "x-limit": [{ "anything-but": 123 }] } };
    expect(matches(byNumber, event({ "x-limit": 301.8 }))).to.equal(true);
    expect(matches(byNumber, event({ "x-limit": 123 }))).to.equal(false);
  });

  it("AWS: anything-but with a list of strings and a list of numbers", () => {
    const strings = { detail: { state: [{ "anything-but": ["stopped", "overloaded"] }] } };
    expect(matches(strings, event({ state: "running" }))).to.equal(true);
    expect(matches(strings, event({ state: "overloaded" }))).to.equal(false);
    const numbers = { detail: { "x-limit": [{ "anything-but": [100, 200, 300] }] } };
    expect(matches(numbers, event({ "x-limit": 301.8 }))).to.equal(true);
    expect(matches(numbers, event({ "x-limit": 200 }))).to.equal(false);
  });

  it("AWS: anything-but with a prefix and with a suffix", () => {
    const prefix = { detail: { state: [{ "anything-but": { prefix: "init" } }] } };
    expect(matches(prefix, event({ state: "running" }))).to.equal(true);
    expect(matches(prefix, event({ state: "initializing" }))).to.equal(false);
    const suffix = { detail: { FileName: [{ "anything-but": { suffix: ".txt" } }] } };
    expect(matches(suffix, event({ FileName: "notes.md" }))).to.equal(true);
    expect(matches(suffix, event({ FileName: "notes.txt" }))).to.equal(false);
  });

  it("AWS: anything-but ignoring case, for one value and for a list", () => {
    const one = {
      detail: { state: [{ "anything-but": { "equals-ignore-case": "initializing" } }] },
    };
    expect(matches(one, event({ state: "INITIALIZING" }))).to.equal(false);
    expect(matches(one, event({ state: "running" }))).to.equal(true);
    const list = {
      detail: {
        state: [{ "anything-but": { "equals-ignore-case": ["initializing", "stopped"] } }],
      },
    };
    expect(matches(list, event({ state: "Stopped" }))).to.equal(false);
    expect(matches(list, event({ state: "running" }))).to.equal(true);
  });

  it("AWS: anything-but with a wildcard, for one value and for a list", () => {
    const one = { detail: { FilePath: [{ "anything-but": { wildcard: "*/lib/*" } }] } };
    expect(matches(one, event({ FilePath: "/usr/lib/x.so" }))).to.equal(false);
    expect(matches(one, event({ FilePath: "/usr/bin/x" }))).to.equal(true);
    const list = {
      detail: { FilePath: [{ "anything-but": { wildcard: ["*/lib/*", "*/bin/*"] } }] },
    };
    expect(matches(list, event({ FilePath: "/usr/bin/x" }))).to.equal(false);
    expect(matches(list, event({ FilePath: "/etc/hosts" }))).to.equal(true);
  });

  it("AWS: numeric matching holds only when every field's condition holds", () => {
    const pattern = {
      detail: {
        "c-count": [{ numeric: [">", 0, "<=", 5] }],
        "d-count": [{ numeric: ["<", 10] }],
        "x-limit": [{ numeric: ["=", 3.018e2] }],
      },
    };
    expect(matches(pattern, event({ "c-count": 5, "d-count": 3, "x-limit": 301.8 }))).to.equal(
      true,
    );
    expect(matches(pattern, event({ "c-count": 0, "d-count": 3, "x-limit": 301.8 }))).to.equal(
      false,
    );
    expect(matches(pattern, event({ "c-count": 5, "d-count": 10, "x-limit": 301.8 }))).to.equal(
      false,
    );
  });

  it("AWS: IP address matching with a CIDR block", () => {
    const pattern = { detail: { sourceIPAddress: [{ cidr: "10.0.0.0/24" }] } };
    expect(matches(pattern, event({ sourceIPAddress: "10.0.0.255" }))).to.equal(true);
    expect(matches(pattern, event({ sourceIPAddress: "10.0.1.0" }))).to.equal(false);
  });

  it("AWS: exists true matches the event that has detail.state", () => {
    const pattern = { detail: { state: [{ exists: true }] } };
    expect(matches(pattern, ec2Pending)).to.equal(true);
    const noState = {
      "detail-type": ["EC2 Instance State-change Notification"],
      resources: ["arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341"],
      detail: { "c-count": { c1: 100 } },
    };
    expect(matches(pattern, noState)).to.equal(false);
  });

  it("AWS: exists false matches a missing field, and one that is not a leaf", () => {
    const pattern = { detail: { "c-count": [{ exists: false }] } };
    const base = {
      "detail-type": ["EC2 Instance State-change Notification"],
      resources: ["arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341"],
    };
    expect(matches(pattern, { ...base, detail: { state: ["initializing", "running"] } })).to.equal(
      true,
    );
    const intermediate = { state: ["initializing", "running"], "c-count": { c1: 100 } };
    expect(matches(pattern, { ...base, detail: intermediate })).to.equal(true);
    expect(matches(pattern, { ...base, detail: { "c-count": 3 } })).to.equal(false);
  });

  it("AWS: equals-ignore-case on detail-type", () => {
    const pattern = {
      "detail-type": [{ "equals-ignore-case": "ec2 instance state-change notification" }],
    };
    expect(matches(pattern, ec2Terminated)).to.equal(true);
    expect(matches(pattern, { ...ec2Terminated, "detail-type": "EC2 Spot" })).to.equal(false);
  });

  it("AWS: wildcard matching on an event bus ARN", () => {
    const pattern = { EventBusArn: [{ wildcard: "arn:aws:events:us-east-1:*:event-bus/*" }] };
    const arn = "arn:aws:events:us-east-1:123456789012:event-bus/orders";
    expect(matches(pattern, { EventBusArn: arn })).to.equal(true);
    expect(matches(pattern, { EventBusArn: arn.replace("us-east-1", "eu-west-1") })).to.equal(
      false,
    );
  });

  it("AWS: the complex example combining prefix, anything-but and numeric", () => {
    const pattern = {
      time: [{ prefix: "2017-10-02" }],
      detail: {
        state: [{ "anything-but": "initializing" }],
        "c-count": [{ numeric: [">", 0, "<=", 5] }],
        "d-count": [{ numeric: ["<", 10] }],
        "x-limit": [{ "anything-but": [100, 200, 300] }],
      },
    };
    const detail = { state: "running", "c-count": 5, "d-count": 3, "x-limit": 301.8 };
    expect(matches(pattern, event(detail))).to.equal(true);
    expect(matches(pattern, event({ ...detail, "x-limit": 300 }))).to.equal(false);
    expect(matches(pattern, event(detail, { time: "2017-10-03T00:00:00Z" }))).to.equal(false);
  });

  it("AWS: a key given twice is evaluated by its last occurrence", () => {
    const text =
      '{"detail":{"location":[{"prefix":"us-"}],"location":[{"anything-but":"us-east"}]}}';
    const pattern = JSON.parse(text) as EventPattern;
    expect(matches(pattern, event({ location: "eu-west" }))).to.equal(true);
    expect(matches(pattern, event({ location: "us-east" }))).to.equal(false);
  });

  it("AWS: $or matches when any of its alternatives does", () => {
    const pattern = {
      detail: {
        $or: [
          { "c-count": [{ numeric: [">", 0, "<=", 5] }] },
          { "d-count": [{ numeric: ["<", 10] }] },
          { "x-limit": [{ numeric: ["=", 3.018e2] }] },
        ],
      },
    };
    expect(matches(pattern, event({ "c-count": 99, "d-count": 99, "x-limit": 301.8 }))).to.equal(
      true,
    );
    expect(matches(pattern, event({ "c-count": 99, "d-count": 9 }))).to.equal(true);
    expect(matches(pattern, event({ "c-count": 99, "d-count": 99 }))).to.equal(false);
  });
});

describe("matchesEventPattern: value semantics", () => {
  it("is case-sensitive for literals, prefix and wildcard", () => {
    expect(matches({ source: ["AWS.EC2"] }, ec2Terminated)).to.equal(false);
    expect(matches({ source: [{ prefix: "AWS." }] }, ec2Terminated)).to.equal(false);
    expect(matches({ source: [{ wildcard: "AWS.*" }] }, ec2Terminated)).to.equal(false);
  });

  it('compares literals by JSON type: 5 is not "5", true is not "true"', () => {
    expect(matches({ n: [5] }, { n: "5" })).to.equal(false);
    expect(matches({ n: ["5"] }, { n: 5 })).to.equal(false);
    expect(matches({ b: [true] }, { b: "true" })).to.equal(false);
    expect(matches({ b: [false] }, { b: false })).to.equal(true);
  });

  it("requires every pattern field, ignoring fields the pattern does not name", () => {
    const pattern = { source: ["aws.ec2"], region: ["us-west-1"] };
    expect(matches(pattern, ec2Terminated)).to.equal(true);
    expect(matches({ ...pattern, account: ["999999999999"] }, ec2Terminated)).to.equal(false);
  });

  it("does not match a leaf pattern against an object value", () => {
    expect(matches({ detail: ["terminated"] }, ec2Terminated)).to.equal(false);
  });

  it("applies prefix, suffix, wildcard and equals-ignore-case to strings only", () => {
    const e = { n: 12, b: true };
    expect(matches({ n: [{ prefix: "1" }] }, e)).to.equal(false);
    expect(matches({ n: [{ suffix: "2" }] }, e)).to.equal(false);
    expect(matches({ n: [{ wildcard: "*" }] }, e)).to.equal(false);
    expect(matches({ b: [{ "equals-ignore-case": "TRUE" }] }, e)).to.equal(false);
  });

  it("applies numeric to JSON numbers only", () => {
    expect(matches({ n: [{ numeric: [">", 0] }] }, { n: "5" })).to.equal(false);
    expect(matches({ n: [{ numeric: [">=", 5] }] }, { n: 5 })).to.equal(true);
  });

  it("treats null as a present value and an empty array as absent", () => {
    expect(matches({ a: [{ exists: true }] }, { a: null })).to.equal(true);
    expect(matches({ a: [{ exists: false }] }, { a: null })).to.equal(false);
    expect(matches({ a: [{ exists: true }] }, { a: [] })).to.equal(false);
    expect(matches({ a: [{ exists: false }] }, { a: [] })).to.equal(true);
  });

  it("lets anything-but match null but not a missing field", () => {
    expect(matches({ a: [{ "anything-but": "x" }] }, { a: null })).to.equal(true);
    expect(matches({ a: [{ "anything-but": { suffix: ".txt" } }] }, { a: null })).to.equal(true);
    expect(matches({ a: [{ "anything-but": "x" }] }, { b: "y" })).to.equal(false);
  });

  it("lets anything-but match an array with at least one value outside the list", () => {
    expect(matches({ a: [{ "anything-but": "x" }] }, { a: ["x", "y"] })).to.equal(true);
    expect(matches({ a: [{ "anything-but": "x" }] }, { a: ["x", "x"] })).to.equal(false);
  });

  it("matches literals and operators mixed in one value list", () => {
    const pattern = { state: ["stopped", { prefix: "run" }, { exists: false }] };
    expect(matches(pattern, { state: "running" })).to.equal(true);
    expect(matches(pattern, { other: 1 })).to.equal(true);
    expect(matches(pattern, { state: "pending" })).to.equal(false);
  });

  it("reads wildcard escapes: \\* is an asterisk and \\\\ a backslash", () => {
    expect(matches({ a: [{ wildcard: "a\\*b" }] }, { a: "a*b" })).to.equal(true);
    expect(matches({ a: [{ wildcard: "a\\*b" }] }, { a: "axb" })).to.equal(false);
    expect(matches({ a: [{ wildcard: "C:\\\\*" }] }, { a: "C:\\temp" })).to.equal(true);
    expect(matches({ a: [{ wildcard: "*.png" }] }, { a: ".png" })).to.equal(true);
    expect(matches({ a: [{ wildcard: "a.c" }] }, { a: "abc" })).to.equal(false);
  });

  it("matches IPv6 blocks whatever the address spelling, and keeps families apart", () => {
    const pattern = { ip: [{ cidr: "2001:db8::/32" }] };
    expect(matches(pattern, { ip: "2001:0db8:0000:0000:0000:0000:0000:0001" })).to.equal(true);
    expect(matches(pattern, { ip: "2001:db9::1" })).to.equal(false);
    expect(matches({ ip: [{ cidr: "0.0.0.0/0" }] }, { ip: "::1" })).to.equal(false);
    expect(matches({ ip: [{ cidr: "0.0.0.0/0" }] }, { ip: "not an ip" })).to.equal(false);
  });
});

describe("matchesEventPattern: arrays of objects", () => {
  const employees = {
    employees: [
      { firstName: "John", lastName: "Doe" },
      { firstName: "Anna", lastName: "Smith" },
      { firstName: "Peter", lastName: "Jones" },
    ],
  };

  it("flattens an array of objects into its elements' fields", () => {
    expect(matches({ employees: { firstName: ["Anna"] } }, employees)).to.equal(true);
  });

  it("flattens nested arrays too", () => {
    const nested = {
      employees: [[employees.employees[0], employees.employees[1]], [employees.employees[2]]],
    };
    expect(matches({ employees: { firstName: ["Peter"] } }, nested)).to.equal(true);
  });

  it("requires fields under one array to match within the same element", () => {
    const pattern = { employees: { firstName: ["Anna"], lastName: ["Jones"] } };
    expect(matches(pattern, employees)).to.equal(false);
    expect(
      matches({ employees: { firstName: ["Anna"], lastName: ["Smith"] } }, employees),
    ).to.equal(true);
  });

  it("keeps the same-element rule across $or alternatives", () => {
    const pattern = {
      employees: { firstName: ["Anna"] },
      $or: [{ employees: { lastName: ["Jones"] } }, { department: ["sales"] }],
    };
    expect(matches(pattern, employees)).to.equal(false);
    expect(matches(pattern, { ...employees, department: "sales" })).to.equal(true);
  });

  it("checks exists false against every element of the array", () => {
    expect(matches({ employees: { middleName: [{ exists: false }] } }, employees)).to.equal(true);
    expect(matches({ employees: { lastName: [{ exists: false }] } }, employees)).to.equal(false);
  });
});

describe("matchesEventPattern: $or", () => {
  it("combines $or with sibling fields (source AND (metricName OR namespace))", () => {
    const pattern = {
      source: ["aws.cloudwatch"],
      $or: [
        { metricName: ["CPUUtilization", "ReadLatency"] },
        { namespace: ["AWS/EC2", "AWS/ES"] },
      ],
    };
    expect(matches(pattern, { source: "aws.cloudwatch", namespace: "AWS/ES" })).to.equal(true);
    expect(matches(pattern, { source: "aws.ec2", namespace: "AWS/ES" })).to.equal(false);
    expect(matches(pattern, { source: "aws.cloudwatch", namespace: "AWS/RDS" })).to.equal(false);
  });

  it("nests $or inside an alternative", () => {
    const pattern = {
      source: ["aws.cloudwatch"],
      $or: [
        { metricName: ["CPUUtilization"] },
        { metricType: ["MetricType"], $or: [{ metricId: [1234] }, { spaceId: [1000] }] },
      ],
    };
    const base = { source: "aws.cloudwatch", metricType: "MetricType" };
    expect(matches(pattern, { ...base, spaceId: 1000 })).to.equal(true);
    expect(matches(pattern, { ...base, spaceId: 1001 })).to.equal(false);
  });

  it("accepts $or at several levels at once", () => {
    const pattern = {
      $or: [{ metricName: ["CPUUtilization"] }, { namespace: ["AWS/EC2"] }],
      detail: { $or: [{ source: ["aws.cloudwatch"] }, { "detail-type": ["Alarm"] }] },
    };
    expect(matches(pattern, { namespace: "AWS/EC2", detail: { "detail-type": "Alarm" } })).to.equal(
      true,
    );
    expect(matches(pattern, { namespace: "AWS/EC2", detail: { source: "aws.ec2" } })).to.equal(
      false,
    );
  });
});

describe("matchesEventPattern: misuse", () => {
  it("throws InvalidEventPatternError listing the pattern's problems", () => {
    const bad = { source: "aws.kms" } as unknown as EventPattern;
    expect(() => matches(bad, ec2Terminated))
      .to.throw(InvalidEventPatternError)
      .with.property("problems")
      .that.deep.equals(["source: must be a value list (array) or a nested object, got string"]);
  });

  it("throws TypeError for an event that is not an object", () => {
    expect(() => matches({ source: ["aws.ec2"] }, "aws.ec2")).to.throw(
      TypeError,
      "event must be a JSON object, got string",
    );
  });
});
