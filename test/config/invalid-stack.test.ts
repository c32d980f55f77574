import { expect } from "chai";
import { inspect } from "util";

import { ConfigError, parseStackConfig, type ConfigIssue } from "../../components/config";
import { keyArn, keyId } from "../builders";
import { encodeConfig, expectIssues, issuesOf, stackConfig, withGroups } from "./helpers";

const NAME_RULE = "lowercase letters, digits and dashes, starting with a letter";
const KNOWN_KEYS =
  "kms-monitoring:environment, kms-monitoring:trail, kms-monitoring:notifications, kms-monitoring:security, kms-monitoring:quotaAlarmPercent, kms-monitoring:usageBaseline, kms-monitoring:keyGroups, kms-monitoring:organization";
const CREATE_FIELDS =
  "mode, logRetentionDays, transitionToInfrequentAccessDays, transitionToGlacierDays, expireAfterDays, retainOnDelete, forceDestroy";
const LOG_GROUP_RULE =
  '1-512 letters, digits, underscores, hyphens, slashes, periods and #, not starting with "aws/"';
const NO_SECURITY_TARGET =
  "no target for tamper and delivery-failure alarms (expected emails, https, sqs or lambda in kms-monitoring:security or kms-monitoring:notifications)";

/** `raw` without `key`. */
function without(raw: Record<string, string>, key: string): Record<string, string> {
  const copy = { ...raw };
  delete copy[key];
  return copy;
}

interface Case {
  title: string;
  raw: () => Record<string, string>;
  options?: { region?: string; stack?: string };
  issues: ConfigIssue[];
}

