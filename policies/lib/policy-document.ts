/**
 * Evaluation of IAM policy documents (key policies): which Allow statements grant to anyone, and
 * whether their conditions narrow "anyone" to a known account, organization, principal, source or
 * network. Works on the parsed document, not on its text.
 */

/** One statement, as written in the document (fields may be a string or a list). */
export interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

/** A statement that grants to anyone without a narrowing condition, with where it is. */
export interface OpenStatement {
  /** Position in the Statement list, from 1. */
  position: number;
  statement: Statement;
  /** How the principal is open: `Principal "*"`, `Principal {"AWS": "*"}` or `NotPrincipal`. */
  principal: string;
}

/**
 * Condition keys that tie a request to a known account, organization, principal, source or
 * network. (`kms:ViaService` alone does not: any account can call through the service.)
 */
export const NARROWING_KEYS: readonly string[] = [
  "aws:sourceaccount",
  "aws:sourcearn",
  "aws:sourceorgid",
  "aws:sourceorgpaths",
  "aws:principalaccount",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:principalarn",
  "kms:calleraccount",
  "aws:sourcevpce",
  "aws:sourcevpc",
];

/**
 * Operators that require the key to be present and equal to (or match) the given values. Negated
 * operators, `...IfExists` (true when the key is absent) and `ForAllValues:` (true for an empty
 * set) let requests without the key through, so they narrow nothing.
 */
const NARROWING_OPERATORS: readonly string[] = [
  "stringequals",
  "stringequalsignorecase",
  "stringlike",
  "arnequals",
  "arnlike",
];

/**
 * Parses a policy document. Returns the statements, or an error message when the text is not a
 * JSON policy document.
 */
export function parsePolicy(text: string): { statements: Statement[] } | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { error: `is not valid JSON (${(e as Error).message})` };
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    return { error: "is not a JSON object" };
  }
  const raw = (doc as { Statement?: unknown }).Statement;
  if (raw === undefined) return { statements: [] };
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.some((s) => s === null || typeof s !== "object" || Array.isArray(s))) {
    return { error: "has a Statement entry that is not an object" };
  }
  return { statements: list as Statement[] };
}

/** The Allow statements of `statements` that grant to anyone without a narrowing condition. */
export function openStatements(statements: readonly Statement[]): OpenStatement[] {
  return statements.flatMap((statement, i) => {
    if (statement.Effect !== "Allow") return [];
    const principal = openPrincipal(statement);
    if (!principal || narrows(statement.Condition)) return [];
    return [{ position: i + 1, statement, principal }];
  });
}

/** How a statement's principal is open, or undefined when it names specific principals. */
export function openPrincipal(statement: Statement): string | undefined {
  // Allow with NotPrincipal grants to everyone except the principals listed.
  if (statement.NotPrincipal !== undefined) return "NotPrincipal";
  const p = statement.Principal;
  if (isWildcard(p)) return 'Principal "*"';
  if (p !== null && typeof p === "object" && !Array.isArray(p)) {
    const aws = (p as Record<string, unknown>).AWS;
    if (isWildcard(aws)) return 'Principal {"AWS": "*"}';
  }
  return undefined;
}

/** True when some condition requires a narrowing key to have specific values. */
export function narrows(condition: Statement["Condition"]): boolean {
  if (!condition || typeof condition !== "object") return false;
  return Object.entries(condition).some(([operator, entries]) => {
    if (!isNarrowingOperator(operator) || !entries || typeof entries !== "object") return false;
    return Object.entries(entries).some(
      ([key, values]) => NARROWING_KEYS.includes(key.toLowerCase()) && specific(values),
    );
  });
}

/** The statement's actions as written, for messages (`NotAction` is shown as "all but ..."). */
export function describeActions(statement: Statement): string {
  const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
  if (statement.Action !== undefined) return list(statement.Action).join(", ");
  return `all actions but ${list(statement.NotAction).join(", ")}`;
}

function isNarrowingOperator(operator: string): boolean {
  let op = operator.toLowerCase();
  if (op.startsWith("forallvalues:") || op.endsWith("ifexists")) return false;
  if (op.startsWith("foranyvalue:")) op = op.slice("foranyvalue:".length);
  return NARROWING_OPERATORS.includes(op);
}

/** True for "*" or a list containing "*". */
function isWildcard(value: unknown): boolean {
  return value === "*" || (Array.isArray(value) && value.includes("*"));
}

/** True when the values name something: at least one, none made only of wildcards. */
function specific(values: unknown): boolean {
  const list = Array.isArray(values) ? values : [values];
  return (
    list.length > 0 && list.every((v) => typeof v === "string" && v !== "" && !/^[*?]+$/.test(v))
  );
}
