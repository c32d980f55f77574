/**
 * Reads a Pulumi stack file (`Pulumi.<stack>.yaml`) into the config map the Pulumi CLI hands a
 * program: `<namespace>:<key>` to a string, objects and lists JSON-encoded.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parse } from "yaml";
import { UsageError } from "./args";

/** Where the stack file of `stack` is: `Pulumi.<stack>.yaml` in the project folder. */
export function stackFilePath(projectDir: string, stack: string): string {
  return join(projectDir, `Pulumi.${stack}.yaml`);
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

/** Reads and encodes a stack file; a missing file or broken YAML is a UsageError. */
export function loadStackFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`cannot read the stack file ${file}`);
  }
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid YAML: ${(error as Error).message}`);
  }
  const config = (document as { config?: unknown } | null)?.config ?? {};
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new UsageError(`${file}: "config" is not a map of config keys`);
  }
  return encodeConfig(config as Record<string, unknown>);
}
