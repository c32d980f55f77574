/**
 * The HTTP/S delivery policy of the alert topics: how SNS retries an HTTPS endpoint (a pager's
 * integration URL) that is down, before the notification goes to the dead-letter queue.
 */

/** The retry phases of an SNS HTTP/S delivery policy ("Amazon SNS message delivery retries"). */
export interface HealthyRetryPolicy {
  /** Delay of the pre-backoff retries and start of the backoff, in seconds. */
  minDelayTarget: number;
  /** End of the backoff and delay of the post-backoff retries, in seconds. */
  maxDelayTarget: number;
  /** All retries of all phases. */
  numRetries: number;
  /** Retries at once, before any delay. */
  numNoDelayRetries: number;
  /** Retries `minDelayTarget` apart, before the backoff. */
  numMinDelayRetries: number;
  /** Retries `maxDelayTarget` apart, after the backoff. */
  numMaxDelayRetries: number;
  /** How the delay grows from `minDelayTarget` to `maxDelayTarget`. */
  backoffFunction: "linear" | "arithmetic" | "geometric" | "exponential";
}

/**
 * 12 retries (2 after 20 s, 8 backing off exponentially up to 5 min, 2 at 5 min): a pager outage
 * of about 25 minutes loses nothing, and even the bound of {@link retrySecondsBound} stays under
 * the one-hour limit.
 */
export const ALERT_HTTP_RETRY_POLICY: HealthyRetryPolicy = {
  minDelayTarget: 20,
  maxDelayTarget: 300,
  numRetries: 12,
  numNoDelayRetries: 0,
  numMinDelayRetries: 2,
  numMaxDelayRetries: 2,
  backoffFunction: "exponential",
};

/**
 * An upper bound of the time a retry policy can take: every backoff retry counted at the maximum
 * delay.
 *
 * @param policy - the retry policy.
 * @returns seconds.
 */
export function retrySecondsBound(policy: HealthyRetryPolicy): number {
  const backoffRetries =
    policy.numRetries -
    policy.numNoDelayRetries -
    policy.numMinDelayRetries -
    policy.numMaxDelayRetries;
  return (
    policy.numMinDelayRetries * policy.minDelayTarget +
    (backoffRetries + policy.numMaxDelayRetries) * policy.maxDelayTarget
  );
}

/**
 * The topic's `DeliveryPolicy` attribute: {@link ALERT_HTTP_RETRY_POLICY} for every HTTP/S
 * subscription (other protocols use SNS's own, longer, policies).
 *
 * @returns the JSON string SNS takes.
 */
export function alertDeliveryPolicy(): string {
  return JSON.stringify({
    http: {
      defaultHealthyRetryPolicy: ALERT_HTTP_RETRY_POLICY,
      disableSubscriptionOverrides: false,
    },
  });
}
