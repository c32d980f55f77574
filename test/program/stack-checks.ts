/**
 * The checks every example stack gets: the exact set of resources, their parents, the provider of
 * their region, and the exact inputs of every kind, compared with {@link expectedResources}.
 */
import { expect } from "chai";
import type { MockRun, RecordedResource } from "../harness/mock-runtime";
import { ExpectedResource, StackSpec, expectedResources, keyOf } from "./expected";
import { T, lineage, parentName, parsedInputs, providerName } from "./helpers";

/** Options of {@link checkStack}. */
export interface StackCheckOptions {
  /** The stack's run (memoized by the caller). */
  run: () => Promise<MockRun<unknown>>;
  spec: StackSpec;
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
    expected = expectedResources(spec, options.logRetentionDays);
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
      expect(arnRegion, `region of ${arn}`).to.equal(region);
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
