/**
 * `npm run schema`: writes schema.json, the package schema the plugin serves to other languages
 * (components/package-provider.ts). test/package/schema-file.test.ts fails when it is stale.
 */
import { writeFileSync } from "fs";
import { join } from "path";

import { ROOT } from "./analyzed";
import { packageSchema } from "./package-schema";

/** Where the schema lives: shipped beside plugin.js. */
export const SCHEMA_FILE = join(ROOT, "schema.json");

if (require.main === module) {
  writeFileSync(SCHEMA_FILE, `${JSON.stringify(packageSchema(), null, 2)}\n`);
  console.log(`wrote ${SCHEMA_FILE}`);
}
