/**
 * KmsMonitoringStack: the whole monitoring of an environment from arguments shaped like the stack
 * config (docs/CONFIG.md), for programs in other languages (PulumiPlugin.yaml). The arguments are
 * validated like stack config before the component exists; the deploy-time lookups (account,
 * providers of other regions, key groups) run in the SDK's async component initialisation, which
 * then builds the {@link KmsMonitoring} facade as this component's child.
 */
import * as pulumi from "@pulumi/pulumi";
import { NAMESPACE } from "../config/constants";
import { TrailMode } from "../config/model";
import type { StackModel } from "../config/model";
import { parseStackConfig } from "../config/parse";
import { KmsMonitoring, lookUpMonitoring } from "./kms-monitoring";

/** How the stack gets its CloudTrail feed (`kms-monitoring:trail`). */
export interface StackTrail {
  /**
   * "create" builds a multi-region trail of this account; "organization" the same as an
   * organization trail; "existing" reads the log group an existing trail delivers to. Defaults to
   * "create".
   */
  mode?: TrailMode;
  /**
   * CloudWatch Logs retention in days, a CloudWatch Logs retention value (create and
   * organization). Defaults to 400.
   */
  logRetentionDays?: number;
  /** Days before log files move to S3 Standard-IA, 30 or more (create and organization). Defaults to 30. */
  transitionToInfrequentAccessDays?: number;
  /**
   * Days before log files move to S3 Glacier, at least transitionToInfrequentAccessDays + 30
   * (create and organization). Defaults to 90.
   */
  transitionToGlacierDays?: number;
  /**
   * Days before log files expire; 0 keeps them forever, otherwise more than
   * transitionToGlacierDays (create and organization). Defaults to 0.
   */
  expireAfterDays?: number;
  /** Keep the bucket and log group on destroy (create and organization). Defaults to true. */
  retainOnDelete?: boolean;
  /** Let destroy empty and delete the bucket (create and organization). Defaults to false. */
  forceDestroy?: boolean;
  /** Log group the existing trail feeds, in the stack's region (existing: required). Defaults to none. */
  logGroupName?: string;
  /** ARN of the existing trail (existing only). Defaults to none. */
  trailArn?: string;
}

/** Where alerts go (`kms-monitoring:security`, and the `critical` part of a routing). */
export interface AlertTargets {
  /** E-mail addresses (each recipient confirms the SNS subscription once). Defaults to none. */
  emails?: string[];
  /** https:// endpoints, such as a pager's SNS integration URL. Defaults to none. */
  https?: string[];
  /** SQS queue ARNs (not URLs). Defaults to none. */
  sqs?: string[];
  /** Lambda function ARNs. Defaults to none. */
  lambda?: string[];
}

/**
 * Severity routing (`kms-monitoring:notifications`, a key group's `notify`): default targets and
 * an optional critical override.
 */
export interface AlertRouting {
  /** E-mail addresses of warning and info signals (and critical ones without `critical`). Defaults to none. */
  emails?: string[];
  /** https:// endpoints of warning and info signals. Defaults to none. */
  https?: string[];
  /** SQS queue ARNs of warning and info signals. Defaults to none. */
  sqs?: string[];
  /** Lambda function ARNs of warning and info signals. Defaults to none. */
  lambda?: string[];
  /** Targets of critical signals (a pager). Defaults to none: critical signals go to the above. */
  critical?: AlertTargets;
}

/** Anomaly-detection baseline of a key group's data-plane use. */
export interface KeyGroupBaseline {
  /** Alarm when use leaves the band. Defaults to true. */
  enabled?: boolean;
  /** Band width in standard deviations, 0.5 to 10. Defaults to 2. */
  bandWidth?: number;
  /** Periods evaluated, 1 to 24. Defaults to 3. */
  evaluationPeriods?: number;
  /** Breaching periods that raise the alarm, 1 to evaluationPeriods. Defaults to evaluationPeriods. */
  datapointsToAlarm?: number;
  /** Period in seconds: 60, 300, 900, 3600, 21600 or 86400. Defaults to 3600. */
  periodSeconds?: number;
}

/** One team's or application's keys, watched together and alerting the same people. */
export interface KeyGroup {
  /** 1-32 of [a-z0-9-], starting with a letter; unique in the stack. Required. */
  name: string;
  /** Free text shown in alerts, at most 256 characters. Defaults to "". */
  description?: string;
  /** Key ARNs. Defaults to none. */
  keys?: string[];
  /** `alias/<name>` (stack region) or alias ARNs, looked up at deploy time. Defaults to none. */
  aliases?: string[];
  /** Tags a key must all carry to be selected at deploy time. Defaults to none. */
  tags?: Record<string, string>;
  /** Regions searched for tagged keys (only with tags). Defaults to the stack's region. */
  tagRegions?: string[];
  /** Key ARNs (also in `keys`) known to hold imported key material. Defaults to none. */
  importedKeys?: string[];
  /** Warn this many days (1 to 365) before imported material expires. Defaults to 30. */
  expiryWarningDays?: number;
  /** Who is told, merged list by list over the stack's notifications. Defaults to them. */
  notify?: AlertRouting;
  /** Data-plane baseline settings. Defaults to the baseline defaults. */
  baseline?: KeyGroupBaseline;
}

