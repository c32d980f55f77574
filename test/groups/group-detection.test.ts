/**
 * Group-scoped detection against real KMS events: every fixture event a group signal covers,
 * moved onto a key of one group in one region, matches exactly that group's rule for the region
 * and the signal's route, and no rule of another group or of another region (unless the key is a
 * multi-Region key watched in both). The alert text is checked in test/alerts/alert-message.test.ts.
 */
import { expect } from "chai";
import { ALL_ROUTE, CRITICAL_ROUTE, STANDARD_ROUTE } from "../group-rule-names";
import { GroupRuleSpec, planGroupRules } from "../../components/groups/rule-plan";
import { matchesEventPattern } from "../../tools/matching";
import { groupAlertSignals } from "../../components/signals";
import {
  ALSO_GROUP_SIGNALS,
  delivered,
  FixtureEvent,
  GROUP_SIGNAL,
  kmsCloudTrailRecords,
  nativeKmsEvents,
} from "../signals/fixture-events";
import { keyArn, keyId, mrkId, groupModel, resolvedGroup, resolvedKey } from "../builders";

const ENV = "prod";
const A_US = keyId(11);
const A_US2 = keyId(12);
const A_EU = keyId(13);
const MRK = mrkId(14);
const B_US = keyId(21);
const B_EU = keyId(22);
const B_EU2 = keyId(23);

/** A routes critical signals to a pager and has a multi-Region key in both its regions. */
const A = resolvedGroup(
  groupModel("payments", { critical: true, description: "Card payments <PCI scope>" }),
  [
    resolvedKey(keyArn("us-east-1", A_US)),
    resolvedKey(keyArn("us-east-1", A_US2)),
    resolvedKey(keyArn("us-east-1", MRK)),
    resolvedKey(keyArn("eu-west-1", A_EU)),
    resolvedKey(keyArn("eu-west-1", MRK)),
  ],
);
/** B sends everything to one route. */
const B = resolvedGroup(groupModel("ledger"), [
  resolvedKey(keyArn("us-east-1", B_US)),
  resolvedKey(keyArn("eu-west-1", B_EU)),
  resolvedKey(keyArn("eu-west-1", B_EU2)),
]);
const RULES = [...planGroupRules(A, ENV), ...planGroupRules(B, ENV)];

const WITH_READ_ONLY = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";

function label(rule: GroupRuleSpec): string {
  return `${rule.group}/${rule.region}/${rule.id}`;
}

const events: FixtureEvent[] = [...kmsCloudTrailRecords(), ...nativeKmsEvents()];

function matching(event: unknown): GroupRuleSpec[] {
  return RULES.filter((r) => matchesEventPattern(r.eventPattern, event));
}

/** Where an event is moved to: a key of a group in a region. */
const PLACES = [
  { group: "payments", region: "us-east-1", key: A_US },
  { group: "payments", region: "eu-west-1", key: A_EU },
  { group: "ledger", region: "us-east-1", key: B_US },
  { group: "ledger", region: "eu-west-1", key: B_EU2 },
];

