/**
 * Stacks other teams build by hand, as the engine would hold them: a platform team's KMS
 * monitoring with the usual mistakes (no kms-monitoring component, no kmsmon- names), and a stack
 * that has nothing to do with KMS. Resources sit under the stack resource and use the default AWS
 * provider, with the outputs a provider would add (ARNs, IDs).
 */
import type { EngineResource } from "./analyzer-client";
import { ACCOUNT } from "../builders";

const REGION = "us-east-1";

/** Type tokens of the resources below. */
export const FT = {
  stack: "pulumi:pulumi:Stack",
  provider: "pulumi:providers:aws",
  key: "aws:kms/key:Key",
  externalKey: "aws:kms/externalKey:ExternalKey",
  trail: "aws:cloudtrail/trail:Trail",
  bucket: "aws:s3/bucket:Bucket",
  publicAccess: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  topic: "aws:sns/topic:Topic",
  subscription: "aws:sns/topicSubscription:TopicSubscription",
  filter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  rule: "aws:cloudwatch/eventRule:EventRule",
  target: "aws:cloudwatch/eventTarget:EventTarget",
  lambda: "aws:lambda/function:Function",
} as const;

/** Builds resources of one stack of one project, each under the stack resource. */
class StackBuilder {
  readonly resources: EngineResource[] = [];
  readonly stackUrn: string;
  readonly providerRef: string;

  constructor(
    readonly project: string,
    readonly stack: string,
  ) {
    this.stackUrn = this.urn(FT.stack, `${project}-${stack}`);
    this.resources.push({
      type: FT.stack,
      name: `${project}-${stack}`,
      urn: this.stackUrn,
      inputs: {},
    });
    const provider = this.add(FT.provider, "default_7_48_0", { region: REGION, version: "7.48.0" });
    this.providerRef = `${provider.urn}::7b3f8a52-2c1e-4d5f-9a0b-provider`;
    delete provider.provider;
  }

  urn(type: string, name: string): string {
    return `urn:pulumi:${this.stack}::${this.project}::${type}::${name}`;
  }

  /** Adds a resource; `outputs` are added to the inputs; `deps` are property dependencies. */
  add(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    outputs: Record<string, unknown> = {},
    deps: Record<string, EngineResource> = {},
  ): EngineResource {
    const propertyDependencies = Object.fromEntries(
      Object.entries(deps).map(([k, r]) => [k, [r.urn]]),
    );
    const resource: EngineResource = {
      type,
      name,
      urn: this.urn(type, name),
      parent: this.stackUrn,
      inputs,
      outputs: { ...inputs, ...outputs },
      provider: this.providerRef,
      dependencies: Object.values(deps).map((r) => r.urn),
      propertyDependencies,
    };
    this.resources.push(resource);
    return resource;
  }
}

