/**
 * Group-scoped detection against real KMS events: every fixture event a group signal covers,
 * moved onto a key of one group in one region, matches exactly that group's rule for the region
 * and the signal's route, and no rule of another group or of another region (unless the key is a
 * multi-Region key watched in both). The alert text is checked on the same events.
 */
import { expect } from "chai";
import { renderAlertMessage } from "../../components/groups/alert-message";
import { GroupRuleSpec, planGroupRules } from "../../components/groups/rule-plan";
import { matchesEventPattern, toEventBridgeEvent } from "../../tools/matching";
import type { CloudTrailRecord } from "../../tools/matching";
import { groupAlertSignals } from "../../components/signals";
import {
  FixtureEvent,
  keyIdOfEvent,
  kmsCloudTrailRecords,
  nativeKmsEvents,
  retarget,
} from "../signals/fixture-events";
import {
  ACCOUNT,
  keyArn,
  keyId,
  mrkId,
  groupModel,
  regionOfArn,
  resolvedGroup,
  resolvedKey,
} from "../builders";

/** The group signals each fixture is; fixtures not listed are no group signal. */
const GROUP_SIGNALS: Record<string, string[]> = {
  "cloudtrail/CancelKeyDeletion.json": ["deletion-cancelled"],
  "cloudtrail/CreateGrant.json": ["grant-created"],
  "cloudtrail/DeleteImportedKeyMaterial.json": ["material-deleted"],
  "cloudtrail/DisableKey.json": ["key-disabled"],
  "cloudtrail/DisableKeyRotation.json": ["rotation-disabled"],
  "cloudtrail/EnableKey.json": ["key-enabled"],
  "cloudtrail/ImportKeyMaterial.json": ["material-imported"],
  "cloudtrail/PutKeyPolicy.json": ["key-policy-changed"],
  "cloudtrail/RetireGrant.json": ["grant-retired"],
  "cloudtrail/RevokeGrant.json": ["grant-revoked"],
  "cloudtrail/RotateKeyOnDemand.json": ["rotation-on-demand"],
  "cloudtrail/ScheduleKeyDeletion-multi-region.json": ["deletion-scheduled"],
  "cloudtrail/ScheduleKeyDeletion.json": ["deletion-scheduled"],
  // Moved onto a watched key for the test; a real new key is in no group yet.
  "synthesized/CreateKey-public-Principal-star.json": ["key-made-public"],
  "synthesized/Decrypt-pending-deletion.json": ["pending-deletion-use"],
  "synthesized/DeleteImportedKeyMaterial-AccessDenied.json": ["destructive-call-denied"],
  "synthesized/DisableKey-AccessDenied.json": ["destructive-call-denied"],
  "synthesized/DisableKeyRotation-AccessDenied.json": ["destructive-call-denied"],
  "synthesized/Encrypt-pending-deletion-DisabledException.json": ["pending-deletion-use"],
  "synthesized/GenerateDataKey-pending-deletion-mrk.json": ["pending-deletion-use"],
  "synthesized/PutKeyPolicy-AWS-star-with-condition.json": [
    "key-policy-changed",
    "key-made-public",
  ],
  "synthesized/PutKeyPolicy-AccessDenied.json": ["destructive-call-denied"],
  "synthesized/PutKeyPolicy-public-AWS-star-list.json": ["key-policy-changed", "key-made-public"],
  "synthesized/PutKeyPolicy-public-AWS-star.json": ["key-policy-changed", "key-made-public"],
  "synthesized/ScheduleKeyDeletion-AccessDenied-no-resources.json": ["destructive-call-denied"],
  "synthesized/ScheduleKeyDeletion-AccessDenied.json": ["destructive-call-denied"],
  "eventbridge/KMS-CMK-Deletion.json": ["key-deleted"],
  "eventbridge/KMS-CMK-Rotation.json": ["rotation-performed"],
  "eventbridge/KMS-Imported-Key-Material-Expiration.json": ["material-expired"],
};

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

function isNative(event: Record<string, unknown>): boolean {
  return "detail-type" in event;
}

/**
 * The event as the default bus of `region` receives it, about key `toKeyId` instead of the
 * fixture's key: key IDs and key ARNs are rewritten, and the region set.
 */
