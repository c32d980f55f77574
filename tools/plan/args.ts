/**
 * Command-line arguments of the offline plan (`npm run plan -- ...`), parsed without a library so
 * the tool adds no dependency.
 */

/** Assumptions of the cost estimate that the user may change on the command line. */
export interface CostAssumptions {
  /** Management events the trail records per month, all services and regions. */
  eventsPerMonth: number;
  /** Messages published to our topics per month (alerts and alarm notifications). */
  notificationsPerMonth: number;
  /** Average size of one CloudTrail record in the log group, in KB. */
  eventKb: number;
  /** Our trail is the account's only one: its copy of management events is the free first copy. */
  firstTrail: boolean;
}

/** The defaults of {@link CostAssumptions}: a mid-sized account. */
export const DEFAULT_ASSUMPTIONS: CostAssumptions = {
  eventsPerMonth: 1_000_000,
  notificationsPerMonth: 200,
  eventKb: 1.5,
  firstTrail: false,
};

/** Everything the plan tool was asked to do. */
export interface PlanArgs {
  /** Stack name: picks `Pulumi.<stack>.yaml` unless `configFile` is given. Defaults to "dev". */
  stack: string;
  /** A Pulumi stack YAML file to read instead of `Pulumi.<stack>.yaml`. */
  configFile?: string;
  /** Where to write the JSON plan. */
  jsonFile?: string;
  /** Where to write the HTML page. */
  htmlFile?: string;
  /** Where to write an organization hub's member template (CloudFormation JSON). */
  templateFile?: string;
  /** A folder of CloudTrail or EventBridge event files to match against the plan. */
  eventsDir?: string;
  /** Policy config (as `--policy-pack-config`). Defaults to `policies/config/<stack>.json`. */
  policyConfigFile?: string;
  /** Keys each tag search is assumed to find offline. Defaults to 1. */
  taggedKeys: number;
  assumptions: CostAssumptions;
  help: boolean;
}

/** A command line that cannot be understood; the message says what to fix. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The text `--help` prints. */
export const USAGE = `Usage: npm run plan -- [options]

  --stack NAME                 stack to plan: reads Pulumi.NAME.yaml (default: dev)
  --config FILE                a Pulumi stack YAML file to plan instead
  --json FILE                  write the plan as JSON
  --html FILE                  write the plan as one self-contained HTML page
  --template FILE              write an organization hub's member template (CloudFormation JSON)
  --events DIR                 match the CloudTrail/EventBridge event files in DIR
  --policy-config FILE         policy pack config (default: policies/config/STACK.json if any)
  --tagged-keys N              keys each tag search finds offline (default: 1)
  --events-per-month N         management events the trail records (default: 1000000)
  --notifications-per-month N  messages published to our topics (default: 200)
  --event-kb N                 average CloudTrail record size in KB (default: 1.5)
  --first-trail                our trail is the account's first (free) copy of events
  --help                       print this text

Exit codes: 0 ok, 1 bad config or usage, 2 a quota is breached, 3 a mandatory policy fails
(2 wins when both apply).`;

const VALUE_FLAGS = [
  "--stack",
  "--config",
  "--json",
  "--html",
  "--template",
  "--events",
  "--policy-config",
  "--tagged-keys",
  "--events-per-month",
  "--notifications-per-month",
  "--event-kb",
] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

function nonNegative(flag: string, text: string, integer: boolean): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0) {
    throw new UsageError(`${flag}: "${text}" is not a number of 0 or more`);
  }
  if (integer && !Number.isInteger(value)) {
    throw new UsageError(`${flag}: "${text}" is not a whole number`);
  }
  return value;
}

/** Parses `argv` (without the node and script paths). Throws a UsageError on anything unknown. */
export function parseArgs(argv: readonly string[]): PlanArgs {
  const values = new Map<ValueFlag, string>();
  let help = false;
  let firstTrail = DEFAULT_ASSUMPTIONS.firstTrail;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith("--") ? splitInline(argv[i]) : [argv[i], undefined];
    if (flag === "--help" || flag === "-h") {
      help = true;
      continue;
    }
    if (flag === "--first-trail") {
      firstTrail = true;
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(flag)) {
      throw new UsageError(`unknown argument "${argv[i]}" (see --help)`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === "") throw new UsageError(`${flag} needs a value`);
    values.set(flag as ValueFlag, value);
  }
  const stack = values.get("--stack") ?? "dev";
  if (!/^[A-Za-z0-9_.-]+$/.test(stack)) throw new UsageError(`--stack: "${stack}" is not a name`);
  const number = (flag: ValueFlag, fallback: number, integer = true) => {
    const text = values.get(flag);
    return text === undefined ? fallback : nonNegative(flag, text, integer);
  };
  return {
    stack,
    configFile: values.get("--config"),
    jsonFile: values.get("--json"),
    htmlFile: values.get("--html"),
    templateFile: values.get("--template"),
    eventsDir: values.get("--events"),
    policyConfigFile: values.get("--policy-config"),
    taggedKeys: number("--tagged-keys", 1),
    assumptions: {
      eventsPerMonth: number("--events-per-month", DEFAULT_ASSUMPTIONS.eventsPerMonth),
      notificationsPerMonth: number(
        "--notifications-per-month",
        DEFAULT_ASSUMPTIONS.notificationsPerMonth,
      ),
      eventKb: number("--event-kb", DEFAULT_ASSUMPTIONS.eventKb, false),
      firstTrail,
    },
    help,
  };
}

/** `--flag=value` as `["--flag", "value"]`. */
function splitInline(arg: string): [string, string | undefined] {
  const eq = arg.indexOf("=");
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}