/** Arguments of {@link KmsMonitoringStack}: the stack config's settings (docs/CONFIG.md). */
export interface KmsMonitoringStackArgs {
  /** Environment name used in resource names (1-16 of [a-z0-9-]). Defaults to the stack name. */
  environment?: string;
  /** The stack's region (trail log group, topics, account alarms). Defaults to aws:region. */
  region?: string;
  /** How the stack gets its CloudTrail feed. Defaults to a created trail with default settings. */
  trail?: StackTrail;
  /** Default routing of every group's alerts. Defaults to no targets. */
  notifications?: AlertRouting;
  /** Targets of tamper and delivery-failure alarms. Defaults to the default targets of notifications. */
  security?: AlertTargets;
  /** Request-quota usage alarm threshold, 1 to 100 percent. Defaults to 80. */
  quotaAlarmPercent?: number;
  /** The key groups to watch: 1 to 1,000. Required. */
  keyGroups: KeyGroup[];
}

/**
 * The arguments as the config map the Pulumi CLI would give the program (`aws:region` and
 * `kms-monitoring:<key>`, structured values as JSON). The region defaults to aws:region.
 */
export function stackArgsConfig(args: KmsMonitoringStackArgs): Record<string, string> {
  const raw: Record<string, string> = {};
  const region = args.region ?? new pulumi.Config("aws").get("region");
  if (region !== undefined) raw["aws:region"] = region;
  if (args.environment !== undefined) raw[`${NAMESPACE}:environment`] = args.environment;
  const structured = {
    trail: args.trail,
    notifications: args.notifications,
    security: args.security,
    quotaAlarmPercent: args.quotaAlarmPercent,
    keyGroups: args.keyGroups,
  };
  for (const [key, value] of Object.entries(structured)) {
    if (value !== undefined) raw[`${NAMESPACE}:${key}`] = JSON.stringify(value);
  }
  return raw;
}

/** The validated model of the arguments; throws a ConfigError naming each config path. */
function stackModel(args: KmsMonitoringStackArgs): StackModel {
  return parseStackConfig(stackArgsConfig(args), { stack: pulumi.getStack() });
}

/**
 * Watches every KMS key of an environment, from arguments shaped like the stack config: the audit
 * trail, account alarms, alerting of every region, one monitor per key group and the dashboards.
 * Invalid arguments throw a ConfigError (as for stack config) before any resource exists.
 */
export class KmsMonitoringStack extends pulumi.ComponentResource<KmsMonitoring> {
  /** ARN of the trail (unset when an existing log group is used without its trail ARN). */
  readonly trailArn: pulumi.Output<string | undefined>;
  /** The log group the account alarms read. */
  readonly logGroupName: pulumi.Output<string>;
  /** Security topic ARN per region. */
  readonly securityTopicArns: pulumi.Output<Record<string, string>>;
  /** Per group: topic ARNs by `<region>/<route>`. */
  readonly groupTopicArns: pulumi.Output<Record<string, Record<string, string>>>;
  /** Console URLs of the environment's dashboard(s). */
  readonly dashboardUrls: pulumi.Output<string[]>;

  constructor(name: string, args: KmsMonitoringStackArgs, opts?: pulumi.ComponentResourceOptions) {
    stackModel(args);
    super("kms-monitoring:index:KmsMonitoringStack", name, args, opts);
    const monitoring = this.getData();
    this.trailArn = pulumi.output(monitoring.then((m) => m.trailArn));
    this.logGroupName = pulumi.output(monitoring.then((m) => m.logGroupName));
    this.securityTopicArns = pulumi.output(monitoring.then((m) => m.securityTopicArns));
    this.groupTopicArns = pulumi.output(monitoring.then((m) => m.groupTopicArns));
    this.dashboardUrls = pulumi.output(monitoring.then((m) => m.dashboardUrls));
    // Registered now: the SDK's own registration once initialize is done would be empty.
    this.registerOutputs({
      trailArn: this.trailArn,
      logGroupName: this.logGroupName,
      securityTopicArns: this.securityTopicArns,
      groupTopicArns: this.groupTopicArns,
      dashboardUrls: this.dashboardUrls,
    });
  }

  /**
   * Runs inside `super()`: the deploy-time lookups, then the facade as this component's child
   * (named like this component, so its resources are named as in the stack program).
   */
  protected async initialize(
    args: pulumi.Inputs,
    _opts?: pulumi.ComponentResourceOptions,
    name?: string,
  ): Promise<KmsMonitoring> {
    const componentName = name!;
    // Validated by the constructor already; parsing again is cheap and cannot fail.
    const model = stackModel(args as KmsMonitoringStackArgs);
    const lookups = await lookUpMonitoring(componentName, model, { parent: this });
    return new KmsMonitoring(componentName, { model, ...lookups }, { parent: this });
  }
}