function delivered(fixture: FixtureEvent, toKeyId: string | undefined, region: string) {
  const from = keyIdOfEvent(fixture.event);
  const moved = from && toKeyId ? retarget(fixture.event, from, toKeyId) : fixture.event;
  const text = JSON.stringify(moved).replace(/arn:aws:kms:[a-z0-9-]+:/g, `arn:aws:kms:${region}:`);
  const event = JSON.parse(text) as Record<string, unknown>;
  if (isNative(event)) return { ...event, region };
  return toEventBridgeEvent({ ...event, awsRegion: region } as unknown as CloudTrailRecord);
}

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
    expect(Object.keys(GROUP_SIGNALS).filter((f) => !files.includes(f))).to.deep.equal([]);
    const covered = new Set(Object.values(GROUP_SIGNALS).flat());
    expect(groupAlertSignals().filter((s) => !covered.has(s.id))).to.deep.equal([]);
  });

  it("plans the expected rules for the two groups", () => {
    expect(RULES.map((r) => [label(r), r.keyIds])).to.deep.equal([
      ["payments/eu-west-1/critical-1", [A_EU, MRK]],
      ["payments/eu-west-1/standard-1", [A_EU, MRK]],
      ["payments/us-east-1/critical-1", [A_US, A_US2, MRK]],
      ["payments/us-east-1/standard-1", [A_US, A_US2, MRK]],
      ["ledger/eu-west-1/all-1", [B_EU, B_EU2]],
      ["ledger/us-east-1/all-1", [B_US]],
    ]);
  });

  for (const fixture of events) {
    const signals = GROUP_SIGNALS[fixture.file] ?? [];
    const title =
      signals.length > 0
        ? `${fixture.file} (${signals.join(", ")}) matches only its group's rules for them in the key's region`
        : `${fixture.file} matches no group rule, whichever key it is about`;
    it(title, () => {
      for (const place of PLACES) {
        const event = delivered(fixture, place.key, place.region);
        const expected = RULES.filter(
          (r) =>
            r.group === place.group &&
            r.region === place.region &&
            r.signalIds.some((id) => signals.includes(id)) &&
            r.keyIds.includes(place.key),
        );
        const routes = new Set(
          expected.flatMap((r) => r.signalIds.filter((id) => signals.includes(id))),
        );
        if (signals.length > 0) {
          expect([...routes].sort(), `${place.group} in ${place.region}`).to.deep.equal(
            [...signals].sort(),
          );
        }
        const matched = matching(event);
        expect(matched.map(label), `${place.group} in ${place.region}`).to.deep.equal(
          expected.map(label),
        );
        // Read-only calls reach only rules that ask for all management events.
        if (fixture.event.readOnly === true) {
          expect(matched.map((r) => r.state)).to.deep.equal(matched.map(() => WITH_READ_ONLY));
        }
      }
    });
  }

  it("routes critical signals to the critical rule and the rest to the standard rule", () => {
    const routes = Object.entries(GROUP_SIGNALS).map(([file, signals]) => {
      const fixture = events.find((e) => e.file === file) as FixtureEvent;
      return [
        signals.join(" + "),
        matching(delivered(fixture, A_US, "us-east-1")).map((r) => r.route),
      ];
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
      "key-made-public": ["critical"],
      "destructive-call-denied": ["standard"],
      "key-policy-changed + key-made-public": ["critical", "standard"],
    });
  });

  it("matches a multi-Region key's events in both regions it is watched in", () => {
    for (const [file, signals] of Object.entries(GROUP_SIGNALS)) {
      const fixture = events.find((e) => e.file === file) as FixtureEvent;
      const routes = RULES.filter(
        (r) => r.group === "payments" && r.signalIds.some((id) => signals.includes(id)),
      ).map((r) => r.route);
      const expected = ["eu-west-1", "us-east-1"].flatMap((region) =>
        [...new Set(routes)].map((route) => `payments/${region}/${route}-1`),
      );
      for (const region of ["us-east-1", "eu-west-1"]) {
        expect(
          matching(delivered(fixture, MRK, region)).map(label),
          `${file} in ${region}`,
        ).to.deep.equal(expected);
      }
    }
  });

  it("matches a pending-deletion failure by the key named in its error message", () => {
    const synthesized = events.filter(
      (e) => e.file.startsWith("synthesized/") && e.file.includes("-pending-"),
    );
    const results = synthesized.map((fixture) => [
      fixture.file,
      matching(delivered(fixture, B_US, "us-east-1")).map(label),
      matching(delivered(fixture, A_EU, "eu-west-1")).map(label),
    ]);
    expect(results).to.deep.equal([
      [
        "synthesized/Decrypt-pending-deletion.json",
        ["ledger/us-east-1/all-1"],
        ["payments/eu-west-1/critical-1"],
      ],
      ["synthesized/Decrypt-pending-import.json", [], []],
      [
        "synthesized/Encrypt-pending-deletion-DisabledException.json",
        ["ledger/us-east-1/all-1"],
        ["payments/eu-west-1/critical-1"],
      ],
      [
        "synthesized/GenerateDataKey-pending-deletion-mrk.json",
        ["ledger/us-east-1/all-1"],
        ["payments/eu-west-1/critical-1"],
      ],
    ]);
  });

  it("matches nothing for a key no group watches", () => {
    const stranger = keyId(99);
    for (const fixture of events) {
      expect(matching(delivered(fixture, stranger, "us-east-1")), fixture.file).to.deep.equal([]);
    }
  });
});

