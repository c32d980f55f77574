import { expect } from "chai";

import {
  parseStackConfig,
  type NotificationRouting,
  type NotificationTargets,
} from "../../components/config";
import { keyArn, keyId } from "../builders";
import { encodeConfig, stackConfig, withGroups } from "./helpers";

const PAGER = "https://events.pagerduty.com/integration/0a1b2c3d4e5f60718293a4b5c6d7e8f9/enqueue";

function targets(partial: Partial<NotificationTargets>): NotificationTargets {
  return { emails: [], https: [], sqs: [], lambda: [], ...partial };
}

/** The routing of the only group of a stack with `notifications` and the group's `notify`. */
function routingOf(notifications: unknown, notify?: unknown): NotificationRouting {
  const group = {
    name: "payments",
    keys: [keyArn("us-east-1", keyId(1))],
    ...(notify ? { notify } : {}),
  };
  const model = parseStackConfig(
    withGroups([group], { "kms-monitoring:notifications": notifications }),
  );
  return model.keyGroups[0].notify;
}

describe("config: defaults", () => {
  it("fills every default of a minimal config", () => {
    const model = parseStackConfig(stackConfig());
    const oncall = targets({ emails: ["kms-alerts@example.com"] });
    expect(model).to.deep.equal({
      environment: "dev",
      region: "us-east-1",
      trail: {
        mode: "create",
        logRetentionDays: 400,
        transitionToInfrequentAccessDays: 30,
        transitionToGlacierDays: 90,
        expireAfterDays: 0,
        retainOnDelete: true,
        forceDestroy: false,
      },
      notifications: { default: oncall },
      security: oncall,
      quotaAlarmPercent: 80,
      usageBaseline: {
        enabled: true,
        bandWidth: 2,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        periodSeconds: 3600,
      },
      keyGroups: [
        {
          name: "payments",
          description: "",
          keys: [
            {
              arn: keyArn("us-east-1", keyId(1)),
              partition: "aws",
              region: "us-east-1",
              accountId: "111122223333",
              keyId: "1234abcd-12ab-34cd-56ef-000000000001",
            },
          ],
          aliases: [],
          tags: {},
          tagRegions: [],
          importedKeys: [],
          expiryWarningDays: 30,
          notify: { default: oncall },
          baseline: {
            enabled: false,
            level: "group",
            bandWidth: 2,
            evaluationPeriods: 3,
            datapointsToAlarm: 3,
            periodSeconds: 3600,
          },
        },
      ],
    });
  });

  it("takes the environment from the stack name when unset", () => {
    expect(parseStackConfig(stackConfig(), { stack: "staging" }).environment).to.equal("staging");
  });

  it("takes the region from options when aws:region is unset, and aws:region first", () => {
    const raw = stackConfig();
    expect(parseStackConfig(raw, { region: "eu-west-1" }).region).to.equal("us-east-1");
    delete raw["aws:region"];
    expect(parseStackConfig(raw, { region: "eu-west-1" }).region).to.equal("eu-west-1");
  });

  it("ignores other namespaces", () => {
    const raw = stackConfig({ "aws:profile": "payments-prod", "other-project:keyGroups": "x" });
    expect(parseStackConfig(raw).keyGroups).to.have.length(1);
  });

  it("defaults datapointsToAlarm to evaluationPeriods", () => {
    const group = {
      name: "payments",
      keys: [keyArn("us-east-1", keyId(1))],
      baseline: { evaluationPeriods: 2 },
    };
    expect(parseStackConfig(withGroups([group])).keyGroups[0].baseline).to.deep.equal({
      enabled: false,
      level: "group",
      bandWidth: 2,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      periodSeconds: 3600,
    });
  });

  it("accepts a fractional quotaAlarmPercent given as the CLI's string", () => {
    const raw = stackConfig();
    raw["kms-monitoring:quotaAlarmPercent"] = "87.5";
    expect(parseStackConfig(raw).quotaAlarmPercent).to.equal(87.5);
  });
});

describe("config: key selection", () => {
  it("gives aliases the stack's region, or the region of an alias ARN", () => {
    const group = {
      name: "customer-data",
      aliases: [
        "alias/customer-data/rds",
        "arn:aws:kms:eu-central-1:111122223333:alias/customer-data/rds",
      ],
    };
    expect(parseStackConfig(withGroups([group])).keyGroups[0].aliases).to.deep.equal([
      { name: "alias/customer-data/rds", region: "us-east-1" },
      { name: "alias/customer-data/rds", region: "eu-central-1" },
    ]);
  });

  it("searches tagged keys in the stack's region unless tagRegions is set", () => {
    const model = parseStackConfig(
      withGroups([
        { name: "restricted", tags: { "data-classification": "restricted" } },
        { name: "pii", tags: { pii: "true", owner: "data" }, tagRegions: ["eu-west-1"] },
      ]),
    );
    expect(model.keyGroups.map((g) => [g.tags, g.tagRegions])).to.deep.equal([
      [{ "data-classification": "restricted" }, ["us-east-1"]],
      [{ pii: "true", owner: "data" }, ["eu-west-1"]],
    ]);
  });

  it("accepts multi-Region keys and keys of other regions of the partition", () => {
    const mrk = "arn:aws:kms:ap-southeast-2:111122223333:key/mrk-0123456789abcdef0123456789abcdef";
    const model = parseStackConfig(withGroups([{ name: "payments", keys: [mrk] }]));
    expect(model.keyGroups[0].keys[0]).to.deep.include({
      region: "ap-southeast-2",
      keyId: "mrk-0123456789abcdef0123456789abcdef",
    });
  });

  it("accepts China-partition keys in a China stack", () => {
    const arn =
      "arn:aws-cn:kms:cn-northwest-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const model = parseStackConfig(
      withGroups([{ name: "payments", keys: [arn] }], { "aws:region": "cn-north-1" }),
    );
    expect(model.keyGroups[0].keys[0].partition).to.equal("aws-cn");
  });
});

