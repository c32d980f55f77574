/**
 * Drives the policy pack over the Analyzer protocol, as `pulumi preview --policy-pack policies`
 * does. The CLI's `pulumi-analyzer-policy` shim resolves `@pulumi/pulumi/cmd/run-policy-pack` from
 * the pack's directory and runs it with node there, passing the engine address and "."; the
 * pack's PolicyPack starts the analyzer gRPC server, which prints its port as the first line of
 * stdout. The engine then calls Handshake (the Node server answers UNIMPLEMENTED and the engine
 * falls back), ConfigureStack, GetAnalyzerInfo, GetPluginInfo, Configure with every policy's own
 * enforcement level and configSchema defaults (plus a `--policy-pack-config` file), Analyze for
 * each resource (its inputs) and AnalyzeStack once with every resource (its outputs).
 */
import { ChildProcess, spawn } from "child_process";
import { createRequire } from "module";
import { join } from "path";
import * as grpc from "@grpc/grpc-js";
import * as analyzerRpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import type { OfflineResource } from "../../policies/offline";
import { wireValue } from "../../policies/offline";

/** Loads modules as the generated messages do, so Struct and Empty are the classes they check. */
const protoRequire = createRequire(require.resolve("@pulumi/pulumi/proto/analyzer_pb"));
const structProto = protoRequire("google-protobuf/google/protobuf/struct_pb.js");
const emptyProto = protoRequire("google-protobuf/google/protobuf/empty_pb.js");

const PACK_DIR = join(__dirname, "..", "..", "policies");

/** How long the pack may take to print its port (ts-node type-checks it first). */
const START_TIMEOUT_MS = 90_000;

/** A resource as the engine knows it; `provider` is a provider reference `<urn>::<id>`. */
export type EngineResource = OfflineResource & { provider?: string };

/** One diagnostic the pack returned. */
export interface Diagnostic {
  policy: string;
  level: "advisory" | "mandatory";
  /** The violation's own message (the server prefixes it with the policy description). */
  message: string;
  urn?: string;
  /** Which call reported it. */
  call: "Analyze" | "AnalyzeStack";
}

/** A policy as GetAnalyzerInfo describes it. */
export interface PolicyInfo {
  name: string;
  level: string;
  configSchema?: { properties?: Record<string, { default?: unknown }> };
}

/** The config a `--policy-pack-config` file holds: policy (or "all") to a level or an entry. */
export type ConfigFile = Record<string, string | Record<string, unknown>>;

const LEVEL_NAMES: Record<number, string> = {
  0: "advisory",
  1: "mandatory",
  2: "disabled",
  3: "remediate",
};
const LEVEL_VALUES = Object.fromEntries(Object.entries(LEVEL_NAMES).map(([k, v]) => [v, +k]));

