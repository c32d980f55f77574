/**
 * The package as the Pulumi CLI runs it for other languages: `node <package>/node_modules/@pulumi/
 * pulumi/cmd/run-plugin <package dir> <engine address>` with PULUMI_NODEJS_TYPESCRIPT=true, started
 * in the user's directory (here a new empty one), talking gRPC to an engine and a resource monitor
 * that this module fakes. The monitor answers provider functions and records every registration.
 */
import { ChildProcess, execFileSync, spawn } from "child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

import * as grpc from "@grpc/grpc-js";
import * as engrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engproto from "@pulumi/pulumi/proto/engine_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import * as resrpc from "@pulumi/pulumi/proto/resource_grpc_pb";
import {
  deserializeProperties,
  serializeProperties,
  specialOutputValueSig,
  specialSecretSig,
  specialSigKey,
  unknownValue,
} from "@pulumi/pulumi/runtime/rpc";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";

import { answerInvoke, MockAwsWorld } from "../harness/fake-invokes";
import { fakeArn, fakeState } from "../harness/fake-state";

export const PACKAGE_DIR = join(__dirname, "..", "..");
export const PROJECT = "consumer";
export const STACK = "dev";

/** Newest modification time (ms) of the files under a folder whose names end with `suffix`. */
function newestUnder(dir: string, suffix: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return Math.max(newest, newestUnder(path, suffix));
    return entry.name.endsWith(suffix) ? Math.max(newest, statSync(path).mtimeMs) : newest;
  }, 0);
}

/**
 * Builds bin/ as `npm install` does in the package folder before the CLI runs it, unless the last
 * build is newer than every source (after `npm ci`, which builds, the suite need not build again).
 */
export function buildIfStale(): void {
  const buildInfo = join(PACKAGE_DIR, "bin", ".tsbuildinfo");
  const sources = Math.max(
    newestUnder(join(PACKAGE_DIR, "components"), ".ts"),
    ...["plugin.js", "package.json", "tsconfig.json", "tsconfig.build.json"].map(
      (f) => statSync(join(PACKAGE_DIR, f)).mtimeMs,
    ),
  );
  if (existsSync(buildInfo) && statSync(buildInfo).mtimeMs > sources) return;
  execFileSync("npm", ["run", "--silent", "build"], {
    cwd: PACKAGE_DIR,
    stdio: ["ignore", "ignore", "inherit"],
  });
  // tsc leaves its build info untouched when nothing changed: mark this build as the newest.
  const now = new Date();
  utimesSync(buildInfo, now, now);
}

/** One registration the fake monitor received. */
export interface Registration {
  type: string;
  name: string;
  custom: boolean;
  parent: string;
  /** Inputs as they travel over gRPC: plain JSON and Pulumi's signed objects (secrets, unknowns). */
  inputs: Record<string, unknown>;
}

/** A property value as it travels over gRPC: plain JSON or Pulumi's signed objects. */
export type WireValue = unknown;

/** A secret, as another language's SDK sends it. */
export function secret(value: WireValue): WireValue {
  return { [specialSigKey]: specialSecretSig, value };
}

/**
 * An Output of another resource, as an SDK sends it when the provider accepts output values: its
 * value (omitted when unknown), whether it is secret and the URNs it depends on.
 */
export function outputValue(output: {
  value?: WireValue;
  secret?: boolean;
  dependencies?: string[];
}): WireValue {
  return {
    [specialSigKey]: specialOutputValueSig,
    ...(output.value === undefined ? {} : { value: output.value }),
    ...(output.secret ? { secret: true } : {}),
    ...(output.dependencies ? { dependencies: output.dependencies } : {}),
  };
}

/** A value not known yet (a preview), as another language's SDK sends it. */
export const UNKNOWN: WireValue = unknownValue;

/** The fake engine and resource monitor, on one gRPC server. */
export class FakeEngine {
  readonly registrations: Registration[] = [];
  readonly logs: string[] = [];
  private readonly server = new grpc.Server();
  /** Region of each AWS provider, by its name. */
  private readonly providerRegions = new Map<string, string>();
  address = "";

  constructor(private readonly world: MockAwsWorld) {}

