/**
 * Runs a Pulumi program or component under the SDK's mock runtime and records every resource and
 * invoke, so tests and the offline plan see exact types, names, parents and inputs. No CLI, plugin
 * or AWS needed.
 */
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { fakeArn, fakeState } from "./fake-state";
import { answerInvoke, KeyDescription, MockAwsWorld } from "./fake-invokes";

export { KeyDescription, MockAwsWorld };

/** One registered resource as the engine would see it. */
export interface RecordedResource {
  type: string;
  name: string;
  urn: string;
  /** URN of the parent resource; undefined for resources at the stack root. */
  parent?: string;
  /** Resolved inputs, as the provider would receive them. */
  inputs: Record<string, any>;
  /** The provider reference (`<urn>::<id>`) when one was given explicitly. */
  provider?: string;
  protect: boolean;
  retainOnDelete: boolean;
  custom: boolean;
  /** The state the mock returned (inputs plus computed ARNs and IDs). */
  state: Record<string, any>;
  /** URNs of the resources this one depends on. */
  dependencies: string[];
  /** URNs each input property depends on. */
  propertyDependencies: Record<string, string[]>;
  /** What a component registered as its outputs (registerOutputs); absent for custom resources. */
  outputs?: Record<string, any>;
}

/** One provider function call. */
export interface RecordedInvoke {
  token: string;
  inputs: Record<string, any>;
  provider?: string;
}

/** Options of a mock run. */
export interface MockRunOptions extends Partial<MockAwsWorld> {
  /** Pulumi project name. Defaults to "kms-monitoring". */
  project?: string;
  /** Stack name. Defaults to "test". */
  stack?: string;
  /** Config as the CLI passes it: `<namespace>:<key>` to a string (objects are JSON-encoded here). */
  config?: Record<string, unknown>;
  /** Run as a preview. Defaults to false. */
  preview?: boolean;
  /** Called with each resource once its registration is answered (progress reports). */
  onResource?: (resource: RecordedResource) => void;
}

/** Everything a mock run produced. */
export class MockRun<T> {
  constructor(
    readonly result: T,
    readonly resources: RecordedResource[],
    readonly invokes: RecordedInvoke[],
    readonly warnings: string[],
  ) {}

  /** Resources of one type token, e.g. "aws:sns/topic:Topic". */
  ofType(type: string): RecordedResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  /** The single resource with this type and name; throws when absent or ambiguous. */
  one(type: string, name: string): RecordedResource {
    const found = this.resources.filter((r) => r.type === type && r.name === name);
    if (found.length !== 1) {
      const names = this.ofType(type).map((r) => r.name);
      throw new Error(`expected one ${type} named ${name}, found ${found.length} (have: ${names})`);
    }
    return found[0];
  }

  /** Children whose parent is the given resource. */
  childrenOf(parent: RecordedResource): RecordedResource[] {
    return this.resources.filter((r) => r.parent === parent.urn);
  }

  /** Count of resources by type token. */
  countByType(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
    return counts;
  }
}

class RecordingMonitor extends MockMonitor {
  readonly recorded: RecordedResource[] = [];
  onResource?: (resource: RecordedResource) => void;

  async registerResource(req: any, callback: (err: any, response: any) => void): Promise<void> {
    await super.registerResource(req, (err: any, response: any) => {
      if (!err) {
        const urn: string = response.getUrn();
        this.recorded.push({
          type: req.getType(),
          name: req.getName(),
          urn,
          parent: req.getParent() || undefined,
          inputs: pulumi.runtime.deserializeProperties(req.getObject()),
          provider: req.getProvider() || undefined,
          protect: req.getProtect() === true,
          retainOnDelete: req.getRetainondelete() === true,
          custom: req.getCustom() === true,
          state: pulumi.runtime.deserializeProperties(response.getObject()),
          dependencies: req.getDependenciesList(),
          propertyDependencies: propertyDependenciesOf(req),
        });
        this.onResource?.(this.recorded[this.recorded.length - 1]);
      }
      callback(err, response);
    });
  }

  registerResourceOutputs(req: any, callback: (err: any, response: any) => void): void {
    recordOutputs(this.recorded, req);
    super.registerResourceOutputs(req, callback);
  }
}

/** Records a component's registered outputs on its recorded resource. */
function recordOutputs(recorded: RecordedResource[], req: any): void {
  const resource = recorded.find((r) => r.urn === req.getUrn());
  const outputs = req.getOutputs();
  if (resource && outputs) resource.outputs = pulumi.runtime.deserializeProperties(outputs);
}

