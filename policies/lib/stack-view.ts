/**
 * A stack as stack policies see it, with plain props (see `known`) and the questions they ask:
 * resources of a type, and whether a property of one resource refers to another.
 */
import type { PolicyResource } from "@pulumi/policy";
import { isUnknown, knownProps, Props } from "./known";
import { isOurs, physicalNameOf } from "./ours";
import { anyTri, Tri } from "./tri";

/** One resource of the stack. */
export interface StackResource {
  type: string;
  /** Logical name. */
  name: string;
  urn: string;
  /** Props as plain data; unknown values are `UNKNOWN`. */
  props: Props;
  /** URN of the parent, if any. */
  parentUrn?: string;
  /** URNs each property depends on. */
  propertyDependencies: Record<string, string[]>;
  /** True when the resource is ours (see `isOurs`), judged by URN, parent and physical name. */
  ours: boolean;
}

/** The resources of a stack, indexed for stack policies. */
export class StackView {
  /** Every resource, in the order the engine gave them. */
  readonly resources: StackResource[];
  private readonly byUrn: Map<string, StackResource>;

  constructor(resources: readonly PolicyResource[]) {
    this.resources = resources.map((r) => {
      const props = knownProps(r.props);
      const parentUrn = r.parent?.urn ?? r.opts?.parent;
      const propertyDependencies: Record<string, string[]> = {};
      for (const [key, deps] of Object.entries(r.propertyDependencies ?? {})) {
        propertyDependencies[key] = deps.map((d) => d.urn);
      }
      return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        props,
        parentUrn,
        propertyDependencies,
        ours: isOurs(r.urn, parentUrn, physicalNameOf(r.type, props)),
      };
    });
    this.byUrn = new Map(this.resources.map((r) => [r.urn, r]));
  }

  /** Resources whose type is one of `types`. */
  ofType(...types: string[]): StackResource[] {
    return this.resources.filter((r) => types.includes(r.type));
  }

  /** True when the stack has a resource of one of `types`. */
  has(...types: string[]): boolean {
    return this.resources.some((r) => types.includes(r.type));
  }

  /** The resource with this URN, if it is in the stack. */
  get(urn: string): StackResource | undefined {
    return this.byUrn.get(urn);
  }

  /** Resources the property `prop` of `from` depends on. */
  dependenciesOf(from: StackResource, prop: string): StackResource[] {
    return (from.propertyDependencies[prop] ?? []).flatMap((urn) => this.byUrn.get(urn) ?? []);
  }

  /**
   * Whether property `prop` of `from` (a string or a list of strings) refers to `target`: true
   * when it depends on `target` or holds a value `matches` accepts; unknown when a value is
   * unknown and its dependencies do not rule `target` out; false otherwise.
   */
  refersTo(
    from: StackResource,
    prop: string,
    target: StackResource,
    matches: (value: string) => boolean,
  ): Tri {
    const deps = from.propertyDependencies[prop] ?? [];
    if (deps.includes(target.urn)) return true;
    const value = from.props[prop];
    const values: unknown[] = Array.isArray(value) ? value : [value];
    return anyTri(
      values.map((v) => {
        if (typeof v === "string" && !isUnknown(v)) return matches(v);
        // An unknown value comes from the resources it depends on; if we know them, we know.
        return isUnknown(v) && deps.length === 0 ? "unknown" : false;
      }),
    );
  }
}

/** A matcher for identifiers of `target`: true for a value equal to one of its known `props`. */
export function sameAs(target: StackResource, ...props: string[]): (value: string) => boolean {
  const ids = props
    .map((p) => target.props[p])
    .filter((v) => typeof v === "string" && !isUnknown(v));
  return (value) => ids.includes(value);
}
