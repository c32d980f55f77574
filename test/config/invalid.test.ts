import { expect } from "chai";

import { parseStackConfig, type ConfigIssue } from "../../components/config";
import { keyArn, keyId } from "../builders";
import { expectIssues, issuesOf, withGroups } from "./helpers";

const KEY_FORM = "arn:<partition>:kms:<region>:<12-digit account>:key/<key id>";
const NAME_RULE = "lowercase letters, digits and dashes, starting with a letter";
const UUID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const GROUP_FIELDS =
  "name, description, keys, aliases, tags, tagRegions, importedKeys, expiryWarningDays, notify, baseline";

/** One invalid configuration and exactly the issues it must give. */
interface Case {
  title: string;
  raw: () => Record<string, string>;
  options?: { region?: string; stack?: string };
  issues: ConfigIssue[];
}

/** A config whose single group is `group` plus a valid key unless it sets its own selectors. */
function oneGroup(group: Record<string, unknown>, config: Record<string, unknown> = {}) {
  return withGroups([{ name: "payments", ...group }], config);
}

const keyCases: Case[] = [
  {
    title: "a malformed key ARN (short account)",
    raw: () => oneGroup({ keys: [`arn:aws:kms:us-east-1:1111:key/${UUID}`] }),
    issues: [
      {
        path: "keyGroups[0].keys[0]",
        message: `"arn:aws:kms:us-east-1:1111:key/${UUID}" has an invalid account ID "1111" (expected 12 digits)`,
      },
    ],
  },
  {
    title: "an ARN of another service in keys",
    raw: () => oneGroup({ keys: ["arn:aws:s3:::payments-exports"] }),
    issues: [
      {
        path: "keyGroups[0].keys[0]",
        message: `"arn:aws:s3:::payments-exports" is not a KMS key ARN (expected ${KEY_FORM})`,
      },
    ],
  },
  {
    title: "an uppercase key ID",
    raw: () => oneGroup({ keys: [`arn:aws:kms:us-east-1:111122223333:key/${UUID.toUpperCase()}`] }),
    issues: [
      {
        path: "keyGroups[0].keys[0]",
        message: `"arn:aws:kms:us-east-1:111122223333:key/${UUID.toUpperCase()}" has an invalid key ID "${UUID.toUpperCase()}" (expected a lowercase UUID, or mrk- and 32 lowercase hex digits)`,
      },
    ],
  },
  {
    title: "a key ARN of another partition",
    raw: () => oneGroup({ keys: [`arn:aws-cn:kms:cn-north-1:111122223333:key/${UUID}`] }),
    issues: [
      {
        path: "keyGroups[0].keys[0]",
        message: `"arn:aws-cn:kms:cn-north-1:111122223333:key/${UUID}" is in partition aws-cn, but the stack's region is in partition aws`,
      },
    ],
  },
  {
    title: "a key ARN whose region is not in its partition",
    raw: () => oneGroup({ keys: [`arn:aws:kms:cn-north-1:111122223333:key/${UUID}`] }),
    issues: [
      {
        path: "keyGroups[0].keys[0]",
        message: `"arn:aws:kms:cn-north-1:111122223333:key/${UUID}" names region cn-north-1, which is not in partition aws`,
      },
    ],
  },
  {
    title: "an alias ARN in keys",
    raw: () => oneGroup({ keys: ["arn:aws:kms:us-east-1:111122223333:alias/payments"] }),
    issues: [
      {
        path: "keyGroups[0].keys[0]",
        message: `"arn:aws:kms:us-east-1:111122223333:alias/payments" is an alias ARN; list it under aliases (keys takes key ARNs only)`,
      },
    ],
  },
  {
    title: "an alias name in keys",
    raw: () => oneGroup({ keys: ["alias/payments"] }),
    issues: [
      {
        path: "keyGroups[0].keys[0]",
        message: `"alias/payments" is an alias; list it under aliases (keys takes key ARNs only)`,
      },
    ],
  },
  {
    title: "a bare key ID in keys, in a GovCloud stack",
    raw: () => oneGroup({ keys: [UUID] }, { "aws:region": "us-gov-west-1" }),
    issues: [
      {
        path: "keyGroups[0].keys[0]",
        message: `"${UUID}" is a bare key ID; give the key ARN (arn:aws-us-gov:kms:us-gov-west-1:<12-digit account>:key/${UUID})`,
      },
    ],
  },
  {
    title: "a key in two groups",
    raw: () =>
      withGroups([
        {
          name: "payments",
          keys: [
            keyArn("us-east-1", keyId(1)),
            keyArn("us-east-1", keyId(2)),
            keyArn("us-east-1", keyId(3)),
          ],
        },
        { name: "ledger", keys: [keyArn("us-east-1", keyId(4))] },
        { name: "reporting", keys: [keyArn("us-east-1", keyId(5))] },
        { name: "exports", keys: [keyArn("us-east-1", keyId(6)), keyArn("us-east-1", keyId(3))] },
      ]),
    issues: [
      {
        path: "keyGroups[3].keys[1]",
        message: `key "${keyArn("us-east-1", keyId(3))}" is already in group "payments" (keyGroups[0].keys[2]); a key belongs to one group`,
      },
    ],
  },
  {
    title: "a key listed twice in one group",
    raw: () =>
      oneGroup({
        keys: [
          keyArn("us-east-1", keyId(1)),
          keyArn("us-east-1", keyId(2)),
          keyArn("us-east-1", keyId(1)),
        ],
      }),
    issues: [
      {
        path: "keyGroups[0].keys[2]",
        message: `"${keyArn("us-east-1", keyId(1))}" is listed twice (also at keyGroups[0].keys[0])`,
      },
    ],
  },
];

