import { expect } from "chai";

import {
  parseStackConfig,
  type KeyRef,
  type NotificationTargets,
  type StackModel,
} from "../../components/config";
import { ACCOUNT, keyArn } from "../builders";
import { loadStackConfig } from "./helpers";

function key(region: string, keyId: string): KeyRef {
  return {
    arn: keyArn(region, keyId),
    partition: "aws",
    region,
    accountId: ACCOUNT,
    keyId,
  };
}

function targets(partial: Partial<NotificationTargets>): NotificationTargets {
  return { emails: [], https: [], sqs: [], lambda: [], ...partial };
}

const DEFAULT_BASELINE = {
  enabled: false,
  level: "group" as const,
  bandWidth: 2,
  evaluationPeriods: 3,
  datapointsToAlarm: 3,
  periodSeconds: 3600,
};

describe("config: example stacks", () => {
  it("parses Pulumi.dev.yaml with defaults applied", () => {
    const devDefault = targets({ emails: ["kms-alerts-dev@example.com"] });
    const group = {
      aliases: [],
      tags: {},
      tagRegions: [],
      importedKeys: [],
      notify: { default: devDefault },
      baseline: DEFAULT_BASELINE,
    };
    const expected: StackModel = {
      environment: "dev",
      region: "us-east-1",
      trail: {
        mode: "create",
        logRetentionDays: 30,
        transitionToInfrequentAccessDays: 30,
        transitionToGlacierDays: 90,
        expireAfterDays: 0,
        retainOnDelete: false,
        forceDestroy: false,
      },
      notifications: { default: devDefault },
      security: devDefault,
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
          ...group,
          name: "payments",
          description: "Card tokenisation and settlement keys (dev)",
          keys: [
            key("us-east-1", "0f6c2a8e-3b1d-4c7a-9e52-7d4b1a9c3e10"),
            key("us-east-1", "5b9e7d21-8c4f-4a36-b0e3-2f1d6c8a7b54"),
          ],
          expiryWarningDays: 30,
        },
        {
          ...group,
          name: "platform-secrets",
          description: "Secrets Manager and Parameter Store keys (dev)",
          keys: [key("us-east-1", "c2d84f17-6a90-4e3b-8f25-91e7b3d0a6c8")],
          expiryWarningDays: 14,
        },
      ],
    };
    expect(parseStackConfig(loadStackConfig("dev"))).to.deep.equal(expected);
  });

  it("parses Pulumi.prod.yaml: regions, aliases, tags, imported keys, routing", () => {
    const pager =
      "https://events.pagerduty.com/integration/4f1c9b2e7a6d4e08b3c5a9f0d2e8b741/enqueue";
    const stackDefault = targets({ emails: ["kms-oncall@example.com"] });
    const stackCritical = targets({ emails: ["kms-oncall@example.com"], https: [pager] });
    const noSelection = { aliases: [], tags: {}, tagRegions: [], importedKeys: [] };
    const mrk = "mrk-6e2b9c4d1a8f47e3b5c0d9a2e7f4b1c8";
    const imported = key("eu-west-1", "3a7c5e91-2b4d-4f68-8e1a-c6d0b9f2e473");
    const expected: StackModel = {
      environment: "prod",
      region: "us-east-1",
      trail: {
        mode: "create",
        logRetentionDays: 400,
        transitionToInfrequentAccessDays: 30,
        transitionToGlacierDays: 90,
        expireAfterDays: 2557,
        retainOnDelete: true,
        forceDestroy: false,
      },
      notifications: { default: stackDefault, critical: stackCritical },
      security: targets({
        emails: ["security-operations@example.com"],
        sqs: [`arn:aws:sqs:us-east-1:${ACCOUNT}:security-findings`],
      }),
      quotaAlarmPercent: 75,
      usageBaseline: {
        enabled: true,
        bandWidth: 2,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        periodSeconds: 3600,
      },
      keyGroups: [
        {
          ...noSelection,
          name: "payments",
          description: "Card tokenisation and settlement keys",
          keys: [
            key("us-east-1", "8d3f1a52-6c7e-4b90-a1d4-3e5f7c9b2a68"),
            key("us-east-1", mrk),
            key("eu-west-1", mrk),
          ],
          expiryWarningDays: 30,
          notify: {
            default: targets({ emails: ["payments-platform@example.com"] }),
            critical: stackCritical,
          },
          baseline: DEFAULT_BASELINE,
        },
        {
          name: "customer-data",
          description: "Customer records in RDS and S3, found by alias and by tag",
          keys: [],
          aliases: [
            { name: "alias/customer-data/rds", region: "us-east-1" },
            { name: "alias/customer-data/s3", region: "eu-west-1" },
          ],
          tags: { "data-classification": "restricted", owner: "customer-data" },
          tagRegions: ["us-east-1", "eu-west-1"],
          importedKeys: [],
          expiryWarningDays: 30,
          notify: {
            default: targets({ emails: ["data-protection@example.com"] }),
            // critical.emails is the group's; critical.https is inherited from the stack.
            critical: targets({ emails: ["data-protection-oncall@example.com"], https: [pager] }),
          },
          baseline: DEFAULT_BASELINE,
        },
        {
          ...noSelection,
          name: "partner-exchange",
          description: "Keys with imported material for partner file exchange",
          keys: [imported, key("eu-west-1", "e5b2d8f4-7c1a-4936-a0e8-5d3f9b6c2a17")],
          importedKeys: [imported.arn],
          expiryWarningDays: 60,
          notify: { default: stackDefault, critical: stackCritical },
          baseline: DEFAULT_BASELINE,
        },
        {
          ...noSelection,
          name: "platform-secrets",
          description: "Secrets Manager, Parameter Store and EBS keys",
          keys: [
            key("us-east-1", "b9e4c7a2-5d1f-4e83-96c0-a8f2d3e5b716"),
            key("eu-west-1", "4c8a2f6e-9b3d-4a17-b5e0-7f1c9d2a8e64"),
          ],
          expiryWarningDays: 30,
          notify: {
            default: targets({
              emails: ["kms-oncall@example.com"],
              lambda: [`arn:aws:lambda:us-east-1:${ACCOUNT}:function:platform-alert-router:live`],
            }),
            critical: stackCritical,
          },
          baseline: {
            enabled: true,
            level: "group",
            bandWidth: 3,
            evaluationPeriods: 6,
            datapointsToAlarm: 4,
            periodSeconds: 900,
          },
        },
      ],
    };
    expect(parseStackConfig(loadStackConfig("prod"))).to.deep.equal(expected);
  });

  it("takes the environment from the stack file over the stack name", () => {
    const model = parseStackConfig(loadStackConfig("prod"), { stack: "production-eu" });
    expect(model.environment).to.equal("prod");
  });
});
