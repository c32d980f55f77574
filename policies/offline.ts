/**
 * Runs the pack's policies without the Pulumi CLI: on resources recorded by the mock runtime or
 * written by hand. It builds the same arguments the policy server builds (props behind
 * @pulumi/policy's unknown-checking proxy, resources linked to their parent and dependencies),
 * applies the config the way `--policy-pack-config` does (configSchema defaults, "all", levels,
 * "disabled"), and collects violations of both `reportViolation(message)` and
 * `reportViolation(message, urn)`. Remediations are not run. It never creates a PolicyPack, so it
 * starts no server.
 *
 * Unknown values: a value unknown at preview is written as `undefined` (the mock runtime records
 * unknown inputs that way) or as `UNKNOWN` from ./lib/known; leave a property out to mean "not
 * set". As in the CLI, a policy that reads an unknown value through its props gets an
 * UnknownValueError, reported as an advisory "can't run policy ... during preview" violation.
 */
import type {
  EnforcementLevel,
  Policies,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import * as policyProxy from "@pulumi/policy/proxy";
import { allPolicies } from "./all";
import { withClock } from "./lib/clock";
import { UNKNOWN, WIRE_UNKNOWN } from "./lib/known";
import { PackConfig, resolvePackConfig, ResolvedPolicyConfig } from "./lib/policy-config";

export type { PackConfig, PolicyConfigEntry } from "./lib/policy-config";

/** A resource to validate, as the engine registered it. */
export interface OfflineResource {
  /** Type token, e.g. "aws:kms/key:Key". */
  type: string;
  /** Logical name. */
  name: string;
  urn: string;
  /** URN of the parent. */
  parent?: string;
  /** Inputs: what resource policies see. */
  inputs: Record<string, unknown>;
  /** Outputs: what stack policies see (the engine passes the resource's state). Defaults to inputs. */
  outputs?: Record<string, unknown>;
  /** URNs the resource depends on. */
  dependencies?: string[];
  /** URNs each input property depends on. */
  propertyDependencies?: Record<string, string[]>;
  /** Whether the resource is protected. */
  protect?: boolean;
}

/** One violation. */
export interface PolicyViolation {
  policy: string;
  level: "advisory" | "mandatory";
  message: string;
  /** URN of the resource in violation; undefined for the stack as a whole. */
  resource?: string;
}

/** Options of {@link runPoliciesOffline}. */
export interface OfflineOptions {
  /** Policy config as in a `--policy-pack-config` file. */
  config?: PackConfig;
  /** The time policies judge against. Defaults to the system clock. */
  now?: Date;
  /** The policies to run. Defaults to the whole pack. */
  policies?: Policies;
  /** Stack tags policies may read. */
  stackTags?: Record<string, string>;
}

interface ProxyModule {
  unknownCheckingProxy(value: unknown): Record<string, unknown>;
  UnknownValueError: new (...args: never[]) => Error;
}
// Not in the package's typings, but what its policy server wraps props in.
const proxy = policyProxy as unknown as ProxyModule;

/** Thrown by `notApplicable`; ends one validation without a violation. */
class NotApplicable extends Error {}

/** Runs `policies` (default: the pack) on `resources`; resolves to every violation reported. */
export async function runPoliciesOffline(
  resources: readonly OfflineResource[],
  options: OfflineOptions = {},
): Promise<PolicyViolation[]> {
  const policies = options.policies ?? allPolicies;
  const config = resolvePackConfig(policies, options.config);
  const stackTags: ReadonlyMap<string, string> = new Map(Object.entries(options.stackTags ?? {}));
  return withClock(options.now, async () => {
    const violations: PolicyViolation[] = [];
    for (const policy of policies) {
      const settings = config.get(policy.name) as ResolvedPolicyConfig;
      if (settings.level === "disabled" || !("validateResource" in policy)) continue;
      const resourcePolicy = policy as ResourceValidationPolicy;
      for (const resource of resources) {
        await runResourcePolicy(resourcePolicy, settings, resource, stackTags, violations);
      }
    }
    for (const policy of policies) {
      const settings = config.get(policy.name) as ResolvedPolicyConfig;
      if (settings.level === "disabled" || !("validateStack" in policy)) continue;
      await runStackPolicy(
        policy as StackValidationPolicy,
        settings,
        resources,
        stackTags,
        violations,
      );
    }
    return violations;
  });
}

async function runResourcePolicy(
  policy: ResourceValidationPolicy,
  settings: ResolvedPolicyConfig,
  resource: OfflineResource,
  stackTags: ReadonlyMap<string, string>,
  out: PolicyViolation[],
): Promise<void> {
  const validations = policy.validateResource ?? [];
  for (const validate of Array.isArray(validations) ? validations : [validations]) {
    // The server skips a type-bound validation for other types without calling it.
    const boundType = (validate as { __pulumiType?: string }).__pulumiType;
    if (boundType && boundType !== resource.type) continue;
    const props = wireProps(resource.inputs);
    const args: ResourceValidationArgs = {
      type: resource.type,
      name: resource.name,
      urn: resource.urn,
      props,
      opts: resourceOptions(resource),
      stackTags,
      isType: (cls) => typeOf(cls) === resource.type,
      // Typed props are the same plain data; the casts only satisfy the generic signatures.
      asType: (cls: unknown) => (typeOf(cls) === resource.type ? (props as never) : undefined),
      getConfig: <T extends object>() => structuredClone(settings.params) as T,
      notApplicable: notApplicable,
    };
    const report: ReportViolation = (message) =>
      void out.push(violation(policy.name, settings, message, resource.urn));
    await guarded(policy.name, resource.urn, settings, out, () => validate(args, report));
  }
}

async function runStackPolicy(
  policy: StackValidationPolicy,
  settings: ResolvedPolicyConfig,
  resources: readonly OfflineResource[],
  stackTags: ReadonlyMap<string, string>,
  out: PolicyViolation[],
): Promise<void> {
  const args: StackValidationArgs = {
    resources: policyResources(resources),
    stackTags,
    getConfig: <T extends object>() => structuredClone(settings.params) as T,
    notApplicable: notApplicable,
  };
  const report: ReportViolation = (message, urn) =>
    void out.push(violation(policy.name, settings, message, urn || undefined));
  await guarded(policy.name, undefined, settings, out, () => policy.validateStack(args, report));
}

/** The stack's resources as the server links them: parent, dependencies, propertyDependencies. */
export function policyResources(resources: readonly OfflineResource[]): PolicyResource[] {
  const linked = resources.map((r) => {
    const props = wireProps(r.outputs ?? r.inputs);
    const resource: PolicyResource = {
      type: r.type,
      name: r.name,
      urn: r.urn,
      props,
      opts: resourceOptions(r),
      dependencies: [],
      propertyDependencies: {},
      isType: (cls) => typeOf(cls) === r.type,
      asType: (cls: unknown) => (typeOf(cls) === r.type ? (props as never) : undefined),
    };
    return { r, resource };
  });
  const byUrn = new Map(linked.map(({ resource }) => [resource.urn, resource]));
  const find = (urns: readonly string[] = []) => urns.flatMap((u) => byUrn.get(u) ?? []);
  for (const { r, resource } of linked) {
    if (r.parent && byUrn.has(r.parent)) resource.parent = byUrn.get(r.parent);
    resource.dependencies = find(r.dependencies);
    for (const [key, urns] of Object.entries(r.propertyDependencies ?? {})) {
      resource.propertyDependencies[key] = find(urns);
    }
  }
  return linked.map((l) => l.resource);
}

/** Runs one validation, turning notApplicable and unknown reads into what the server makes of them. */
async function guarded(
  policy: string,
  urn: string | undefined,
  settings: ResolvedPolicyConfig,
  out: PolicyViolation[],
  run: () => void | Promise<void>,
): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (e instanceof NotApplicable) return;
    if (e instanceof proxy.UnknownValueError) {
      const message = `can't run policy '${policy}' during preview: ${e.message}`;
      out.push({ ...violation(policy, settings, message, urn), level: "advisory" });
      return;
    }
    const where = urn ? ` on ${urn}` : "";
    throw new Error(`policy '${policy}' failed${where}: ${(e as Error).message}`, { cause: e });
  }
}

