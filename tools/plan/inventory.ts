/**
 * Questions the report asks of the registered resources: which key group a resource belongs to
 * (its KeyGroupMonitor ancestor), which region it lives in (its provider's), and counts.
 */
import type { RecordedResource } from "../mock-runtime/mock-runtime";
import { TOKENS } from "../../components/core/tokens";

/** Type token of the component that owns a key group's resources. */
export const KEY_GROUP_MONITOR = TOKENS.KeyGroupMonitor;
/** The group of resources outside every KeyGroupMonitor. */
export const STACK_GROUP = "stack";

/** Indexes over one run's resources. */
export class Inventory {
  private readonly byUrn: Map<string, RecordedResource>;
  private readonly groupCache = new Map<string, string>();
  private readonly providerRegions = new Map<string, string>();

  /**
   * @param resources every registered resource
   * @param stackRegion the region of resources without an explicit provider
   */
  constructor(
    readonly resources: readonly RecordedResource[],
    readonly stackRegion: string,
  ) {
    this.byUrn = new Map(resources.map((r) => [r.urn, r]));
    for (const r of resources) {
      if (r.type === "pulumi:providers:aws" && typeof r.inputs.region === "string") {
        this.providerRegions.set(r.urn, r.inputs.region);
      }
    }
  }

  /**
   * The key group of a resource: that of its nearest KeyGroupMonitor ancestor, or of another
   * component of ours that names its group in a `groupName` input (UsageBaseline); else "stack".
   */
  groupOf(resource: RecordedResource): string {
    const cached = this.groupCache.get(resource.urn);
    if (cached !== undefined) return cached;
    let group = STACK_GROUP;
    for (let r: RecordedResource | undefined = resource; r; r = this.parentOf(r)) {
      const named = !r.custom && typeof r.inputs.groupName === "string";
      if (r.type === KEY_GROUP_MONITOR || named) {
        group = typeof r.inputs.groupName === "string" ? r.inputs.groupName : r.name;
        break;
      }
    }
    this.groupCache.set(resource.urn, group);
    return group;
  }

  /** The region a resource is created in: its provider's, else the stack's. */
  regionOf(resource: RecordedResource): string {
    if (!resource.provider) return this.stackRegion;
    // A provider reference is "<urn>::<id>".
    const urn = resource.provider.split("::").slice(0, -1).join("::");
    return this.providerRegions.get(urn) ?? this.stackRegion;
  }

  /** Resources of one of the type tokens. */
  ofType(...types: string[]): RecordedResource[] {
    return this.resources.filter((r) => types.includes(r.type));
  }

  /** `[type, count]`, most numerous first, then by type. */
  countByType(): [string, number][] {
    return sortedCounts(this.resources.map((r) => r.type));
  }

  /** `[group, count]`: "stack" first, then groups by name. */
  countByGroup(): [string, number][] {
    const counts = sortedCounts(this.resources.map((r) => this.groupOf(r)));
    return counts.sort(([a], [b]) =>
      a === STACK_GROUP ? -1 : b === STACK_GROUP ? 1 : a.localeCompare(b),
    );
  }

  /** Count of resources of `type` per group. */
  countOfTypeByGroup(type: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.ofType(type)) {
      const g = this.groupOf(r);
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    return counts;
  }

  private parentOf(resource: RecordedResource): RecordedResource | undefined {
    return resource.parent ? this.byUrn.get(resource.parent) : undefined;
  }
}

/** Occurrences of each value, most frequent first, ties by value. */
export function sortedCounts(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
}
