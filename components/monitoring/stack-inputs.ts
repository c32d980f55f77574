/**
 * KmsMonitoringStack's arguments from Outputs to a validated model: Outputs resolved (stand-ins
 * while unknown in a preview), then the same parseStackValues as stack config, with the same
 * messages naming the config path. Secret values never appear in those messages.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { partitionOfRegion } from "../core/arn";
import { ConfigError } from "../config/errors";
import type { StackModel } from "../config/model";
import { parseStackValues, type StackValues } from "../config/parse";
import { InputCarrier } from "../inputs/carry-inputs";
import { type InputLeaf, resolveInputs } from "../inputs/resolve-inputs";

/** The plain arguments: what parseStackValues validates, plus the region. */
export type PlainStackArgs = StackValues & { region?: string };

/** A validated model and the carrier of the inputs it was built from. */
export interface StackInputs {
  model: StackModel;
  carrier: InputCarrier;
}

/** The stack's region: the `region` argument, else aws:region. */
function regionOf(args: { region?: unknown }): string | undefined {
  const region = typeof args.region === "string" ? args.region : undefined;
  return region ?? new pulumi.Config("aws").get("region");
}

/**
 * Validates plain arguments; throws a ConfigError naming each config path (secret values hidden).
 *
 * @param args - the arguments, every Output resolved.
 * @param leaves - the values that came through Outputs (secret ones are hidden in messages).
 */
export function validateStackArgs(args: PlainStackArgs, leaves: InputLeaf[] = []): StackModel {
  // `region` is the stack's (aws:region), not a config key of kms-monitoring.
  const values: PlainStackArgs = { ...args };
  delete values.region;
  try {
    return parseStackValues(values, { region: regionOf(args), stack: pulumi.getStack() });
  } catch (error) {
    const secrets = leaves.filter((l) => l.secret && l.value !== "").map((l) => l.value);
    if (!(error instanceof ConfigError) || secrets.length === 0) throw error;
    throw new ConfigError(
      error.issues.map((issue) => ({ ...issue, message: redact(issue.message, secrets) })),
    );
  }
}

/** The message with every secret value (in any case) replaced by `[secret]`. */
function redact(message: string, secrets: string[]): string {
  const pattern = secrets.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  return message.replace(new RegExp(pattern, "gi"), "[secret]");
}

/**
 * An importedKeys entry unknown in a preview must name one of the group's keys: it stands for the
 * key given by the same Output, else the group's first unknown key, else its first key. Once known
 * (the update), the real value is checked like any other.
 */
function alignImportedKeys(args: PlainStackArgs, leaves: InputLeaf[]): void {
  const groups = (Array.isArray(args.keyGroups) ? args.keyGroups : []) as Record<string, unknown>[];
  groups.forEach((group, g) => {
    const keys = Array.isArray(group?.keys) ? (group.keys as string[]) : [];
    const imported = Array.isArray(group?.importedKeys) ? (group.importedKeys as string[]) : [];
    const keyLeaves = leaves.filter((l) => l.path.startsWith(`keyGroups[${g}].keys[`));
    imported.forEach((_, i) => {
      const leaf = leaves.find((l) => l.path === `keyGroups[${g}].importedKeys[${i}]`);
      if (leaf?.standInToken === undefined) return;
      const source = leaf.carriers[leaf.carriers.length - 1];
      const same = keyLeaves.find((k) => k.carriers[k.carriers.length - 1] === source);
      const stand = same ?? keyLeaves.find((k) => k.standInToken !== undefined);
      const value = stand?.value ?? keys[0];
      if (value === undefined) return;
      imported[i] = value;
      leaf.value = value;
      // Marked by the key it stands as: that key's properties are unknown too.
      leaf.standInToken = stand?.standInToken;
    });
  });
}

/**
 * Resolves every Output of the arguments and validates them.
 *
 * @param args - the component's arguments.
 * @param lookup - options of the account lookup that stand-in ARNs need (made only for a value
 *   unknown in a preview): the component as parent, or its AWS provider before it exists.
 * @returns the model and the carrier of the inputs (see carry-inputs.ts).
 */
export async function resolveStackInputs(
  args: pulumi.Inputs,
  lookup: pulumi.InvokeOptions,
): Promise<StackInputs> {
  const place = async () => {
    const region = regionOf(args) ?? "us-east-1";
    const identity = await aws.getCallerIdentity({}, lookup);
    return { region, partition: partitionOfRegion(region) ?? "aws", accountId: identity.accountId };
  };
  const { values, leaves } = await resolveInputs(args as PlainStackArgs, place);
  alignImportedKeys(values, leaves);
  return { model: validateStackArgs(values, leaves), carrier: new InputCarrier(leaves) };
}
