import { expect } from "chai";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import type { EventFileMatch } from "../../tools/plan/events";
import { PROJECT_DIR, runCli, stackConfig, tempDir, writeStackFile } from "./helpers";

/** The key of AWS's published KMS CloudTrail examples (DisableKey among them). */
const EXAMPLE_KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const CLOUDTRAIL = join(PROJECT_DIR, "test", "fixtures", "cloudtrail");
const EVENTBRIDGE = join(PROJECT_DIR, "test", "fixtures", "eventbridge");

function byFile(events: EventFileMatch[] | undefined, file: string): EventFileMatch {
  const found = events?.find((e) => e.file === file);
  if (!found) throw new Error(`no result for ${file}`);
  return found;
}

describe("plan --events", function () {
  this.timeout(60_000);
  const dir = tempDir();
  const config = stackConfig([
    { name: "payments", keys: [EXAMPLE_KEY] },
    {
      name: "other",
      keys: ["arn:aws:kms:us-east-1:111122223333:key/0f6c2a8e-3b1d-4c7a-9e52-7d4b1a9c3e10"],
    },
  ]);
  const file = writeStackFile(dir, "events.yaml", config);

  it("DisableKey sets off cis-4-7 and key-disabled and alerts the key's group", async () => {
    const run = await runCli(["--config", file, "--stack", "ci", "--events", CLOUDTRAIL]);
    expect(run.code).to.equal(0);
    const disable = byFile(run.report?.events, "DisableKey.json");
    expect(disable.signals).to.include.members(["cis-4-7", "key-disabled"]);
    expect(disable.alerts.map((a) => a.group)).to.deep.equal(["payments"]);
    expect(disable.alerts[0]).to.include({ region: "us-east-1", route: "all" });
    expect(run.stdout).to.match(/DisableKey\.json\s+cis-4-7, key-disabled\s+payments \(all\)/);
    // The message the group's topic receives, rendered through the rule's input transformer.
    // DisableKey's request names the key by ID (AWS's published record), and so does the message.
    const recordKey = "1234abcd-12ab-34cd-56ef-1234567890ab";
    const message = [
      `[CRITICAL] Key disabled: key ${recordKey} in payments (ci), account 111122223333`,
      "",
      "What happened: Key disabled: DisableKey called by arn:aws:iam::111122223333:user/Alice (IAMUser) from 192.0.2.0",
      "When: 2014-11-04T00:52:43Z in us-east-1",
      "",
      `What to do: Every encrypt and decrypt with this key now fails. If it was not planned, run \`aws kms enable-key --key-id ${recordKey} --region us-east-1\` and find out who disabled it (see the caller in this alert).`,
      "",
      `Key in the console: https://us-east-1.console.aws.amazon.com/kms/home?region=us-east-1#/kms/keys/${recordKey}`,
      "CloudTrail event: https://us-east-1.console.aws.amazon.com/cloudtrail/home?region=us-east-1#/events/abcde202-ba1a-467c-b4ba-f729d45ae521",
    ].join("\n");
    expect(disable.alerts[0]).to.include({ topic: "kmsmon-ci-payments-all", message });
    expect(run.stdout).to.include(
      `--- DisableKey.json -> topic kmsmon-ci-payments-all in us-east-1 (rule ${disable.alerts[0].rule}):\n${message}\n`,
    );
    // A read-only call that is not a signal alerts nobody.
    const describe = byFile(run.report?.events, "DescribeKey.json");
    expect(describe.signals).to.deep.equal([]);
    expect(describe.alerts).to.deep.equal([]);
  });

  it("exits 1 and names the file when an event file cannot be parsed", async () => {
    const events = join(dir, "broken-events");
    mkdirSync(events, { recursive: true });
    writeFileSync(
      join(events, "DisableKey.json"),
      readFileSync(join(CLOUDTRAIL, "DisableKey.json")),
    );
    writeFileSync(join(events, "truncated.json"), '{"eventSource": "kms.amazonaws.com", ');
    const run = await runCli(["--config", file, "--stack", "ci", "--events", events]);
    expect(run.code).to.equal(1);
    expect(byFile(run.report?.events, "truncated.json").error).to.be.a("string");
    expect(byFile(run.report?.events, "DisableKey.json").alerts.map((a) => a.group)).to.deep.equal([
      "payments",
    ]);
    expect(run.stdout).to.match(/truncated\.json\s+error: /);
  });

  it("plans one key per region for the same alias name in two regions", async () => {
    const aliased = stackConfig([
      {
        name: "shared",
        aliases: [
          "arn:aws:kms:us-east-1:111122223333:alias/shared-data",
          "arn:aws:kms:eu-west-1:111122223333:alias/shared-data",
        ],
      },
    ]);
    const config = writeStackFile(dir, "alias-two-regions.yaml", aliased);
    const run = await runCli(["--config", config, "--stack", "ci"]);
    expect(run.code).to.equal(0);
    const rules = run.report?.run.groups.flatMap((g) => g.rules) ?? [];
    const keysByRegion = Object.fromEntries(rules.map((r) => [r.region, r.keyIds.length]));
    expect(keysByRegion).to.deep.equal({ "eu-west-1": 1, "us-east-1": 1 });
    expect(run.report?.run.warnings).to.deep.equal([]);
  });

  it("alerts no group for a key outside the stack config (dev)", async () => {
    const run = await runCli(["--stack", "dev", "--events", CLOUDTRAIL]);
    const disable = byFile(run.report?.events, "DisableKey.json");
    expect(disable.signals).to.include.members(["cis-4-7", "key-disabled"]);
    expect(disable.alerts).to.deep.equal([]);
  });

  it("reads native KMS events, alerts in the key's region, writes the JSON", async () => {
    // AWS's native examples are in us-west-2: only the group with the key there is alerted.
    const twoRegions = stackConfig([
      { name: "payments", keys: [EXAMPLE_KEY] },
      { name: "oregon", keys: [EXAMPLE_KEY.replace("us-east-1", "us-west-2")] },
    ]);
    const config = writeStackFile(dir, "two-regions.yaml", twoRegions);
    const json = join(dir, "events.json");
    const run = await runCli([
      "--config",
      config,
      "--stack",
      "ci",
      "--events",
      EVENTBRIDGE,
      "--json",
      json,
    ]);
    expect(run.report?.events?.map((e) => e.file)).to.deep.equal([
      "KMS-CMK-Deletion.json",
      "KMS-CMK-Rotation.json",
      "KMS-Imported-Key-Material-Expiration.json",
    ]);
    for (const e of run.report?.events ?? []) {
      expect(e.error).to.equal(undefined);
      expect(e.events).to.equal(1);
      // Native events never reach the log group's filters.
      expect(e.signals).to.deep.equal([]);
      expect(e.alerts.map((a) => `${a.group}/${a.region}`)).to.deep.equal(["oregon/us-west-2"]);
    }
    expect(run.stdout).to.include(`Wrote ${json}`);
    const doc = JSON.parse(readFileSync(json, "utf8"));
    expect(Object.keys(doc).slice(-1)).to.deep.equal(["events"]);
    expect(doc.events).to.deep.equal(JSON.parse(JSON.stringify(run.report?.events)));
  });
});
