/**
 * Which key groups of our monitoring select a KMS key of the stack: by ARN, by an alias that
 * targets the key, or by tags. Groups are read from the inputs `KeyGroupMonitor` registers:
 * `{ groupName, keyArns, aliases, tags }`.
 */
import { isUnknown, knownString, Props } from "./known";
import { sameAs, StackResource, StackView } from "./stack-view";
import { allTri, anyTri, Tri } from "./tri";
import { TOKENS } from "../../components/core/tokens";

/** Type token of our per-group component. */
export const KEY_GROUP_MONITOR_TYPE = TOKENS.KeyGroupMonitor;

/** Type token of an alias. */
export const ALIAS_TYPE = "aws:kms/alias:Alias";

/** The selectors of one key group; a list or map is "unknown" when any part of it is. */
export interface GroupSelectors {
  name: string;
  keyArns: string[] | "unknown";
  /** Alias names (`alias/...`); ARNs of aliases are reduced to their names. */
  aliases: string[] | "unknown";
  tags: Record<string, string> | "unknown";
}

/**
 * The selectors of every KeyGroupMonitor in the stack. A group whose props carry none of them
 * (the engine shows a component's registered outputs, which replace its inputs, unless the
 * component registers its selectors as outputs too) could select any key: all "unknown".
 */
export function groupSelectors(view: StackView): GroupSelectors[] {
  return view.ofType(KEY_GROUP_MONITOR_TYPE).map((g) => {
    const name = knownString(g.props.groupName) ?? g.name;
    if (!["keyArns", "aliases", "tags"].some((k) => k in g.props)) {
      return { name, keyArns: "unknown", aliases: "unknown", tags: "unknown" };
    }
    return {
      name,
      keyArns: stringList(g.props.keyArns),
      aliases: mapList(stringList(g.props.aliases), aliasName),
      tags: stringMap(g.props.tags),
    };
  });
}

/** The aliases in the stack whose target may be `key`, with whether it is. */
export function aliasesOf(
  view: StackView,
  key: StackResource,
): { alias: StackResource; targets: Tri }[] {
  const ids = sameAs(key, "keyId", "arn", "id");
  return view
    .ofType(ALIAS_TYPE)
    .map((alias) => ({ alias, targets: view.refersTo(alias, "targetKeyId", key, ids) }))
    .filter((a) => a.targets !== false);
}

/** Whether `group` selects `key`, by ARN, alias or tags. */
export function groupCovers(view: StackView, group: GroupSelectors, key: StackResource): Tri {
  return anyTri([byArn(group, key), byAlias(view, group, key), byTags(group, key.props)]);
}

function byArn(group: GroupSelectors, key: StackResource): Tri {
  if (group.keyArns === "unknown") return "unknown";
  if (group.keyArns.length === 0) return false;
  const arn = knownString(key.props.arn);
  return arn === undefined ? "unknown" : group.keyArns.includes(arn);
}

function byAlias(view: StackView, group: GroupSelectors, key: StackResource): Tri {
  const aliases = group.aliases;
  if (aliases !== "unknown" && aliases.length === 0) return false;
  return anyTri(
    aliasesOf(view, key).map(({ alias, targets }) => {
      const name = knownString(alias.props.name);
      const listed: Tri =
        aliases === "unknown" || name === undefined ? "unknown" : aliases.includes(name);
      return allTri([targets, listed]);
    }),
  );
}

function byTags(group: GroupSelectors, props: Props): Tri {
  const wanted = group.tags;
  if (wanted === "unknown") return "unknown";
  // A group without tags selects nothing by tag (an empty set would match every key).
  if (Object.keys(wanted).length === 0) return false;
  // tagsAll (outputs) adds the provider's default tags, which the key carries too.
  const tags = { ...plainOrEmpty(props.tagsAll), ...plainOrEmpty(props.tags) };
  if (isUnknown(props.tags) || isUnknown(props.tagsAll)) return "unknown";
  return allTri(
    Object.entries(wanted).map(([k, v]) => (isUnknown(tags[k]) ? "unknown" : tags[k] === v)),
  );
}

/** `alias/x` for an alias name or ARN (`arn:<p>:kms:<region>:<account>:alias/x`). */
export function aliasName(value: string): string {
  const i = value.indexOf(":alias/");
  return value.startsWith("arn:") && i >= 0 ? value.slice(i + 1) : value;
}

function stringList(value: unknown): string[] | "unknown" {
  if (isUnknown(value)) return "unknown";
  if (!Array.isArray(value)) return [];
  if (value.some(isUnknown)) return "unknown";
  return value.filter((v): v is string => typeof v === "string");
}

function mapList(list: string[] | "unknown", f: (s: string) => string): string[] | "unknown" {
  return list === "unknown" ? list : list.map(f);
}

function stringMap(value: unknown): Record<string, string> | "unknown" {
  if (isUnknown(value)) return "unknown";
  const map = plainOrEmpty(value);
  if (Object.values(map).some(isUnknown)) return "unknown";
  return Object.fromEntries(
    Object.entries(map).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

function plainOrEmpty(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
