/**
 * The state a provider would return for a new resource: its inputs plus the physical name, ID and
 * ARN it computes. Only the types our components create need an ARN here.
 */
import { createHash } from "crypto";

interface Where {
  accountId: string;
  region: string;
  partition: string;
}

/** Physical name: the explicit name input, else the logical name (the mocks do not autoname). */
function physicalName(type: string, name: string, inputs: any): string {
  if (type === "aws:s3/bucket:Bucket" || type === "aws:s3/bucketV2:BucketV2") {
    return inputs.bucket ?? name;
  }
  return inputs.name ?? name;
}

/** A stable UUID-shaped ID derived from a name, so runs are repeatable. */
export function stableUuid(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Inputs plus computed fields (name, id, key IDs, URLs). */
export function fakeState(
  type: string,
  name: string,
  inputs: any,
  where: Where,
): Record<string, any> {
  const physical = physicalName(type, name, inputs);
  const state: Record<string, any> = { ...inputs, name: inputs.name ?? physical };
  switch (type) {
    case "aws:kms/key:Key": {
      const keyId = stableUuid(name);
      return { ...state, id: keyId, keyId };
    }
    case "aws:s3/bucket:Bucket":
    case "aws:s3/bucketV2:BucketV2":
      return { ...state, id: physical, bucket: physical };
    case "aws:sqs/queue:Queue":
      return {
        ...state,
        id: `https://sqs.${where.region}.amazonaws.com/${where.accountId}/${physical}`,
        url: `https://sqs.${where.region}.amazonaws.com/${where.accountId}/${physical}`,
      };
    case "aws:cloudwatch/logGroup:LogGroup":
    case "aws:sns/topic:Topic":
    case "aws:cloudwatch/eventRule:EventRule":
    case "aws:cloudwatch/metricAlarm:MetricAlarm":
    case "aws:cloudwatch/dashboard:Dashboard":
    case "aws:iam/role:Role":
      return { ...state, id: physical };
    default:
      return state;
  }
}

/** The ARN AWS would give the resource, or undefined for types without one here. */
export function fakeArn(type: string, name: string, state: any, where: Where): string | undefined {
  const { partition: p, region: r, accountId: a } = where;
  const physical = physicalName(type, name, state);
  switch (type) {
    case "aws:kms/key:Key":
      return `arn:${p}:kms:${r}:${a}:key/${state.keyId}`;
    case "aws:kms/alias:Alias":
      return `arn:${p}:kms:${r}:${a}:${physical}`;
    case "aws:sns/topic:Topic":
      return `arn:${p}:sns:${r}:${a}:${physical}`;
    case "aws:sqs/queue:Queue":
      return `arn:${p}:sqs:${r}:${a}:${physical}`;
    case "aws:cloudtrail/trail:Trail":
      return `arn:${p}:cloudtrail:${r}:${a}:trail/${physical}`;
    case "aws:s3/bucket:Bucket":
    case "aws:s3/bucketV2:BucketV2":
      return `arn:${p}:s3:::${physical}`;
    case "aws:cloudwatch/logGroup:LogGroup":
      return `arn:${p}:logs:${r}:${a}:log-group:${physical}`;
    case "aws:iam/role:Role":
      return `arn:${p}:iam::${a}:role/${physical}`;
    case "aws:cloudwatch/eventRule:EventRule":
      return `arn:${p}:events:${r}:${a}:rule/${physical}`;
    case "aws:cloudwatch/eventBus:EventBus":
      return `arn:${p}:events:${r}:${a}:event-bus/${physical}`;
    case "aws:cloudwatch/metricAlarm:MetricAlarm":
    case "aws:cloudwatch/compositeAlarm:CompositeAlarm":
      return `arn:${p}:cloudwatch:${r}:${a}:alarm:${physical}`;
    case "aws:cloudwatch/dashboard:Dashboard":
      return `arn:${p}:cloudwatch::${a}:dashboard/${physical}`;
    // AWS names a sink by an ID of its own; the mock uses the physical name.
    case "aws:oam/sink:Sink":
      return `arn:${p}:oam:${r}:${a}:sink/${physical}`;
    default:
      return undefined;
  }
}
