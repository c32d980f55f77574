/**
 * A KMS key created by this program and watched by it: the key's ARN reaches KmsMonitoringStack as
 * an Output (unknown in the first preview, known once the key exists) and the pager URL as a secret
 * (it stays secret in state and in the SNS subscription it feeds).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { KmsMonitoringStack } from "kms-monitoring";

const config = new pulumi.Config();

const key = new aws.kms.Key("app-data", {
  description: "Application data key, watched by kms-monitoring",
  enableKeyRotation: true,
  deletionWindowInDays: 30,
});

const monitoring = new KmsMonitoringStack("kms", {
  environment: pulumi.getStack(),
  notifications: {
    emails: ["kms-alerts@example.com"],
    critical: { https: [config.requireSecret("pagerUrl")] },
  },
  keyGroups: [{ name: "app", description: "Application data keys", keys: [key.arn] }],
});

export const keyArn = key.arn;
export const groupTopicArns = monitoring.groupTopicArns;
export const dashboardUrls = monitoring.dashboardUrls;
