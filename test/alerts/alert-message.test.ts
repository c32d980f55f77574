/**
 * What the on-call engineer reads: every group signal's real fixture event, moved onto a key of
 * a group, goes through the planned rules' own input transformers as EventBridge applies them
 * (tools/matching/input-transformer.ts). Each message names the signal, the key (its alias when the
 * plan knows it), the group, account and environment, gives exactly that signal's runbook with
 * complete commands, and leaves no field empty without saying why.
 */
import { expect } from "chai";
import { GroupRuleSpec, planGroupRules } from "../../components/groups/rule-plan";
import { applyInputTransformer, matchesEventPattern } from "../../tools/matching";
import {
  delivered,
  FixtureEvent,
  GROUP_SIGNAL,
  kmsCloudTrailRecords,
  nativeKmsEvents,
} from "../signals/fixture-events";
import { groupModel, keyArn, keyId, resolvedGroup, resolvedKey } from "../builders";

const A_KEY = keyId(11);
const B_KEY = keyId(21);
const B_OTHER = keyId(22);
const A_ARN = keyArn("us-east-1", A_KEY);
const B_ARN = keyArn("eu-west-1", B_KEY);

/** One key in us-east-1, selected by its alias; critical signals page. */
const PAYMENTS = resolvedGroup(
  groupModel("payments", { critical: true, description: "Card payments <PCI scope>" }),
  [resolvedKey(A_ARN, { aliases: ["alias/payments-main"], selectedBy: "alias/payments-main" })],
);
/** Two keys in eu-west-1 (one with a known alias), everything on one route. */
const LEDGER = resolvedGroup(groupModel("ledger"), [
  resolvedKey(B_ARN),
  resolvedKey(keyArn("eu-west-1", B_OTHER), { aliases: ["alias/ledger-archive"] }),
]);
const RULES = [...planGroupRules(PAYMENTS, "prod"), ...planGroupRules(LEDGER, "prod")];
const EVENTS = [...kmsCloudTrailRecords(), ...nativeKmsEvents()];

function fixture(file: string): FixtureEvent {
  const found = EVENTS.find((e) => e.file === file);
  if (!found) throw new Error(`no fixture ${file}`);
  return found;
}

/**
 * The one rule of `signal` (default: any) the event sets off, and the text its topic receives. A
 * public PutKeyPolicy also sets off the policy change's rule, so those tests name a signal.
 */
function alert(
  file: string,
  key: string,
  region: string,
  signal?: string,
): { rule: GroupRuleSpec; text: string } {
  const event = delivered(fixture(file), key, region);
  const matched = RULES.filter(
    (r) =>
      r.region === region &&
      (signal === undefined || r.signalId === signal) &&
      matchesEventPattern(r.eventPattern, event),
  );
  expect(
    matched.map((r) => r.name),
    file,
  ).to.have.length(1);
  return { rule: matched[0], text: applyInputTransformer(matched[0].transformer, event) };
}

/** Calls whose request must name the key show it as the request did: here by key ID. */
const PAYMENTS_KEY_CONSOLE = `https://us-east-1.console.aws.amazon.com/kms/home?region=us-east-1#/kms/keys/${A_KEY}`;
const LEDGER_CONSOLE = `https://eu-west-1.console.aws.amazon.com/kms/home?region=eu-west-1#/kms/keys/${B_ARN}`;
const LEDGER_ALIASES = `Aliases of the keys this rule watches (at deploy): alias/ledger-archive = key ${B_OTHER}`;

