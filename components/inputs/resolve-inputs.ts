/**
 * Resolves the Outputs inside a component's arguments before validation: every Output (and every
 * unknown a preview sends) is replaced by its value, or, while unknown in a preview, by a
 * stand-in (stand-ins.ts). Each value that came through an Output is recorded as an
 * {@link InputLeaf}, so that the properties built from it carry its dependencies, secretness and
 * unknownness (carry-inputs.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { outputState } from "./output-state";
import { standInFor } from "./plain-rule";
import { newStandInToken, type StandInPlace } from "./stand-ins";

/** One string of the arguments that came through an Output. */
export interface InputLeaf {
  /** Its config path, e.g. `keyGroups[0].keys[1]`. */
  path: string;
  /** The value validated and planned with: the input's, or its stand-in while unknown. */
  value: string;
  /** The stand-in token when the value is not known yet. */
  standInToken?: string;
  /** Whether an Output it came through is secret. */
  secret: boolean;
  /** The Outputs it came through (outermost first): they carry dependencies, secret, unknown. */
  carriers: pulumi.Output<unknown>[];
}

/** The arguments with every Output resolved, and where each resolved string came from. */
export interface ResolvedInputs<T> {
  values: T;
  leaves: InputLeaf[];
}

/** Where the walk is: the Outputs above and whether any of them is secret. */
interface Trail {
  carriers: pulumi.Output<unknown>[];
  secret: boolean;
}

/** Whether a value holds no Output, Promise or unknown at any depth (checked without waiting). */
export function isPlainDeep(value: unknown): boolean {
  if (pulumi.Output.isInstance(value) || value instanceof Promise || pulumi.isUnknown(value)) {
    return false;
  }
  if (Array.isArray(value)) return value.every(isPlainDeep);
  if (value !== null && typeof value === "object") return Object.values(value).every(isPlainDeep);
  return true;
}

/** Thrown when a value the plan needs is unknown, or when an Output is unknown outside a preview. */
export class UnknownInputError extends Error {
  readonly __pulumiRunError = true;
}

/**
 * Resolves `args` deeply.
 *
 * @param args - the component's arguments, whose keys are config paths.
 * @param place - where stand-in ARNs point; asked for only when a value is unknown.
 * @returns the plain arguments and their leaves.
 * @throws UnknownInputError naming the path of an unknown value that cannot be stood in for.
 */
export async function resolveInputs<T>(
  args: T,
  place: () => Promise<StandInPlace>,
): Promise<ResolvedInputs<T>> {
  const leaves: InputLeaf[] = [];
  const unknownAt = async (path: string, trail: Trail): Promise<string> => {
    if (!pulumi.runtime.isDryRun()) {
      throw new UnknownInputError(`${path}: the value is still unknown during the update`);
    }
    const token = newStandInToken();
    const value = standInFor(path, token, await place());
    if (value === undefined) {
      throw new UnknownInputError(
        `${path}: must be known during a preview, it shapes the plan (lists and maps set how many ` +
          "rules, subscriptions and alarms there are; names, modes and numbers name and price " +
          "resources); only the items of key, alias and target lists, descriptions and the " +
          "trail's logGroupName and trailArn may be unknown",
      );
    }
    leaves.push({ path, value, standInToken: token, ...trail });
    return value;
  };
  const walk = async (value: unknown, path: string, trail: Trail): Promise<unknown> => {
    if (pulumi.Output.isInstance(value)) {
      const state = await outputState(value);
      const inner = { carriers: [...trail.carriers, value], secret: trail.secret || state.secret };
      return state.known ? walk(state.value, path, inner) : unknownAt(path, inner);
    }
    if (value instanceof Promise) return walk(await value, path, trail);
    if (pulumi.isUnknown(value)) {
      // An unknown sent as a bare value (not an Output): an unknown Output carries it instead.
      const unknown = pulumi.output(pulumi.unknown) as pulumi.Output<unknown>;
      return unknownAt(path, { ...trail, carriers: [...trail.carriers, unknown] });
    }
    if (Array.isArray(value)) {
      return Promise.all(value.map((item, i) => walk(item, `${path}[${i}]`, trail)));
    }
    if (value !== null && typeof value === "object") {
      const record = value as Record<string, unknown>;
      // A secret as an SDK may still send it inside a value (a signed object, not an Output).
      if (record[specialSigKey] === specialSecretSig) {
        return walk(record.value, path, { ...trail, secret: true });
      }
      const entries = await Promise.all(
        Object.entries(record).map(async ([k, v]) => [k, await walk(v, join(path, k), trail)]),
      );
      return Object.fromEntries(entries);
    }
    if (typeof value === "string" && trail.carriers.length > 0) {
      leaves.push({ path, value, secret: trail.secret, carriers: trail.carriers });
    }
    return value;
  };
  const values = (await walk(args, "", { carriers: [], secret: false })) as T;
  return { values, leaves };
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}
