/** The stack config module: the model, its parser and the helpers the components reuse. */

export * from "./model";
export { parseStackConfig, parseStackValues, type ParseOptions, type StackValues } from "./parse";
export { ConfigError, formatConfigIssues, type ConfigIssue } from "./errors";
export {
  PARTITIONS,
  type Partition,
  type ArnParts,
  isRegion,
  isPartition,
  isAccountId,
  isKeyId,
  isAliasName,
  isAwsManagedAlias,
  partitionOfRegion,
  splitArn,
  parseKeyArn,
  parseAliasArn,
  isSqsQueueArn,
  isLambdaFunctionArn,
  isTrailArn,
} from "../core/arn";
export {
  NAMESPACE,
  CONFIG_KEYS,
  type ConfigKey,
  DEFAULTS,
  LIMITS,
  LOG_RETENTION_DAYS,
  BASELINE_PERIOD_SECONDS,
} from "./constants";
export { mergeRouting, stackRouting, countTargets } from "./notify";
