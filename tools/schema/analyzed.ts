/**
 * What Pulumi's schema analyzer (the one the Node SDK runs for source-based component packages)
 * reads from the argument interfaces of the components in components/multi-language.ts. The
 * generator starts from it and corrects what interfaces cannot say (package-schema.ts).
 */
import { readFileSync } from "fs";
import { join } from "path";

import { Analyzer } from "@pulumi/pulumi/provider/experimental/analyzer";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental/provider";
import { generateSchema } from "@pulumi/pulumi/provider/experimental/schema";

import { PACKAGE } from "../../components/core/tokens";
import type { PackageSchema } from "./spec";

export const ROOT = join(__dirname, "..", "..");

/** The module other languages construct components from (package-provider.ts serves it). */
const ENTRY = "components/multi-language";

/** The class names of the components other languages get. */
export function offeredComponents(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return getPulumiComponents(require(join(ROOT, ENTRY))).map((c) => c.name);
}

/** The analyzer's schema of the offered components (several seconds: one TypeScript program). */
export function analyzedSchema(): PackageSchema {
  const packageJson = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  // The analyzer finds the components in the `.ts` file of package.json's main.
  const entry = { ...packageJson, main: `${ENTRY}.js`, exports: undefined };
  const result = new Analyzer(ROOT, PACKAGE, entry, new Set(offeredComponents())).analyze();
  return generateSchema(
    PACKAGE,
    packageJson.version,
    packageJson.description,
    result.components,
    result.typeDefinitions,
    result.dependencies,
  ) as unknown as PackageSchema;
}
