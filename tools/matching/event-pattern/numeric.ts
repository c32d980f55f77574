/**
 * `{"numeric": [...]}` conditions: one comparison such as `["<", 10]`, or a range made of one
 * lower and one upper bound such as `[">", 0, "<=", 5]` ("Numeric matching", Content filtering
 * in Amazon EventBridge event patterns). They apply to JSON numbers only.
 */

/** The comparison operators EventBridge accepts inside "numeric". */
export const NUMERIC_OPERATORS = ["<", "<=", "=", ">", ">="] as const;

/** One of {@link NUMERIC_OPERATORS}. */
export type NumericOperator = (typeof NUMERIC_OPERATORS)[number];

/**
 * EventBridge limits numeric matching to values in this closed range; event-ruler, the engine
 * behind EventBridge, documents -5.0e9 to +5.0e9.
 */
export const NUMERIC_LIMIT = 5e9;

function isNumericOperator(value: unknown): value is NumericOperator {
  return (NUMERIC_OPERATORS as readonly unknown[]).includes(value);
}

const LOWER: readonly unknown[] = [">", ">="];
const UPPER: readonly unknown[] = ["<", "<="];

/** Why a "numeric" payload is rejected, or undefined when it is well formed. */
export function numericProblem(payload: unknown): string | undefined {
  if (!Array.isArray(payload) || (payload.length !== 2 && payload.length !== 4)) {
    return (
      '"numeric" takes an operator and a number, ' +
      "optionally followed by a second operator and number"
    );
  }
  for (let i = 0; i < payload.length; i += 2) {
    const operator: unknown = payload[i];
    const operand: unknown = payload[i + 1];
    if (!isNumericOperator(operator)) {
      return `unknown numeric operator ${JSON.stringify(operator)}`;
    }
    if (typeof operand !== "number" || !Number.isFinite(operand)) {
      return `numeric operand after "${operator}" must be a number`;
    }
    if (Math.abs(operand) > NUMERIC_LIMIT) {
      return `numeric operand ${operand} is outside -5e9..5e9`;
    }
  }
  if (payload.length === 4) {
    const [first, low, second, high] = payload as [string, number, string, number];
    if (first === "=" || second === "=") {
      return '"=" cannot be combined with a second numeric operator';
    }
    if (!LOWER.includes(first) || !UPPER.includes(second)) {
      return (
        'a numeric range is a lower bound (">" or ">=") ' +
        'followed by an upper bound ("<" or "<=")'
      );
    }
    if (low >= high) {
      return `numeric range lower bound ${low} must be less than upper bound ${high}`;
    }
  }
  return undefined;
}

function compare(operator: NumericOperator, value: number, operand: number): boolean {
  switch (operator) {
    case "<":
      return value < operand;
    case "<=":
      return value <= operand;
    case "=":
      return value === operand;
    case ">":
      return value > operand;
    case ">=":
      return value >= operand;
  }
}

/** True when the number satisfies every comparison of a well-formed "numeric" payload. */
export function matchesNumeric(payload: readonly unknown[], value: number): boolean {
  for (let i = 0; i < payload.length; i += 2) {
    if (!compare(payload[i] as NumericOperator, value, payload[i + 1] as number)) return false;
  }
  return true;
}