function fixture(file: string): FixtureEvent {
  return events.find((e) => e.file === file) as FixtureEvent;
}

function rule(name: string): GroupRuleSpec {
  return RULES.find((r) => label(r) === name) as GroupRuleSpec;
}

/** What the on-call engineer reads for an event matched by the rule. */
function message(ruleName: string, file: string, key: string, region: string): string {
  const event = delivered(fixture(file), key, region);
  expect(matching(event).map(label)).to.include(ruleName);
  return renderAlertMessage(rule(ruleName).transformer, event as Record<string, unknown>);
}

function criticalSteps(arn: string): string[] {
  return [
    `- Key deletion scheduled (critical): Unless this deletion was approved, run \`aws kms cancel-key-deletion --key-id ${arn} --region ${regionOfArn(arn)}\` now, then \`aws kms enable-key --key-id ${arn} --region ${regionOfArn(arn)}\`: once the waiting period ends, data encrypted under the key is lost.`,
    `- Key disabled (critical): Every encrypt and decrypt with this key now fails. If it was not planned, run \`aws kms enable-key --key-id ${arn} --region ${regionOfArn(arn)}\` and find out who disabled it (see the caller in this alert).`,
    `- Key pending deletion is still in use (critical): Something still needs this key: cancel the deletion (\`aws kms cancel-key-deletion --key-id ${arn} --region ${regionOfArn(arn)}\`) and find the caller before the waiting period ends, or its data is lost.`,
    "- Imported key material deleted (critical): The key is unusable until the same material is imported again (`aws kms import-key-material`); without a copy of that material its data is lost.",
    "- Imported key material expired and was deleted (critical): The key is unusable: re-import the same key material now (`aws kms import-key-material`), with a later expiry or none.",
    "- Key deleted (critical): The waiting period ended and KMS deleted the key; data encrypted under it cannot be decrypted. Find what used it and restore from other copies.",
    `- Key policy grants a wildcard principal (critical): Read the policy (\`aws kms get-key-policy --key-id ${arn} --policy-name default --region ${regionOfArn(arn)}\`): unless a Condition in the same statement narrows the "*" principal (aws:PrincipalOrgID, kms:CallerAccount, ...), anyone in any AWS account may use the key; put the previous policy back now (\`aws kms put-key-policy --key-id ${arn} --policy-name default --policy file://previous-policy.json --region ${regionOfArn(arn)}\`).`,
  ];
}