function violation(
  policy: string,
  settings: ResolvedPolicyConfig,
  message: string,
  resource: string | undefined,
): PolicyViolation {
  const level = settings.level as Exclude<EnforcementLevel, "disabled" | "remediate">;
  return resource ? { policy, level, message, resource } : { policy, level, message };
}

function notApplicable(reason?: string): never {
  throw new NotApplicable(reason ?? "not applicable");
}

/** Props as the server passes them: unknowns as the engine's sentinel, behind the proxy. */
function wireProps(inputs: Record<string, unknown>): Record<string, unknown> {
  return proxy.unknownCheckingProxy(wireValue(inputs));
}

/** A value as the engine puts it on the wire: unknowns (`undefined`, `UNKNOWN`) as its sentinel. */
export function wireValue(value: unknown): unknown {
  if (value === undefined || value === UNKNOWN) return WIRE_UNKNOWN;
  if (Array.isArray(value)) return value.map(wireValue);
  if (
    value !== null &&
    typeof value === "object" &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wireValue(v)]));
  }
  return value;
}

function resourceOptions(r: OfflineResource): PolicyResource["opts"] {
  return {
    protect: r.protect ?? false,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
    ...(r.parent ? { parent: r.parent } : {}),
  };
}

function typeOf(cls: unknown): string | undefined {
  return (cls as { __pulumiType?: string } | undefined)?.__pulumiType;
}
