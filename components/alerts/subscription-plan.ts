/**
 * The subscriptions an alert topic gets, as data: one per target, with a child name that stays
 * when other targets come and go. Pure, so plans and tests count subscriptions without Pulumi.
 */
import { createHash } from "crypto";
import type { NotificationTargets } from "../config/model";
import type { Quota } from "../core/limits";

/** SNS protocols the alert topics deliver with. */
export type SubscriptionProtocol = "email" | "https" | "sqs" | "lambda";

/** Each target list and the protocol it subscribes with, in subscription order. */
export const TARGET_PROTOCOLS: readonly {
  field: keyof NotificationTargets;
  protocol: SubscriptionProtocol;
}[] = [
  { field: "emails", protocol: "email" },
  { field: "https", protocol: "https" },
  { field: "sqs", protocol: "sqs" },
  { field: "lambda", protocol: "lambda" },
];

/** One subscription an alert topic gets. */
export interface SubscriptionSpec {
  /** SNS protocol. */
  protocol: SubscriptionProtocol;
  /** E-mail address, URL, queue ARN or function ARN, as given. */
  endpoint: string;
  /** Suffix of the child resource names: `<protocol>-<8 hex digits>`, e.g. `email-3f2a1b9c`. */
  childSuffix: string;
  /** $0 a month: SNS prices deliveries by traffic (e-mail $2.00 per 100,000), not subscriptions. */
  monthlyCostUsd: number;
  /** None of AWS_LIMITS: a topic takes millions of subscriptions and the endpoint has no limit. */
  quotas: Quota[];
}

/**
 * The child-name suffix of a subscription. It is a hash of the protocol and endpoint, not the
 * entry's position: removing or reordering targets then leaves the other subscriptions alone,
 * whereas an index would shift and replace them (and replaced e-mail and HTTPS subscriptions must
 * be confirmed again, dropping alerts until they are).
 *
 * @param protocol - the SNS protocol.
 * @param endpoint - the endpoint.
 * @returns `<protocol>-<first 8 hex digits of sha256("<protocol>:<endpoint>")>`.
 */
export function childSuffixOf(protocol: SubscriptionProtocol, endpoint: string): string {
  const hash = createHash("sha256").update(`${protocol}:${endpoint}`).digest("hex");
  return `${protocol}-${hash.slice(0, 8)}`;
}

/**
 * Every subscription `targets` asks for, in the order emails, https, sqs, lambda. Pure, so plans
 * and tests can count subscriptions without Pulumi; does not check the entries.
 *
 * @param targets - the notification targets; a missing list counts as empty.
 * @returns one spec per target.
 */
export function subscriptionSpecs(targets: NotificationTargets): SubscriptionSpec[] {
  return TARGET_PROTOCOLS.flatMap(({ field, protocol }) =>
    (targets?.[field] ?? []).map((endpoint) => ({
      protocol,
      endpoint,
      childSuffix: childSuffixOf(protocol, endpoint),
      monthlyCostUsd: 0,
      quotas: [],
    })),
  );
}
