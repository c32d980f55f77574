/**
 * `npx ts-node --transpile-only tools/bench/construct-failure.ts`: starts the package as the
 * Pulumi CLI does for other languages (run-plugin from a new empty directory, test/package/plugin-host.ts), then times a Construct of
 * KmsMonitoringStack whose key is an Output holding an invalid value (an alias), once for a first
 * Construct (the components load) and again, and a valid Construct for comparison; then an
 * AlertTopic whose https target is an Output holding an `http:` URL (refused inside an apply, after
 * Construct returned: an uncaught error, package-provider.ts inspectAsStack). Prints the
 * milliseconds, the error and the registrations each made (all, and AWS resources). A measurement, not a test.
 */
import { construct, outputValue, withPlugin } from "../../test/package/plugin-host";

const KEY_URN = "urn:pulumi:dev::consumer::aws:kms/key:Key::app";
const KEY = "arn:aws:kms:us-east-1:111122223333:key/7e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b";

/** KmsMonitoringStack's inputs with one key group of the keys given. */
function inputs(key: unknown): Record<string, unknown> {
  return {
    environment: "dev",
    region: "us-east-1",
    trail: { mode: "create", retainOnDelete: false },
    notifications: { emails: ["kms-alerts@example.com"] },
    keyGroups: [{ name: "app", keys: [key] }],
  };
}

async function main(): Promise<void> {
  const world = { accountId: "111122223333", region: "us-east-1", partition: "aws" };
  await withPlugin(world, async (plugin, engine) => {
    const timed = async (
      label: string,
      type: string,
      name: string,
      args: Record<string, unknown>,
    ) => {
      const before = engine.registrations.length;
      const started = Date.now();
      const error = await construct(plugin.client, engine.address, {
        type: `kms-monitoring:index:${type}`,
        name,
        inputs: args,
      }).then(
        () => undefined,
        (e: Error) => e.message,
      );
      const ms = Date.now() - started;
      const registered = engine.registrations.slice(before);
      const aws = registered.filter((r) => r.custom).length;
      console.log(
        `${label.padEnd(24)} ${String(ms).padStart(6)} ms, ${registered.length} registrations ` +
          `(${aws} AWS)`,
      );
      if (error) console.log(`  error: ${error.split("\n").slice(0, 2).join(" | ")}`);
    };
    const key = (value: string) => outputValue({ value, dependencies: [KEY_URN] });
    await timed(
      "invalid Output (first)",
      "KmsMonitoringStack",
      "bad-first",
      inputs(key("alias/app")),
    );
    await timed(
      "invalid Output (again)",
      "KmsMonitoringStack",
      "bad-again",
      inputs(key("alias/app")),
    );
    await timed("valid Output", "KmsMonitoringStack", "good", inputs(key(KEY)));
    await timed("AlertTopic http Output", "AlertTopic", "topic", {
      topicName: "kmsmon-dev-alerts",
      kmsKeyArn: KEY,
      targets: { https: [key("http://pager.example.com/hook")] },
    });
  });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