describe("group rules against real KMS events", () => {
  it("knows every group signal's fixture, and every fixture it names exists", () => {
    const files = events.map((e) => e.file);
    expect(Object.keys(GROUP_SIGNAL).filter((f) => !files.includes(f))).to.deep.equal([]);
    const covered = new Set(Object.values(GROUP_SIGNAL));
    expect(groupAlertSignals().filter((s) => !covered.has(s.id))).to.deep.equal([]);
  });

  it("plans one rule per signal for each group and region, each over the region's keys", () => {
    // Every signal has a rule (refused calls two: records with and without resources).
    const perPlace = (group: string, region: string, route: string, ids: string[]) =>
      ids.map((id) => [`${group}/${region}/${id}`, route]);
    expect(RULES.map((r) => [label(r), r.route])).to.deep.equal([
      ...perPlace("payments", "eu-west-1", "critical", CRITICAL_ROUTE),
      ...perPlace("payments", "eu-west-1", "standard", STANDARD_ROUTE),
      ...perPlace("payments", "us-east-1", "critical", CRITICAL_ROUTE),
      ...perPlace("payments", "us-east-1", "standard", STANDARD_ROUTE),
      ...perPlace("ledger", "eu-west-1", "all", ALL_ROUTE),
      ...perPlace("ledger", "us-east-1", "all", ALL_ROUTE),
    ]);
    const keysOf = (group: string, region: string) => [
      ...new Set(
        RULES.filter((r) => r.group === group && r.region === region).map((r) => r.keyIds.join()),
      ),
    ];
    expect(keysOf("payments", "eu-west-1")).to.deep.equal([[A_EU, MRK].join()]);
    expect(keysOf("payments", "us-east-1")).to.deep.equal([[A_US, A_US2, MRK].join()]);
    expect(keysOf("ledger", "eu-west-1")).to.deep.equal([[B_EU, B_EU2].join()]);
    expect(keysOf("ledger", "us-east-1")).to.deep.equal([B_US]);
  });

  for (const fixture of events) {
    const signal = GROUP_SIGNAL[fixture.file];
    const also = ALSO_GROUP_SIGNALS[fixture.file] ?? [];
    const title = signal
      ? `${fixture.file} (${signal}) matches only its group's ${signal} rule in the key's region`
      : `${fixture.file} matches no group rule, whichever key it is about`;
    it(title, () => {
      for (const place of PLACES) {
        const event = delivered(fixture, place.key, place.region);
        const candidates = signal
          ? RULES.filter(
              (r) =>
                r.group === place.group &&
                r.region === place.region &&
                r.signalId === signal &&
                r.keyIds.includes(place.key),
            )
          : [];
        const matched = matching(event);
        const where = `${place.group} in ${place.region}`;
        // A public PutKeyPolicy is also a policy change: one more rule, of that signal.
        expect(matched, where).to.have.length(signal ? 1 + also.length : 0);
        const own = matched.filter((r) => r.signalId === signal);
        if (signal) expect(candidates.map(label), where).to.include(label(own[0]));
        for (const other of also) {
          expect(matched.filter((r) => r.signalId === other).length, other).to.equal(1);
        }
        // Read-only calls reach only rules that ask for all management events.
        if (fixture.event.readOnly === true) {
          expect(matched.map((r) => r.state)).to.deep.equal(matched.map(() => WITH_READ_ONLY));
        }
      }
    });
  }

  it("routes critical signals to the critical rule and the rest to the standard rule", () => {
    const routes = Object.entries(GROUP_SIGNAL).map(([file, signal]) => {
      const fixture = events.find((e) => e.file === file) as FixtureEvent;
      const own = matching(delivered(fixture, A_US, "us-east-1")).filter(
        (r) => r.signalId === signal,
      );
      return [signal, own.map((r) => r.route)];
    });
    expect(Object.fromEntries(routes)).to.deep.equal({
      "deletion-cancelled": ["standard"],
      "grant-created": ["standard"],
      "material-deleted": ["critical"],
      "key-disabled": ["critical"],
      "rotation-disabled": ["standard"],
      "key-enabled": ["standard"],
      "material-imported": ["standard"],
      "key-policy-changed": ["standard"],
      "grant-retired": ["standard"],
      "grant-revoked": ["standard"],
      "rotation-on-demand": ["standard"],
      "deletion-scheduled": ["critical"],
      "pending-deletion-use": ["critical"],
      "key-deleted": ["critical"],
      "rotation-performed": ["standard"],
      "material-expired": ["critical"],
      "destructive-call-denied": ["standard"],
      "key-made-public": ["critical"],
    });
  });

  /** The rule of payments a fixture matches. */
  const ruleId = (file: string) =>
    ({
      "synthesized/Encrypt-pending-deletion-DisabledException.json":
        "pending-deletion-use-unlisted-1",
    })[file] ?? `${GROUP_SIGNAL[file]}-1`;

  it("matches a multi-Region key's events in both regions it is watched in", () => {
    for (const file of Object.keys(GROUP_SIGNAL)) {
      const fixture = events.find((e) => e.file === file) as FixtureEvent;
      // A public PutKeyPolicy also sets off the rule of the policy change.
      const ids = ALSO_GROUP_SIGNALS[file]
        ? [ruleId(file), "key-policy-changed-1"]
        : [ruleId(file)];
      for (const region of ["us-east-1", "eu-west-1"]) {
        expect(
          matching(delivered(fixture, MRK, region)).map(label),
          `${file} in ${region}`,
        ).to.deep.equal([
          ...ids.map((id) => `payments/eu-west-1/${id}`),
          ...ids.map((id) => `payments/us-east-1/${id}`),
        ]);
      }
    }
  });

  it("matches a pending-deletion failure by the key in its error message, the others by their key", () => {
    const synthesized = events.filter((e) => e.file.startsWith("synthesized/"));
    const results = synthesized.map((fixture) => [
      fixture.file,
      matching(delivered(fixture, B_US, "us-east-1")).map(label),
      matching(delivered(fixture, A_EU, "eu-west-1")).map(label),
    ]);
    const denied = [
      ["ledger/us-east-1/destructive-call-denied-1"],
      ["payments/eu-west-1/destructive-call-denied-1"],
    ];
    const madePublic = [
      ["ledger/us-east-1/key-made-public-1"],
      ["payments/eu-west-1/key-made-public-1"],
    ];
    // A public PutKeyPolicy is also a policy change: the rule of that signal too.
    const publicPolicy = [
      ["ledger/us-east-1/key-policy-changed-1", "ledger/us-east-1/key-made-public-1"],
      ["payments/eu-west-1/key-made-public-1", "payments/eu-west-1/key-policy-changed-1"],
    ];
    expect(results).to.deep.equal([
      ["synthesized/CreateKey-public-Principal-star.json", ...madePublic],
      [
        "synthesized/Decrypt-pending-deletion.json",
        ["ledger/us-east-1/pending-deletion-use-1"],
        ["payments/eu-west-1/pending-deletion-use-1"],
      ],
      ["synthesized/Decrypt-pending-import.json", [], []],
      ["synthesized/DeleteImportedKeyMaterial-AccessDenied.json", ...denied],
      ["synthesized/DisableKey-AccessDenied.json", ...denied],
      ["synthesized/DisableKeyRotation-AccessDenied.json", ...denied],
      [
        "synthesized/Encrypt-pending-deletion-DisabledException.json",
        ["ledger/us-east-1/pending-deletion-use-unlisted-1"],
        ["payments/eu-west-1/pending-deletion-use-unlisted-1"],
      ],
      [
        "synthesized/GenerateDataKey-pending-deletion-mrk.json",
        ["ledger/us-east-1/pending-deletion-use-1"],
        ["payments/eu-west-1/pending-deletion-use-1"],
      ],
      ["synthesized/PutKeyPolicy-AWS-star-with-condition.json", ...publicPolicy],
      ["synthesized/PutKeyPolicy-AccessDenied.json", ...denied],
      ["synthesized/PutKeyPolicy-public-AWS-star-list.json", ...publicPolicy],
      ["synthesized/PutKeyPolicy-public-AWS-star.json", ...publicPolicy],
      ["synthesized/ScheduleKeyDeletion-AccessDenied-no-resources.json", ...denied],
      ["synthesized/ScheduleKeyDeletion-AccessDenied.json", ...denied],
    ]);
  });

  it("matches nothing for a key no group watches", () => {
    const stranger = keyId(99);
    for (const fixture of events) {
      expect(matching(delivered(fixture, stranger, "us-east-1")), fixture.file).to.deep.equal([]);
    }
  });
});
