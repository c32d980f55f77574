/**
 * `npm run test:consumer`: the package as a platform team installs it. Packs the tarball, installs
 * it into a new project beside `@pulumi/pulumi@^3.270` and `@pulumi/aws@^7` (from npm's cache when
 * it can), then checks one copy of each SDK and no docker provider, type-checks the README's
 * TypeScript example under Pulumi's aws-typescript template tsconfig and runs it under Pulumi's
 * mocks with the README's config example. Exits non-zero on the first failed check.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

import type { MockCallArgs, MockResourceArgs } from "@pulumi/pulumi/runtime/mocks";
import { parse } from "yaml";

import { answerInvoke } from "../tools/mock-runtime/fake-invokes";
import { fakeArn, fakeState } from "../tools/mock-runtime/fake-state";

const ROOT = join(__dirname, "..");

/** Pulumi's aws-typescript template tsconfig: strict, no skipLibCheck, no esModuleInterop. */
export const TEMPLATE_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts"],
};

/** The fenced block between two markers of the README. */
export function readmeBlock(readme: string, marker: string, fence: string): string {
  const start = readme.indexOf(`<!-- ${marker}:start`);
  const end = readme.indexOf(`<!-- ${marker}:end -->`);
  if (start < 0 || end < start) throw new Error(`README has no ${marker} markers`);
  const block = readme.slice(start, end).match(new RegExp("```" + fence + "\\n([\\s\\S]*?)```"));
  if (!block) throw new Error(`README's ${marker} has no \`\`\`${fence} block`);
  return block[1];
}

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function step<T>(title: string, fn: () => T): T {
  const started = Date.now();
  const result = fn();
  console.log(`ok  ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** Runs the compiled example under mocks with the consumer's own SDK; returns registered types. */
async function runUnderMocks(project: string, config: Record<string, unknown>): Promise<string[]> {
  // The consumer's own SDK copy, the one its compiled program loads.
  const sdk = join(project, "node_modules", "@pulumi", "pulumi");
  const pulumi: typeof import("@pulumi/pulumi") = await import(sdk);
  const settings: { waitForRPCs(): Promise<void> } = await import(join(sdk, "runtime", "settings"));
  const world = {
    accountId: "111122223333",
    region: "us-east-1",
    partition: "aws",
    aliases: {
      "alias/payments-settlement":
        "arn:aws:kms:us-east-1:111122223333:key/5b9e7d21-8c4f-4a36-b0e3-2f1d6c8a7b54",
    },
  };
  const types: string[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args: MockResourceArgs) {
        types.push(args.type);
        const state = fakeState(args.type, args.name, args.inputs, world);
        const arn = fakeArn(args.type, args.name, state, world);
        return { id: state.id ?? `${args.name}-id`, state: arn ? { ...state, arn } : state };
      },
      call: (args: MockCallArgs) => answerInvoke(args.token, args.inputs, world),
    },
    "consumer",
    "prod",
    false,
  );
  const encoded: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) {
    encoded[k] = typeof v === "string" ? v : JSON.stringify(v);
  }
  pulumi.runtime.setAllConfig(encoded);
  // The example is `export = async () => ...`: the module is the function (`default` once imported).
  const loaded = await import(join(project, "bin"));
  const program = (loaded.default ?? loaded) as () => Promise<Record<string, unknown>>;
  const outputs = await program();
  await new Promise<void>((resolve) => pulumi.all(Object.values(outputs)).apply(() => resolve()));
  await settings.waitForRPCs();
  return types;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "kms-monitoring-consumer-"));
  try {
    const tarball = step("npm pack", () => {
      run("npm", ["pack", "--silent", "--pack-destination", work], ROOT);
      return join(
        work,
        readdirSync(work).find((f) => f.endsWith(".tgz"))!,
      );
    });
    console.log(`    tarball ${(readFileSync(tarball).length / 1024).toFixed(1)} kB`);

    const project = join(work, "project");
    run("mkdir", ["-p", project], work);
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "consumer", version: "1.0.0", private: true }),
    );
    step("npm install the tarball beside @pulumi/pulumi@^3.270 and @pulumi/aws@^7", () =>
      run(
        "npm",
        [
          "install",
          "--prefer-offline",
          "--no-audit",
          "--no-fund",
          tarball,
          "@pulumi/pulumi@^3.270",
          "@pulumi/aws@^7",
          "typescript@~5.9.3",
          "@types/node@^20",
        ],
        project,
      ),
    );

    step("one copy of each SDK, no docker provider", () => {
      for (const sdk of ["@pulumi/pulumi", "@pulumi/aws"]) {
        const paths = run("npm", ["ls", "--all", "--parseable", sdk], project)
          .split("\n")
          .filter((line) => line.endsWith(sdk));
        const unique = [...new Set(paths)];
        console.log(`    ${sdk}: ${unique.length} copy (${unique.join(", ")})`);
        check(unique.length === 1, `${sdk} is installed ${unique.length} times`);
      }
      const all = run("npm", ["ls", "--all", "--parseable"], project);
      check(!/docker/i.test(all), "a docker package is installed");
      console.log(
        `    node_modules: ${run("du", ["-sh", "node_modules"], project).split("\t")[0]}`,
      );
    });

    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    writeFileSync(join(project, "index.ts"), readmeBlock(readme, "consumer-example", "ts"));
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify(TEMPLATE_TSCONFIG, null, 2));
    step("tsc with Pulumi's template tsconfig compiles the README example", () =>
      run(join(project, "node_modules", ".bin", "tsc"), ["-p", "."], project),
    );

    const config = parse(readmeBlock(readme, "config-example", "yaml")).config;
    const types = await runUnderMocks(project, config);
    const trails = types.filter((t) => t === "aws:cloudtrail/trail:Trail").length;
    console.log(
      `ok  the README example runs under mocks: ${types.length} resources, ${trails} trail`,
    );
    check(trails === 1, `the README example creates ${trails} CloudTrail trails`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    const failure = e as Error & { stdout?: unknown; stderr?: unknown };
    console.error(`FAILED: ${failure.message}`);
    if (failure.stdout) console.error(String(failure.stdout));
    if (failure.stderr) console.error(String(failure.stderr));
    process.exit(1);
  },
);
