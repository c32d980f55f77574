/**
 * The checks every example stack gets: the exact set of resources, their parents, the provider of
 * their region, and the exact inputs of every kind, compared with {@link expectedResources}; and
 * what the dashboard must show, checked on its own.
 */
import { expect } from "chai";
import { parseStackConfig } from "../../components/config";
import { GRID_COLUMNS } from "../../components/dashboard";
import type { MockRun, MockRunOptions, RecordedResource } from "../harness/mock-runtime";
import {
  ExpectedResource,
  StackSpec,
  expectedDashboards,
  expectedResources,
  keyOf,
} from "./expected";
import {
  T,
  dashboardBodyOf,
  inventoryRows,
  keyIdOf,
  lineage,
  parentName,
  parsedInputs,
  providerName,
  regionOfArn,
} from "./helpers";

/** Options of {@link checkStack}. */
export interface StackCheckOptions {
  /** The stack's run (memoized by the caller). */
  run: () => Promise<MockRun<unknown>>;
  spec: StackSpec;
  /** The stack's config as the CLI passes it. */
  config: () => Record<string, string>;
  /** The mock world the stack ran in (its stack name, aliases and key metadata). */
  world: Omit<MockRunOptions, "config">;
  /** Widgets the stack's one dashboard must have. */
  dashboardWidgets: number;
  /** The trail's log retention. */
  logRetentionDays: number;
  /** Whether the trail's key, bucket and log group survive a destroy. */
  retainTrail: boolean;
}

/** Kinds of resources whose inputs are compared together, so that a failure names its kind. */
const KINDS: [string, string[]][] = [
  [
    "providers and components",
    [
      T.provider,
      T.monitoring,
      T.regionAlerting,
      T.auditTrail,
      T.accountAlarms,
      T.topicKey,
      T.alertTopic,
      T.deadLetterQueue,
      T.groupMonitor,
      T.quotaAlarms,
      T.tamperAlarms,
      T.usageBaseline,
    ],
  ],
  ["topic keys and their aliases", [T.key, T.alias]],
  ["the trail and its log group", [T.trail, T.logGroup]],
  ["metric filters (account and tamper)", [T.filter]],
  ["alarms (account, tamper, queue, notifications, expiry, quota, baseline)", [T.alarm]],
  ["topics and topic policies", [T.topic, T.topicPolicy]],
  ["subscriptions and Lambda permissions", [T.subscription, T.permission]],
  ["dead-letter queues and their policies", [T.queue, T.queuePolicy]],
  ["EventBridge rules and targets", [T.rule, T.target]],
  ["the dashboard component and its dashboard", [T.dashboards, T.dashboard]],
];