  async start(): Promise<string> {
    this.server.addService(resrpc.ResourceMonitorService, this.monitor() as any);
    this.server.addService(engrpc.EngineService, this.engine() as any);
    const port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) =>
        e ? reject(e) : resolve(p),
      ),
    );
    this.address = `127.0.0.1:${port}`;
    return this.address;
  }

  stop(): void {
    this.server.forceShutdown();
  }

  private urn(type: string, name: string, parent: string): string {
    const qualified = parent ? `${parent.split("::")[2]}$${type}` : type;
    return `urn:pulumi:${STACK}::${PROJECT}::${qualified}::${name}`;
  }

  private monitor(): Record<string, (call: any, callback: any) => void> {
    const features = [
      resproto.ResourceMonitorFeature.RESOURCE_MONITOR_FEATURE_SECRETS,
      resproto.ResourceMonitorFeature.RESOURCE_MONITOR_FEATURE_RESOURCE_REFERENCES,
      resproto.ResourceMonitorFeature.RESOURCE_MONITOR_FEATURE_OUTPUT_VALUES,
      resproto.ResourceMonitorFeature.RESOURCE_MONITOR_FEATURE_ALIAS_SPECS,
      resproto.ResourceMonitorFeature.RESOURCE_MONITOR_FEATURE_DELETED_WITH,
    ];
    return {
      supportsFeature: (call, callback) => {
        const resp = new resproto.SupportsFeatureResponse();
        resp.setHassupport(call.request.getId() !== "transforms");
        callback(null, resp);
      },
      getDeploymentInfo: (_call, callback) => {
        const resp = new resproto.DeploymentInfo();
        resp.setSupportedfeaturesList(features);
        callback(null, resp);
      },
      invoke: (call, callback) => {
        try {
          const args = call.request.getArgs()?.toJavaScript() ?? {};
          const resp = new resproto.ResourceInvokeResponse();
          resp.setReturn(
            Struct.fromJavaScript(answerInvoke(call.request.getTok(), args, this.world)),
          );
          callback(null, resp);
        } catch (e) {
          callback(e, undefined);
        }
      },
      registerResource: (call, callback) => {
        this.register(call.request).then(
          (resp) => callback(null, resp),
          (e) => callback(e, undefined),
        );
      },
      registerResourceOutputs: (_call, callback) => callback(null, new Empty()),
      registerPackage: (_call, callback) => {
        const resp = new resproto.RegisterPackageResponse();
        resp.setRef("fake-package-ref");
        callback(null, resp);
      },
    };
  }

  /** Records a registration and answers with the state a provider would compute. */
  private async register(req: any): Promise<resproto.RegisterResourceResponse> {
    const wire = req.getObject()?.toJavaScript() ?? {};
    const type: string = req.getType();
    const name: string = req.getName();
    this.registrations.push({
      type,
      name,
      custom: req.getCustom(),
      parent: req.getParent(),
      inputs: wire,
    });
    const inputs = deserializeProperties(req.getObject());
    if (type === "pulumi:providers:aws") this.providerRegions.set(name, inputs.region);
    // A provider reference is "<urn>::<id>"; the URN ends with the provider's name.
    const providerName = (req.getProvider() as string).split("::").slice(-2, -1)[0] ?? "";
    const where = {
      ...this.world,
      region: this.providerRegions.get(providerName) ?? this.world.region,
    };
    const state = req.getCustom() ? fakeState(type, name, inputs, where) : inputs;
    const arn = req.getCustom() ? fakeArn(type, name, state, where) : undefined;
    const resp = new resproto.RegisterResourceResponse();
    resp.setUrn(this.urn(type, name, req.getParent()));
    resp.setId(req.getCustom() ? (state.id ?? `${name}-id`) : "");
    resp.setObject(
      Struct.fromJavaScript(await serializeProperties("", arn ? { ...state, arn } : state)),
    );
    return resp;
  }

  private engine(): Record<string, (call: any, callback: any) => void> {
    return {
      log: (call, callback) => {
        this.logs.push(call.request.getMessage());
        callback(null, new Empty());
      },
      getRootResource: (_call, callback) => {
        const resp = new engproto.GetRootResourceResponse();
        resp.setUrn(`urn:pulumi:${STACK}::${PROJECT}::pulumi:pulumi:Stack::${PROJECT}-${STACK}`);
        callback(null, resp);
      },
      setRootResource: (_call, callback) => callback(null, new engproto.SetRootResourceResponse()),
    };
  }
}

