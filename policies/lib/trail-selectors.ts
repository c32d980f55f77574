/**
 * Whether a CloudTrail trail's event selectors record every KMS management event (reads and
 * writes). Works on the trail's `eventSelectors` or `advancedEventSelectors`; the trail has one or
 * the other.
 */
import { hasUnknown, Props } from "./known";

/** The event source of KMS API calls. */
export const KMS_EVENT_SOURCE = "kms.amazonaws.com";

/** What is wrong with a trail's selectors for KMS, each with the fix; empty when nothing is. */
export function kmsSelectorProblems(trail: Props): string[] {
  const advanced = trail.advancedEventSelectors;
  if (Array.isArray(advanced) && advanced.length > 0) return advancedProblems(advanced);
  return basicProblems(trail.eventSelectors);
}

function basicProblems(selectors: unknown): string[] {
  // No selectors: CloudTrail records all management events, reads and writes.
  if (selectors === undefined || (Array.isArray(selectors) && selectors.length === 0)) return [];
  if (!Array.isArray(selectors) || hasUnknown(selectors)) return [];
  const problems: string[] = [];
  selectors.forEach((s: Props, i: number) => {
    const excluded: unknown = s.excludeManagementEventSources;
    if (Array.isArray(excluded) && excluded.includes(KMS_EVENT_SOURCE)) {
      problems.push(
        `eventSelectors[${i}].excludeManagementEventSources excludes ${KMS_EVENT_SOURCE}; ` +
          `remove ${KMS_EVENT_SOURCE} from it`,
      );
    }
  });
  const full = selectors.some(
    (s: Props) => s.includeManagementEvents !== false && (s.readWriteType ?? "All") === "All",
  );
  if (!full) {
    problems.push(
      "no event selector records all management events; set includeManagementEvents: true " +
        'and readWriteType: "All" on one',
    );
  }
  return problems;
}

function advancedProblems(selectors: unknown[]): string[] {
  if (hasUnknown(selectors)) return [];
  const problems: string[] = [];
  const management = selectors
    .map((s, i) => ({ i, fields: fieldsOf(s) }))
    .filter(({ fields }) =>
      fields.some((f) => f.field === "eventCategory" && has(f.equals, "Management")),
    );
  for (const { i, fields } of management) {
    if (fields.some(excludesKms)) {
      problems.push(
        `advancedEventSelectors[${i}] excludes eventSource ${KMS_EVENT_SOURCE}; remove that ` +
          "field selector",
      );
    }
  }
  const full = management.some(
    ({ fields }) =>
      !fields.some((f) => f.field === "readOnly") &&
      !fields.some((f) => f.field === "eventSource" && !admitsKms(f)),
  );
  if (!full) {
    problems.push(
      "no advanced event selector records all management events; add one whose only field " +
        'selector is eventCategory equals ["Management"]',
    );
  }
  return problems;
}

interface FieldSelector {
  field?: string;
  equals?: unknown;
  notEquals?: unknown;
  startsWith?: unknown;
  notStartsWith?: unknown;
}

function fieldsOf(selector: unknown): FieldSelector[] {
  const fields = (selector as Props | null)?.fieldSelectors;
  return Array.isArray(fields) ? (fields as FieldSelector[]) : [];
}

function excludesKms(f: FieldSelector): boolean {
  return (
    f.field === "eventSource" &&
    (has(f.notEquals, KMS_EVENT_SOURCE) ||
      list(f.notStartsWith).some((p) => KMS_EVENT_SOURCE.startsWith(p)))
  );
}

/** True when an eventSource field selector lets KMS events through. */
function admitsKms(f: FieldSelector): boolean {
  if (excludesKms(f)) return false;
  const equals = list(f.equals);
  const starts = list(f.startsWith);
  if (equals.length === 0 && starts.length === 0) return true;
  return equals.includes(KMS_EVENT_SOURCE) || starts.some((p) => KMS_EVENT_SOURCE.startsWith(p));
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function has(value: unknown, wanted: string): boolean {
  return list(value).includes(wanted);
}
