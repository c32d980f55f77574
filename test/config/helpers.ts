/** Shared helpers of the config tests: example stack files, config builders, issue capture. */

import { readFileSync } from "fs";
import { join } from "path";

import { expect } from "chai";
import { parse } from "yaml";

import { ConfigError, parseStackConfig, type ConfigIssue } from "../../components/config";
import { keyArn, keyId } from "../builders";

/** The config map of `Pulumi.<stack>.yaml`, encoded as the Pulumi CLI passes it. */
export function loadStackConfig(stack: string): Record<string, string> {
  const file = join(__dirname, "..", "..", `Pulumi.${stack}.yaml`);
  const document = parse(readFileSync(file, "utf8")) as { config: Record<string, unknown> };
  return encodeConfig(document.config);
}

/** Config values as the CLI passes them: strings as they are, everything else as JSON. */
export function encodeConfig(config: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [
      key,
      typeof value === "string" ? value : JSON.stringify(value),
    ]),
  );
}

/** A small valid stack config: one group of one key, e-mail defaults; `config` overrides keys. */
export function stackConfig(config: Record<string, unknown> = {}): Record<string, string> {
  return encodeConfig({
    "aws:region": "us-east-1",
    "kms-monitoring:notifications": { emails: ["kms-alerts@example.com"] },
    "kms-monitoring:keyGroups": [{ name: "payments", keys: [keyArn("us-east-1", keyId(1))] }],
    ...config,
  });
}

/** A stack config whose groups are `groups`. */
export function withGroups(groups: unknown[], config: Record<string, unknown> = {}) {
  return stackConfig({ "kms-monitoring:keyGroups": groups, ...config });
}

/** The issues `parseStackConfig` reports for `raw`; fails when it does not throw a ConfigError. */
export function issuesOf(
  raw: Record<string, string>,
  options?: { region?: string; stack?: string },
): ConfigIssue[] {
  try {
    parseStackConfig(raw, options);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return [...(error as ConfigError).issues];
  }
  expect.fail("expected a ConfigError");
}

/** Asserts that `raw` fails with exactly `expected` (path and message each). */
export function expectIssues(
  raw: Record<string, string>,
  expected: ConfigIssue[],
  options?: { region?: string; stack?: string },
): void {
  expect(issuesOf(raw, options)).to.deep.equal(expected);
}