const arn = (service: string, resource: string) =>
  `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;

/** The CIS control's terms, spaced and quoted differently from the exact CIS text. */
export const LOOKALIKE_CIS_PATTERN =
  '{ ($.eventSource = "kms.amazonaws.com") && (($.eventName = "DisableKey") || ($.eventName = "ScheduleKeyDeletion")) }';

/**
 * A platform team's hand-built KMS stack: a key with a 7-day window and rotation off, an imported
 * key expiring a day after `now`, a single-region trail that excludes KMS events into a 7-day,
 * unencrypted log group, a force-destroyable audit bucket, a topic on alias/aws/sns that a KMS
 * alarm and a KMS rule notify, a DisableKey/ScheduleKeyDeletion filter that is not the exact CIS
 * text, that filter's alarm with actions disabled, and a target of the aws.kms rule without a
 * dead-letter queue or retries.
 */
export function handBuiltKmsStack(now: Date): EngineResource[] {
  const s = new StackBuilder("platform", "prod");
  const keyId = "0987dcba-09fe-87dc-65ba-ab0987654321";
  s.add(
    FT.key,
    "payments-key",
    { description: "payments data key", deletionWindowInDays: 7, enableKeyRotation: false },
    { arn: arn("kms", `key/${keyId}`), keyId, id: keyId },
  );
  const importedId = "1234abcd-12ab-34cd-56ef-1234567890ab";
  s.add(
    FT.externalKey,
    "hsm-import-key",
    {
      description: "key material from the on-prem HSM",
      deletionWindowInDays: 30,
      validTo: new Date(now.getTime() + 86_400_000).toISOString(),
    },
    { arn: arn("kms", `key/${importedId}`), id: importedId },
  );
  const bucket = s.add(
    FT.bucket,
    "audit-logs",
    { bucket: "platform-audit-logs", forceDestroy: true },
    { arn: "arn:aws:s3:::platform-audit-logs", id: "platform-audit-logs" },
  );
  s.add(
    FT.publicAccess,
    "audit-logs-private",
    {
      bucket: "platform-audit-logs",
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    },
    {},
    { bucket },
  );
  const logGroup = s.add(
    FT.logGroup,
    "trail-logs",
    { name: "/platform/cloudtrail", retentionInDays: 7 },
    { arn: arn("logs", "log-group:/platform/cloudtrail") },
  );
  s.add(
    FT.trail,
    "audit-trail",
    {
      name: "platform-audit",
      s3BucketName: "platform-audit-logs",
      isMultiRegionTrail: false,
      enableLogFileValidation: true,
      cloudWatchLogsGroupArn: `${arn("logs", "log-group:/platform/cloudtrail")}:*`,
      cloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/platform-trail-to-logs`,
      eventSelectors: [
        {
          readWriteType: "All",
          includeManagementEvents: true,
          excludeManagementEventSources: ["kms.amazonaws.com"],
        },
      ],
    },
    { arn: arn("cloudtrail", "trail/platform-audit") },
    { s3BucketName: bucket, cloudWatchLogsGroupArn: logGroup },
  );
  const topicArn = arn("sns", "security-alerts");
  const topic = s.add(
    FT.topic,
    "security-alerts",
    { name: "security-alerts", kmsMasterKeyId: "alias/aws/sns" },
    { arn: topicArn, id: topicArn },
  );
  s.add(
    FT.subscription,
    "security-alerts-email",
    { topic: topicArn, protocol: "email", endpoint: "security@example.com" },
    {},
    { topic },
  );
  s.add(
    FT.filter,
    "key-deletion-filter",
    {
      name: "kms-key-deletion",
      logGroupName: "/platform/cloudtrail",
      pattern: LOOKALIKE_CIS_PATTERN,
      metricTransformation: { name: "KmsKeyDeletion", namespace: "Platform/Security", value: "1" },
    },
    {},
    { logGroupName: logGroup },
  );
  s.add(
    FT.alarm,
    "key-deletion-alarm",
    {
      name: "kms-key-deletion",
      namespace: "Platform/Security",
      metricName: "KmsKeyDeletion",
      statistic: "Sum",
      period: 300,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      actionsEnabled: false,
      alarmActions: [topicArn],
    },
    {},
    { alarmActions: topic },
  );
  s.add(FT.rule, "kms-events", {
    name: "kms-key-events",
    eventPattern: JSON.stringify({
      source: ["aws.kms"],
      "detail-type": ["KMS CMK Deletion", "KMS Imported Key Material Expiration"],
    }),
  });
  s.add(
    FT.target,
    "kms-events-to-security",
    { rule: "kms-key-events", targetId: "security-alerts", arn: topicArn },
    {},
    { arn: topic },
  );
  return s.resources;
}

/**
 * A stack with nothing KMS-related, several of its resources sloppy by our rules: an S3 website
 * bucket that can be force-destroyed, an EC2 CPU alarm with actions off, a Lambda and its error
 * alarm telling an unencrypted topic for deploy notices, and a nightly schedule rule whose
 * target has no dead-letter queue.
 */
export function unrelatedStack(): EngineResource[] {
  const s = new StackBuilder("website", "prod");
  s.add(
    FT.bucket,
    "site",
    { bucket: "www-example-site", forceDestroy: true, website: { indexDocument: "index.html" } },
    { arn: "arn:aws:s3:::www-example-site", id: "www-example-site" },
  );
  s.add(FT.alarm, "cpu-high", {
    name: "web-cpu-high",
    namespace: "AWS/EC2",
    metricName: "CPUUtilization",
    dimensions: { InstanceId: "i-0abc1234def567890" },
    statistic: "Average",
    period: 300,
    evaluationPeriods: 3,
    threshold: 80,
    comparisonOperator: "GreaterThanThreshold",
    actionsEnabled: false,
  });
  const lambdaArn = arn("lambda", "function:deploy-notifier");
  s.add(
    FT.lambda,
    "deploy-notifier",
    {
      name: "deploy-notifier",
      runtime: "nodejs20.x",
      handler: "index.handler",
      role: "arn:aws:iam::111122223333:role/deploy-notifier",
    },
    { arn: lambdaArn },
  );
  const topicArn = arn("sns", "deploy-notices");
  const topic = s.add(FT.topic, "deploy-notices", { name: "deploy-notices" }, { arn: topicArn });
  s.add(
    FT.alarm,
    "deploy-errors",
    {
      name: "deploy-notifier-errors",
      namespace: "AWS/Lambda",
      metricName: "Errors",
      dimensions: { FunctionName: "deploy-notifier" },
      statistic: "Sum",
      period: 300,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      alarmActions: [topicArn],
    },
    {},
    { alarmActions: topic },
  );
  s.add(FT.rule, "nightly", { name: "nightly-deploy-report", scheduleExpression: "rate(1 day)" });
  s.add(FT.target, "nightly-notifier", { rule: "nightly-deploy-report", arn: lambdaArn });
  return s.resources;
}
