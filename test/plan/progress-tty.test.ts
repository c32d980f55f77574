import { spawnSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { expect } from "chai";
import { keyArn, keyId } from "../builders";
import { PROJECT_DIR, stackConfig, tempDir, writeStackFile } from "./helpers";

/**
 * The progress line as a person sees it: the tool runs on a pseudo-terminal (util-linux `script`,
 * which records what the terminal shows), with stdout sent to a file so that only stderr, where
 * the line goes, reaches the terminal.
 */
describe("plan: the progress line on a terminal", function () {
  this.timeout(180_000);

  it("appears during a plan that runs longer than 2 s, and is erased at the end", function () {
    if (!existsSync("/usr/bin/script")) {
      // util-linux's script ships with every Debian; a machine without it cannot open a pty here.
      this.skip();
    }
    const dir = tempDir();
    const groups = Array.from({ length: 30 }, (_, g) => ({
      name: `team-${String(g).padStart(3, "0")}`,
      keys: Array.from({ length: 10 }, (_, i) => keyArn("us-east-1", keyId(g * 10 + i))),
    }));
    const config = writeStackFile(dir, "thirty-groups.yaml", stackConfig(groups));
    const screen = join(dir, "terminal.txt");
    const stdout = join(dir, "stdout.txt");
    const command =
      `node -r ts-node/register/transpile-only tools/plan/cli.ts ` +
      `--config ${config} --stack ci > ${stdout}`;
    const result = spawnSync("script", ["-qec", command, screen], {
      cwd: PROJECT_DIR,
      encoding: "utf8",
    });
    expect(result.status, result.stderr).to.equal(0);
    const shown = readFileSync(screen, "utf8");
    // The last thing drawn is the erase sequence: no stale line is left on the terminal.
    expect(shown.slice(shown.lastIndexOf("plan: "))).to.include("\r\x1b[2K");
    const lines = shown.split("\r");
    const progress = lines.filter((l) => l.includes("plan: "));
    expect(progress.length).to.be.at.least(2);
    expect(progress[progress.length - 1]).to.match(/plan: [a-z ]+, \d+ resources, \d+ s$/);
    // The line is erased before the tables, which go to stdout and never to the terminal.
    expect(readFileSync(stdout, "utf8")).not.to.include("plan: ");
    expect(readFileSync(stdout, "utf8")).to.include("Result: ok (exit 0)");
  });
});
