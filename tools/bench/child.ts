/**
 * One benchmark measurement in a process of its own (so its peak memory is its own): plans a
 * synthetic estate with our program or the baseline under the mock runtime and prints one JSON
 * line: wall time, peak RSS, heap, and resource counts by type.
 *
 * Usage: node -r ts-node/register/transpile-only tools/bench/child.ts ours|baseline KEYS
 */
import { runUnderMocks } from "../mock-runtime/mock-runtime";
import { runPlan } from "../plan/run";
import { baselineProgram } from "./baseline";
import { benchConfig } from "./estate";

/** What one measurement prints. */
export interface Measurement {
  variant: "ours" | "baseline";
  keys: number;
  /** Seconds from the start of the program to its last registration. */
  wallSeconds: number;
  /** Peak resident set size of the process, MB. */
  peakRssMb: number;
  /** Heap in use after the run, MB. */
  heapUsedMb: number;
  resources: number;
  /** AWS resources (custom, providers excluded) by type. */
  awsByType: Record<string, number>;
}

async function measure(variant: string, keys: number): Promise<Measurement> {
  const started = process.hrtime.bigint();
  let resources;
  if (variant === "ours") {
    resources = (await runPlan(benchConfig(keys), "bench", { taggedKeys: 0 })).resources;
  } else if (variant === "baseline") {
    resources = (await runUnderMocks(() => baselineProgram(keys), { stack: "bench" })).resources;
  } else {
    throw new Error(`unknown variant ${variant}: use ours or baseline`);
  }
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const awsByType: Record<string, number> = {};
  for (const r of resources) {
    if (!r.custom || r.type.startsWith("pulumi:providers:")) continue;
    awsByType[r.type] = (awsByType[r.type] ?? 0) + 1;
  }
  return {
    variant,
    keys,
    wallSeconds,
    // maxRSS is in kilobytes.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: process.memoryUsage().heapUsed / 1024 / 1024,
    resources: resources.length,
    awsByType,
  };
}

if (require.main === module) {
  const [variant, keys] = process.argv.slice(2);
  measure(variant, Number(keys)).then(
    (m) => {
      process.stdout.write(`${JSON.stringify(m)}\n`);
      process.exit(0);
    },
    (error) => {
      process.stderr.write(`${(error as Error).stack}\n`);
      process.exit(1);
    },
  );
}
