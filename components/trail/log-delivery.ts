/**
 * The CloudWatch Logs side of the trail: the encrypted log group and the role CloudTrail assumes
 * to write into it.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { trailDeliveryRolePolicy, trailDeliveryRoleTrustPolicy } from "../iam";
import { AwsPlace, logGroupArnOf } from "./arns";
import { CreateTrailSettings } from "./args";

/** The log group and the delivery role with its inline policy. */
export interface LogDelivery {
  logGroup: aws.cloudwatch.LogGroup;
  role: aws.iam.Role;
  rolePolicy: aws.iam.RolePolicy;
}

/**
 * Creates `<name>-log-group`, `<name>-delivery-role` and `<name>-delivery-policy` under `parent`.
 * The role policy names the log group by computed ARN, like the key policy.
 */
export function createLogDelivery(
  name: string,
  parent: pulumi.Resource,
  settings: CreateTrailSettings,
  place: pulumi.Output<AwsPlace>,
  trailArn: pulumi.Output<string>,
  keyArn: pulumi.Output<string>,
  organizationId?: pulumi.Output<string>,
): LogDelivery {
  const logGroup = new aws.cloudwatch.LogGroup(
    `${name}-log-group`,
    {
      name: settings.logGroupName,
      // STANDARD keeps metric filters and subscriptions available for KMS alerting.
      logGroupClass: "STANDARD",
      retentionInDays: settings.logRetentionDays,
      kmsKeyId: keyArn,
      tags: settings.tags,
    },
    { parent, retainOnDelete: settings.retainOnDelete, protect: settings.protect },
  );
  const role = new aws.iam.Role(
    `${name}-delivery-role`,
    {
      description: `Lets CloudTrail trail ${settings.trailName} write to ${settings.logGroupName}`,
      assumeRolePolicy: pulumi
        .all([place, trailArn])
        .apply(([p, arn]) =>
          JSON.stringify(trailDeliveryRoleTrustPolicy({ accountId: p.accountId, trailArn: arn })),
        ),
      tags: settings.tags,
    },
    { parent },
  );
  const rolePolicy = new aws.iam.RolePolicy(
    `${name}-delivery-policy`,
    {
      role: role.name,
      policy: pulumi.all([place, organizationId]).apply(([p, orgId]) =>
        JSON.stringify(
          trailDeliveryRolePolicy({
            logGroupArn: logGroupArnOf(p, settings.logGroupName),
            accountId: p.accountId,
            region: p.region,
            partition: p.partition,
            // Organization trails also write member accounts' streams, named after the org.
            ...(orgId !== undefined ? { organizationId: orgId } : {}),
          }),
        ),
      ),
    },
    { parent },
  );
  return { logGroup, role, rolePolicy };
}