const aliasCases: Case[] = [
  {
    title: "an alias without alias/",
    raw: () => oneGroup({ aliases: ["payments-key"] }),
    issues: [
      {
        path: "keyGroups[0].aliases[0]",
        message: `"payments-key" must start with "alias/" (e.g. "alias/payments-key")`,
      },
    ],
  },
  {
    title: "an AWS managed alias",
    raw: () => oneGroup({ aliases: ["alias/aws/s3"] }),
    issues: [
      {
        path: "keyGroups[0].aliases[0]",
        message: `"alias/aws/s3" is the alias of an AWS managed key (alias/aws/...); only customer managed keys can be watched`,
      },
    ],
  },
  {
    title: "a key ARN in aliases",
    raw: () => oneGroup({ aliases: [keyArn("us-east-1", keyId(1))] }),
    issues: [
      {
        path: "keyGroups[0].aliases[0]",
        message: `"${keyArn("us-east-1", keyId(1))}" is a key ARN; list it under keys (aliases takes alias/<name> or alias ARNs)`,
      },
    ],
  },
  {
    title: "the same alias in two groups (by name and by ARN)",
    raw: () =>
      withGroups([
        { name: "payments", aliases: ["alias/payments"] },
        { name: "ledger", aliases: ["arn:aws:kms:us-east-1:111122223333:alias/payments"] },
      ]),
    issues: [
      {
        path: "keyGroups[1].aliases[0]",
        message: `alias alias/payments in us-east-1 is already in group "payments" (keyGroups[0].aliases[0]); a key belongs to one group`,
      },
    ],
  },
];