/** Sorted `{ key, inputs }` of the resources whose inputs the spec states. */
function comparable(
  resources: { type: string; name: string; inputs?: Record<string, unknown> }[],
): { key: string; inputs: Record<string, unknown> | undefined }[] {
  return resources
    .map((r) => ({ key: keyOf(r), inputs: r.inputs }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Registers the checks of one stack in the current `describe`. */
export function checkStack(options: StackCheckOptions): void {
  const { spec } = options;
  let run: MockRun<unknown>;
  let expected: ExpectedResource[];
  let expectedByKey: Map<string, ExpectedResource>;

  before(async () => {
    run = await options.run();
    const model = parseStackConfig(options.config(), { stack: options.world.stack });
    const bodies = expectedDashboards(spec, model, options.world);
    expected = expectedResources(spec, options.logRetentionDays, bodies);
    expectedByKey = new Map(expected.map((e) => [keyOf(e), e]));
  });

  const actual = (r: RecordedResource) => {
    const e = expectedByKey.get(keyOf(r));
    if (!e) throw new Error(`unexpected resource ${keyOf(r)}`);
    return e;
  };

  it("registers exactly the expected resources, each once, with no warning", () => {
    expect(run.resources.map(keyOf).sort()).to.deep.equal(expected.map(keyOf).sort());
    expect(new Set(run.resources.map((r) => r.urn)).size).to.equal(run.resources.length);
    expect(run.warnings).to.deep.equal([]);
  });

  it("puts every resource under the kms component, group resources under their group", () => {
    for (const r of run.resources) {
      expect(parentName(run, r), `parent of ${keyOf(r)}`).to.equal(actual(r).parent);
      const chain = lineage(run, r);
      if (r.type === T.provider || r.name === "kms") {
        expect(chain, keyOf(r)).to.deep.equal([r.name]);
      } else {
        expect(chain[chain.length - 1], `root of ${keyOf(r)}`).to.equal("kms");
      }
    }
    for (const group of spec.groups) {
      // The group's monitor holds its topics, rules and expiry alarms; its usage baseline is a
      // sibling of the monitor.
      const monitor = `kms-${group.name}`;
      const owners = [monitor, `${monitor}-baseline`];
      const under = run.resources.filter((r) =>
        lineage(run, r)
          .slice(1)
          .some((n) => owners.includes(n)),
      );
      const prefix = `${monitor}-`;
      expect(under.length, monitor).to.be.greaterThan(0);
      for (const r of under) expect(r.name.startsWith(prefix), keyOf(r)).to.equal(true);
      const named = run.resources.filter(
        (r) => r.name.startsWith(prefix) && !owners.includes(r.name),
      );
      expect(named.map(keyOf).sort()).to.deep.equal(under.map(keyOf).sort());
    }
  });

  it("creates each resource with the provider of its region, ARNs in that region", () => {
    const custom = run.resources.filter((r) => r.custom && r.type !== T.provider);
    expect(custom.length).to.be.greaterThan(0);
    for (const r of custom) {
      const region = actual(r).region;
      const provider = region === spec.stackRegion ? undefined : `kms-${region}`;
      expect(providerName(r), `provider of ${keyOf(r)}`).to.equal(provider);
      const arn: unknown = r.state.arn;
      if (typeof arn !== "string") continue;
      const [, , service, arnRegion] = arn.split(":");
      if (service === "iam" || service === "s3") continue;
      // Dashboards are global: their ARNs name no region.
      expect(arnRegion, `region of ${arn}`).to.equal(r.type === T.dashboard ? "" : region);
    }
  });

  it("keeps the trail's key, bucket and log group on destroy as configured, protects nothing", () => {
    const retained = run.resources.filter((r) => r.retainOnDelete).map(keyOf);
    expect(retained.sort()).to.deep.equal(
      options.retainTrail
        ? [
            `${T.bucket} kms-trail-bucket`,
            `${T.logGroup} kms-trail-log-group`,
            `${T.key} kms-trail-key`,
          ].sort()
        : [],
    );
    expect(run.resources.filter((r) => r.protect).map(keyOf)).to.deep.equal([]);
  });

  describe("its dashboard, checked on its own", () => {
    it("is one dashboard with the expected number of widgets", () => {
      const names = run.ofType(T.dashboard).map((d) => d.inputs.dashboardName);
      expect(names).to.deep.equal([`kmsmon-${spec.env}`]);
      expect(dashboardBodyOf(run, spec.env).widgets).to.have.length(options.dashboardWidgets);
    });

    it("lists every key of every group, described, in the group's inventory table", () => {
      const body = dashboardBodyOf(run, spec.env);
      for (const group of spec.groups) {
        const rows = inventoryRows(body, group.name).map(([id, , region, status]) =>
          [id, region, status].join(" "),
        );
        const keys = group.keyArns.map((k) => `${keyIdOf(k)} ${regionOfArn(k)} Enabled`);
        expect(rows, group.name).to.deep.equal(keys);
      }
    });

    it("places every widget inside the 24-column grid, none overlapping", () => {
      const { widgets } = dashboardBodyOf(run, spec.env);
      expect(GRID_COLUMNS).to.equal(24);
      for (const w of widgets) {
        const place = [w.x, w.y, w.width, w.height];
        expect(place.every(Number.isInteger), `${place}`).to.equal(true);
        expect(Math.min(w.x, w.y), `${place}`).to.be.at.least(0);
        expect(Math.min(w.width, w.height), `${place}`).to.be.at.least(1);
        expect(w.x + w.width, `${place}`).to.be.at.most(24);
      }
      for (const [i, a] of widgets.entries()) {
        for (const b of widgets.slice(i + 1)) {
          const overlap =
            a.x < b.x + b.width &&
            b.x < a.x + a.width &&
            a.y < b.y + b.height &&
            b.y < a.y + a.height;
          expect(overlap, `${[a.x, a.y]} and ${[b.x, b.y]}`).to.equal(false);
        }
      }
    });

    it("shows every alarm the stack created except the delivery alarms, and graphs our metrics", () => {
      const { widgets } = dashboardBodyOf(run, spec.env);
      const shown = widgets.flatMap((w) => (w.type === "alarm" ? w.properties.alarms : []));
      const delivery = /:alarm:kmsmon-[a-z0-9-]+-(undelivered-not-empty|notifications-failed)$/;
      const created = run
        .ofType(T.alarm)
        .map((a) => a.state.arn as string)
        .filter((arn) => !delivery.test(arn));
      expect([...shown].sort()).to.deep.equal(created.sort());
      const published = new Set(
        run.ofType(T.filter).map((f) => {
          const m = f.inputs.metricTransformation as { namespace: string; name: string };
          return `${m.namespace} ${m.name}`;
        }),
      );
      const ours = widgets
        .flatMap((w) => (w.type === "metric" ? w.properties.metrics : []))
        .filter((line) => line[0] === `KMSMonitoring/${spec.env}`);
      expect(ours.length).to.be.greaterThan(0);
      for (const line of ours) {
        expect(published.has(`${line[0]} ${line[1]}`), `${line[1]}`).to.equal(true);
      }
    });
  });

  for (const [kind, types] of KINDS) {
    it(`gives ${kind} exactly the expected inputs`, () => {
      const stated = expected.filter((e) => types.includes(e.type) && e.inputs !== undefined);
      const recorded = run.resources
        .filter((r) => types.includes(r.type) && expectedByKey.get(keyOf(r))?.inputs !== undefined)
        .map((r) => ({ type: r.type, name: r.name, inputs: parsedInputs(r) }));
      expect(stated.length, kind).to.be.greaterThan(0);
      expect(comparable(recorded)).to.deep.equal(comparable(stated));
    });
  }
}
