/** The outputs every mode of {@link KmsAuditTrail} reports. */
import * as pulumi from "@pulumi/pulumi";

/** Outputs of a {@link KmsAuditTrail}; a field is undefined when its mode creates no such thing. */
export interface AuditTrailOutputs {
  /** ARN of the trail; in existing mode, `existingTrailArn` (undefined when not given). */
  trailArn: pulumi.Output<string | undefined>;
  /** Name of the log file bucket; undefined in existing mode. */
  bucketName: pulumi.Output<string | undefined>;
  /** Name of the log group the trail feeds. */
  logGroupName: pulumi.Output<string>;
  /** ARN of the log group, without the `:*` suffix. */
  logGroupArn: pulumi.Output<string>;
  /** ARN of the KMS key encrypting the logs; undefined in existing mode. */
  keyArn: pulumi.Output<string | undefined>;
}
