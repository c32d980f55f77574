/**
 * Values the engine does not know yet. During a preview, properties computed by the provider
 * (ARNs, IDs, names derived from them) are unknown. @pulumi/policy hands them to policies as
 * sentinel strings behind a proxy that throws when one is read, which would abort the whole
 * policy. `known()` turns props into plain data where every unknown is the {@link UNKNOWN} marker,
 * so a policy can skip just the check that needs the value and still run the others.
 */

/** A value the engine will only know after the resource is created. */
export const UNKNOWN: unique symbol = Symbol.for("kms-monitoring.policies.unknown");

/** The type of {@link UNKNOWN}. */
export type Unknown = typeof UNKNOWN;

/**
 * The sentinels of unknown values on the wire: the engine's unknown string, plus the typed
 * variants @pulumi/policy defines (its `proxy` module; a test checks the two lists agree).
 */
export const UNKNOWN_SENTINELS: readonly string[] = [
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
];

/** The sentinel the engine sends for any unknown value. */
export const WIRE_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The property of @pulumi/policy's proxy that returns the object it wraps. */
const PROXY_TARGET = "__getSpecialProxyTarget";

/**
 * Plain props: field values may be {@link UNKNOWN} at any depth. Provider data has any shape, so
 * fields are `any`; policies check each value's type before they use it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Props = Record<string, any>;

/** True for {@link UNKNOWN} and for a raw unknown sentinel. */
export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN || (typeof value === "string" && UNKNOWN_SENTINELS.includes(value));
}

/**
 * Plain data for `value` (props as a policy receives them, or any part of them): proxies
 * unwrapped, unknown sentinels replaced with {@link UNKNOWN}. A key present with the value
 * `undefined` is also unknown: that is how the SDK's mock runtime records unknown inputs.
 */
export function known(value: unknown): unknown {
  const raw = unwrapProxy(value);
  if (isUnknown(raw)) return UNKNOWN;
  if (Array.isArray(raw)) return raw.map((v) => (v === undefined ? UNKNOWN : known(v)));
  if (isPlainObject(raw)) {
    const out: Props = {};
    for (const key of Object.keys(raw)) {
      const v = raw[key];
      out[key] = v === undefined ? UNKNOWN : known(v);
    }
    return out;
  }
  return raw;
}

/** {@link known} for a resource's props (an object; anything else gives `{}`). */
export function knownProps(props: unknown): Props {
  const plain = known(props);
  return plain !== null && typeof plain === "object" && !Array.isArray(plain)
    ? (plain as Props)
    : {};
}

/** True when `value` is or contains {@link UNKNOWN}. */
export function hasUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(hasUnknown);
  if (isPlainObject(value)) return Object.values(value).some(hasUnknown);
  return false;
}

/** A known string, or undefined when the value is unknown, unset or not a string. */
export function knownString(value: unknown): string | undefined {
  return typeof value === "string" && !isUnknown(value) ? value : undefined;
}

/** Known strings of a list; unknown or non-string elements are left out. */
export function knownStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((v) => knownString(v) ?? []) : [];
}

function unwrapProxy(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  const target = (value as Record<string, unknown>)[PROXY_TARGET];
  return target === undefined ? value : target;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
