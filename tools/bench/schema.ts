/**
 * `npm run bench:schema`: starts the package as the Pulumi CLI does for other languages
 * (run-plugin from a new empty directory, test/package/plugin-host.ts), then prints the time to the
 * port line and the time of the first and a second GetSchema. A measurement, not a test.
 */
import { getSchema, withPlugin } from "../../test/package/plugin-host";

async function main(): Promise<void> {
  const world = { accountId: "111122223333", region: "us-east-1", partition: "aws" };
  await withPlugin(world, async (plugin) => {
    const timed = async () => {
      const started = Date.now();
      const schema = await getSchema(plugin.client);
      return { ms: Date.now() - started, bytes: JSON.stringify(schema).length };
    };
    const first = await timed();
    const second = await timed();
    console.log(`ms to port:         ${plugin.msToPort}`);
    console.log(`first GetSchema:    ${first.ms} ms (${first.bytes} bytes)`);
    console.log(`second GetSchema:   ${second.ms} ms`);
  });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