/** The pack, running in its own process, and a gRPC client on it. */
export class PackProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly client: any,
    /** Milliseconds from spawn to the port line. */
    readonly startMs: number,
  ) {}

  /** Starts the pack as the CLI does, for `stack` of `project`, as a preview. */
  static async start(project: string, stack: string): Promise<PackProcess> {
    const started = Date.now();
    const launcher = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [PACK_DIR] });
    const child = spawn(process.execPath, [launcher, "127.0.0.1:0", "."], {
      cwd: PACK_DIR,
      env: {
        ...process.env,
        PULUMI_CONFIG: JSON.stringify({ "aws:region": "us-east-1" }),
        PULUMI_NODEJS_PROJECT: project,
        PULUMI_NODEJS_STACK: stack,
        PULUMI_NODEJS_DRY_RUN: "true",
        PULUMI_PROJECT: project,
        PULUMI_STACK: stack,
        PULUMI_DRY_RUN: "true",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const port = await firstLine(child, START_TIMEOUT_MS).catch((e) => {
      child.kill("SIGTERM");
      throw e;
    });
    const client = new analyzerRpc.AnalyzerClient(
      `127.0.0.1:${port}`,
      grpc.credentials.createInsecure(),
      { "grpc.max_receive_message_length": 400 * 1024 * 1024 },
    );
    return new PackProcess(child, client, Date.now() - started);
  }

  /** Ends the pack process (only the one this object started). */
  stop(): void {
    this.client.close();
    if (this.child.exitCode === null) this.child.kill("SIGTERM");
  }

  /** Handshake: resolves to the gRPC status code of the answer (0 when implemented). */
  async handshake(): Promise<number> {
    const req = new analyzerProto.AnalyzerHandshakeRequest();
    req.setEngineAddress("127.0.0.1:0");
    req.setRootDirectory(PACK_DIR);
    req.setProgramDirectory(PACK_DIR);
    try {
      await this.call("handshake", req);
      return grpc.status.OK;
    } catch (e) {
      return (e as grpc.ServiceError).code;
    }
  }

  /** ConfigureStack with the stack's identity. */
  async configureStack(project: string, stack: string): Promise<void> {
    const req = new analyzerProto.AnalyzerStackConfigureRequest();
    req.setProject(project);
    req.setStack(stack);
    req.setOrganization("organization");
    req.setDryRun(true);
    await this.call("configureStack", req);
  }

  /** GetAnalyzerInfo: the pack's name and policies. */
  async analyzerInfo(): Promise<{ name: string; supportsConfig: boolean; policies: PolicyInfo[] }> {
    const info = await this.call("getAnalyzerInfo", new emptyProto.Empty());
    return {
      name: info.getName(),
      supportsConfig: info.getSupportsconfig(),
      policies: info.getPoliciesList().map((p: any) => ({
        name: p.getName(),
        level: LEVEL_NAMES[p.getEnforcementlevel()],
        configSchema: p.getConfigschema()
          ? { properties: p.getConfigschema().getProperties()?.toJavaScript() }
          : undefined,
      })),
    };
  }

  /** GetPluginInfo: the version of @pulumi/policy serving the pack. */
  async pluginVersion(): Promise<string> {
    return (await this.call("getPluginInfo", new emptyProto.Empty())).getVersion();
  }

  /** Configure with `config`: policy name to `{ enforcementLevel, ...properties }`. */
  async configure(config: Record<string, Record<string, unknown>>): Promise<void> {
    const req = new analyzerProto.ConfigureAnalyzerRequest();
    for (const [name, { enforcementLevel, ...props }] of Object.entries(config)) {
      const entry = new analyzerProto.PolicyConfig();
      entry.setEnforcementlevel(LEVEL_VALUES[enforcementLevel as string]);
      entry.setProperties(structProto.Struct.fromJavaScript(props));
      req.getPolicyconfigMap().set(name, entry);
    }
    await this.call("configure", req);
  }

  /** Analyze of each resource (inputs), then AnalyzeStack (outputs): every diagnostic. */
  async preview(resources: readonly EngineResource[]): Promise<Diagnostic[]> {
    const diagnostics: Diagnostic[] = [];
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    for (const r of resources) {
      const req = new analyzerProto.AnalyzeRequest();
      req.setType(r.type);
      req.setName(r.name);
      req.setUrn(r.urn);
      req.setProperties(toStruct(r.inputs));
      req.setOptions(options(r));
      const provider = providerOf(r, byUrn);
      if (provider) req.setProvider(provider);
      diagnostics.push(...read(await this.call("analyze", req), "Analyze", r.urn));
    }
    const req = new analyzerProto.AnalyzeStackRequest();
    req.setResourcesList(
      resources.map((r) => {
        const res = new analyzerProto.AnalyzerResource();
        res.setType(r.type);
        res.setName(r.name);
        res.setUrn(r.urn);
        res.setProperties(toStruct(r.outputs ?? r.inputs));
        res.setOptions(options(r));
        const provider = providerOf(r, byUrn);
        if (provider) res.setProvider(provider);
        if (r.parent) res.setParent(r.parent);
        res.setDependenciesList(r.dependencies ?? []);
        for (const [key, urns] of Object.entries(r.propertyDependencies ?? {})) {
          if (urns.length === 0) continue;
          const deps = new analyzerProto.AnalyzerPropertyDependencies();
          deps.setUrnsList(urns);
          res.getPropertydependenciesMap().set(key, deps);
        }
        return res;
      }),
    );
    diagnostics.push(...read(await this.call("analyzeStack", req), "AnalyzeStack"));
    return diagnostics;
  }

  private call(method: string, req: unknown): Promise<any> {
    return new Promise((resolve, reject) =>
      this.client[method](req, (err: Error | null, res: unknown) =>
        err ? reject(err) : resolve(res),
      ),
    );
  }
}

/**
 * The Configure request the CLI builds: each policy's own level and its configSchema defaults,
 * then the file's `all` level, then each policy's entry (an entry without a level keeps it).
 */
export function cliPolicyConfig(
  policies: readonly PolicyInfo[],
  file: ConfigFile = {},
): Record<string, Record<string, unknown>> {
  const config: Record<string, Record<string, unknown>> = {};
  for (const p of policies) {
    const defaults = Object.entries(p.configSchema?.properties ?? {}).flatMap(([k, s]) =>
      s.default === undefined ? [] : [[k, s.default]],
    );
    const all = typeof file.all === "string" ? { enforcementLevel: file.all } : {};
    const entry = file[p.name];
    const own = typeof entry === "string" ? { enforcementLevel: entry } : (entry ?? {});
    config[p.name] = {
      enforcementLevel: p.level,
      ...Object.fromEntries(defaults),
      ...all,
      ...own,
    };
  }
  return config;
}

function firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(
      () => reject(new Error(`policy pack printed no port in ${timeoutMs} ms: ${err}`)),
      timeoutMs,
    );
    child.stderr?.on("data", (d) => (err += d));
    child.stdout?.on("data", (d) => {
      out += d;
      const line = out.split("\n")[0];
      if (!out.includes("\n")) return;
      clearTimeout(timer);
      resolve(line.trim());
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`policy pack exited (${code}) before printing its port: ${err}`));
    });
  });
}

