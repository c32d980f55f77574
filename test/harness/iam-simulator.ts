// Thin wrapper around @cloud-copilot/iam-simulate used by the policy tests: one request in, one
// decision out, with every simulator validation error and every silently dropped context key turned
// into a thrown error so that a test can never pass because the engine ignored part of it.
import {
  type AnonymousRequestPrincipal,
  type Simulation,
  allowedContextKeysForRequest,
  anonymousPrincipal,
  isWildcardOnlyAction,
  runSimulation,
  runUnsafeSimulation,
} from "@cloud-copilot/iam-simulate";
import type { PolicyDocument } from "../../components/iam/policy-document";

/** Final decision of an authorization request. */
export type Decision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

/** The principal of an unsigned (anonymous) request. */
export const ANONYMOUS: AnonymousRequestPrincipal = anonymousPrincipal;

/** One request to evaluate. */
export interface SimulateArgs {
  /** Policy attached to the resource (bucket, key, topic, queue policy or role trust policy). */
  resourcePolicy?: PolicyDocument;
  /** Identity policies attached to the calling principal. Default: none. */
  identityPolicies?: PolicyDocument[];
  /** Caller: a service principal, an IAM ARN, or {@link ANONYMOUS}. */
  principal: string | AnonymousRequestPrincipal;
  /** Action, `service:Action`. */
  action: string;
  /** ARN of the resource the action is on. */
  resource: string;
  /** Account owning the resource. */
  accountId: string;
  /** Request context keys, passed explicitly (the engine derives none). Default: none. */
  context?: Record<string, string | string[]>;
}

/**
 * Turns a documented condition-key template such as `kms:encryptioncontext:${encryptioncontextkey}`
 * into a case-insensitive matcher.
 *
 * @param template - lower-case key template from the service authorization data.
 * @returns a regular expression matching concrete keys.
 */
function templateMatcher(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped.replace(/\\\$\\\{[^}]*\\\}/g, ".+")}$`, "i");
}

/**
 * Evaluates one request the way AWS would, with @cloud-copilot/iam-simulate.
 *
 * `runSimulation` validates the policies, the action, the resource ARN's type and the context
 * keys. It drops context keys whose documented form has a colon-delimited variable part
 * (`kms:EncryptionContext:${EncryptionContextKey}`, e.g. `kms:EncryptionContext:aws:logs:arn`),
 * so when only such documented keys were dropped the same, already validated, request is evaluated
 * again with `runUnsafeSimulation`, which keeps every key. Any other dropped key is an error.
 *
 * @param args - see {@link SimulateArgs}.
 * @returns the decision.
 * @throws Error when the simulator rejects the input or a context key does not apply to the action.
 */
export async function simulate(args: SimulateArgs): Promise<Decision> {
  const simulation: Simulation = {
    identityPolicies: (args.identityPolicies ?? []).map((policy, index) => ({
      name: `identity-${index}`,
      policy,
    })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: args.resourcePolicy,
    request: {
      principal: args.principal,
      action: args.action,
      resource: { resource: args.resource, accountId: args.accountId },
      contextVariables: args.context ?? {},
    },
  };
  const response = await runSimulation(simulation, {});
  if (response.resultType === "error") {
    throw new Error(`Simulation rejected: ${JSON.stringify(response.errors)}`);
  }
  if (response.resultType !== "single") {
    throw new Error(`Resource "${args.resource}" must be a single ARN without wildcards`);
  }
  const ignored = response.result.ignoredContextKeys ?? [];
  if (ignored.length === 0) return response.overallResult;

  const [service = "", action = ""] = args.action.split(":");
  const allowed = await allowedContextKeysForRequest(
    service,
    action,
    args.resource,
    false,
    undefined,
  );
  const matchers = allowed.filter((key) => key.includes("${")).map(templateMatcher);
  const unknown = ignored.filter((key) => !matchers.some((matcher) => matcher.test(key)));
  if (unknown.length > 0) {
    throw new Error(`Context keys not applicable to ${args.action}: ${unknown.join(", ")}`);
  }
  return runUnsafeSimulation(
    {
      ...simulation,
      // A validated-policy envelope gives the unsafe engine the policy name it reports with.
      resourcePolicy:
        args.resourcePolicy === undefined
          ? undefined
          : {
              __validated: true,
              policyDocument: args.resourcePolicy,
              metadata: { name: "resource-policy" },
              errors: [],
            },
    },
    {},
  );
}

/**
 * An identity policy allowing the given actions on every resource, for callers whose own
 * permissions must not be what limits them.
 *
 * @param actions - actions to allow, e.g. `kms:*`.
 * @returns the identity policy document.
 */
export function allowAllIdentityPolicy(...actions: string[]): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [{ Sid: "AllowAll", Effect: "Allow", Action: actions, Resource: "*" }],
  };
}

/**
 * Whether an action (without wildcards) exists in the simulator's service authorization data. The
 * simulator does not reject unknown actions inside policies (they just never match), so documents
 * are checked with this.
 *
 * @param action - `service:Action`.
 * @returns true when the action is known.
 */
export async function actionExists(action: string): Promise<boolean> {
  const [service = "", name = ""] = action.split(":");
  try {
    await isWildcardOnlyAction(service, name);
    return true;
  } catch {
    return false;
  }
}