const cases: Case[] = [
  {
    title: "an invalid e-mail address",
    raw: () => stackConfig({ "kms-monitoring:notifications": { emails: ["oncall@"] } }),
    issues: [
      { path: "notifications.emails[0]", message: '"oncall@" is not a valid e-mail address' },
    ],
  },
  {
    title: "an e-mail address listed twice",
    raw: () =>
      stackConfig({
        "kms-monitoring:notifications": { emails: ["oncall@example.com", "OnCall@example.com"] },
      }),
    issues: [
      {
        path: "notifications.emails[1]",
        message: '"OnCall@example.com" is listed twice (also at [0])',
      },
    ],
  },
  {
    title: "an http URL for the pager",
    raw: () =>
      stackConfig({
        "kms-monitoring:notifications": {
          emails: ["oncall@example.com"],
          critical: { https: ["http://pager.example.com/hooks/kms"] },
        },
      }),
    issues: [
      {
        path: "notifications.critical.https[0]",
        message:
          '"http://pager.example.com/hooks/kms" uses http; only https:// URLs are allowed, so alerts are encrypted in transit',
      },
    ],
  },
  {
    title: "a queue URL for SQS and a function ARN without function:",
    raw: () =>
      stackConfig({
        "kms-monitoring:security": {
          sqs: ["https://sqs.us-east-1.amazonaws.com/111122223333/security-findings"],
          lambda: ["arn:aws:lambda:us-east-1:111122223333:kms-alert-router"],
        },
      }),
    issues: [
      {
        path: "security.sqs[0]",
        message:
          '"https://sqs.us-east-1.amazonaws.com/111122223333/security-findings" is not an SQS queue ARN (expected arn:<partition>:sqs:<region>:<12-digit account>:<queue name>)',
      },
      {
        path: "security.lambda[0]",
        message:
          '"arn:aws:lambda:us-east-1:111122223333:kms-alert-router" is not a Lambda function ARN (expected arn:<partition>:lambda:<region>:<12-digit account>:function:<name>[:<version or alias>])',
      },
    ],
  },
  {
    title: "an SQS ARN of another partition",
    raw: () =>
      stackConfig({
        "kms-monitoring:security": { sqs: ["arn:aws-cn:sqs:cn-north-1:111122223333:findings"] },
      }),
    issues: [
      {
        path: "security.sqs[0]",
        message:
          '"arn:aws-cn:sqs:cn-north-1:111122223333:findings" is in partition aws-cn, but the stack\'s region is in partition aws',
      },
    ],
  },
  {
    title: "logRetentionDays 42",
    raw: () => stackConfig({ "kms-monitoring:trail": { logRetentionDays: 42 } }),
    issues: [
      {
        path: "trail.logRetentionDays",
        message:
          "42 is not a CloudWatch Logs retention period (expected one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)",
      },
    ],
  },
  {
    title: "quotaAlarmPercent 150",
    raw: () => stackConfig({ "kms-monitoring:quotaAlarmPercent": 150 }),
    issues: [
      {
        path: "quotaAlarmPercent",
        message: "150 is out of range (expected a number from 1 to 100)",
      },
    ],
  },
  {
    title: "a quotaAlarmPercent that is not a number",
    raw: () => stackConfig({ "kms-monitoring:quotaAlarmPercent": "eighty" }),
    issues: [
      {
        path: "quotaAlarmPercent",
        message: 'expected a number from 1 to 100; got the string "eighty"',
      },
    ],
  },
  {
    title: "usageBaseline out of its ranges, with a field it does not have",
    raw: () =>
      stackConfig({
        "kms-monitoring:usageBaseline": { bandWidth: 20, level: "key" },
      }),
    issues: [
      {
        path: "usageBaseline.bandWidth",
        message: "20 is out of range (expected a number from 0.5 to 10)",
      },
      {
        path: "usageBaseline.level",
        message:
          "unknown field (allowed: enabled, bandWidth, evaluationPeriods, datapointsToAlarm, periodSeconds)",
      },
    ],
  },
  {
    title: "a misspelt config key",
    raw: () =>
      encodeConfig({
        "aws:region": "us-east-1",
        "aws:profile": "payments-prod",
        "kms-monitoring:notifications": { emails: ["oncall@example.com"] },
        "kms-monitoring:keyGroup": [{ name: "payments", keys: [keyArn("us-east-1", keyId(1))] }],
      }),
    issues: [
      {
        path: "kms-monitoring:keyGroup",
        message: "unknown config key; did you mean kms-monitoring:keyGroups?",
      },
      {
        path: "keyGroups",
        message:
          "required; list the key groups to watch under kms-monitoring:keyGroups in Pulumi.<stack>.yaml (see docs/CONFIG.md)",
      },
    ],
  },
  {
    title: "an unknown config key near no known one",
    raw: () => stackConfig({ "kms-monitoring:pagerDuty": "https://events.pagerduty.com" }),
    issues: [
      {
        path: "kms-monitoring:pagerDuty",
        message: `unknown config key (known keys: ${KNOWN_KEYS})`,
      },
    ],
  },
  {
    title: "an invalid environment",
    raw: () => stackConfig({ "kms-monitoring:environment": "Prod_EU" }),
    issues: [
      {
        path: "environment",
        message: `"Prod_EU" is not a valid name (expected ${NAME_RULE}, e.g. "prod-eu")`,
      },
    ],
  },
  {
    title: "an environment of 17 characters",
    raw: () => stackConfig({ "kms-monitoring:environment": "production-europe" }),
    issues: [
      {
        path: "environment",
        message:
          '"production-europe" is 17 characters; at most 16 allowed (resource names are built as kmsmon-<env>-<group>-<suffix> and EventBridge rule names allow 64 characters)',
      },
    ],
  },
  {
    title: "a stack name that is no environment name",
    raw: () => stackConfig(),
    options: { stack: "Payments.Prod" },
    issues: [
      {
        path: "environment",
        message: `"Payments.Prod" is not a valid name (expected ${NAME_RULE}, e.g. "payments-prod"); it comes from the stack name, so set kms-monitoring:environment`,
      },
    ],
  },
  {
    title: "an existing trail without logGroupName",
    raw: () => stackConfig({ "kms-monitoring:trail": { mode: "existing" } }),
    issues: [
      {
        path: "trail.logGroupName",
        message:
          "required (expected the name of the CloudWatch log group the existing trail delivers to)",
      },
    ],
  },
  {
    title: "an existing trail with a field of the create mode",
    raw: () =>
      stackConfig({
        "kms-monitoring:trail": {
          mode: "existing",
          logGroupName: "aws-cloudtrail-logs-111122223333-org",
          logRetentionDays: 365,
        },
      }),
    issues: [
      {
        path: "trail.logRetentionDays",
        message:
          'only allowed with mode "create" or "organization" (allowed: mode, logGroupName, trailArn)',
      },
    ],
  },
  {
    title: "a created trail with a field of the existing mode",
    raw: () => stackConfig({ "kms-monitoring:trail": { logGroupName: "cloudtrail/main" } }),
    issues: [
      {
        path: "trail.logGroupName",
        message: `only allowed with mode "existing" (allowed: ${CREATE_FIELDS})`,
      },
    ],
  },
  {
    title: "an unknown trail mode",
    raw: () => stackConfig({ "kms-monitoring:trail": { mode: "import" } }),
    issues: [
      {
        path: "trail.mode",
        message: '"import" is not a trail mode (expected "create", "existing" or "organization")',
      },
    ],
  },
  {
    title: "an existing trail with a malformed log group and trail ARN",
    raw: () =>
      stackConfig({
        "kms-monitoring:trail": {
          mode: "existing",
          logGroupName: "cloudtrail logs",
          trailArn: "arn:aws:cloudtrail:us-east-1:111122223333:org-trail",
        },
      }),
    issues: [
      {
        path: "trail.logGroupName",
        message: `"cloudtrail logs" is not a CloudWatch Logs log group name (allowed: ${LOG_GROUP_RULE})`,
      },
      {
        path: "trail.trailArn",
        message:
          '"arn:aws:cloudtrail:us-east-1:111122223333:org-trail" is not a CloudTrail trail ARN (expected arn:<partition>:cloudtrail:<region>:<12-digit account>:trail/<name>)',
      },
    ],
  },
  {
    title: "S3 lifecycle days out of order",
    raw: () =>
      stackConfig({
        "kms-monitoring:trail": {
          transitionToInfrequentAccessDays: 60,
          transitionToGlacierDays: 75,
          expireAfterDays: 75,
        },
      }),
    issues: [
      {
        path: "trail.transitionToGlacierDays",
        message:
          "75 is too soon after transitionToInfrequentAccessDays (60) (expected at least 90: S3 keeps objects in Standard-IA for 30 days before Glacier)",
      },
      {
        path: "trail.expireAfterDays",
        message:
          "75 is not after transitionToGlacierDays (75) (expected 0 to keep logs forever, or more than 75)",
      },
    ],
  },
  {
    title: "no notification target at all",
    raw: () => without(stackConfig(), "kms-monitoring:notifications"),
    issues: [
      { path: "security", message: NO_SECURITY_TARGET },
      {
        path: "keyGroups[0].notify",
        message:
          'group "payments" has no notification target (expected emails, https, sqs or lambda in its notify or in kms-monitoring:notifications)',
      },
    ],
  },
  {
    title: "a group whose notify empties the stack's only list",
    raw: () =>
      withGroups([
        { name: "payments", keys: [keyArn("us-east-1", keyId(1))], notify: { emails: [] } },
        { name: "ledger", keys: [keyArn("us-east-1", keyId(2))] },
      ]),
    issues: [
      {
        path: "keyGroups[0].notify",
        message:
          'group "payments" has no notification target (expected emails, https, sqs or lambda in its notify or in kms-monitoring:notifications)',
      },
    ],
  },
  {
    title: "security targets set but empty",
    raw: () => stackConfig({ "kms-monitoring:security": { emails: [] } }),
    issues: [{ path: "security", message: NO_SECURITY_TARGET }],
  },
  {
    title: "an empty keyGroups",
    raw: () => withGroups([]),
    issues: [{ path: "keyGroups", message: "empty (expected at least one key group)" }],
  },
  {
    title: "keyGroups as a plain string",
    raw: () => stackConfig({ "kms-monitoring:keyGroups": "payments" }),
    issues: [
      { path: "keyGroups", message: 'expected a list of key groups; got the string "payments"' },
    ],
  },
  {
    title: "a missing aws:region",
    raw: () => without(stackConfig(), "aws:region"),
    issues: [
      {
        path: "aws:region",
        message: "required; set the stack's region with `pulumi config set aws:region <region>`",
      },
    ],
  },
  {
    title: "an invalid aws:region",
    raw: () => stackConfig({ "aws:region": "us-east" }),
    issues: [
      {
        path: "aws:region",
        message: '"us-east" is not an AWS region code (expected e.g. us-east-1, eu-west-1)',
      },
    ],
  },
];