describe("alert message of each group signal, rendered from real events", () => {
  it("a disabled key: signal, alias and key, group, account, environment; one runbook; links", () => {
    const { rule, text } = alert("cloudtrail/DisableKey.json", A_KEY, "us-east-1");
    expect(rule.name).to.equal("kmsmon-prod-payments-kd-1");
    expect(text).to.equal(
      [
        `[CRITICAL] Key disabled: key alias/payments-main (${A_KEY}) in payments (prod), account 111122223333`,
        "Group: Card payments \u2039PCI scope\u203a",
        "",
        "What happened: Key disabled: DisableKey called by arn:aws:iam::111122223333:user/Alice (IAMUser) from 192.0.2.0",
        "When: 2014-11-04T00:52:43Z in us-east-1",
        "",
        `What to do: Every encrypt and decrypt with this key now fails. If it was not planned, run \`aws kms enable-key --key-id ${A_KEY} --region us-east-1\` and find out who disabled it (see the caller in this alert).`,
        "",
        `Key in the console: ${PAYMENTS_KEY_CONSOLE}`,
        "CloudTrail event: https://us-east-1.console.aws.amazon.com/cloudtrail/home?region=us-east-1#/events/abcde202-ba1a-467c-b4ba-f729d45ae521",
      ].join("\n"),
    );
  });

  it("a scheduled deletion gives the key state, deletion date and waiting period", () => {
    const { text } = alert("cloudtrail/ScheduleKeyDeletion.json", A_KEY, "us-east-1");
    expect(text).to.equal(
      [
        `[CRITICAL] Key deletion scheduled: key alias/payments-main (${A_KEY}) in payments (prod), account 111122223333`,
        "Group: Card payments \u2039PCI scope\u203a",
        "",
        "What happened: Key deletion scheduled: ScheduleKeyDeletion called by arn:aws:iam::111122223333:user/Alice (IAMUser) from 192.0.2.0",
        "When: 2021-03-23T18:58:30Z in us-east-1",
        "Key state: PendingDeletion",
        "Deletion date: Apr 12, 2021 18:58:30 PM (none while a multi-Region primary key waits for its replicas)",
        "Waiting period: 20 days (30 when the request names none)",
        "",
        `What to do: Unless this deletion was approved, run \`aws kms cancel-key-deletion --key-id ${A_KEY} --region us-east-1\` now, then \`aws kms enable-key --key-id ${A_KEY} --region us-east-1\`: once the waiting period ends, data encrypted under the key is lost.`,
        "",
        `Key in the console: ${PAYMENTS_KEY_CONSOLE}`,
        "CloudTrail event: https://us-east-1.console.aws.amazon.com/cloudtrail/home?region=us-east-1#/events/3c4226b0-1e81-48a8-a333-7fa5f3cbd118",
      ].join("\n"),
    );
  });

  it("a multi-Region primary waiting for its replicas says why it has no deletion date", () => {
    const { text } = alert("cloudtrail/ScheduleKeyDeletion-multi-region.json", B_KEY, "eu-west-1");
    expect(text.split("\n").slice(0, 9)).to.deep.equal([
      `[CRITICAL] Key deletion scheduled: key ${B_KEY} in ledger (prod), account 111122223333`,
      LEDGER_ALIASES,
      "",
      "What happened: Key deletion scheduled: ScheduleKeyDeletion called by arn:aws:iam::111122223333:user/Alice (IAMUser) from 192.0.2.0",
      "When: 2021-10-28T17:59:05Z in eu-west-1",
      "Key state: PendingReplicaDeletion",
      "Deletion date:  (none while a multi-Region primary key waits for its replicas)",
      "Waiting period: 30 days (30 when the request names none)",
      "",
    ]);
  });

  it("a Decrypt refused on a key pending deletion reads as a failure, with its error", () => {
    const { rule, text } = alert("synthesized/Decrypt-pending-deletion.json", B_KEY, "eu-west-1");
    expect(rule.id).to.equal("pending-deletion-use-1");
    const error = `${B_ARN} is pending deletion (or pending replica deletion).`;
    expect(text).to.equal(
      [
        `[CRITICAL] Key pending deletion is still in use: Decrypt refused in ledger (prod), account 111122223333: ${error}`,
        LEDGER_ALIASES,
        "",
        `What happened: Key pending deletion is still in use: Decrypt called by arn:aws:iam::111122223333:user/Alice (IAMUser) from 192.0.2.0 failed with KMSInvalidStateException: ${error}`,
        "When: 2025-01-15T11:00:01Z in eu-west-1",
        "",
        `What to do: Something still needs this key: cancel the deletion (\`aws kms cancel-key-deletion --key-id ${B_ARN} --region eu-west-1\`) and find the caller before the waiting period ends, or its data is lost.`,
        "",
        `Key in the console: ${LEDGER_CONSOLE}`,
        "CloudTrail event: https://eu-west-1.console.aws.amazon.com/cloudtrail/home?region=eu-west-1#/events/a1b2c3d4-5678-90ab-cdef-SYNTH00014EVT",
      ].join("\n"),
    );
  });

  it("a refused call whose record lists no resources takes the key from the request", () => {
    const file = "synthesized/Encrypt-pending-deletion-DisabledException.json";
    const { rule, text } = alert(file, B_KEY, "eu-west-1");
    expect(rule.id).to.equal("pending-deletion-use-unlisted-1");
    expect(text.split("\n")[6]).to.equal(
      `What to do: Something still needs this key: cancel the deletion (\`aws kms cancel-key-deletion --key-id ${B_ARN} --region eu-west-1\`) and find the caller before the waiting period ends, or its data is lost.`,
    );
  });

  it("a denied call whose record lists no resources names the key its request asked for", () => {
    const file = "synthesized/ScheduleKeyDeletion-AccessDenied-no-resources.json";
    const { rule, text } = alert(file, B_KEY, "eu-west-1");
    expect([rule.id, rule.transformer.inputPaths.key]).to.deep.equal([
      "destructive-call-denied-1",
      "$.detail.requestParameters.keyId",
    ]);
    const error = `User: arn:aws:iam::111122223333:user/Alice is not authorized to perform: kms:ScheduleKeyDeletion on resource: ${B_ARN} because no resource-based policy allows the kms:ScheduleKeyDeletion action`;
    expect(text).to.equal(
      [
        `[WARNING] Destructive call on key denied: key ${B_KEY} in ledger (prod), account 111122223333`,
        LEDGER_ALIASES,
        "",
        `What happened: Destructive call on key denied: ScheduleKeyDeletion called by arn:aws:iam::111122223333:user/Alice (IAMUser) from 192.0.2.0 failed with AccessDenied: ${error}`,
        "When: 2021-03-23T18:58:30Z in eu-west-1",
        "",
        "What to do: Someone tried to delete, disable, re-policy or weaken this key and was refused: find out why the caller in this alert tried (a compromised or misconfigured principal tries again) and review what its IAM policies allow on this key.",
        "",
        `Key in the console: https://eu-west-1.console.aws.amazon.com/kms/home?region=eu-west-1#/kms/keys/${B_KEY}`,
        "CloudTrail event: https://eu-west-1.console.aws.amazon.com/cloudtrail/home?region=eu-west-1#/events/a1b2c3d4-5678-90ab-cdef-SYNTH00019EVT",
      ].join("\n"),
    );
  });

  it("a native KMS event has no caller line and names the key by its ID", () => {
    const { text } = alert("eventbridge/KMS-CMK-Deletion.json", A_KEY, "us-east-1");
    expect(text).to.equal(
      [
        `[CRITICAL] Key deleted: key alias/payments-main (${A_KEY}) in payments (prod), account 111122223333`,
        "Group: Card payments \u2039PCI scope\u203a",
        "",
        `What happened: Key deleted: KMS reported "KMS CMK Deletion" for key ${A_ARN} (KMS acted on its own; no caller)`,
        "When: 2022-08-10T16:37:50Z in us-east-1",
        "",
        "What to do: The waiting period ended and KMS deleted the key; data encrypted under it cannot be decrypted. Find what used it and restore from other copies.",
        "",
        `Key in the console: https://us-east-1.console.aws.amazon.com/kms/home?region=us-east-1#/kms/keys/${A_KEY}`,
        `CloudTrail events of the key: https://us-east-1.console.aws.amazon.com/cloudtrail/home?region=us-east-1#/events?ResourceName=${A_KEY}`,
      ].join("\n"),
    );
  });

  it("a warning on a group without a critical route: its own severity and the grantee", () => {
    const { rule, text } = alert("cloudtrail/CreateGrant.json", B_KEY, "eu-west-1");
    expect([rule.route, rule.target.topicName]).to.deep.equal(["all", "kmsmon-prod-ledger-all"]);
    expect(text.split("\n").slice(0, 8)).to.deep.equal([
      `[WARNING] Grant created on key: key ${B_ARN} in ledger (prod), account 111122223333`,
      LEDGER_ALIASES,
      "",
      "What happened: Grant created on key: CreateGrant called by arn:aws:iam::111122223333:user/Alice (IAMUser) from 192.0.2.0",
      "When: 2014-11-04T00:53:12Z in eu-west-1",
      "Grantee: EX_PRINCIPAL_ID",
      "",
      "What to do: Check that the grantee principal in this alert should use the key; revoke unexpected grants with `aws kms revoke-grant`.",
    ]);
  });

  it("a non-critical call: its own headline and its one runbook", () => {
    const { rule, text } = alert("cloudtrail/PutKeyPolicy.json", A_KEY, "us-east-1");
    expect([rule.id, rule.name]).to.deep.equal([
      "key-policy-changed-1",
      "kmsmon-prod-payments-kp-1",
    ]);
    expect(text).to.equal(
      [
        `[WARNING] Key policy changed: key alias/payments-main (${A_KEY}) in payments (prod), account 111122223333`,
        "Group: Card payments \u2039PCI scope\u203a",
        "",
        "What happened: Key policy changed: PutKeyPolicy called by arn:aws:iam::111122223333:user/Alice (IAMUser) from 192.0.2.0",
        "When: 2022-09-01T20:06:16Z in us-east-1",
        "",
        `What to do: Review the new policy (\`aws kms get-key-policy --key-id ${A_KEY} --policy-name default --region us-east-1\`): a wrong policy can lock everyone out or let others decrypt.`,
        "",
        `Key in the console: ${PAYMENTS_KEY_CONSOLE}`,
        "CloudTrail event: https://us-east-1.console.aws.amazon.com/cloudtrail/home?region=us-east-1#/events/c217db1f-903f-4a2f-8f88-9580182d6313",
      ].join("\n"),
    );
  });
});

