/**
 * Carries what the Outputs of a component's arguments say onto the resources built from their
 * values: a resource property that holds an input's value (anywhere inside it, JSON text included)
 * depends on that input's resources, is secret when the input is, and is unknown in a preview
 * while the input is (it was built from a stand-in). The plan itself works on plain strings; this
 * is how it stays honest about where they came from.
 */
import * as pulumi from "@pulumi/pulumi";
import type { InputLeaf } from "./resolve-inputs";
import { isPlainDeep } from "./resolve-inputs";

/** Strings shorter than this are not searched for: they would match unrelated text. */
const SHORTEST_MATCH = 6;

/** A leaf and what marks a property as holding it, lower case (e-mail addresses are lowered). */
interface Needle {
  leaf: InputLeaf;
  text: string;
}

/** The leaf's marks: its stand-in token, or its value and, for a key ARN, the key ID alone. */
function needlesOf(leaf: InputLeaf): Needle[] {
  if (leaf.standInToken !== undefined) return [{ leaf, text: leaf.standInToken }];
  const keyId = /^arn:[^:]+:kms:[^:]*:[^:]*:key\/(.+)$/.exec(leaf.value)?.[1];
  return [leaf.value, ...(keyId ? [keyId] : [])]
    .filter((text) => text.length >= SHORTEST_MATCH)
    .map((text) => ({ leaf, text: text.toLowerCase() }));
}

/** Every string inside a plain value, lower case. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value.toLowerCase());
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out));
  else if (value !== null && typeof value === "object" && !pulumi.Resource.isInstance(value)) {
    Object.values(value).forEach((v) => stringsIn(v, out));
  }
  return out;
}

/** Carries input leaves onto the properties built from them. */
export class InputCarrier {
  private readonly needles: Needle[];

  constructor(readonly leaves: InputLeaf[]) {
    this.needles = leaves.flatMap(needlesOf);
  }

  /** The Outputs whose values a plain value holds. */
  private carriersIn(value: unknown): pulumi.Output<unknown>[] {
    if (this.needles.length === 0) return [];
    const strings = stringsIn(value);
    const hits = new Set<InputLeaf>();
    for (const { leaf, text } of this.needles) {
      if (!hits.has(leaf) && strings.some((s) => s.includes(text))) hits.add(leaf);
    }
    return [...new Set([...hits].flatMap((leaf) => leaf.carriers))];
  }

  /** A plain value, made to depend on (and be as secret and unknown as) the inputs it holds. */
  private carryPlain<T>(value: T): pulumi.Input<T> {
    const carriers = this.carriersIn(value);
    return carriers.length === 0 ? value : pulumi.all(carriers).apply(() => value);
  }

  /**
   * A property value with the inputs it holds carried onto it.
   *
   * @param value - the property as a component built it (plain, or with Outputs inside).
   * @returns the value itself when it holds no input's value; else an Output of it.
   */
  carry<T>(value: pulumi.Input<T>): pulumi.Input<T> {
    if (this.needles.length === 0) return value;
    if (isPlainDeep(value)) return this.carryPlain(value as T);
    return pulumi.output(value).apply((resolved) => this.carryPlain(resolved)) as pulumi.Output<T>;
  }

  /** Every property of a resource's inputs or outputs with the inputs it holds carried on. */
  private carryAll(props: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(props).map(([key, value]) => [key, this.carry(value)]),
    );
  }

  /**
   * The `transformations` resource option that carries the inputs onto every property of every
   * resource below the component it is given to: custom resources' inputs, and components'
   * arguments and registered outputs (a child component such as a key group's monitor registers
   * its key ARNs as outputs, which state keeps; a secret one must stay secret there too).
   */
  readonly transformation: pulumi.ResourceTransformation = ({ resource, props, opts }) => {
    if (this.needles.length === 0) return undefined;
    // isInstance flags are set after the SDK's constructor, which runs this: ask the prototype.
    if (resource instanceof pulumi.ComponentResource) {
      // The component's constructor body runs after this and registers its outputs through
      // this instance's method: carried there, whatever the component registers.
      const component = resource as unknown as {
        registerOutputs(outputs?: pulumi.Inputs | Promise<pulumi.Inputs>): void;
      };
      const register = component.registerOutputs.bind(resource);
      component.registerOutputs = (outputs) =>
        register(Promise.resolve(outputs ?? {}).then((o) => this.carryAll(o)) as pulumi.Inputs);
    }
    return { props: this.carryAll(props), opts };
  };
}
