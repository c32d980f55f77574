import { expect } from "chai";
import {
  type PolicyDocument,
  alertTopicKeyPolicy,
  alertTopicPolicy,
  deadLetterQueuePolicy,
  policyDocument,
  toJson,
  trailBucketPolicy,
  trailDeliveryRolePolicy,
  trailDeliveryRoleTrustPolicy,
  trailKeyPolicy,
} from "../../components/iam";
import { ACCOUNT, OTHER_ACCOUNT, PARTITION, REGION } from "../builders";
import { actionExists, simulate } from "../harness/iam-simulator";

const TRAIL_ARN = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/kms-monitoring-prod`;
const LOG_GROUP_ARN = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/kms-monitoring/prod/trail`;
const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:kms-monitoring-prod-alerts`;
const QUEUE_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:kms-monitoring-prod-dlq`;
const RULE_PREFIX = `arn:aws:events:${REGION}:${ACCOUNT}:rule/kms-monitoring-prod-*`;
const ALARM_PREFIX = `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:kms-monitoring-prod-*`;
const ORG_ID = "o-a1b2c3d4e5";

const documents: Record<string, PolicyDocument> = {
  trailBucketPolicy: trailBucketPolicy({
    partition: PARTITION,
    accountId: ACCOUNT,
    bucketName: "kms-monitoring-prod-trail-logs",
    trailArn: TRAIL_ARN,
    organizationId: ORG_ID,
  }),
  trailKeyPolicy: trailKeyPolicy({
    partition: PARTITION,
    accountId: ACCOUNT,
    region: REGION,
    trailArn: TRAIL_ARN,
    logGroupArn: LOG_GROUP_ARN,
  }),
  trailDeliveryRoleTrustPolicy: trailDeliveryRoleTrustPolicy({
    accountId: ACCOUNT,
    trailArn: TRAIL_ARN,
  }),
  trailDeliveryRolePolicy: trailDeliveryRolePolicy({
    logGroupArn: LOG_GROUP_ARN,
    accountId: ACCOUNT,
    region: REGION,
    partition: PARTITION,
    organizationId: ORG_ID,
  }),
  alertTopicKeyPolicy: alertTopicKeyPolicy({ partition: PARTITION, accountId: ACCOUNT }),
  alertTopicPolicy: alertTopicPolicy({
    partition: PARTITION,
    accountId: ACCOUNT,
    topicArn: TOPIC_ARN,
    alarmArnPrefix: ALARM_PREFIX,
    ruleArnPrefix: RULE_PREFIX,
  }),
  deadLetterQueuePolicy: deadLetterQueuePolicy({
    partition: PARTITION,
    accountId: ACCOUNT,
    queueArn: QUEUE_ARN,
    ruleArnPrefix: RULE_PREFIX,
  }),
};

