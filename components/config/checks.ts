/**
 * Rules that span fields or groups of `kms-monitoring:keyGroups`: unique names, one group per key,
 * at least one selector and one target per group, and fields that need another field. They read
 * the decoded JSON directly and skip whatever is malformed (the schemas report that), so they
 * run, and report, even when other parts of the config are invalid.
 */

import { parseKeyArn } from "../core/arn";
import { LIMITS } from "./constants";
import { renderPath, type ConfigIssue } from "./errors";
import type { NotificationRouting } from "./model";
import { countTargets, mergeRouting } from "./notify";
import { nameProblem } from "./fields";
import { groupNameLengthProblem } from "./rules";
import { GROUP_NAME, routingSchema } from "./schema";
import { quote } from "./text";
import { aliasProblem, toAliasRef, type ValueContext } from "./values";

/** What the cross-group rules need besides the groups. */
export interface GroupCheckContext extends ValueContext {
  /** The stack's notification defaults; undefined when they are invalid (skips the target rule). */
  notifications: NotificationRouting | undefined;
  /** The environment name; undefined when it is invalid (skips the name length rule). */
  environment: string | undefined;
}

type RawObject = Record<string, unknown>;
type Path = (string | number)[];

function isObject(value: unknown): value is RawObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The strings of `value` when it is a list, with their indexes. */
function strings(value: unknown): [string, number][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) =>
    typeof item === "string" ? [[item, index] as [string, number]] : [],
  );
}

/** True when `value` selects something: set, and not an empty list or object. */
function selects(value: unknown): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  return !isObject(value) || Object.keys(value).length > 0;
}

/** Where a key or alias was first seen. */
interface Owner {
  group: number;
  label: string;
  path: string;
}

/** Collects issues of the rules, with paths under `keyGroups`. */
class Findings {
  readonly issues: ConfigIssue[] = [];

  add(path: Path, message: string): void {
    this.issues.push({ path: renderPath("keyGroups", path), message });
  }
}

/**
 * Each key and alias belongs to one group: its alarms and notifications would otherwise fire
 * twice. A key listed twice in one group is reported here too; aliases are checked for that by
 * the aliases list itself.
 */
class Ownership {
  private readonly keys = new Map<string, Owner>();
  private readonly aliases = new Map<string, Owner>();

  constructor(
    private readonly context: ValueContext,
    private readonly findings: Findings,
  ) {}

  check(group: RawObject, g: number, label: string): void {
    for (const [arn, k] of strings(group.keys)) {
      if (!parseKeyArn(arn)) continue;
      const owner = this.claim(this.keys, arn, { group: g, label, path: keyPath(g, "keys", k) });
      if (owner?.group === g) {
        this.findings.add([g, "keys", k], `${quote(arn)} is listed twice (also at ${owner.path})`);
      } else if (owner) {
        this.findings.add(
          [g, "keys", k],
          `key ${quote(arn)} is already in group ${owner.label} (${owner.path}); a key belongs to one group`,
        );
      }
    }
    for (const [value, a] of strings(group.aliases)) {
      if (aliasProblem(value, this.context) !== undefined) continue;
      const ref = toAliasRef(value, this.context.region ?? "");
      const here = { group: g, label, path: keyPath(g, "aliases", a) };
      const owner = this.claim(this.aliases, `${ref.region}:${ref.name}`, here);
      if (owner && owner.group !== g) {
        this.findings.add(
          [g, "aliases", a],
          `alias ${ref.name} in ${ref.region} is already in group ${owner.label} (${owner.path}); a key belongs to one group`,
        );
      }
    }
  }

  /** The earlier owner of `id`, or undefined after recording `owner` as the first. */
  private claim(owners: Map<string, Owner>, id: string, owner: Owner): Owner | undefined {
    const first = owners.get(id);
    if (!first) owners.set(id, owner);
    return first;
  }
}

function keyPath(g: number, field: string, index: number): string {
  return renderPath("keyGroups", [g, field, index]);
}

/** Rules inside one group: a selector, tagRegions only with tags, imported keys among keys. */
function checkGroupFields(group: RawObject, g: number, label: string, findings: Findings): void {
  if (!selects(group.keys) && !selects(group.aliases) && !selects(group.tags)) {
    findings.add(
      [g],
      `group ${label} selects no key (expected at least one of keys, aliases or tags)`,
    );
  }
  const tagsUnset = group.tags === undefined || (isObject(group.tags) && !selects(group.tags));
  if (group.tagRegions !== undefined && tagsUnset) {
    findings.add(
      [g, "tagRegions"],
      "only allowed with tags (tagRegions lists the regions searched for tagged keys)",
    );
  }
  const keys = new Set(strings(group.keys).map(([arn]) => arn));
  for (const [arn, k] of strings(group.importedKeys)) {
    if (parseKeyArn(arn) && !keys.has(arn)) {
      findings.add(
        [g, "importedKeys", k],
        `${quote(arn)} is not in this group's keys (importedKeys flags keys listed under keys)`,
      );
    }
  }
}

/** Checks the rules across the decoded `keyGroups` value; returns the issues found. */
export function checkKeyGroups(raw: unknown, context: GroupCheckContext): ConfigIssue[] {
  if (!Array.isArray(raw)) return [];
  const findings = new Findings();
  const ownership = new Ownership(context, findings);
  const names = new Map<string, number>();
  const notifySchema = routingSchema(context).optional();
  let keyCount = 0;

  raw.forEach((group: unknown, g) => {
    if (!isObject(group)) return;
    const name = typeof group.name === "string" ? group.name : undefined;
    const label = name === undefined ? `keyGroups[${g}]` : `"${name}"`;
    const first = name === undefined ? undefined : names.get(name);
    if (name !== undefined && first === undefined) names.set(name, g);
    else if (name !== undefined) {
      findings.add(
        [g, "name"],
        `${quote(name)} is already the name of keyGroups[${first}] (group names must be unique)`,
      );
    }
    const lengthProblem =
      name !== undefined && context.environment !== undefined && !nameProblem(name, GROUP_NAME)
        ? groupNameLengthProblem(context.environment, name)
        : undefined;
    if (lengthProblem !== undefined) findings.add([g, "name"], `${quote(name)} ${lengthProblem}`);
    ownership.check(group, g, label);
    checkGroupFields(group, g, label, findings);
    keyCount += strings(group.keys).length + strings(group.aliases).length;

    if (!context.notifications) return;
    // Re-parsed quietly: the keyGroups schema reports a malformed notify.
    const notify = notifySchema.safeParse(group.notify);
    const routing = notify.success && mergeRouting(context.notifications, notify.data);
    if (routing && countTargets(routing.default) === 0) {
      findings.add(
        [g, "notify"],
        `group ${label} has no notification target (expected emails, https, sqs or lambda in its notify or in kms-monitoring:notifications)`,
      );
    }
  });

  if (keyCount > LIMITS.keys) {
    const count = keyCount.toLocaleString("en-US");
    const max = LIMITS.keys.toLocaleString("en-US");
    findings.add(
      [],
      `${count} keys and aliases in all; at most ${max} per stack (split them over several stacks)`,
    );
  }
  return findings.issues;
}
