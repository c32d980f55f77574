/**
 * The module the Pulumi CLI loads when another language uses this package (PulumiPlugin.yaml,
 * package.json `main`), through the Node SDK's run-plugin. It exports a function, which run-plugin
 * calls: the function starts the package's provider (bin/components/package-provider.js), which
 * serves schema.json and constructs the compiled components. Nothing is compiled or analysed at
 * start, so the CLI's TypeScript defaults (it reads tsconfig.json only from the user's directory)
 * never meet our sources. `npm install` in this folder builds bin/ (the `prepare` script).
 */
"use strict";
const { existsSync } = require("fs");
const { join } = require("path");

const compiled = join(__dirname, "bin", "components", "package-provider.js");

module.exports = function startKmsMonitoringPackage() {
  if (!existsSync(compiled)) {
    throw new Error(
      `kms-monitoring is not built: ${compiled} is missing. Run \`npm install\` (or \`npm run build\`) in ${__dirname}.`,
    );
  }
  // run-plugin leaves the plugin's own arguments (the engine's address) after the script name.
  return require(compiled).servePackage(join(__dirname, "schema.json"), process.argv.slice(2));
};
