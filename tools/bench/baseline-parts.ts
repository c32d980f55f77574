/**
 * Building blocks of the benchmark's baseline program: plain `@pulumi/aws` resources at the stack
 * root, with inputs of the same keys and about the same sizes as those our components register.
 */
import * as aws from "@pulumi/aws";
import { names } from "../../components/core/names";
import { BENCH_ACCOUNT, BENCH_REGION } from "./estate";

/** An IAM-style policy document of `n` statements, about the size of ours. */
export function policy(sid: string, n: number): string {
  const statement = (i: number) => ({
    Sid: `${sid}${i}`,
    Effect: "Allow",
    Principal: { Service: "events.amazonaws.com" },
    Action: ["sns:Publish", "kms:GenerateDataKey*", "kms:Decrypt"],
    Resource: `arn:aws:sns:${BENCH_REGION}:${BENCH_ACCOUNT}:kmsmon-bench-*`,
    Condition: { StringEquals: { "aws:SourceAccount": BENCH_ACCOUNT } },
  });
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: Array.from({ length: n }, (_, i) => statement(i)),
  });
}

export function alarm(name: string, actions: string[], extra: Record<string, unknown>): void {
  new aws.cloudwatch.MetricAlarm(name, {
    name,
    alarmDescription: `${name}: what happened and what to do next.`,
    actionsEnabled: true,
    alarmActions: actions,
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    evaluationPeriods: 1,
    ...extra,
  });
}

export function trail(logGroupName: string): void {
  const key = new aws.kms.Key("trail-key", {
    description: "trail",
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: policy("Trail", 6),
  });
  new aws.kms.Alias("trail-key-alias", {
    name: "alias/cloudtrail/kmsmon-bench",
    targetKeyId: key.keyId,
  });
  const bucket = new aws.s3.Bucket("trail-bucket", { forceDestroy: false });
  new aws.s3.BucketPublicAccessBlock("trail-bucket-public-access", {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new aws.s3.BucketOwnershipControls("trail-bucket-ownership", {
    bucket: bucket.id,
    rule: { objectOwnership: "BucketOwnerEnforced" },
  });
  new aws.s3.BucketVersioning("trail-bucket-versioning", {
    bucket: bucket.id,
    versioningConfiguration: { status: "Enabled" },
  });
  new aws.s3.BucketServerSideEncryptionConfiguration("trail-bucket-encryption", {
    bucket: bucket.id,
    rules: [
      {
        applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn },
        bucketKeyEnabled: true,
      },
    ],
  });
  new aws.s3.BucketLifecycleConfiguration("trail-bucket-lifecycle", {
    bucket: bucket.id,
    rules: [
      {
        id: "archive-trail-logs",
        status: "Enabled",
        filter: {},
        transitions: [
          { days: 30, storageClass: "STANDARD_IA" },
          { days: 90, storageClass: "GLACIER" },
        ],
      },
    ],
  });
  new aws.s3.BucketPolicy("trail-bucket-policy", {
    bucket: bucket.id,
    policy: policy("Bucket", 4),
  });
  const group = new aws.cloudwatch.LogGroup("trail-log-group", {
    name: logGroupName,
    retentionInDays: 365,
    kmsKeyId: key.arn,
    logGroupClass: "STANDARD",
  });
  const role = new aws.iam.Role("trail-delivery-role", { assumeRolePolicy: policy("Assume", 1) });
  new aws.iam.RolePolicy("trail-delivery-policy", { role: role.name, policy: policy("Logs", 2) });
  new aws.cloudtrail.Trail("trail", {
    name: "kmsmon-bench",
    s3BucketName: bucket.id,
    kmsKeyId: key.arn,
    cloudWatchLogsGroupArn: group.arn,
    cloudWatchLogsRoleArn: role.arn,
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableLogFileValidation: true,
    enableLogging: true,
    eventSelectors: [{ includeManagementEvents: true, readWriteType: "All" }],
  });
}

/** A topic with its policy and one e-mail subscription; returns the topic's ARN. */
export function topic(name: string, keyArn: string, queueArn: string) {
  const t = new aws.sns.Topic(`${name}-topic`, {
    name,
    displayName: name,
    kmsMasterKeyId: keyArn,
    deliveryPolicy: policy("Delivery", 1),
  });
  new aws.sns.TopicPolicy(`${name}-policy`, { arn: t.arn, policy: policy("Publish", 3) });
  new aws.sns.TopicSubscription(`${name}-email`, {
    topic: t.arn,
    protocol: "email",
    endpoint: "kms-alerts@example.com",
    redrivePolicy: JSON.stringify({ deadLetterTargetArn: queueArn }),
  });
  return t.arn;
}

/** The region's shared alerting: topic key, security topic, dead-letter queue and its alarms. */
export function regionAlerting(
  env: string,
  queueArn: string,
): { security: string; keyArn: string } {
  const n = names(env);
  const key = new aws.kms.Key("topic-key", {
    description: "topics",
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: policy("Topic", 4),
  });
  new aws.kms.Alias("topic-key-alias", {
    name: `alias/${n.topicKeyAlias}`,
    targetKeyId: key.keyId,
  });
  const keyArn = `arn:aws:kms:${BENCH_REGION}:${BENCH_ACCOUNT}:key/topic`;
  const security = `arn:aws:sns:${BENCH_REGION}:${BENCH_ACCOUNT}:${n.securityTopic}`;
  topic(n.securityTopic, keyArn, queueArn);
  const queue = new aws.sqs.Queue("dlq-queue", {
    name: n.deadLetterQueue,
    sqsManagedSseEnabled: true,
    messageRetentionSeconds: 1209600,
  });
  new aws.sqs.QueuePolicy("dlq-policy", { queueUrl: queue.url, policy: policy("Queue", 2) });
  alarm(`${n.deadLetterQueue}-not-empty`, [security], {
    namespace: "AWS/SQS",
    metricName: "ApproximateNumberOfMessagesVisible",
    dimensions: { QueueName: n.deadLetterQueue },
    statistic: "Maximum",
    period: 300,
    threshold: 1,
  });
  alarm(n.deliveryAlarm, [security], {
    metricQueries: [
      {
        id: "failed",
        expression: 'SELECT SUM(NumberOfNotificationsFailed) FROM SCHEMA("AWS/SNS", TopicName)',
        period: 300,
        returnData: true,
      },
    ],
    threshold: 1,
  });

  return { security, keyArn };
}