function toStruct(props: Record<string, unknown>): any {
  return structProto.Struct.fromJavaScript(wireValue(props));
}

function options(r: EngineResource): analyzerProto.AnalyzerResourceOptions {
  const opts = new analyzerProto.AnalyzerResourceOptions();
  opts.setProtect(r.protect ?? false);
  const timeouts = new analyzerProto.AnalyzerResourceOptions.CustomTimeouts();
  opts.setCustomtimeouts(timeouts);
  if (r.parent) opts.setParent(r.parent);
  return opts;
}

/** The provider resource a reference `<urn>::<id>` names, as the engine sends it. */
function providerOf(
  r: EngineResource,
  byUrn: Map<string, EngineResource>,
): analyzerProto.AnalyzerProviderResource | undefined {
  if (!r.provider) return undefined;
  const urn = r.provider.slice(0, r.provider.lastIndexOf("::"));
  const resource = byUrn.get(urn);
  const provider = new analyzerProto.AnalyzerProviderResource();
  provider.setUrn(urn);
  provider.setType(resource?.type ?? urn.split("::")[2]);
  provider.setName(resource?.name ?? urn.split("::")[3]);
  provider.setProperties(toStruct(resource?.outputs ?? resource?.inputs ?? {}));
  return provider;
}

/** The diagnostics of a response; the engine files Analyze's under the analyzed resource. */
function read(response: any, call: Diagnostic["call"], analyzed?: string): Diagnostic[] {
  return response.getDiagnosticsList().map((d: any) => {
    const prefix = `${d.getDescription()}\n`;
    const text: string = d.getMessage();
    const diagnostic: Diagnostic = {
      policy: d.getPolicyname(),
      level: LEVEL_NAMES[d.getEnforcementlevel()] as Diagnostic["level"],
      message: text.startsWith(prefix) ? text.slice(prefix.length) : text,
      call,
    };
    const urn = d.getUrn() || analyzed;
    if (urn) diagnostic.urn = urn;
    return diagnostic;
  });
}
