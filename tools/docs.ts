/** Rewrites the generated parts of README.md from the catalog: `npm run docs`. */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { withSignalsTable } from "../components/signals/docs-table";

const path = join(__dirname, "..", "README.md");
writeFileSync(path, withSignalsTable(readFileSync(path, "utf8")));
console.log("README.md: signals table updated");