describe("alert message of group rules", () => {
  it("tells who disabled which key of which group, when, and what to do", () => {
    const arn = keyArn("us-east-1", A_US);
    expect(
      message("payments/us-east-1/critical-1", "cloudtrail/DisableKey.json", A_US, "us-east-1"),
    ).to.equal(
      [
        '[CRITICAL] KMS key event in key group "payments" (prod)',
        "Group: Card payments \u2039PCI scope\u203a",
        "",
        "What happened: AWS API Call via CloudTrail DisableKey",
        `Key: ${arn}`,
        "Who: arn:aws:iam::111122223333:user/Alice from 192.0.2.0",
        `When: 2014-11-04T00:52:43Z in us-east-1, account ${ACCOUNT}`,
        "Error (if any): ",
        "",
        "What to do next:",
        ...criticalSteps(arn),
      ].join("\n"),
    );
  });

  it("names the key of a native KMS event, which has no caller", () => {
    const arn = keyArn("eu-west-1", A_EU);
    expect(
      message(
        "payments/eu-west-1/critical-1",
        "eventbridge/KMS-CMK-Deletion.json",
        A_EU,
        "eu-west-1",
      ),
    ).to.equal(
      [
        '[CRITICAL] KMS key event in key group "payments" (prod)',
        "Group: Card payments \u2039PCI scope\u203a",
        "",
        "What happened: KMS CMK Deletion ",
        `Key: ${arn}`,
        "Who:  from ",
        `When: 2022-08-10T16:37:50Z in eu-west-1, account ${ACCOUNT}`,
        "Error (if any): ",
        "",
        "What to do next:",
        ...criticalSteps(arn),
      ].join("\n"),
    );
  });

  it("lists the standard signals' next steps on the standard route", () => {
    const arn = keyArn("us-east-1", A_US2);
    expect(
      message("payments/us-east-1/standard-1", "cloudtrail/CreateGrant.json", A_US2, "us-east-1"),
    ).to.equal(
      [
        '[WARNING/INFO] KMS key event in key group "payments" (prod)',
        "Group: Card payments \u2039PCI scope\u203a",
        "",
        "What happened: AWS API Call via CloudTrail CreateGrant",
        `Key: ${arn}`,
        "Who: arn:aws:iam::111122223333:user/Alice from 192.0.2.0",
        `When: 2014-11-04T00:53:12Z in us-east-1, account ${ACCOUNT}`,
        "Error (if any): ",
        "",
        "What to do next:",
        `- Key deletion cancelled (info): The key is safe from deletion but stays Disabled: run \`aws kms enable-key --key-id ${arn} --region ${regionOfArn(arn)}\` if applications still use it.`,
        "- Key enabled (info): No action needed if the key was meant to be in use again.",
        `- Key policy changed (warning): Review the new policy (\`aws kms get-key-policy --key-id ${arn} --policy-name default --region ${regionOfArn(arn)}\`): a wrong policy can lock everyone out or let others decrypt.`,
        "- Grant created on key (warning): Check that the grantee principal in this alert should use the key; revoke unexpected grants with `aws kms revoke-grant`.",
        "- Grant revoked on key (info): A grantee lost access; check the service that used this grant still works.",
        "- Grant retired on key (info): Usually a service finishing its work; no action unless access broke.",
        "- Key material imported (info): Confirm the new expiration date of the material matches your rotation plan.",
        `- Automatic key rotation disabled (warning): Re-enable rotation with \`aws kms enable-key-rotation --key-id ${arn} --region ${regionOfArn(arn)}\` unless a documented exception applies.`,
        "- Key material rotated automatically (info): Informational: KMS rotated the key material on schedule.",
        "- Key material rotated on demand (info): Informational: someone started an on-demand rotation; check it was planned.",
        "- Destructive call on key denied (warning): Someone tried to delete, disable, re-policy or weaken this key and was refused: find out why the caller in this alert tried (a compromised or misconfigured principal tries again) and review what its IAM policies allow on this key.",
      ].join("\n"),
    );
  });

  it("shows the error of a call on a key pending deletion, on a group without a description", () => {
    const arn = keyArn("eu-west-1", B_EU);
    const text = message(
      "ledger/eu-west-1/all-1",
      "synthesized/Decrypt-pending-deletion.json",
      B_EU,
      "eu-west-1",
    );
    const lines = text.split("\n");
    expect(lines.slice(0, 9)).to.deep.equal([
      '[KMS ALERT] KMS key event in key group "ledger" (prod)',
      "",
      "What happened: AWS API Call via CloudTrail Decrypt",
      `Key: ${arn}`,
      "Who: arn:aws:iam::111122223333:user/Alice from 192.0.2.0",
      `When: 2025-01-15T11:00:01Z in eu-west-1, account ${ACCOUNT}`,
      `Error (if any): ${arn} is pending deletion (or pending replica deletion).`,
      "",
      "What to do next:",
    ]);
    expect(lines).to.have.length(9 + 18);
    expect(lines[9 + 4]).to.equal(
      `- Key pending deletion is still in use (critical): Something still needs this key: cancel the deletion (\`aws kms cancel-key-deletion --key-id ${arn} --region ${regionOfArn(arn)}\`) and find the caller before the waiting period ends, or its data is lost.`,
    );
  });

  it("leaves the key line empty when the failed call lists no resources; the error names the key", () => {
    const arn = keyArn("us-east-1", B_US);
    const text = message(
      "ledger/us-east-1/all-1",
      "synthesized/Encrypt-pending-deletion-DisabledException.json",
      B_US,
      "us-east-1",
    );
    expect(text.split("\n").slice(2, 7)).to.deep.equal([
      "What happened: AWS API Call via CloudTrail Encrypt",
      "Key: ",
      "Who: arn:aws:iam::111122223333:user/Alice from 192.0.2.0",
      `When: 2025-01-15T11:00:02Z in us-east-1, account ${ACCOUNT}`,
      `Error (if any): ${arn} is pending deletion.`,
    ]);
  });

  it("uses no placeholder in any template that is not one of its input paths", () => {
    // EventBridge rejects a target whose template names a placeholder it cannot fill.
    for (const r of RULES) {
      const placeholders = [...r.transformer.inputTemplate.matchAll(/<([^<>]*)>/g)].map(
        (m) => m[1],
      );
      const undefinedNames = placeholders.filter((p) => !(p in r.transformer.inputPaths));
      expect(undefinedNames, label(r)).to.deep.equal([]);
      expect(placeholders, label(r)).to.include("keyArn");
    }
  });
});
