/** Existing mode: nothing is created; the log group an existing trail feeds is looked up. */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { unknownIfStandIn } from "../inputs/stand-ins";
import { ExistingTrailSettings } from "./args";
import { AuditTrailOutputs } from "./outputs";

/**
 * Looks up the log group named in `settings` under `parent`. The lookup runs at deploy time, so a
 * missing group fails the deployment with the provider's not-found error.
 */
export function adoptExistingTrail(
  parent: pulumi.Resource,
  settings: ExistingTrailSettings,
): AuditTrailOutputs {
  const group = aws.cloudwatch.getLogGroupOutput(
    // A name not known yet (a preview's stand-in) leaves the lookup to the update.
    { name: unknownIfStandIn(settings.existingLogGroupName) },
    { parent },
  );
  return {
    trailArn: pulumi.output(settings.existingTrailArn),
    bucketName: pulumi.output<string | undefined>(undefined),
    logGroupName: group.name,
    logGroupArn: group.arn,
    keyArn: pulumi.output<string | undefined>(undefined),
  };
}
