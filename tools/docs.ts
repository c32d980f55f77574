/** Rewrites the generated parts of README.md and docs/CONFIG.md: `npm run docs`. */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { withConfigTables } from "../components/config/docs-tables";
import { withSignalsTable } from "../components/signals/docs-table";

const readme = join(__dirname, "..", "README.md");
writeFileSync(readme, withSignalsTable(readFileSync(readme, "utf8")));
console.log("README.md: signals table updated");

const config = join(__dirname, "..", "docs", "CONFIG.md");
writeFileSync(config, withConfigTables(readFileSync(config, "utf8")));
console.log("docs/CONFIG.md: field tables updated from the config schema");