describe("aliases in the alert message", () => {
  it("lists the aliases of a rule's keys within 1,000 characters, then counts the rest", () => {
    const keys = Array.from({ length: 30 }, (_, i) =>
      resolvedKey(keyArn("us-east-1", keyId(200 + i)), {
        aliases: [`alias/team-${String(i).padStart(2, "0")}-${"x".repeat(40)}`],
      }),
    );
    const [rule] = planGroupRules(resolvedGroup(groupModel("many"), keys), "prod");
    const line = JSON.parse(rule.transformer.inputTemplate).split("\n")[1] as string;
    expect(
      line.startsWith("Aliases of the keys this rule watches (at deploy): alias/team-00-"),
    ).to.equal(true);
    expect(line.length).to.equal(952);
    // The first rule covers 11 keys (its pattern names each key in three places): nine
    // "alias/team-NN-... = key <id>" pairs fit; the other 2 keys are counted.
    expect(line.split("; ")).to.have.length(9 + 1);
    expect(
      line.endsWith(`; alias/team-08-${"x".repeat(40)} = key ${keyId(208)}; and 2 more`),
    ).to.equal(true);
    expect(rule.keyIds).to.have.length(11);
  });
});

/** The headline's start and the runbook's start of each group signal, as the on-call reads them. */
const EXPECTED: Record<string, { headline: string; runbook: string }> = {
  "deletion-scheduled": {
    headline: "[CRITICAL] Key deletion scheduled: key ",
    runbook: "Unless this deletion was approved",
  },
  "deletion-cancelled": {
    headline: "[INFO] Key deletion cancelled: key ",
    runbook: "The key is safe from deletion",
  },
  "key-disabled": {
    headline: "[CRITICAL] Key disabled: key ",
    runbook: "Every encrypt and decrypt",
  },
  "key-enabled": {
    headline: "[INFO] Key enabled: key ",
    runbook: "No action needed if the key",
  },
  "pending-deletion-use": {
    headline: "[CRITICAL] Key pending deletion is still in use: ",
    runbook: "Something still needs this key",
  },
  "key-policy-changed": {
    headline: "[WARNING] Key policy changed: key ",
    runbook: "Review the new policy",
  },
  "grant-created": {
    headline: "[WARNING] Grant created on key: key ",
    runbook: "Check that the grantee principal",
  },
  "grant-revoked": {
    headline: "[INFO] Grant revoked on key: key ",
    runbook: "A grantee lost access",
  },
  "grant-retired": {
    headline: "[INFO] Grant retired on key: key ",
    runbook: "Usually a service finishing",
  },
  "material-imported": {
    headline: "[INFO] Key material imported: key ",
    runbook: "Confirm the new expiration date",
  },
  "material-deleted": {
    headline: "[CRITICAL] Imported key material deleted: key ",
    runbook: "The key is unusable until",
  },
  "material-expired": {
    headline: "[CRITICAL] Imported key material expired and was deleted: key ",
    runbook: "The key is unusable: re-import",
  },
  "rotation-disabled": {
    headline: "[WARNING] Automatic key rotation disabled: key ",
    runbook: "Re-enable rotation",
  },
  "rotation-performed": {
    headline: "[INFO] Key material rotated automatically: key ",
    runbook: "Informational: KMS rotated",
  },
  "rotation-on-demand": {
    headline: "[INFO] Key material rotated on demand: key ",
    runbook: "Informational: someone started",
  },
  "key-deleted": { headline: "[CRITICAL] Key deleted: key ", runbook: "The waiting period ended" },
  "destructive-call-denied": {
    headline: "[WARNING] Destructive call on key denied: key ",
    runbook: "Someone tried to delete, disable",
  },
  "key-made-public": {
    headline: "[CRITICAL] Key policy grants a wildcard principal: key ",
    runbook: "Read the policy",
  },
};

