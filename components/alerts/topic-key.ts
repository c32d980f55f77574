/**
 * The {@link AlertTopicKey} component: the customer managed KMS key that encrypts every alert
 * topic of a stack in one region.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { accountOf, type AccountGiven } from "../core/place";
import { TOKENS } from "../core/tokens";
import { alertTopicKeyPolicy, toJson } from "../iam";
import { failFor, guarded, show } from "./checks";
import { AWS_LIMITS } from "../core/limits";

/** Type token of {@link AlertTopicKey}. */
export const ALERT_TOPIC_KEY_TYPE = TOKENS.AlertTopicKey;

// `alias/` plus the rest makes the alias name, within AWS's limit.
const ALIAS_NAME = new RegExp(
  `^[A-Za-z0-9/_-]{1,${AWS_LIMITS.aliasNameLength - "alias/".length}}$`,
);

/** Arguments of {@link AlertTopicKey}. */
export interface AlertTopicKeyArgs {
  /**
   * Alias of the key without the `alias/` prefix, e.g. `kmsmon-prod-alerts`; the alias created
   * is `alias/<aliasName>`. Required, no default; must not start with `aws/` (reserved by AWS).
   */
  aliasName: string;
  /** Tags of the key. Defaults to none. */
  tags?: Record<string, pulumi.Input<string>>;
}

/**
 * Checks `args` before anything is registered.
 *
 * @param name - the component's name.
 * @param args - the arguments.
 * @returns the alias name, checked.
 * @throws Error naming the component and the argument.
 */
export function validateAlertTopicKeyArgs(name: string, args: AlertTopicKeyArgs): string {
  const fail = failFor("AlertTopicKey", name);
  const aliasName = args?.aliasName;
  if (aliasName === undefined || aliasName === "") {
    fail("aliasName is required (the key's alias is alias/<aliasName>)");
  }
  if (typeof aliasName !== "string") fail(`aliasName: ${show(aliasName)} is not a string`);
  if (aliasName.startsWith("alias/")) {
    fail(`aliasName: ${show(aliasName)} must be given without "alias/"; the component adds it`);
  }
  if (aliasName.startsWith("aws/")) {
    fail(`aliasName: ${show(aliasName)} starts with "aws/", which AWS reserves for its own keys`);
  }
  if (!ALIAS_NAME.test(aliasName)) {
    fail(
      `aliasName: ${show(aliasName)} is not a KMS alias name (allowed: 1-250 letters, digits, ` +
        "slashes, underscores and hyphens)",
    );
  }
  return aliasName;
}

/**
 * One customer managed KMS key shared by all alert topics of a stack in a region, with rotation
 * on and the alert topic key policy (`alertTopicKeyPolicy`). A customer managed key is required:
 * CloudWatch alarms cannot publish to topics encrypted with the AWS managed key `alias/aws/sns`,
 * whose policy cannot be changed. One key per region keeps the cost at $1 a month per region.
 *
 * Children: `<name>-key` (aws.kms.Key) and `<name>-alias` (aws.kms.Alias).
 */
export class AlertTopicKey extends pulumi.ComponentResource {
  /** ARN of the key, for `AlertTopic`'s `kmsKeyArn`. */
  public readonly keyArn: pulumi.Output<string>;
  /** ID of the key. */
  public readonly keyId: pulumi.Output<string>;
  /** Full alias name, `alias/<aliasName>`. */
  public readonly aliasName: pulumi.Output<string>;

  /**
   * @param name Component name; children are `<name>-key` and `<name>-alias`.
   * @param args See {@link AlertTopicKeyArgs}; `aliasName` is required.
   * @param opts Component options (provider, parent, ...), inherited by every child.
   * @param given The account, when the caller knows it; looked up with the provider otherwise.
   * @throws Error naming the component and argument when `args` are invalid.
   */
  constructor(
    name: string,
    args: AlertTopicKeyArgs,
    opts?: pulumi.ComponentResourceOptions,
    given?: AccountGiven,
  ) {
    // Before super(): invalid input must register nothing, not even this component.
    const aliasName = validateAlertTopicKeyArgs(name, args);
    super(ALERT_TOPIC_KEY_TYPE, name, {}, opts);
    const fail = failFor("AlertTopicKey", name);

    const policy = accountOf(given?.account, this).apply((place) =>
      guarded(fail, () => toJson(alertTopicKeyPolicy(place))),
    );
    const key = new aws.kms.Key(
      `${name}-key`,
      {
        description: `Encrypts the kms-monitoring alert topics of this region (alias/${aliasName})`,
        enableKeyRotation: true,
        deletionWindowInDays: AWS_LIMITS.keyDeletionWindowMaxDays,
        policy,
        tags: args.tags,
      },
      { parent: this },
    );
    const alias = new aws.kms.Alias(
      `${name}-alias`,
      { name: `alias/${aliasName}`, targetKeyId: key.keyId },
      { parent: this },
    );

    this.keyArn = key.arn;
    this.keyId = key.keyId;
    this.aliasName = alias.name;
    this.registerOutputs({ keyArn: this.keyArn, keyId: this.keyId, aliasName: this.aliasName });
  }
}
