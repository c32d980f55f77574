/** The {@link KmsAuditTrail} component. */
import * as pulumi from "@pulumi/pulumi";
import type { AccountPlace } from "../core/place";
import { TOKENS } from "../core/tokens";
import { KmsAuditTrailArgs, validateAuditTrailArgs } from "./args";
import { createTrail } from "./create-trail";
import { adoptExistingTrail } from "./existing-trail";
import { AuditTrailOutputs } from "./outputs";

/** Type token of {@link KmsAuditTrail}. */
export const KMS_AUDIT_TRAIL_TYPE = TOKENS.KmsAuditTrail;

/**
 * A CloudTrail trail that records every management event (KMS API calls included) to an
 * encrypted S3 bucket and to an encrypted CloudWatch Logs log group, for KMS monitoring. In
 * existing mode it creates nothing and reports the log group an existing trail feeds.
 */
export class KmsAuditTrail extends pulumi.ComponentResource implements AuditTrailOutputs {
  /** ARN of the trail; in existing mode, `existingTrailArn` (undefined when not given). */
  public readonly trailArn: pulumi.Output<string | undefined>;
  /** Name of the log file bucket; undefined in existing mode. */
  public readonly bucketName: pulumi.Output<string | undefined>;
  /** Name of the log group the trail feeds. */
  public readonly logGroupName: pulumi.Output<string>;
  /** ARN of the log group, without the `:*` suffix. */
  public readonly logGroupArn: pulumi.Output<string>;
  /** ARN of the KMS key encrypting the logs; undefined in existing mode. */
  public readonly keyArn: pulumi.Output<string | undefined>;

  /**
   * @param name Component name; children are named `<name>-bucket`, `<name>-key`, ...
   * @param args See {@link KmsAuditTrailArgs}; every field is optional except in existing mode.
   * @param opts Component options (provider, parent, ...), inherited by every child.
   * @param given The place (account, partition, region) the caller already looked up; looked up
   *   with the provider otherwise.
   * @throws Error naming the component and argument when `args` are invalid.
   */
  constructor(
    name: string,
    args: KmsAuditTrailArgs = {},
    opts?: pulumi.ComponentResourceOptions,
    given?: { place: AccountPlace },
  ) {
    // Before super(): invalid input must register nothing, not even this component.
    const settings = validateAuditTrailArgs(name, args);
    super(KMS_AUDIT_TRAIL_TYPE, name, {}, opts);

    const outputs =
      settings.mode === "existing"
        ? adoptExistingTrail(this, settings)
        : createTrail(name, this, settings, given?.place).outputs;
    this.trailArn = outputs.trailArn;
    this.bucketName = outputs.bucketName;
    this.logGroupName = outputs.logGroupName;
    this.logGroupArn = outputs.logGroupArn;
    this.keyArn = outputs.keyArn;
    this.registerOutputs({
      trailArn: this.trailArn,
      bucketName: this.bucketName,
      logGroupName: this.logGroupName,
      logGroupArn: this.logGroupArn,
      keyArn: this.keyArn,
    });
  }
}
