/** The error thrown for invalid stack config, listing every problem found. */
import { inspect } from "util";

/** One problem in the stack config. */
export interface ConfigIssue {
  /** Where: a config key and path inside it, such as `keyGroups[2].keys[0]` or `aws:region`. */
  path: string;
  /** What is wrong and what is allowed. */
  message: string;
}

/**
 * Thrown by `parseStackConfig` when the stack config is invalid, before any resource exists.
 * `message` is a one-line summary followed by one line per issue (`<path>: <message>`).
 */
export class ConfigError extends Error {
  /** Every problem found, in config order. */
  readonly issues: readonly ConfigIssue[];
  /**
   * Marks this as a Pulumi `RunError` (the CLI checks this flag), so `pulumi up` prints the message
   * alone instead of a stack trace, while this module stays free of the Pulumi SDK.
   */
  readonly __pulumiRunError = true;

  /** @param issues the problems; at least one. */
  constructor(issues: readonly ConfigIssue[]) {
    super(formatConfigIssues(issues));
    this.name = "ConfigError";
    this.issues = issues;
  }

  /**
   * Inspected as its stack text. Pulumi's program runner inspects every uncaught error (even one
   * it prints as a message), and on Node releases with nodejs/node#64011 (20.20 among them)
   * `util.inspect` loops for tens of seconds on a stack with frames of the SDK's source-mapped
   * files, which an error raised inside an apply has.
   */
  [inspect.custom](): string {
    return this.stack ?? this.message;
  }
}

/** Renders issues as a summary line and one indented `<path>: <message>` line each. */
export function formatConfigIssues(issues: readonly ConfigIssue[]): string {
  const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  const summary = `Invalid kms-monitoring stack config, ${count} (see docs/CONFIG.md):`;
  return [summary, ...issues.map((issue) => `  ${issue.path}: ${issue.message}`)].join("\n");
}

/**
 * Renders a path inside a config key: numbers as `[i]`, identifiers as `.name`, other keys (tag
 * keys) as `["key"]`. `prefix` is the config key without its project namespace, e.g. `keyGroups`.
 */
export function renderPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/.test(segment)) {
      out += out === "" ? segment : `.${segment}`;
    } else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}
