/**
 * `npm run record`: runs each example stack under mocks and rewrites its record in test/records.
 * Review the diff before committing it: it is everything the change does to a deployment.
 */
import { writeFileSync } from "fs";
import { recordFiles, stackRecordOf } from "./record";
import { RECORDED_STACKS } from "./stacks";

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

async function main(): Promise<void> {
  for (const [stack, run] of Object.entries(RECORDED_STACKS)) {
    const { resources, ...rest } = await stackRecordOf(await run());
    const files = recordFiles(stack);
    writeFileSync(files.resources, json(resources));
    writeFileSync(files.outputs, json(rest));
    console.log(`${files.resources}: ${resources.length} resources; outputs in ${files.outputs}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
