// Patterns over the AWS KMS CloudTrail examples in test/fixtures/cloudtrail (see
// test/fixtures/SOURCES.md). Each row lists which of the twelve events below the pattern must
// match; it must match none of the others. The list is fixed so that new fixtures in the folder
// do not change these expectations.
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { matchesFilterPattern } from "../../tools/matching/filter-pattern";
import { CLOUDTRAIL_EXAMPLES } from "./fixture-names";

const DIR = path.join(__dirname, "..", "fixtures", "cloudtrail");

const ALL = CLOUDTRAIL_EXAMPLES;

const FIXTURES: ReadonlyMap<string, unknown> = new Map(
  ALL.map((name) => [name, JSON.parse(fs.readFileSync(path.join(DIR, `${name}.json`), "utf8"))]),
);

const SERVICE_EVENTS = ["DeleteExpiredKeyMaterial", "DeleteKey-cloudhsm-key-store", "RotateKey"];
const API_CALLS = ALL.filter((name) => !SERVICE_EVENTS.includes(name));
const READ_ONLY = ["Decrypt", "Encrypt", "GenerateDataKey", "ReEncrypt"];

const cases: [pattern: string, matches: readonly string[]][] = [
  ["{ $.eventSource = kms.amazonaws.com }", ALL],
  [
    "{ $.eventName = Disable* || $.eventName = Delete* }",
    ["DeleteExpiredKeyMaterial", "DeleteKey-cloudhsm-key-store", "DisableKey"],
  ],
  ["{ $.eventType = AwsServiceEvent }", SERVICE_EVENTS],
  ["{ $.userIdentity.type NOT EXISTS }", SERVICE_EVENTS],
  [
    '{ $.userIdentity.invokedBy = "AWS Internal" && $.userIdentity.type NOT EXISTS }',
    SERVICE_EVENTS,
  ],
  ['{ $.userIdentity.type = "IAMUser" && $.userIdentity.userName = Alice }', API_CALLS],
  ["{ $.userIdentity.arn = arn:aws:iam::111122223333:user/Alice }", API_CALLS],
  ["{ $.readOnly IS TRUE }", READ_ONLY],
  ["{ $.readOnly IS FALSE }", ALL.filter((name) => !READ_ONLY.includes(name))],
  [
    "{ $.responseElements IS NULL && $.eventName != Decrypt }",
    ALL.filter((n) => n !== "CreateGrant" && n !== "Decrypt"),
  ],
  ["{ $.requestParameters IS NULL }", SERVICE_EVENTS],
  ["{ $.requestParameters.keyId = arn:aws:kms:* }", ["CreateGrant", "Decrypt", "Encrypt"]],
  [
    "{ $.requestParameters.encryptionContext.Department = Engineering }",
    ["Decrypt", "Encrypt", "GenerateDataKey"],
  ],
  [
    '{ $.requestParameters.encryptionContext.Project = "Alpha" && $.awsRegion = us-west-2 }',
    ["Decrypt"],
  ],
  ["{ $.requestParameters.keySpec = AES_256 }", ["GenerateDataKey"]],
  ["{ $.requestParameters.operations[*] = RetireGrant }", ["CreateGrant"]],
  [
    "{ $.requestParameters.constraints.encryptionContextSubset.ContextKey1 = Value1 }",
    ["CreateGrant"],
  ],
  ["{ $.resources[1].ARN = *0987dcba-09fe-87dc-65ba-ab0987654321 }", ["ReEncrypt"]],
  ["{ $.resources[*].ARN = arn:aws:kms:us-west-2:111122223333:key/* }", ALL],
  [
    "{ $.resources[*].type NOT EXISTS }",
    ["CreateGrant", "DisableKey", "EnableKey", "Encrypt", "GenerateDataKey"],
  ],
  ["{ $.recipientAccountId = 111122223333 }", ALL],
  ["{ $.recipientAccountId != 111122223333 }", []],
  ["{ $.eventTime = %^2014-11-04T00:52% }", ["DisableKey", "EnableKey", "GenerateDataKey"]],
  [
    "{ $.additionalEventData.backingKeysDeletionStatus = %SUCCESS% }",
    ["DeleteKey-cloudhsm-key-store"],
  ],
  [
    "{ $.managementEvent IS TRUE && $.eventCategory = Management }",
    ["DeleteKey-cloudhsm-key-store"],
  ],
  ["{ $.serviceEventDetails.keyId = 1234abcd-* }", ["DeleteExpiredKeyMaterial", "RotateKey"]],
  // eventVersion is a string in CloudTrail, so a numeric comparison never matches it.
  ["{ $.eventVersion >= 1.05 }", []],
  [
    '{ $.eventVersion = "1.05" }',
    [
      "Decrypt",
      "DeleteExpiredKeyMaterial",
      "EnableKeyRotation",
      "ImportKeyMaterial",
      "ReEncrypt",
      "RotateKey",
    ],
  ],
];

describe("filter pattern: AWS KMS CloudTrail example events", () => {
  for (const [pattern, expected] of cases) {
    it(`${pattern} matches ${expected.length === ALL.length ? "all" : `[${expected.join(", ")}]`}`, () => {
      const matched = ALL.filter((name) => matchesFilterPattern(pattern, FIXTURES.get(name)));
      expect([...matched].sort()).to.deep.equal([...expected].sort());
    });
  }
});
