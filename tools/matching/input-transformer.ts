/**
 * Offline evaluator of an EventBridge input transformer: what a rule's target receives for an
 * event. Used by the tests and by `npm run plan -- --events`, so both show the text on-call reads.
 *
 * As AWS documents it (EventBridge user guide, "Amazon EventBridge input transformation"; API
 * reference, InputTransformer):
 * - InputPathsMap holds at most 100 variables; names match [A-Za-z0-9_-]+ and may not start with
 *   "AWS."; each value is a JSON path in dot notation with array indexes (dashes allowed).
 * - `<name>` in InputTemplate is replaced by the variable's value; `<` and `>` cannot be escaped,
 *   so a template that names an undefined variable is rejected when the target is put.
 * - Predefined variables: aws.events.rule-name, aws.events.rule-arn,
 *   aws.events.event.ingestion-time (and aws.events.event / .json, not supported here).
 * - A placeholder inside a JSON string is filled with the value's text; outside quotes, a string
 *   value is inserted quoted (JSON), numbers, booleans, objects and arrays as JSON.
 * - A template that is one JSON string (text for SNS or email) delivers the string's content.
 *
 * Where AWS does not document the behaviour, this evaluator assumes (and the docs say so):
 * a path absent from the event fills an empty string inside quotes and `null` outside; a value
 * inserted inside quotes has its quotes, backslashes and control characters JSON-escaped, so the
 * delivered text shows them as they were in the event.
 */

/** The transformer of a target, as put with PutTargets. */
export interface InputTransformerSpec {
  inputPaths: Record<string, string>;
  inputTemplate: string;
}

/** Values of the predefined variables, when a caller knows them. */
export interface PredefinedValues {
  /** aws.events.rule-name. Default: left unset (a template using it throws). */
  ruleName?: string;
  /** aws.events.rule-arn. Default: left unset. */
  ruleArn?: string;
  /** aws.events.event.ingestion-time. Default: the event's `time`. */
  ingestionTime?: string;
}

const MAX_VARIABLES = 100;
const NAME = /^[A-Za-z0-9_-]+$/;
const PATH = /^\$(\.[A-Za-z0-9_\-/]+|\[\d+\])*$/;

/** The value at a dot-notation JSON path (`$.detail.resources[0].ARN`), or undefined. */
export function readJsonPath(event: unknown, path: string): unknown {
  if (!PATH.test(path)) throw new Error(`unsupported JSON path "${path}"`);
  const parts = path.slice(1).match(/\.[^.[]+|\[\d+\]/g) ?? [];
  let current: unknown = event;
  for (const part of parts) {
    if (current === null || typeof current !== "object") return undefined;
    const key = part.startsWith("[") ? Number(part.slice(1, -1)) : part.slice(1);
    if (typeof key === "number" && !Array.isArray(current)) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function checkPaths(inputPaths: Record<string, string>): void {
  const entries = Object.entries(inputPaths);
  if (entries.length > MAX_VARIABLES) {
    throw new Error(`InputPathsMap has ${entries.length} variables; AWS allows ${MAX_VARIABLES}`);
  }
  for (const [name, path] of entries) {
    if (!NAME.test(name) || name.toUpperCase().startsWith("AWS.")) {
      throw new Error(`InputPathsMap variable name "${name}" is not allowed`);
    }
    if (!PATH.test(path)) throw new Error(`InputPathsMap ${name}: unsupported path "${path}"`);
  }
}

function variables(
  transformer: InputTransformerSpec,
  event: object,
  predefined: PredefinedValues,
): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [name, path] of Object.entries(transformer.inputPaths)) {
    values.set(name, readJsonPath(event, path));
  }
  if (predefined.ruleName !== undefined) values.set("aws.events.rule-name", predefined.ruleName);
  if (predefined.ruleArn !== undefined) values.set("aws.events.rule-arn", predefined.ruleArn);
  values.set(
    "aws.events.event.ingestion-time",
    predefined.ingestionTime ?? readJsonPath(event, "$.time"),
  );
  return values;
}

function fill(value: unknown, inString: boolean): string {
  if (value === undefined || value === null) return inString ? "" : "null";
  const json = JSON.stringify(value);
  if (!inString) return json;
  // Inside quotes: the text of a string, the JSON of anything else, escaped as JSON string text.
  const text = typeof value === "string" ? value : json;
  return JSON.stringify(text).slice(1, -1);
}

/**
 * Fills the template for the event and returns what the target receives: the text of a string
 * template, or the JSON text of an object template.
 *
 * @throws when the template names a variable that is neither an input path nor predefined (AWS
 *   rejects such a target), or when the filled template is not valid JSON.
 */
export function applyInputTransformer(
  transformer: InputTransformerSpec,
  event: object,
  predefined: PredefinedValues = {},
): string {
  checkPaths(transformer.inputPaths);
  const values = variables(transformer, event, predefined);
  const template = transformer.inputTemplate;
  let out = "";
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === "<") {
      const end = template.indexOf(">", i + 1);
      const name = end < 0 ? "" : template.slice(i + 1, end);
      if (!values.has(name)) {
        throw new Error(`the template names <${name}>, which is not an input path`);
      }
      out += fill(values.get(name), inString);
      i = end;
      continue;
    }
    if (inString && c === "\\") {
      out += c + (template[i + 1] ?? "");
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    out += c;
  }
  const parsed: unknown = JSON.parse(out);
  return typeof parsed === "string" ? parsed : out;
}
