/**
 * The shape shared by our resource policies: run only on some resource types, on plain props
 * (see `known`), and report violations about the resource being validated.
 */
import type { ReportViolation, ResourceValidation, ResourceValidationArgs } from "@pulumi/policy";
import { knownProps, Props } from "./known";

/** A validation of one resource, given its props as plain data. */
export type KnownResourceValidation = (
  props: Props,
  args: ResourceValidationArgs,
  reportViolation: ReportViolation,
) => void | Promise<void>;

/**
 * A resource validation that runs `validate` for resources of `types` only, like
 * `validateResourceOfType` but by type token (no provider SDK needed at run time) and with
 * unknown values turned into `UNKNOWN` instead of aborting the policy.
 */
export function validateTypes(
  types: readonly string[],
  validate: KnownResourceValidation,
): ResourceValidation {
  const fn: ResourceValidation = (args, reportViolation) => {
    if (!types.includes(args.type)) {
      args.notApplicable(`Policy only applies to resources of type ${types.join(", ")}`);
    }
    return validate(knownProps(args.props), args, reportViolation);
  };
  // With one type, the policy server skips every other type without calling the validation.
  if (types.length === 1) (fn as { __pulumiType?: string }).__pulumiType = types[0];
  return fn;
}

/** The logical name of the resource validated, quoted as messages show it. */
export function quoted(name: string): string {
  return JSON.stringify(name);
}
