/**
 * KmsMonitoringStack: the whole monitoring of an environment from arguments shaped like the stack
 * config (docs/CONFIG.md), for programs in other languages (PulumiPlugin.yaml). The arguments are
 * validated like stack config before the component exists; the deploy-time lookups (account,
 * providers of other regions, key groups) run in the SDK's async component initialisation, which
 * then builds the {@link KmsMonitoring} facade as this component's child.
 */
import * as pulumi from "@pulumi/pulumi";
import { TrailMode } from "../config/model";
import type { StackOrganization } from "../organization/stack-args";
import type { AlertTargets } from "../alerts/subscriptions";
import { TOKENS } from "../core/tokens";
import { InputCarrier } from "../inputs/carry-inputs";
import { isPlainDeep } from "../inputs/resolve-inputs";
import { KmsMonitoring, lookUpMonitoring } from "./kms-monitoring";
import {
  type PlainStackArgs,
  resolveStackInputs,
  type StackInputs,
  validateStackArgs,
} from "./stack-inputs";

export type { AlertTargets };

// The argument interfaces below restate the config schema (components/config/schema.ts) because
// the multi-language schema analyzer reads interfaces, not zod. Their fields, types and doc
// comments are the schema's: test/package/analyzer.test.ts fails when they differ.

/** How the stack gets its CloudTrail feed (`kms-monitoring:trail`). */
export interface StackTrail {
  /**
   * "create" builds a multi-region trail of this account; "organization" the same as an
   * organization trail; "existing" reads the log group an existing trail delivers to. Defaults to
   * "create".
   */
  mode?: TrailMode;
  /** Days CloudWatch Logs keeps the trail's events. Allowed: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653. Defaults to `400`. */
  logRetentionDays?: number;
  /** Days before log files move to S3 Standard-IA (S3's minimum is 30). Allowed: an integer of at least 30. Defaults to `30`. */
  transitionToInfrequentAccessDays?: number;
  /** Days before log files move to S3 Glacier Flexible Retrieval; at least `transitionToInfrequentAccessDays` + 30 (S3 keeps objects in Standard-IA 30 days). Allowed: an integer of at least 1. Defaults to `90`. */
  transitionToGlacierDays?: number;
  /** Days before log files expire; `0` keeps them forever, otherwise more than `transitionToGlacierDays`. Allowed: an integer of at least 0. Defaults to `0`. */
  expireAfterDays?: number;
  /** Keep the bucket and log group on `pulumi destroy`. Defaults to `true`. */
  retainOnDelete?: boolean;
  /** Let `pulumi destroy` empty and delete the bucket. Defaults to `false`. */
  forceDestroy?: boolean;
  /** The log group the existing trail delivers to, in the stack's region. Required. */
  logGroupName?: pulumi.Input<string>;
  /** ARN of the existing trail `arn:<partition>:cloudtrail:<region>:<12-digit account>:trail/<name>`, for the dashboards and policies. Defaults to none. */
  trailArn?: pulumi.Input<string>;
}

/**
 * Severity routing (`kms-monitoring:notifications`, a key group's `notify`): default targets and
 * an optional critical override.
 */
export interface AlertRouting {
  /** E-mail addresses (SNS e-mail subscriptions; each recipient confirms once), compared without case. Defaults to `[]`. */
  emails?: pulumi.Input<string>[];
  /** `https:` URLs, such as a pager's SNS integration URL; `http:` is refused so alerts are encrypted in transit. Defaults to `[]`. */
  https?: pulumi.Input<string>[];
  /** SQS queue ARNs `arn:<partition>:sqs:<region>:<account>:<queue>` (not queue URLs); the queue policy must admit the topic. Defaults to `[]`. */
  sqs?: pulumi.Input<string>[];
  /** Lambda function ARNs `arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`. Defaults to `[]`. */
  lambda?: pulumi.Input<string>[];
  /** Targets of critical signals (a pager): an object of the same four lists. Without it, or when it has no target, critical signals go to the lists above. Defaults to none. */
  critical?: AlertTargets;
}

/** A key group's own anomaly-detection bands on its keys' data-plane use (opt-in). */
export interface KeyGroupBaseline {
  /** Alarm when the group's own data-plane use leaves its expected band. Off by default: the stack's `usageBaseline` already bands the account's use; turn this on for a group whose change in use must be seen on its own (it bills per key read, see `level`). Defaults to `false`. */
  enabled?: boolean;
  /** What one band watches: `group` sums up to 8 keys of a region per alarm (K + 2 x ceil(K/8) alarm metrics for K keys); `key` gives each key its own band (3 alarm metrics a key) and so also sees a burst or a stop on a quiet key of a large group. Defaults to `"group"`. */
  level?: string;
  /** Width of the expected band, in standard deviations. Allowed: a number from 0.5 to 10. Defaults to `2`. */
  bandWidth?: number;
  /** Periods evaluated; `periodSeconds` x `evaluationPeriods` must not exceed 604,800 seconds (7 days). Allowed: an integer from 1 to 24. Defaults to `3`. */
  evaluationPeriods?: number;
  /** Breaching periods (of the evaluated ones) that raise the alarm; at most `evaluationPeriods`. Allowed: an integer from 1 to 24. Defaults to `evaluationPeriods`. */
  datapointsToAlarm?: number;
  /** Length of one period, in seconds. Allowed: one of 60, 300, 900, 3600, 21600, 86400. Defaults to `3600`. */
  periodSeconds?: number;
}

