/**
 * What the program tests share: the program run under mocks, the mock AWS world of the prod stack,
 * memoized runs of the example stacks, and views of recorded resources. Nothing here computes an
 * expected value: the tests write theirs out.
 */
import type { DashboardBody, Widget } from "../../components/dashboard";
import type { WidgetContent } from "../../components/dashboard/types";
import { loadStackConfig } from "../config/helpers";
import {
  MockRun,
  MockRunOptions,
  RecordedResource,
  runUnderMocks,
  unwrap,
} from "../harness/mock-runtime";
import program from "../../index";
import { keyArn, T } from "../builders";

/** What the program returns: the stack outputs. */
export type ProgramOutputs = Awaited<ReturnType<typeof program>>;

/** Runs the program (index.ts) under mocks with `config` as the CLI passes it. */
export function runStack(
  config: Record<string, string>,
  options: Omit<MockRunOptions, "config"> = {},
): Promise<MockRun<ProgramOutputs>> {
  return runUnderMocks(() => program(), { ...options, config });
}

/** Runs the program and resolves with what it threw (a run that succeeds fails the test). */
export async function runStackExpectingError(
  config: Record<string, string>,
  options: Omit<MockRunOptions, "config"> = {},
): Promise<MockRun<unknown>> {
  return runUnderMocks(
    async () => {
      try {
        await program();
      } catch (error) {
        return error;
      }
      throw new Error("expected the program to throw");
    },
    { ...options, config },
  );
}

