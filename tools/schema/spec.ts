/**
 * The parts of Pulumi's package schema (pkg/codegen/schema/pulumi.json) the generator writes, and
 * the token of a type of this package.
 */
import { PACKAGE } from "../../components/core/tokens";

/** A property's type: a primitive, a list, a map or a reference to a type of the schema. */
export interface TypeSpec {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  items?: TypeSpec;
  additionalProperties?: TypeSpec;
  $ref?: string;
  /** The SDKs take the value itself, not an Output of it (Pulumi's `plain`). */
  plain?: boolean;
}

/** A property of a resource or of an object type. */
export interface PropertySpec extends TypeSpec {
  description?: string;
  optional?: boolean;
}

/** An object type or an enum of the schema. */
export interface ObjectTypeSpec {
  type: "object" | "string";
  description?: string;
  properties?: Record<string, PropertySpec>;
  required?: string[];
  enum?: { name?: string; value: string; description?: string }[];
}

/** A component resource of the schema. */
export interface ResourceSpec {
  type?: "object";
  isComponent: true;
  description?: string;
  inputProperties?: Record<string, PropertySpec>;
  requiredInputs?: string[];
  properties?: Record<string, PropertySpec>;
  required?: string[];
}

/** The package schema. */
export interface PackageSchema {
  name: string;
  version: string;
  description?: string;
  language?: Record<string, unknown>;
  resources: Record<string, ResourceSpec>;
  types: Record<string, ObjectTypeSpec>;
  dependencies?: unknown[];
}

/** `kms-monitoring:index:<name>`: the token of a type or component of the package. */
export function token(name: string): string {
  return `${PACKAGE}:index:${name}`;
}

/** A reference to the type `name` of this package. */
export function ref(name: string): string {
  return `#/types/${token(name)}`;
}

/** The type name a `$ref` of this package points at, or undefined for another reference. */
export function refName(reference: string): string | undefined {
  const local = `#/types/${PACKAGE}:index:`;
  return reference.startsWith(local) ? reference.slice(local.length) : undefined;
}
