/**
 * `npm run bench -- [--sizes 100,1000,10000]`: plans synthetic estates (ten keys a group, one
 * region) with our program and with a hand-written baseline that registers the same AWS resources
 * without components, each measurement in a child process of its own, and prints wall time, peak
 * memory, resources per key and the ours/baseline ratios. Under the mock runtime a resource costs
 * about 10 ms, so 10,000 keys take minutes (see docs/PLAN.md).
 */
import { spawn } from "child_process";
import { join } from "path";
import { table } from "../plan/tables";
import type { Measurement } from "./child";

/** Sizes run when `--sizes` is not given. */
export const DEFAULT_SIZES = [100, 1000, 10000];

/** Parses `--sizes 100,1000` (or `--sizes=...`); throws on anything else. */
export function parseSizes(argv: readonly string[]): number[] {
  let text: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--sizes") text = argv[++i];
    else if (argv[i].startsWith("--sizes=")) text = argv[i].slice("--sizes=".length);
    else throw new Error(`unknown argument "${argv[i]}"; usage: npm run bench -- --sizes 100,1000`);
  }
  if (text === undefined) return DEFAULT_SIZES;
  const sizes = text.split(",").map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 10_000)) {
    throw new Error(`--sizes: "${text}" is not a list of key counts from 1 to 10,000`);
  }
  return sizes;
}

/** Runs one measurement in a child process and parses its JSON line. */
function measure(variant: "ours" | "baseline", keys: number): Promise<Measurement> {
  const child = spawn(
    process.execPath,
    [
      "--max-old-space-size=8192",
      "-r",
      "ts-node/register/transpile-only",
      join(__dirname, "child.ts"),
      variant,
      String(keys),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`${variant} with ${keys} keys exited with ${code}`));
      else resolve(JSON.parse(out.trim().split("\n").pop() ?? "{}") as Measurement);
    }),
  );
}

/** Types whose counts differ between the two runs, as "type: ours/baseline". */
function typeDifferences(ours: Measurement, base: Measurement): string[] {
  const types = new Set([...Object.keys(ours.awsByType), ...Object.keys(base.awsByType)]);
  return [...types]
    .filter((t) => (ours.awsByType[t] ?? 0) !== (base.awsByType[t] ?? 0))
    .map((t) => `${t}: ${ours.awsByType[t] ?? 0}/${base.awsByType[t] ?? 0}`);
}

const awsCount = (m: Measurement) => Object.values(m.awsByType).reduce((a, b) => a + b, 0);
const fixed = (n: number, digits = 1) => n.toFixed(digits);

/** One table row of a size. */
function row(ours: Measurement, base: Measurement): string[] {
  const diff = typeDifferences(ours, base);
  return [
    ours.keys.toLocaleString("en-US"),
    ours.resources.toLocaleString("en-US"),
    fixed(ours.resources / ours.keys, 2),
    fixed(awsCount(ours) / ours.keys, 2),
    fixed(ours.wallSeconds),
    fixed(base.wallSeconds),
    fixed(ours.wallSeconds / base.wallSeconds, 2),
    fixed(ours.peakRssMb, 0),
    fixed(base.peakRssMb, 0),
    fixed(ours.peakRssMb / base.peakRssMb, 2),
    diff.length ? `no (${diff.join("; ")})` : "yes",
  ];
}

const HEADERS = [
  "keys",
  "resources",
  "per key",
  "AWS per key",
  "ours s",
  "base s",
  "time ratio",
  "ours MB",
  "base MB",
  "memory ratio",
  "same AWS resources",
];

async function run(argv: readonly string[]): Promise<void> {
  const sizes = parseSizes(argv);
  const rows: string[][] = [];
  for (const keys of sizes) {
    process.stderr.write(`bench: ${keys} keys, ours...\n`);
    const ours = await measure("ours", keys);
    process.stderr.write(`bench: ${keys} keys, baseline...\n`);
    const base = await measure("baseline", keys);
    rows.push(row(ours, base));
  }
  const align = HEADERS.map((_, i) => (i === HEADERS.length - 1 ? "left" : "right")) as (
    "left" | "right"
  )[];
  process.stdout.write(`${table(HEADERS, rows, align)}\n`);
  process.stdout.write(
    "Wall time: program start to last registration under the mock runtime. Peak memory: maxRSS " +
      "of the child process. Per key: all resources (components included); AWS per key: AWS " +
      "resources only.\n",
  );
}

if (require.main === module) {
  run(process.argv.slice(2)).catch((error: Error) => {
    process.stderr.write(`bench failed: ${error.message}\n`);
    process.exit(1);
  });
}