/** The request's property dependencies as plain lists of URNs. */
function propertyDependenciesOf(req: any): Record<string, string[]> {
  const deps: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((value: any, key: string) => {
    deps[key] = value.getUrnsList();
  });
  return deps;
}

let runQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs `program` under mocks and resolves once every resource registration has finished.
 * Runs are serialized: the SDK keeps its settings in process-wide state.
 */
export function runUnderMocks<T>(
  program: () => T | Promise<T>,
  options: MockRunOptions = {},
): Promise<MockRun<T>> {
  const run = runQueue.then(() => runOnce(program, options));
  runQueue = run.catch(() => undefined);
  return run;
}

async function runOnce<T>(
  program: () => T | Promise<T>,
  options: MockRunOptions,
): Promise<MockRun<T>> {
  const world: MockAwsWorld = {
    accountId: options.accountId ?? "111122223333",
    region: options.region ?? "us-east-1",
    partition: options.partition ?? "aws",
    describeKey: options.describeKey,
    taggedKeys: options.taggedKeys,
    aliases: options.aliases,
  };
  const invokes: RecordedInvoke[] = [];
  const warnings: string[] = [];
  const providerRegions = new Map<string, string>();
  const mocks: pulumi.runtime.Mocks = {
    newResource(args) {
      const region = regionOf(args.provider, providerRegions, world.region);
      if (args.type === "pulumi:providers:aws") {
        providerRegions.set(args.name, args.inputs.region ?? world.region);
      }
      const state = fakeState(args.type, args.name, args.inputs, { ...world, region });
      const arn = fakeArn(args.type, args.name, state, { ...world, region });
      return { id: state.id ?? `${args.name}-id`, state: arn ? { ...state, arn } : state };
    },
    call(args) {
      invokes.push({ token: args.token, inputs: args.inputs, provider: args.provider });
      const region = regionOf(args.provider, providerRegions, world.region);
      return answerInvoke(args.token, args.inputs, { ...world, region });
    },
  };
  const project = options.project ?? "kms-monitoring";
  await pulumi.runtime.setMocks(mocks, project, options.stack ?? "test", options.preview ?? false);
  const monitor = new RecordingMonitor(mocks);
  monitor.onResource = options.onResource;
  pulumi.runtime.setMockOptions(monitor, project, options.stack ?? "test", options.preview);
  keepSecrets();
  setConfig(options.config ?? {}, world.region);

  const originalWarn = pulumi.log.warn;
  (pulumi.log as any).warn = (message: string) => {
    warnings.push(message);
    return Promise.resolve();
  };
  try {
    const result = await program();
    await waitForRegistrations();
    return new MockRun(result, monitor.recorded, invokes, warnings);
  } finally {
    (pulumi.log as any).warn = originalWarn;
  }
}

/**
 * Lets secrets reach the monitor as secrets, as the engine's monitor does. setMockOptions resets
 * the SDK's feature flags (supportsSecrets false), so a secret input would be recorded as a plain
 * value; only the secrets flag is restored (the other features would change what is recorded).
 */
function keepSecrets(): void {
  // The SDK's per-run store (runtime/state.ts), internal, so not in its typings.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const state = require("@pulumi/pulumi/runtime/state") as {
    getStore(): { supportsSecrets: boolean };
  };
  state.getStore().supportsSecrets = true;
}

/**
 * Waits until every queued registration has been answered. The SDK exports this from its runtime
 * but marks it internal, so its type is not declared.
 */
function waitForRegistrations(): Promise<void> {
  return (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

function setConfig(config: Record<string, unknown>, region: string): void {
  const encoded: Record<string, string> = { "aws:region": region };
  for (const [key, value] of Object.entries(config)) {
    encoded[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  pulumi.runtime.setAllConfig(encoded);
}

function regionOf(
  provider: string | undefined,
  providerRegions: Map<string, string>,
  fallback: string,
): string {
  if (!provider) return fallback;
  // A provider reference is "<urn>::<id>"; the URN ends with the provider's name.
  const urn = provider.split("::").slice(0, -1).join("::");
  const name = urn.split("::").pop() ?? "";
  return providerRegions.get(name) ?? fallback;
}

/** Resolves an Output (or plain value) to its value; secrets are unwrapped too. */
export function unwrap<T>(value: pulumi.Input<T>): Promise<T> {
  return new Promise<T>((resolve) => pulumi.output(value).apply((v) => resolve(v as T)));
}