const PLACES = [
  {
    key: A_KEY,
    arn: A_ARN,
    region: "us-east-1",
    group: "in payments (prod), account 111122223333",
  },
  { key: B_KEY, arn: B_ARN, region: "eu-west-1", group: "in ledger (prod), account 111122223333" },
];

describe("every group signal's message", () => {
  for (const [file, signal] of Object.entries(GROUP_SIGNAL)) {
    it(`${file} (${signal}): headline, its runbook, complete commands, no empty field`, () => {
      const expected = EXPECTED[signal];
      expect(expected, `an expected headline for ${signal}`).to.not.equal(undefined);
      for (const place of PLACES) {
        const { text } = alert(file, place.key, place.region, signal);
        const lines = text.split("\n");
        expect(lines[0].startsWith(expected.headline), lines[0]).to.equal(true);
        expect(lines[0], "the headline names group, environment and account").to.include(
          place.group,
        );
        expect(lines[0], "the headline names the key").to.include(place.key);
        // Exactly one runbook, the signal's own, and no other signal's anywhere.
        const runbooks = lines.filter((l) => l.startsWith("What to do"));
        expect(runbooks, file).to.have.length(1);
        expect(runbooks[0].startsWith(`What to do: ${expected.runbook}`), runbooks[0]).to.equal(
          true,
        );
        for (const [other, { runbook }] of Object.entries(EXPECTED)) {
          if (other !== signal) expect(text, `runbook of ${other}`).to.not.include(runbook);
        }
        // Every command names the key (as the record names it: by ARN, or by the ID or ARN the
        // request gave) and the region of the event.
        for (const [, key, region] of text.matchAll(/--key-id (\S*) --region ([^\s`]*)/g)) {
          expect([place.arn, place.key]).to.include(key);
          expect(region).to.equal(place.region);
        }
        expect(text).to.not.match(/--key-id\s+--|--region\s*`/);
        // No empty field: every "label: value" has a value (the deletion date says why it has none).
        const empty = lines.filter(
          (l) => /: $|: {2}|\(\)| from $| by {2}/.test(l) && !l.startsWith("Deletion date:  (none"),
        );
        expect(empty, file).to.deep.equal([]);
        expect(text).to.not.match(/[<>]|undefined|null/);
      }
    });
  }
});