/** The package's plugin process and a client of its provider service. */
export interface PluginProcess {
  port: number;
  /** Milliseconds from spawn to the port line on stdout. */
  msToPort: number;
  client: provrpc.ResourceProviderClient;
  stderr: () => string;
  stop: () => void;
}

/** Starts run-plugin from a new empty directory, as the CLI does from the user's directory. */
export async function startPlugin(engineAddress: string): Promise<PluginProcess> {
  const cwd = mkdtempSync(join(tmpdir(), "kms-monitoring-user-"));
  const runPlugin = join(PACKAGE_DIR, "node_modules", "@pulumi", "pulumi", "cmd", "run-plugin");
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, [runPlugin, PACKAGE_DIR, engineAddress], {
    cwd,
    env: { ...process.env, PULUMI_NODEJS_TYPESCRIPT: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  const stop = () => {
    child.kill();
    rmSync(cwd, { recursive: true, force: true });
  };
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = "";
    child.stdout!.on("data", (d) => {
      stdout += d;
      const line = stdout.split("\n")[0];
      if (stdout.includes("\n")) resolve(Number(line.trim()));
    });
    child.on("exit", (code) =>
      reject(new Error(`run-plugin exited with ${code} before printing its port:\n${stderr}`)),
    );
  }).catch((e) => {
    stop();
    throw e;
  });
  const client = new provrpc.ResourceProviderClient(
    `127.0.0.1:${port}`,
    grpc.credentials.createInsecure(),
  );
  return { port, msToPort: Date.now() - started, client, stderr: () => stderr, stop };
}

/**
 * Builds bin/ if stale, starts a fake engine for `world` and the plugin, runs `use`, then stops
 * both (the measurements of tools/bench).
 */
export async function withPlugin<T>(
  world: MockAwsWorld,
  use: (plugin: PluginProcess, engine: FakeEngine) => Promise<T>,
): Promise<T> {
  buildIfStale();
  const engine = new FakeEngine(world);
  const plugin = await startPlugin(await engine.start());
  try {
    return await use(plugin, engine);
  } finally {
    plugin.stop();
    engine.stop();
  }
}

/** GetSchema: the package schema as the CLI receives it. */
export function getSchema(client: provrpc.ResourceProviderClient): Promise<any> {
  return new Promise((resolve, reject) =>
    client.getSchema(new provproto.GetSchemaRequest(), (e, resp) =>
      e ? reject(e) : resolve(JSON.parse(resp!.getSchema())),
    ),
  );
}

/** What Construct asks for: a component, its inputs as they travel over the wire. */
export interface ConstructCall {
  type: string;
  name: string;
  inputs: Record<string, WireValue>;
  /** A preview (values may be unknown). Defaults to false. */
  dryRun?: boolean;
  /** Stack config as the CLI passes it (`<namespace>:<key>` to a string). */
  config?: Record<string, string>;
  /** URNs each top-level input depends on, as the CLI passes them. */
  inputDependencies?: Record<string, string[]>;
}

/** Construct over gRPC with the engine's own address as the monitor, as the CLI does. */
export function construct(
  client: provrpc.ResourceProviderClient,
  monitorAddress: string,
  call: ConstructCall,
): Promise<{ urn: string; state: Record<string, unknown> }> {
  const req = new provproto.ConstructRequest();
  req.setProject(PROJECT);
  req.setStack(STACK);
  req.setOrganization("organization");
  req.setDryrun(call.dryRun ?? false);
  req.setParallel(4);
  req.setMonitorendpoint(monitorAddress);
  req.setType(call.type);
  req.setName(call.name);
  req.setInputs(Struct.fromJavaScript(call.inputs as any));
  req.setAcceptsOutputValues(true);
  for (const [k, v] of Object.entries(call.config ?? {})) req.getConfigMap().set(k, v);
  for (const [k, urns] of Object.entries(call.inputDependencies ?? {})) {
    const deps = new provproto.ConstructRequest.PropertyDependencies();
    deps.setUrnsList(urns);
    req.getInputdependenciesMap().set(k, deps);
  }
  return new Promise((resolve, reject) =>
    client.construct(req, (e, resp) =>
      e
        ? reject(e)
        : resolve({ urn: resp!.getUrn(), state: resp!.getState()?.toJavaScript() ?? {} }),
    ),
  );
}
