/**
 * `npm run record`: runs each example stack under mocks and rewrites test/records/<stack>.json.
 * Review the diff before committing it: it is everything the change does to a deployment.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { recordOf } from "./record";
import { RECORDED_STACKS } from "./stacks";

async function main(): Promise<void> {
  for (const [stack, run] of Object.entries(RECORDED_STACKS)) {
    const record = recordOf(await run());
    const file = join(__dirname, `${stack}.json`);
    writeFileSync(file, JSON.stringify(record, null, 2) + "\n");
    console.log(`${file}: ${record.length} resources`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