const groupCases: Case[] = [
  {
    title: "duplicate group names",
    raw: () =>
      withGroups([
        { name: "payments", keys: [keyArn("us-east-1", keyId(1))] },
        { name: "ledger", keys: [keyArn("us-east-1", keyId(2))] },
        { name: "payments", keys: [keyArn("us-east-1", keyId(3))] },
      ]),
    issues: [
      {
        path: "keyGroups[2].name",
        message: `"payments" is already the name of keyGroups[0] (group names must be unique)`,
      },
    ],
  },
  {
    title: "a group that selects no key",
    raw: () => oneGroup({ description: "nothing selected" }),
    issues: [
      {
        path: "keyGroups[0]",
        message: `group "payments" selects no key (expected at least one of keys, aliases or tags)`,
      },
    ],
  },
  {
    title: "a group whose selectors are all empty",
    raw: () => oneGroup({ keys: [], aliases: [], tags: {} }),
    issues: [
      {
        path: "keyGroups[0]",
        message: `group "payments" selects no key (expected at least one of keys, aliases or tags)`,
      },
    ],
  },
  {
    title: "a group name too long",
    raw: () =>
      oneGroup({
        name: "payments-platform-tokenisation-keys",
        keys: [keyArn("us-east-1", keyId(1))],
      }),
    issues: [
      {
        path: "keyGroups[0].name",
        message:
          '"payments-platform-tokenisation-keys" is 35 characters; at most 32 allowed (resource names are built as kmsmon-<env>-<group>-<suffix> and EventBridge rule names allow 64 characters)',
      },
    ],
  },
  {
    title: "an uppercase group name",
    raw: () => oneGroup({ name: "Payments", keys: [keyArn("us-east-1", keyId(1))] }),
    issues: [
      {
        path: "keyGroups[0].name",
        message: `"Payments" is not a valid name (expected ${NAME_RULE}, e.g. "payments")`,
      },
    ],
  },
  {
    title: "a group name with a trailing dash",
    raw: () => oneGroup({ name: "payments-", keys: [keyArn("us-east-1", keyId(1))] }),
    issues: [
      {
        path: "keyGroups[0].name",
        message: `"payments-" ends with a dash (expected ${NAME_RULE}, at most 32 characters)`,
      },
    ],
  },
  {
    title: "a group name with a double dash",
    raw: () => oneGroup({ name: "payments--eu", keys: [keyArn("us-east-1", keyId(1))] }),
    issues: [
      {
        path: "keyGroups[0].name",
        message: `"payments--eu" contains "--" (expected ${NAME_RULE}, at most 32 characters)`,
      },
    ],
  },
  {
    title: "a group without a name",
    raw: () => withGroups([{ keys: [keyArn("us-east-1", keyId(1))] }]),
    issues: [
      {
        path: "keyGroups[0].name",
        message: `required (expected a name of ${NAME_RULE})`,
      },
    ],
  },
  {
    title: "expiryWarningDays 0 and 400",
    raw: () =>
      withGroups([
        { name: "payments", keys: [keyArn("us-east-1", keyId(1))], expiryWarningDays: 0 },
        { name: "ledger", keys: [keyArn("us-east-1", keyId(2))], expiryWarningDays: 400 },
      ]),
    issues: [
      {
        path: "keyGroups[0].expiryWarningDays",
        message: "0 is out of range (expected an integer from 1 to 365)",
      },
      {
        path: "keyGroups[1].expiryWarningDays",
        message: "400 is out of range (expected an integer from 1 to 365)",
      },
    ],
  },
  {
    title: "a fractional expiryWarningDays",
    raw: () => oneGroup({ keys: [keyArn("us-east-1", keyId(1))], expiryWarningDays: 7.5 }),
    issues: [
      {
        path: "keyGroups[0].expiryWarningDays",
        message: "7.5 is not a whole number (expected an integer from 1 to 365)",
      },
    ],
  },
  {
    title: "an unknown group field that belongs in notify",
    raw: () =>
      oneGroup({ keys: [keyArn("us-east-1", keyId(1))], emails: ["payments@example.com"] }),
    issues: [
      {
        path: "keyGroups[0].emails",
        message: `unknown field; did you mean notify.emails? (allowed: ${GROUP_FIELDS})`,
      },
    ],
  },
  {
    title: "a misspelt notify field",
    raw: () =>
      oneGroup({
        keys: [keyArn("us-east-1", keyId(1))],
        notify: { email: ["payments@example.com"] },
      }),
    issues: [
      {
        path: "keyGroups[0].notify.email",
        message:
          "unknown field; did you mean emails? (allowed: emails, https, sqs, lambda, critical)",
      },
    ],
  },
  {
    title: "tagRegions without tags",
    raw: () => oneGroup({ keys: [keyArn("us-east-1", keyId(1))], tagRegions: ["us-east-1"] }),
    issues: [
      {
        path: "keyGroups[0].tagRegions",
        message: "only allowed with tags (tagRegions lists the regions searched for tagged keys)",
      },
    ],
  },
  {
    title: "a tag region of another partition",
    raw: () => oneGroup({ tags: { team: "payments" }, tagRegions: ["us-east-1", "cn-north-1"] }),
    issues: [
      {
        path: "keyGroups[0].tagRegions[1]",
        message: "cn-north-1 is in partition aws-cn, but the stack's region is in partition aws",
      },
    ],
  },
  {
    title: "a reserved tag key and a tag value that is not a string",
    raw: () =>
      oneGroup({ tags: { "aws:cloudformation:stack-name": "payments", "cost-center": 42 } }),
    issues: [
      {
        path: 'keyGroups[0].tags["aws:cloudformation:stack-name"]',
        message: `tag key "aws:cloudformation:stack-name" starts with "aws:", which AWS reserves for its own tags`,
      },
      {
        path: 'keyGroups[0].tags["cost-center"]',
        message: "expected a tag value (a string); got the number 42",
      },
    ],
  },
  {
    title: "importedKeys not in keys",
    raw: () =>
      oneGroup({
        keys: [keyArn("us-east-1", keyId(1))],
        importedKeys: [keyArn("us-east-1", keyId(1)), keyArn("us-east-1", keyId(2))],
      }),
    issues: [
      {
        path: "keyGroups[0].importedKeys[1]",
        message: `"${keyArn("us-east-1", keyId(2))}" is not in this group's keys (importedKeys flags keys listed under keys)`,
      },
    ],
  },
  {
    title: "a baseline level that is neither group nor key",
    raw: () =>
      withGroups([
        { name: "payments", keys: [keyArn("us-east-1", keyId(1))], baseline: { level: "chunk" } },
      ]),
    issues: [
      {
        path: "keyGroups[0].baseline.level",
        message: '"chunk" is not allowed (expected "group" or "key")',
      },
    ],
  },
  {
    title: "baseline out of its ranges",
    raw: () =>
      oneGroup({
        keys: [keyArn("us-east-1", keyId(1))],
        baseline: {
          bandWidth: 0.1,
          evaluationPeriods: 4,
          datapointsToAlarm: 5,
          periodSeconds: 120,
        },
      }),
    issues: [
      {
        path: "keyGroups[0].baseline.bandWidth",
        message: "0.1 is out of range (expected a number from 0.5 to 10)",
      },
      {
        path: "keyGroups[0].baseline.periodSeconds",
        message: "120 is not a baseline period (expected one of 60, 300, 900, 3600, 21600, 86400)",
      },
      {
        path: "keyGroups[0].baseline.datapointsToAlarm",
        message: "5 is more than evaluationPeriods (4) (expected an integer from 1 to 4)",
      },
    ],
  },
  {
    title: "values of the wrong type",
    raw: () =>
      withGroups([
        {
          name: "payments",
          keys: keyArn("us-east-1", keyId(1)),
          expiryWarningDays: "30",
          baseline: { enabled: "yes" },
        },
        "ledger",
      ]),
    issues: [
      {
        path: "keyGroups[0].keys",
        message: `expected a list of KMS key ARNs; got the string "${keyArn("us-east-1", keyId(1))}"`,
      },
      {
        path: "keyGroups[0].expiryWarningDays",
        message: 'expected an integer from 1 to 365; got the string "30"',
      },
      {
        path: "keyGroups[0].baseline.enabled",
        message: 'expected true or false; got the string "yes"',
      },
      {
        path: "keyGroups[1]",
        message: `expected a key group with fields ${GROUP_FIELDS}; got the string "ledger"`,
      },
    ],
  },
];

describe("config: invalid key and alias selection", () => {
  for (const c of [...keyCases, ...aliasCases]) {
    it(`rejects ${c.title}`, () => expectIssues(c.raw(), c.issues, c.options));
  }
});

describe("config: invalid key groups", () => {
  for (const c of groupCases) {
    it(`rejects ${c.title}`, () => expectIssues(c.raw(), c.issues, c.options));
  }

  it("accepts a 32-character group name and rejects a 33-character one", () => {
    const name = `p${"a".repeat(32)}`;
    expect(
      issuesOf(oneGroup({ name, keys: [keyArn("us-east-1", keyId(1))] })).map((i) => i.path),
    ).to.deep.equal(["keyGroups[0].name"]);
    const model = parseStackConfig(
      oneGroup({ name: name.slice(1), keys: [keyArn("us-east-1", keyId(1))] }),
    );
    expect(model.keyGroups[0].name).to.have.length(32);
  });
});