describe("config: invalid stack settings", () => {
  for (const c of cases) {
    it(`rejects ${c.title}`, () => expectIssues(c.raw(), c.issues, c.options));
  }

  it("rejects keyGroups that is not valid JSON, quoting the parser", () => {
    const text = '[{"name": "payments", "keys": [';
    let parserMessage = "";
    try {
      JSON.parse(text);
    } catch (error) {
      parserMessage = (error as Error).message;
    }
    expectIssues(stackConfig({ "kms-monitoring:keyGroups": text }), [
      { path: "keyGroups", message: `not valid JSON (${parserMessage})` },
    ]);
  });

  it("rejects more than 1000 groups", () => {
    const groups = Array.from({ length: 1001 }, (_, g) => ({
      name: `group-${g}`,
      keys: [keyArn("us-east-1", keyId(g))],
    }));
    expectIssues(withGroups(groups), [
      {
        path: "keyGroups",
        message: "1,001 key groups; at most 1,000 per stack (split them over several stacks)",
      },
    ]);
  });

  it("rejects more than 10,000 keys in all", () => {
    const groups = [0, 1].map((g) => ({
      name: `group-${g}`,
      keys: Array.from({ length: 5000 }, (_, k) => keyArn("us-east-1", keyId(g * 5000 + k))),
    }));
    groups[1].keys.push(keyArn("us-east-1", keyId(10_000)));
    expectIssues(withGroups(groups), [
      {
        path: "keyGroups",
        message:
          "10,001 keys and aliases in all; at most 10,000 per stack (split them over several stacks)",
      },
    ]);
  });

  it("reports several problems together, in config order, with a summary line", () => {
    const raw = encodeConfig({
      "aws:region": "us-east-1",
      "kms-monitoring:environment": "Prod",
      "kms-monitoring:notifications": { emails: ["oncall@example.com"], https: ["http://x.test"] },
      "kms-monitoring:keyGroups": [
        { name: "payments", keys: [keyArn("us-east-1", keyId(1))], expiryWarningDays: 0 },
        { name: "payments", keys: [keyArn("us-east-1", keyId(1))], aliases: ["payments-key"] },
      ],
      "kms-monitoring:keyGroup": [],
    });
    const expected: ConfigIssue[] = [
      {
        path: "kms-monitoring:keyGroup",
        message: "unknown config key; did you mean kms-monitoring:keyGroups?",
      },
      {
        path: "environment",
        message: `"Prod" is not a valid name (expected ${NAME_RULE}, e.g. "prod")`,
      },
      {
        path: "notifications.https[0]",
        message:
          '"http://x.test" uses http; only https:// URLs are allowed, so alerts are encrypted in transit',
      },
      {
        path: "keyGroups[0].expiryWarningDays",
        message: "0 is out of range (expected an integer from 1 to 365)",
      },
      {
        path: "keyGroups[1].aliases[0]",
        message: '"payments-key" must start with "alias/" (e.g. "alias/payments-key")',
      },
      {
        path: "keyGroups[1].name",
        message: '"payments" is already the name of keyGroups[0] (group names must be unique)',
      },
      {
        path: "keyGroups[1].keys[0]",
        message: `key "${keyArn("us-east-1", keyId(1))}" is already in group "payments" (keyGroups[0].keys[0]); a key belongs to one group`,
      },
    ];
    expect(issuesOf(raw)).to.deep.equal(expected);
    try {
      parseStackConfig(raw);
      expect.fail("expected a ConfigError");
    } catch (error) {
      const lines = (error as ConfigError).message.split("\n");
      expect(lines[0]).to.equal(
        "Invalid kms-monitoring stack config, 7 problems (see docs/CONFIG.md):",
      );
      expect(lines.slice(1)).to.deep.equal(expected.map((i) => `  ${i.path}: ${i.message}`));
      // Marked as a Pulumi RunError, so the CLI prints the message without a stack trace.
      expect((error as ConfigError).__pulumiRunError).to.equal(true);
    }
  });

  it("inspects as its stack text, which Pulumi's runner prints without util.inspect's walk", () => {
    const error = new ConfigError([{ path: "environment", message: "is empty" }]);
    // A stack with a frame of the SDK's source-mapped files, which loops util.inspect on Node
    // releases with nodejs/node#64011.
    error.stack = `${error.message}\n    at f (/app/node_modules/@pulumi/output.ts:1:1)`;
    expect(inspect(error, { colors: true })).to.equal(error.stack);
  });
});