describe("policy documents", () => {
  for (const [name, document] of Object.entries(documents)) {
    describe(name, () => {
      it("round-trips through JSON unchanged", async () => {
        const json = toJson(document);
        expect(JSON.parse(json)).to.deep.equal(document);
        expect(json.length).to.be.below(6144);
      });

      it("uses policy version 2012-10-17 and unique alphanumeric Sids", async () => {
        expect(document.Version).to.equal("2012-10-17");
        const sids = document.Statement.map((statement) => statement.Sid);
        expect(sids.every((sid) => /^[A-Za-z0-9]+$/.test(sid))).to.equal(true);
        expect(new Set(sids).size).to.equal(sids.length);
      });

      it("names only actions that exist", async () => {
        const actions = document.Statement.flatMap((statement) => statement.Action);
        const concrete = actions.filter((action) => !action.includes("*"));
        const unknown: string[] = [];
        for (const action of concrete) if (!(await actionExists(action))) unknown.push(action);
        expect(unknown).to.deep.equal([]);
      });
    });
  }

  it("rejects repeated or non-alphanumeric Sids", async () => {
    const statement = { Sid: "A", Effect: "Allow" as const, Action: "s3:GetObject", Resource: "*" };
    expect(() => policyDocument([statement, statement])).to.throw(/used twice/);
    expect(() => policyDocument([{ ...statement, Sid: "not ok" }])).to.throw(/alphanumeric/);
  });

  it("uses the China partition's CloudWatch Logs principal there", async () => {
    const logGroupArn = `arn:aws-cn:logs:cn-north-1:${ACCOUNT}:log-group:trail`;
    const policy = trailKeyPolicy({
      partition: "aws-cn",
      accountId: ACCOUNT,
      region: "cn-north-1",
      trailArn: `arn:aws-cn:cloudtrail:cn-north-1:${ACCOUNT}:trail/t`,
      logGroupArn,
    });
    const logs = policy.Statement.find((s) => s.Sid === "AllowCloudWatchLogsUseForTrailLogGroup");
    expect(logs?.Principal).to.deep.equal({ Service: "logs.cn-north-1.amazonaws.com.cn" });
  });

  it("accepts a log group ARN with CloudTrail's :* suffix and builds the same documents", async () => {
    const args = { logGroupArn: LOG_GROUP_ARN, accountId: ACCOUNT, region: REGION };
    const bare = trailDeliveryRolePolicy({ ...args, partition: PARTITION });
    const suffixed = trailDeliveryRolePolicy({
      ...args,
      partition: PARTITION,
      logGroupArn: `${LOG_GROUP_ARN}:*`,
    });
    expect(suffixed).to.deep.equal(bare);
  });

  it("rejects inputs that would yield a policy for the wrong resources", async () => {
    const foreignTrail = TRAIL_ARN.replace(ACCOUNT, OTHER_ACCOUNT);
    expect(() =>
      trailBucketPolicy({
        partition: PARTITION,
        accountId: ACCOUNT,
        bucketName: "logs",
        trailArn: foreignTrail,
      }),
    ).to.throw(/account is not/);
    expect(() =>
      trailDeliveryRolePolicy({
        logGroupArn: LOG_GROUP_ARN,
        accountId: ACCOUNT,
        region: "eu-west-1",
        partition: PARTITION,
      }),
    ).to.throw(/region is not/);
    expect(() => alertTopicKeyPolicy({ partition: PARTITION, accountId: "12345" })).to.throw(
      /12-digit/,
    );
    expect(() =>
      deadLetterQueuePolicy({
        partition: PARTITION,
        accountId: ACCOUNT,
        queueArn: QUEUE_ARN,
        ruleArnPrefix: ALARM_PREFIX,
      }),
    ).to.throw(/service is not events/);
  });
});

describe("iam-simulator harness", () => {
  it("tells known actions from misspelled ones", async () => {
    expect(await actionExists("sqs:SendMessage")).to.equal(true);
    expect(await actionExists("sqs:SendMesage")).to.equal(false);
  });

  it("refuses context keys that do not apply to the action instead of ignoring them", async () => {
    let error: unknown;
    try {
      await simulate({
        resourcePolicy: documents.deadLetterQueuePolicy,
        principal: "events.amazonaws.com",
        action: "sqs:SendMessage",
        resource: QUEUE_ARN,
        accountId: ACCOUNT,
        context: { "s3:x-amz-acl": "bucket-owner-full-control" },
      });
    } catch (caught) {
      error = caught;
    }
    expect(String(error)).to.match(/not applicable to sqs:SendMessage: s3:x-amz-acl/);
  });

  it("refuses policies the simulator finds invalid", async () => {
    let error: unknown;
    try {
      await simulate({
        resourcePolicy: {
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "Bad",
              Effect: "Maybe" as "Allow",
              Principal: "*",
              Action: "sqs:SendMessage",
              Resource: QUEUE_ARN,
            },
          ],
        },
        principal: "events.amazonaws.com",
        action: "sqs:SendMessage",
        resource: QUEUE_ARN,
        accountId: ACCOUNT,
      });
    } catch (caught) {
      error = caught;
    }
    expect(String(error)).to.match(/Simulation rejected/);
  });
});
