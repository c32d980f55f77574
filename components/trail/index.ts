/** CloudTrail audit trail for KMS monitoring: the component, its arguments and validation. */
export { KmsAuditTrail, KMS_AUDIT_TRAIL_TYPE } from "./audit-trail";
export {
  AUDIT_TRAIL_MODES,
  AuditTrailMode,
  AuditTrailSettings,
  CreateTrailSettings,
  ExistingTrailSettings,
  KmsAuditTrailArgs,
  MIN_INFREQUENT_ACCESS_DAYS,
  validateAuditTrailArgs,
} from "./args";
export {
  isLogGroupName,
  isTrailName,
  LOG_GROUP_NAME_RULE,
  TRAIL_ARN_RULE,
  TRAIL_NAME_RULE,
} from "../core/aws-names";
export { AuditTrailOutputs } from "./outputs";
export { AwsPlace, keyAliasOf, logGroupArnOf, trailArnOf } from "./arns";