/** The keys of the prod stack: from its config, and what its aliases and tags find. */
export const PROD_KEYS = {
  payments: keyArn("us-east-1", "8d3f1a52-6c7e-4b90-a1d4-3e5f7c9b2a68"),
  paymentsMrkUs: keyArn("us-east-1", "mrk-6e2b9c4d1a8f47e3b5c0d9a2e7f4b1c8"),
  paymentsMrkEu: keyArn("eu-west-1", "mrk-6e2b9c4d1a8f47e3b5c0d9a2e7f4b1c8"),
  /** Target of alias/customer-data/rds; also carries the group's tags. */
  customerRds: keyArn("us-east-1", "d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6"),
  /** Target of the eu-west-1 alias alias/customer-data/s3. */
  customerS3: keyArn("eu-west-1", "a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c6d"),
  /** Found by the group's tags only. */
  customerTaggedUs: keyArn("us-east-1", "f0e1d2c3-b4a5-4968-8776-5a4b3c2d1e0f"),
  customerTaggedEu: keyArn("eu-west-1", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
  /** Tagged for another owner: never selected. */
  otherOwnerUs: keyArn("us-east-1", "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"),
  partnerImported: keyArn("eu-west-1", "3a7c5e91-2b4d-4f68-8e1a-c6d0b9f2e473"),
  partner: keyArn("eu-west-1", "e5b2d8f4-7c1a-4936-a0e8-5d3f9b6c2a17"),
  secretsUs: keyArn("us-east-1", "b9e4c7a2-5d1f-4e83-96c0-a8f2d3e5b716"),
  secretsEu: keyArn("eu-west-1", "4c8a2f6e-9b3d-4a17-b5e0-7f1c9d2a8e64"),
} as const;

const CUSTOMER_DATA_TAGS = { "data-classification": "restricted", owner: "customer-data" };

/** Expiry of the partner-exchange imported material. */
export const PARTNER_MATERIAL_VALID_TO = "2027-03-31T00:00:00Z";

/**
 * The mock AWS of the prod stack. The program looks an alias up by its name with the provider of
 * the alias's region, so the eu-west-1 alias ARN of the config is answered under its name.
 */
export const PROD_WORLD: Omit<MockRunOptions, "config"> = {
  stack: "prod",
  aliases: {
    "alias/customer-data/rds": PROD_KEYS.customerRds,
    "alias/customer-data/s3": PROD_KEYS.customerS3,
  },
  taggedKeys: {
    "us-east-1": {
      [PROD_KEYS.customerRds]: CUSTOMER_DATA_TAGS,
      [PROD_KEYS.customerTaggedUs]: CUSTOMER_DATA_TAGS,
      [PROD_KEYS.otherOwnerUs]: { "data-classification": "restricted", owner: "billing" },
    },
    "eu-west-1": { [PROD_KEYS.customerTaggedEu]: CUSTOMER_DATA_TAGS },
  },
  describeKey: (keyId) =>
    keyId === PROD_KEYS.partnerImported
      ? {
          origin: "EXTERNAL",
          validTo: PARTNER_MATERIAL_VALID_TO,
          expirationModel: "KEY_MATERIAL_EXPIRES",
        }
      : {},
};

/** The prod stack's config as the CLI passes it. */
export function prodConfig(): Record<string, string> {
  return loadStackConfig("prod");
}

let prodMemo: Promise<MockRun<ProgramOutputs>> | undefined;
let devMemo: Promise<MockRun<ProgramOutputs>> | undefined;

/** The prod stack run once per test process (several test files read the same run). */
export function prodRun(): Promise<MockRun<ProgramOutputs>> {
  prodMemo ??= runStack(prodConfig(), PROD_WORLD);
  return prodMemo;
}

/** The dev stack run once per test process. */
export function devRun(): Promise<MockRun<ProgramOutputs>> {
  devMemo ??= runStack(loadStackConfig("dev"), { stack: "dev" });
  return devMemo;
}

/** JSON-valued inputs, parsed so that they compare as documents. */
const JSON_FIELDS = [
  "policy",
  "assumeRolePolicy",
  "eventPattern",
  "deliveryPolicy",
  "redrivePolicy",
  "dashboardBody",
];

/** The inputs of a resource with its JSON fields parsed. */
export function parsedInputs(resource: RecordedResource): Record<string, unknown> {
  const inputs: Record<string, unknown> = { ...resource.inputs };
  for (const field of JSON_FIELDS) {
    if (typeof inputs[field] === "string") inputs[field] = JSON.parse(inputs[field] as string);
  }
  return inputs;
}

/** The name of a resource's parent; undefined at the root. */
export function parentName(run: MockRun<unknown>, resource: RecordedResource): string | undefined {
  if (resource.parent === undefined) return undefined;
  const parent = run.resources.find((r) => r.urn === resource.parent);
  if (!parent) throw new Error(`${resource.name}: parent ${resource.parent} was not registered`);
  return parent.name;
}

/** Names from the resource up to the root, the resource first. */
export function lineage(run: MockRun<unknown>, resource: RecordedResource): string[] {
  const names = [resource.name];
  let current = resource;
  while (current.parent !== undefined) {
    const parent = run.resources.find((r) => r.urn === current.parent);
    if (!parent) throw new Error(`${current.name}: parent ${current.parent} was not registered`);
    names.push(parent.name);
    current = parent;
  }
  return names;
}

/** Name of the explicit provider of a resource or invoke; undefined for the default. */
export function providerName(resource: { provider?: string }): string | undefined {
  if (!resource.provider) return undefined;
  // "<provider urn>::<provider id>"; the URN ends with the provider's name.
  const parts = resource.provider.split("::");
  return parts[parts.length - 2];
}

/** The region a resource was created in: its provider's, or the run's default region. */
export function regionOf(run: MockRun<unknown>, resource: RecordedResource): string {
  if (!resource.provider) return "us-east-1";
  const urn = resource.provider.split("::").slice(0, -1).join("::");
  return run.resources.find((r) => r.urn === urn)?.inputs.region as string;
}

/** `type name` of a resource. */
export function keyOf(r: { type: string; name: string }): string {
  return `${r.type} ${r.name}`;
}

/** Every URN with its inputs, sorted by URN: what the engine would diff between two runs. */
export function urnsAndInputs(run: MockRun<unknown>): [string, Record<string, unknown>][] {
  return run.resources
    .map((r): [string, Record<string, unknown>] => [r.urn, r.inputs])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** Resolves the program's outputs to plain values. */
export async function outputsOf(run: MockRun<ProgramOutputs>): Promise<Record<string, unknown>> {
  const o = run.result;
  return {
    environment: o.environment,
    trailArn: await unwrap(o.trailArn),
    logGroupName: await unwrap(o.logGroupName),
    securityTopicArns: await unwrap(o.securityTopicArns),
    groupTopicArns: await unwrap(o.groupTopicArns),
    dashboardUrls: await unwrap(o.dashboardUrls),
  };
}

/** The parsed body of the stack's one dashboard, `kmsmon-<env>`. */
export function dashboardBodyOf(run: MockRun<unknown>, env: string): DashboardBody {
  const dashboard = run.one(T.dashboard, `kms-dashboard-kmsmon-${env}`);
  return JSON.parse(dashboard.inputs.dashboardBody as string) as DashboardBody;
}

/** A widget without its place on the grid: what it shows. */
export function unplaced(widget: Widget): WidgetContent {
  return { type: widget.type, properties: widget.properties } as WidgetContent;
}

/** A widget in one line: its type and its title (graphs, alarms) or first line (text). */
export function widgetSummary(widget: Widget): string {
  const title =
    widget.type === "text" ? widget.properties.markdown.split("\n")[0] : widget.properties.title;
  return `${widget.type}: ${title}`;
}

/** The inventory table of a group: its rows (header and separator left out), cell by cell. */
export function inventoryRows(body: DashboardBody, group: string): string[][] {
  const title = `### Keys of group ${group}, as found at deploy time`;
  const tables = body.widgets.filter(
    (w) => w.type === "text" && w.properties.markdown.split("\n")[0] === title,
  );
  if (tables.length !== 1) throw new Error(`${tables.length} inventory tables of group ${group}`);
  const [table] = tables;
  if (table.type !== "text") throw new Error("unreachable");
  return table.properties.markdown
    .split("\n")
    .slice(4)
    .map((line) =>
      line
        .slice(2, -2)
        .split(" | ")
        .map((c) => c.trim()),
    );
}