describe("config: notification routing (a group's notify replaces the stack's lists it sets)", () => {
  const stack = {
    emails: ["kms-oncall@example.com"],
    sqs: ["arn:aws:sqs:us-east-1:111122223333:kms-alerts"],
    critical: { emails: ["kms-oncall@example.com"], https: [PAGER] },
  };

  it("inherits everything when notify is unset", () => {
    expect(routingOf(stack)).to.deep.equal({
      default: targets({ emails: stack.emails, sqs: stack.sqs }),
      critical: targets(stack.critical),
    });
  });

  it("replaces only the lists notify sets, an empty list included", () => {
    const notify = { emails: ["payments@example.com"], sqs: [] };
    expect(routingOf(stack, notify)).to.deep.equal({
      default: targets({ emails: ["payments@example.com"] }),
      critical: targets(stack.critical),
    });
  });

  it("merges critical list by list over the stack's critical", () => {
    const notify = { critical: { emails: ["payments-oncall@example.com"] } };
    expect(routingOf(stack, notify)).to.deep.equal({
      default: targets({ emails: stack.emails, sqs: stack.sqs }),
      critical: targets({ emails: ["payments-oncall@example.com"], https: [PAGER] }),
    });
  });

  it("drops a critical routing left empty, so critical signals go to the default targets", () => {
    const notify = { critical: { emails: [], https: [] } };
    expect(routingOf(stack, notify)).to.deep.equal({
      default: targets({ emails: stack.emails, sqs: stack.sqs }),
    });
  });

  it("adds a group's critical routing when the stack has none", () => {
    const notify = { critical: { https: [PAGER] } };
    expect(routingOf({ emails: ["kms-oncall@example.com"] }, notify)).to.deep.equal({
      default: targets({ emails: ["kms-oncall@example.com"] }),
      critical: targets({ https: [PAGER] }),
    });
  });

  it("lets groups bring their own targets when the stack has no defaults", () => {
    const raw = encodeConfig({
      "aws:region": "us-east-1",
      "kms-monitoring:security": { emails: ["security@example.com"] },
      "kms-monitoring:keyGroups": [
        {
          name: "payments",
          keys: [keyArn("us-east-1", keyId(1))],
          notify: { emails: ["payments@example.com"] },
        },
      ],
    });
    const model = parseStackConfig(raw);
    expect(model.notifications).to.deep.equal({ default: targets({}) });
    expect(model.keyGroups[0].notify).to.deep.equal({
      default: targets({ emails: ["payments@example.com"] }),
    });
  });

  it("accepts Lambda function ARNs with and without a qualifier", () => {
    const lambda = [
      "arn:aws:lambda:us-east-1:111122223333:function:kms-router",
      "arn:aws:lambda:us-east-1:111122223333:function:kms-router:7",
      "arn:aws:lambda:eu-west-1:111122223333:function:kms-router:$LATEST",
    ];
    expect(routingOf({ lambda }).default.lambda).to.deep.equal(lambda);
  });
});

describe("config: trail modes", () => {
  it("models an existing trail without a trailArn", () => {
    const raw = stackConfig({
      "kms-monitoring:trail": { mode: "existing", logGroupName: "aws-cloudtrail-logs/org" },
    });
    expect(parseStackConfig(raw).trail).to.deep.equal({
      mode: "existing",
      logGroupName: "aws-cloudtrail-logs/org",
    });
  });

  it("models an existing trail with its ARN", () => {
    const trailArn = "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail";
    const raw = stackConfig({
      "kms-monitoring:trail": { mode: "existing", logGroupName: "org-trail", trailArn },
    });
    expect(parseStackConfig(raw).trail).to.deep.equal({
      mode: "existing",
      logGroupName: "org-trail",
      trailArn,
    });
  });

  it("models an organization trail with the created trail's defaults", () => {
    const raw = stackConfig({
      "kms-monitoring:trail": { mode: "organization", expireAfterDays: 3653 },
    });
    expect(parseStackConfig(raw).trail).to.deep.equal({
      mode: "organization",
      logRetentionDays: 400,
      transitionToInfrequentAccessDays: 30,
      transitionToGlacierDays: 90,
      expireAfterDays: 3653,
      retainOnDelete: true,
      forceDestroy: false,
    });
  });
});

describe("config: scale", () => {
  it("parses 1,000 groups of 10 keys each", () => {
    const groups = Array.from({ length: 1000 }, (_, g) => ({
      name: `team-${g}`,
      keys: Array.from({ length: 10 }, (_, k) => keyArn("us-east-1", keyId(g * 10 + k))),
    }));
    const model = parseStackConfig(withGroups(groups));
    expect(model.keyGroups).to.have.length(1000);
    expect(model.keyGroups.reduce((sum, g) => sum + g.keys.length, 0)).to.equal(10_000);
    expect(new Set(model.keyGroups.map((g) => g.name)).size).to.equal(1000);
  });
});
