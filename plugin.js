/**
 * The module the Pulumi CLI loads when another language uses this package (PulumiPlugin.yaml,
 * package.json `main`). It loads the compiled components from bin/, so the CLI's TypeScript
 * defaults (it reads tsconfig.json only from the user's directory) never compile our sources.
 * `npm install` in this folder builds bin/ (the `prepare` script); the schema comes from plugin.ts.
 */
"use strict";
const { existsSync } = require("fs");
const { join } = require("path");

const compiled = join(__dirname, "bin", "components", "multi-language.js");
if (!existsSync(compiled)) {
  throw new Error(
    `kms-monitoring is not built: ${compiled} is missing. Run \`npm install\` (or \`npm run build\`) in ${__dirname}.`,
  );
}
module.exports = require(compiled);
