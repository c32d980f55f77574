/**
 * Offline evaluators of AWS's two pattern languages (CloudWatch Logs JSON filter patterns and
 * EventBridge event patterns), of EventBridge input transformers, plus the CloudTrail-to-EventBridge
 * envelope. Pure: no Pulumi.
 */
export * from "./filter-pattern";
export * from "./event-pattern";
export * from "./cloudtrail-envelope";
export * from "./input-transformer";
