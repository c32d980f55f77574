// Trust and permissions policies of the role that fan-out rules use to forward KMS events from
// the default bus to our shard buses.
import {
  type PolicyDocument,
  assertAccountId,
  assertArn,
  assertPartition,
  policyDocument,
} from "./policy-document";

/** Arguments of {@link eventBusForwardingTrustPolicy}. */
export interface EventBusForwardingTrustPolicyArgs {
  /** Account that owns the rules and the role (12 digits). */
  accountId: string;
  /** ArnLike pattern of the fan-out rules allowed to assume the role. */
  ruleArnPattern: string;
}

/**
 * Trust policy: only EventBridge acting for our fan-out rules in `accountId` may assume the role
 * ("Permissions for targets in EventBridge": events.amazonaws.com with aws:SourceArn).
 *
 * @param args - see {@link EventBusForwardingTrustPolicyArgs}.
 * @returns the trust policy document.
 * @throws Error when an argument is malformed.
 */
export function eventBusForwardingTrustPolicy(
  args: EventBusForwardingTrustPolicyArgs,
): PolicyDocument {
  const { accountId, ruleArnPattern } = args;
  assertAccountId("accountId", accountId);
  const partition = ruleArnPattern.split(":")[1] ?? "";
  assertPartition(partition);
  assertArn("ruleArnPattern", ruleArnPattern, {
    partition,
    service: "events",
    accountId,
    resourcePrefix: "rule/",
  });
  return policyDocument([
    {
      Sid: "AllowFanOutRulesAssumeRole",
      Effect: "Allow",
      Principal: { Service: "events.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: {
        StringEquals: { "aws:SourceAccount": accountId },
        ArnLike: { "aws:SourceArn": ruleArnPattern },
      },
    },
  ]);
}

/** Arguments of {@link eventBusForwardingPolicy}. */
export interface EventBusForwardingPolicyArgs {
  /** ARNs of the shard buses the role may put events on (at least one). */
  busArns: string[];
}

/**
 * Permissions policy: `events:PutEvents` on the given buses and nothing else.
 *
 * @param args - see {@link EventBusForwardingPolicyArgs}.
 * @returns the identity policy document.
 * @throws Error when no bus or a malformed bus ARN is given.
 */
export function eventBusForwardingPolicy(args: EventBusForwardingPolicyArgs): PolicyDocument {
  if (args.busArns.length === 0) throw new Error("busArns must name at least one event bus");
  for (const arn of args.busArns) {
    const [, partition, , , accountId] = arn.split(":");
    assertArn("busArns[]", arn, {
      partition: partition ?? "",
      service: "events",
      accountId: accountId ?? "",
      resourcePrefix: "event-bus/",
    });
    if (arn.includes("*")) throw new Error(`busArns[] "${arn}" must name one bus`);
  }
  return policyDocument([
    {
      Sid: "AllowPutEventsOnShardBuses",
      Effect: "Allow",
      Action: "events:PutEvents",
      Resource: args.busArns.length === 1 ? args.busArns[0] : [...args.busArns],
    },
  ]);
}
