import { expect } from "chai";
import { writeFileSync } from "fs";
import { join } from "path";
import { DEFAULT_BUS_BUDGET } from "../../components/groups/bus-plan";
import { keyArn, keyId } from "../builders";
import { runCli, stackConfig, tempDir, writeStackFile } from "./helpers";

describe("plan exit codes", function () {
  this.timeout(60_000);
  const dir = tempDir();

  it("exits 2 when one group needs more rules than one event bus takes", async () => {
    // A rule per signal, each split by keys: 1,900 keys need far more than a bus's 250 rules.
    const keys = Array.from({ length: 1900 }, (_, i) => keyArn("us-east-1", keyId(i)));
    const file = writeStackFile(dir, "huge.yaml", stackConfig([{ name: "huge", keys }]));
    const run = await runCli(["--config", file, "--stack", "ci"]);
    expect(run.code).to.equal(2);
    const breached = run.report?.quotas.filter((q) => !q.ok) ?? [];
    expect(breached).to.have.length(1);
    expect(breached[0].name).to.match(
      /^Rules of one key group on one bus in us-east-1 \(largest: huge/,
    );
    expect(breached[0].limit).to.equal(DEFAULT_BUS_BUDGET.shardBus);
    expect(breached[0].used).to.be.greaterThan(DEFAULT_BUS_BUDGET.shardBus);
    expect(run.stdout).to.include("BREACHED");
    expect(run.stdout).to.include("Program failed");
    expect(run.stdout).to.include("Result: a quota is breached (exit 2)");
  });

  it("exits 3 when a mandatory policy fails (30-day trail log, pack defaults)", async () => {
    // Stack "ci" has no policies/config/ci.json, so the pack runs with its defaults, under which
    // trail-log-group-retention-and-encryption (mandatory) wants 365 days.
    const config = stackConfig([{ name: "payments", keys: [keyArn("us-east-1", keyId(1))] }], {
      logRetentionDays: 30,
    });
    const file = writeStackFile(dir, "short-log.yaml", config);
    const run = await runCli(["--config", file, "--stack", "ci"]);
    expect(run.code).to.equal(3);
    const mandatory = run.report?.policies.filter((p) => p.level === "mandatory") ?? [];
    expect(mandatory.map((p) => p.policy)).to.deep.equal([
      "trail-log-group-retention-and-encryption",
    ]);
    expect(run.stdout).to.include("Result: a mandatory policy fails (exit 3)");
  });

  it("exits 0 for the same stack once the policy config allows 30 days", async () => {
    const config = stackConfig([{ name: "payments", keys: [keyArn("us-east-1", keyId(1))] }], {
      logRetentionDays: 30,
    });
    const file = writeStackFile(dir, "short-log-ok.yaml", config);
    const policy = join(dir, "policy.json");
    writeFileSync(
      policy,
      JSON.stringify({ "trail-log-group-retention-and-encryption": { minimumRetentionDays: 30 } }),
    );
    const run = await runCli(["--config", file, "--stack", "ci", "--policy-config", policy]);
    expect(run.report?.policies.filter((p) => p.level === "mandatory")).to.deep.equal([]);
    expect(run.code).to.equal(0);
  });

  it("exits 1 with the config error's message alone when the config is invalid", async () => {
    const file = writeStackFile(
      dir,
      "bad.yaml",
      stackConfig([{ name: "Payments!", keys: ["arn:aws:kms:us-east-1:111122223333:alias/x"] }]),
    );
    const run = await runCli(["--config", file]);
    expect(run.code).to.equal(1);
    expect(run.stderr).to.match(/^Invalid kms-monitoring stack config, \d+ problems?/);
    expect(run.stderr).to.include("keyGroups[0]");
    expect(run.stderr).not.to.match(/\n\s+at /);
    expect(run.stdout).to.equal("");
  });

  it("exits 1 on an unknown argument or a missing stack file", async () => {
    const unknown = await runCli(["--stakc", "dev"]);
    expect(unknown.code).to.equal(1);
    expect(unknown.stderr).to.include('unknown argument "--stakc"');
    const missing = await runCli(["--stack", "nosuchstack"]);
    expect(missing.code).to.equal(1);
    expect(missing.stderr).to.include("cannot read the stack file");
  });
});