/** The stack's account-level anomaly bands on KMS request-quota usage (on by default). */
export interface StackUsageBaseline {
  /** Alarm when the account's KMS cryptographic requests of a region (AWS/Usage CallCount of the symmetric, RSA and ECC request quotas, all keys of the account) leave their expected band: one alarm per quota and region, 3 alarm metrics each (priced in docs/DESIGN.md). Defaults to `true`. */
  enabled?: boolean;
  /** Width of the expected band, in standard deviations. Allowed: a number from 0.5 to 10. Defaults to `2`. */
  bandWidth?: number;
  /** Periods evaluated; `periodSeconds` x `evaluationPeriods` must not exceed 604,800 seconds (7 days). Allowed: an integer from 1 to 24. Defaults to `3`. */
  evaluationPeriods?: number;
  /** Breaching periods (of the evaluated ones) that raise the alarm; at most `evaluationPeriods`. Allowed: an integer from 1 to 24. Defaults to `evaluationPeriods`. */
  datapointsToAlarm?: number;
  /** Length of one period, in seconds. Allowed: one of 60, 300, 900, 3600, 21600, 86400. Defaults to `3600`. */
  periodSeconds?: number;
}

/** One team's or application's keys, watched together and alerting the same people. */
export interface KeyGroup {
  /** The group's name, part of its resource names (`kmsmon-<env>-<group>-<suffix>`); unique in the stack. Allowed: lowercase letters, digits and dashes, starting with a letter; at most 32 characters, no trailing dash, no `--`. Required. */
  name: string;
  /** Free text shown in alerts, at most 256 characters. Defaults to `""`. */
  description?: pulumi.Input<string>;
  /** Key ARNs `arn:<partition>:kms:<region>:<12-digit account>:key/<key id>` in the stack's partition; a key belongs to one group. Defaults to `[]`. */
  keys?: pulumi.Input<string>[];
  /** Keys selected by alias at deploy time: `alias/<name>` (in the stack's region) or alias ARNs (in their region); not `alias/aws/...`. Defaults to `[]`. */
  aliases?: pulumi.Input<string>[];
  /** Keys selected at deploy time by tags they must all carry (at most 50). Defaults to `{}`. */
  tags?: Record<string, string>;
  /** Regions of the stack's partition searched for tagged keys; only with `tags`. Defaults to `[<aws:region>]` with tags, `[]` without. */
  tagRegions?: string[];
  /** Key ARNs, also listed in `keys`, known to hold imported key material (keys of origin EXTERNAL are also found at deploy time). Defaults to `[]`. */
  importedKeys?: pulumi.Input<string>[];
  /** Warn this many days before imported key material expires. Allowed: an integer from 1 to 365. Defaults to `30`. */
  expiryWarningDays?: number;
  /** Who is told: the fields of `notifications`, merged list by list over them. Defaults to the stack's `notifications`. */
  notify?: AlertRouting;
  /** The group's own anomaly-detection bands on its keys' data-plane use (opt-in, priced per group). Defaults to off (`enabled: false`). */
  baseline?: KeyGroupBaseline;
}

/** Arguments of {@link KmsMonitoringStack}: the stack config's settings (docs/CONFIG.md). */
export interface KmsMonitoringStackArgs {
  /** The environment name used in every resource name (`kmsmon-<env>-...`). Allowed: lowercase letters, digits and dashes, starting with a letter; at most 16 characters, no trailing dash, no `--`. Defaults to the stack name, else `dev`. */
  environment?: string;
  /** The stack's region (trail log group, topics, account alarms). Defaults to aws:region. */
  region?: string;
  /** How the stack gets its CloudTrail feed; `mode` picks the other fields. Defaults to `{ mode: create }`. */
  trail?: StackTrail;
  /** The stack's default routing of every group's alerts. Defaults to no target. */
  notifications?: AlertRouting;
  /** Targets of tamper and delivery-failure alarms (the security team). Defaults to the default targets of `notifications`. */
  security?: AlertTargets;
  /** Alarm threshold of KMS request-quota usage, in percent of the quota. Allowed: a number from 1 to 100. Defaults to `80`. */
  quotaAlarmPercent?: number;
  /** The stack's baseline of normal use: anomaly bands on the account's KMS cryptographic requests per region and request quota. Defaults to on, band of 2 standard deviations over 3 hourly periods. */
  usageBaseline?: StackUsageBaseline;
  /** The key groups to watch: a team's or an application's keys, alerting the same people. Required. */
  keyGroups: KeyGroup[];
  /** Makes the stack the hub of an AWS Organization: members' KMS events and metrics reach it, a StackSet sets the members up. Defaults to none (one account). */
  organization?: StackOrganization;
}

