/**
 * What an Output holds right now: its value, whether it is known (a preview leaves values of
 * resources not yet created unknown), whether it is secret and the resources it depends on.
 *
 * The SDK's public API only reaches a value inside `apply`, which never runs for an unknown value
 * and hides secretness; the plan needs all four facts before it builds anything. They are read
 * here from the Output's own fields (`promise`, `isKnown`, `isSecret`, `allResources`, present on
 * every Output of @pulumi/pulumi 3.x, output.ts OutputImpl), and nowhere else in the package.
 */
import * as pulumi from "@pulumi/pulumi";

/** The four facts of one Output. */
export interface OutputState {
  /** The value; undefined (or containing unknowns) when not known. */
  value: unknown;
  known: boolean;
  secret: boolean;
  /** Every resource the Output depends on. */
  resources: pulumi.Resource[];
}

/** The SDK's Output fields this module reads (internal to @pulumi/pulumi, stable across 3.x). */
interface OutputInternals {
  promise(withUnknowns?: boolean): Promise<unknown>;
  isKnown: Promise<boolean>;
  isSecret: Promise<boolean>;
  allResources?: () => Promise<Set<pulumi.Resource>>;
}

/** Reads an Output's value, knownness, secretness and dependencies. */
export async function outputState(output: pulumi.Output<unknown>): Promise<OutputState> {
  const internals = output as unknown as OutputInternals;
  const [value, known, secret, resources] = await Promise.all([
    internals.promise(true),
    internals.isKnown,
    internals.isSecret,
    internals.allResources?.() ?? Promise.resolve(new Set<pulumi.Resource>()),
  ]);
  return { value, known, secret, resources: [...resources] };
}
