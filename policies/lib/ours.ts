/**
 * Telling our resources apart from everyone else's. A resource is ours when one of its ancestors
 * is a `kms-monitoring:` component (the qualified type in a URN lists every ancestor's type), or
 * when its physical name carries the `kmsmon-` prefix every name we create starts with.
 */

import { NAME_ROOT } from "../../components/core/names";
import { TOKEN_PREFIX } from "../../components/core/tokens";

/** Package prefix of our component types. */
export const OUR_TYPE_PREFIX = TOKEN_PREFIX;

/** Prefix of every physical name we create (`kmsmon-<environment>-...`). */
export const OUR_NAME_PREFIX = NAME_ROOT;

/**
 * The types in a URN's qualified type, outermost ancestor first and the resource's own type last:
 * `urn:pulumi:<stack>::<project>::<a>$<b>$<type>::<name>` gives `[a, b, type]`.
 */
export function urnTypes(urn: string): string[] {
  const parts = urn.split("::");
  return parts.length >= 4 ? parts[2].split("$") : [];
}

/** The resource's own type, from its URN. */
export function urnType(urn: string): string | undefined {
  return urnTypes(urn).pop();
}

/**
 * True when the resource at `urn` sits under one of our components. `parentUrn` helps where URNs
 * list only the direct parent's type (the SDK's mock runtime does).
 */
export function hasOurAncestor(urn: string, parentUrn?: string): boolean {
  const ancestors = urnTypes(urn).slice(0, -1);
  if (parentUrn) ancestors.push(...urnTypes(parentUrn));
  return ancestors.some((t) => t.startsWith(OUR_TYPE_PREFIX));
}

/** True for a physical name we create: `kmsmon-...`, or a path whose last part is (`/aws/x/kmsmon-...`). */
export function isOurName(name: unknown): boolean {
  if (typeof name !== "string") return false;
  const last = name.split("/").pop() ?? "";
  return name.startsWith(OUR_NAME_PREFIX) || last.startsWith(OUR_NAME_PREFIX);
}

/** Properties holding the physical name, where it is not `name`. */
const NAME_PROPS: Record<string, string> = {
  "aws:cloudwatch/eventTarget:EventTarget": "rule",
  "aws:s3/bucket:Bucket": "bucket",
  "aws:s3/bucketV2:BucketV2": "bucket",
};

/** The physical name of a resource (for targets, their rule's), if its props carry it. */
export function physicalNameOf(type: string, props: Record<string, unknown>): unknown {
  return props[NAME_PROPS[type] ?? "name"];
}

/** True when a resource is ours by its URN, its parent's URN, or its physical name. */
export function isOurs(urn: string, parentUrn?: string, physicalName?: unknown): boolean {
  return hasOurAncestor(urn, parentUrn) || isOurName(physicalName);
}