/** What initialize builds: the facade, and the carrier of the inputs its resources were built from. */
interface StackData {
  monitoring: KmsMonitoring;
  carrier: InputCarrier;
}

/**
 * Models validated before the component exists (the constructor, or {@link
 * KmsMonitoringStack.prepare}), with the carrier of their inputs, by the arguments they came from.
 */
const validated = new WeakMap<object, StackInputs>();

/** The AWS provider in a component's options (Construct passes a map by package name). */
function awsProviderOf(
  opts?: pulumi.ComponentResourceOptions,
): pulumi.ProviderResource | undefined {
  const providers = opts?.providers;
  return (providers && !Array.isArray(providers) ? providers.aws : undefined) ?? opts?.provider;
}

/**
 * Watches every KMS key of an environment, from arguments shaped like the stack config: the audit
 * trail, account alarms, alerting of every region, one monitor per key group and the dashboards.
 * Invalid arguments throw a ConfigError (as for stack config) before any resource exists.
 *
 * Key ARNs, aliases, targets, descriptions and the existing trail's names may be Outputs (see
 * README "Outputs, unknowns and secrets"): they are resolved before validation, so a known value
 * is checked with the same message; a value unknown in a preview is planned with a stand-in and
 * every property built from it is unknown; a secret keeps every property built from it secret.
 */
export class KmsMonitoringStack extends pulumi.ComponentResource<StackData> {
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

  /**
   * Resolves the Outputs of `args` and validates them before the component exists. The package's
   * provider awaits it before `new`: invalid values inside Outputs then fail Construct with the
   * ConfigError itself, and nothing is registered. Found in initialize, the error could only
   * reach Construct as an unhandled rejection, which Pulumi's run-plugin formats with
   * `util.inspect(err, { colors: true })`: on Node releases with nodejs/node#64011 that loops
   * over a source-mapped `node_modules/@pulumi/<file>.ts` frame for tens of seconds, and it fails
   * every other Construct in flight.
   *
   * @param args - the component's arguments; the constructor then uses the validated model.
   * @param opts - the component's options: their AWS provider makes the account lookup stand-ins
   *   need in a preview. Defaults to none (the default AWS provider).
   * @throws ConfigError naming the config path, or UnknownInputError.
   */
  static async prepare(
    args: KmsMonitoringStackArgs,
    opts?: pulumi.ComponentResourceOptions,
  ): Promise<void> {
    // Plain arguments: the constructor validates them itself.
    if (isPlainDeep(args)) return;
    validated.set(args, await resolveStackInputs(args, { provider: awsProviderOf(opts) }));
  }

  constructor(name: string, args: KmsMonitoringStackArgs, opts?: pulumi.ComponentResourceOptions) {
    // Plain arguments fail before this component exists; Outputs are checked once resolved.
    if (isPlainDeep(args)) {
      validated.set(args, {
        model: validateStackArgs(args as PlainStackArgs),
        carrier: new InputCarrier([]),
      });
    }
    super(TOKENS.KmsMonitoringStack, name, args, opts);
    const data = this.getData();
    // In a TypeScript program (no prepare), arguments found invalid once their Outputs resolved
    // fail the deployment at once: left to the outputs below, the error would surface only when
    // they are serialized. The rejection is deliberately unhandled; the Pulumi runtime reports it.
    void data.then(() => undefined);
    const output = <T>(pick: (m: KmsMonitoring) => pulumi.Output<T>): pulumi.Output<T> =>
      pulumi.output(
        data.then(({ monitoring, carrier }) => carrier.carry(pick(monitoring))),
      ) as pulumi.Output<T>;
    this.trailArn = output((m) => m.trailArn);
    this.logGroupName = output((m) => m.logGroupName);
    this.securityTopicArns = output((m) => m.securityTopicArns);
    this.groupTopicArns = output((m) => m.groupTopicArns);
    this.dashboardUrls = output((m) => m.dashboardUrls);
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
   * Runs inside `super()`: resolves and validates Outputs of the arguments, the deploy-time
   * lookups, then the facade as this component's child (named like this component, so its
   * resources are named as in the stack program), with the inputs carried onto its resources.
   */
  protected async initialize(
    args: pulumi.Inputs,
    _opts?: pulumi.ComponentResourceOptions,
    name?: string,
  ): Promise<StackData> {
    const componentName = name!;
    const { model, carrier } =
      validated.get(args) ?? (await resolveStackInputs(args, { parent: this }));
    const lookups = await lookUpMonitoring(componentName, model, { parent: this });
    const monitoring = new KmsMonitoring(
      componentName,
      { model, ...lookups },
      { parent: this, transformations: [carrier.transformation] },
    );
    return { monitoring, carrier };
  }
}
