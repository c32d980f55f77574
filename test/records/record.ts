/**
 * The generated record of what the example stacks deploy: every resource's type, name, parent,
 * provider, resource options (retainOnDelete, protect) and inputs (JSON documents parsed) in
 * <stack>.json, the stack outputs and warnings in <stack>.outputs.json. `npm run record` rewrites
 * them; the record test fails when a run differs, so any change to what a stack deploys is
 * reviewed as a diff.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { type MockRun, type RecordedResource, unwrap } from "../harness/mock-runtime";

/** Everything the record keeps of one stack. */
export interface StackRecord {
  /** The stack outputs, resolved. */
  outputs: unknown;
  /** What the program warned about (pulumi.log.warn). */
  warnings: string[];
  /** Every resource, sorted by type and name. */
  resources: RecordEntry[];
}

/** One resource as the record keeps it. */
export interface RecordEntry {
  type: string;
  name: string;
  /** Name of the parent resource; absent at the stack root. */
  parent?: string;
  /** Name of the explicit provider; absent for the default one. */
  provider?: string;
  /** Set only when the resource survives `pulumi destroy`. */
  retainOnDelete?: true;
  /** Set only when the resource is protected from deletion. */
  protect?: true;
  inputs: Record<string, unknown>;
}

/** Inputs that carry JSON documents: parsed so that the record diffs line by line. */
const JSON_INPUTS = [
  "policy",
  "assumeRolePolicy",
  "eventPattern",
  "deliveryPolicy",
  "redrivePolicy",
  "dashboardBody",
  "inputTemplate",
];

/** The files of a stack's record: resources, then outputs and warnings. */
export function recordFiles(stack: string): { resources: string; outputs: string } {
  return {
    resources: join(__dirname, `${stack}.json`),
    outputs: join(__dirname, `${stack}.outputs.json`),
  };
}

/** The committed record of `stack`. */
export function committedRecord(stack: string): StackRecord {
  const files = recordFiles(stack);
  const read = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));
  const { outputs, warnings } = read(files.outputs) as Omit<StackRecord, "resources">;
  return { outputs, warnings, resources: read(files.resources) as RecordEntry[] };
}

/** The record of a run: its outputs resolved, its warnings and its resources. */
export async function stackRecordOf(run: MockRun<unknown>): Promise<StackRecord> {
  const outputs = sortKeys(await unwrap(run.result));
  return { outputs, warnings: [...run.warnings].sort(), resources: recordOf(run) };
}

/** The resources of a run, sorted by type and name so that registration order does not matter. */
export function recordOf(run: MockRun<unknown>): RecordEntry[] {
  const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
  return run.resources
    .map((r) => entryOf(r, byUrn))
    .sort((a, b) => (a.type === b.type ? cmp(a.name, b.name) : cmp(a.type, b.type)));
}

function entryOf(r: RecordedResource, byUrn: Map<string, RecordedResource>): RecordEntry {
  const entry: RecordEntry = { type: r.type, name: r.name, inputs: sortedInputs(r.inputs) };
  if (r.parent) entry.parent = byUrn.get(r.parent)?.name ?? r.parent;
  if (r.provider) entry.provider = r.provider.split("::").slice(0, -1).join("::").split("::").pop();
  if (r.retainOnDelete) entry.retainOnDelete = true;
  if (r.protect) entry.protect = true;
  return entry;
}

function sortedInputs(inputs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(inputs).sort()) {
    const value = inputs[key];
    out[key] = JSON_INPUTS.includes(key) && typeof value === "string" ? tryParse(value) : value;
  }
  return sortKeys(out) as Record<string, unknown>;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
