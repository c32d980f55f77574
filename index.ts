/**
 * The program `pulumi up` runs: read this stack's config into the validated model, build the
 * monitoring, export what on-call and other stacks need. Bad config stops here, before any
 * resource, with every problem listed and no stack trace.
 */
import * as pulumi from "@pulumi/pulumi";
import { KmsMonitoring, parseStackConfig } from "./components";

export = async () => {
  const model = parseStackConfig(pulumi.runtime.allConfig(), { stack: pulumi.getStack() });
  const monitoring = await KmsMonitoring.create("kms", model);
  return {
    environment: model.environment,
    trailArn: monitoring.trailArn,
    logGroupName: monitoring.logGroupName,
    securityTopicArns: monitoring.securityTopicArns,
    groupTopicArns: monitoring.groupTopicArns,
  };
};
