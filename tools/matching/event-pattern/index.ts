/**
 * Amazon EventBridge event-pattern matching, validation and sizing, evaluated offline so that
 * users can test rules against their own events. Pure: no I/O and no Pulumi dependency.
 */
export { InvalidEventPatternError, matchesEventPattern } from "./match";
export { eventPatternSize } from "./size";
export type {
  EventPattern,
  EventPatternAffix,
  EventPatternAnythingBut,
  EventPatternField,
  EventPatternLiteral,
  EventPatternOperator,
  EventPatternValue,
} from "./types";
export { validateEventPattern } from "./validate";
