/** Alert delivery: the topic key, the dead-letter queue, the alert topics and their subscribers. */
export {
  ALERT_TOPIC_KEY_TYPE,
  AlertTopicKey,
  type AlertTopicKeyArgs,
  validateAlertTopicKeyArgs,
} from "./topic-key";
export {
  DEAD_LETTER_QUEUE_TYPE,
  DEAD_LETTER_RETENTION_SECONDS,
  DeadLetterQueue,
  type DeadLetterQueueArgs,
} from "./dead-letter-queue";
export { ALERT_TOPIC_TYPE, AlertTopic } from "./alert-topic";
export {
  type AlertTopicArgs,
  type AlertTopicSettings,
  type FailureAlarmArgs,
  checkTopicKey,
  validateAlertTopicArgs,
} from "./alert-topic-args";
export {
  type SubscriptionProtocol,
  type SubscriptionSpec,
  childSuffixOf,
  subscriptionSpecs,
} from "./subscription-plan";
export {
  ALERT_HTTP_RETRY_POLICY,
  type HealthyRetryPolicy,
  alertDeliveryPolicy,
  retrySecondsBound,
} from "./delivery-policy";
