/**
 * Checks a CloudFormation template offline against CloudFormation's own resource schemas (the
 * registry provider schemas in test/fixtures/cfn-schemas, see SOURCE.md): intrinsic functions
 * are resolved with sample values for one account and region, then each resource's properties are
 * validated with ajv. References to unknown parameters, resources or conditions are errors too.
 */
import { readFileSync } from "fs";
import { join } from "path";

import Ajv, { type ValidateFunction } from "ajv";

const SCHEMA_FILES: Record<string, string> = {
  "AWS::CloudWatch::Alarm": "aws-cloudwatch-alarm.json",
  "AWS::Events::Rule": "aws-events-rule.json",
  "AWS::IAM::Role": "aws-iam-role.json",
  "AWS::Oam::Link": "aws-oam-link.json",
};

/** Where a stack instance runs, for the pseudo-parameters. */
export interface InstancePlace {
  accountId: string;
  region: string;
  partition: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// Registry schemas carry CloudFormation's own keywords (insertionOrder, requiredOr...) and formats
// (AWS::EC2::Subnet.Id), which ajv skips; their patterns are written for Java, whose escapes (`\-`
// outside a class) JavaScript's unicode mode refuses.
const ajv = new Ajv({
  strict: false,
  validateFormats: false,
  allErrors: true,
  unicodeRegExp: false,
});
const validators = new Map<string, ValidateFunction>();

/** The validator of a resource type's properties, from its registry schema. */
function validatorOf(type: string): ValidateFunction {
  const known = validators.get(type);
  if (known) return known;
  const file = SCHEMA_FILES[type];
  if (!file) throw new Error(`no registry schema for ${type} in test/fixtures/cfn-schemas`);
  const path = join(__dirname, "..", "fixtures", "cfn-schemas", file);
  // The $schema URL names CloudFormation's meta-schema, which ajv does not hold.
  const schema = JSON.parse(readFileSync(path, "utf8"));
  delete schema.$schema;
  const validate = ajv.compile(schema);
  validators.set(type, validate);
  return validate;
}

/** A template value with Ref, Fn::Sub and Fn::GetAtt resolved, or the problems found. */
function resolve(value: Json, scope: Record<string, string>, problems: string[], at: string): Json {
  if (Array.isArray(value)) return value.map((v, i) => resolve(v, scope, problems, `${at}[${i}]`));
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === "Ref") {
    const name = value.Ref as string;
    if (!(name in scope)) problems.push(`${at}: Ref to unknown ${name}`);
    return scope[name] ?? "";
  }
  if (keys.length === 1 && keys[0] === "Fn::Sub") {
    return (value["Fn::Sub"] as string).replace(/\$\{([^}]+)\}/g, (_, name: string) => {
      if (!(name in scope)) problems.push(`${at}: Fn::Sub of unknown ${name}`);
      return scope[name] ?? "";
    });
  }
  if (keys.length === 1 && keys[0] === "Fn::GetAtt") {
    const [resource, attribute] = value["Fn::GetAtt"] as string[];
    const name = `${resource}.${attribute}`;
    if (!(name in scope)) problems.push(`${at}: Fn::GetAtt of unknown ${name}`);
    return scope[name] ?? "";
  }
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, resolve(v, scope, problems, `${at}.${k}`)]),
  );
}

/** CloudFormation's own schema keywords beyond `requiredOr`, unknown to ajv. */
interface CfnKeywords {
  /** Exactly one of these properties. */
  requiredXor?: string[];
  /** A property present excludes the properties listed for it. */
  dependentExcluded?: Record<string, string[]>;
}

function cloudFormationKeywords(schema: CfnKeywords, properties: Json, name: string): string[] {
  const present = Object.keys((properties ?? {}) as object);
  const problems: string[] = [];
  const xor = schema.requiredXor;
  if (xor && xor.filter((p) => present.includes(p)).length !== 1) {
    problems.push(`Resources.${name}.Properties: needs exactly one of ${xor.join(", ")}`);
  }
  for (const [property, excluded] of Object.entries(schema.dependentExcluded ?? {})) {
    if (!present.includes(property)) continue;
    const clash = excluded.filter((p) => present.includes(p));
    if (clash.length > 0) {
      problems.push(`Resources.${name}.Properties: ${property} excludes ${clash.join(", ")}`);
    }
  }
  return problems;
}

/**
 * The problems of `template` in one account and region: unresolvable references and properties
 * that break the resource types' registry schemas. Empty when CloudFormation would accept it.
 *
 * @param parameters - the parameter values of the instance (defaults fill the rest).
 * @param attributes - sample values of `Fn::GetAtt` targets, by `Resource.Attribute`.
 */
export function templateProblems(
  template: Record<string, Json>,
  place: InstancePlace,
  parameters: Record<string, string>,
  attributes: Record<string, string>,
): string[] {
  const problems: string[] = [];
  const declared = (template.Parameters ?? {}) as Record<string, { Default?: string }>;
  const scope: Record<string, string> = {
    "AWS::AccountId": place.accountId,
    "AWS::Region": place.region,
    "AWS::Partition": place.partition,
    "AWS::URLSuffix": "amazonaws.com",
  };
  for (const [name, spec] of Object.entries(declared)) {
    const value = parameters[name] ?? spec.Default;
    if (value === undefined) problems.push(`Parameters.${name}: no value and no default`);
    else scope[name] = value;
  }
  const resources = template.Resources as Record<string, Record<string, Json>>;
  for (const name of Object.keys(resources)) scope[name] = `${name}-physical-id`;
  Object.assign(scope, attributes);
  const conditions = Object.keys((template.Conditions ?? {}) as object);
  for (const [name, resource] of Object.entries(resources)) {
    const condition = resource.Condition as string | undefined;
    if (condition !== undefined && !conditions.includes(condition)) {
      problems.push(`Resources.${name}: unknown condition ${condition}`);
    }
    const properties = resolve(resource.Properties, scope, problems, `Resources.${name}`);
    const validate = validatorOf(resource.Type as string);
    // `requiredOr` is CloudFormation's own keyword (one of the listed properties), unknown to ajv.
    const requiredOr = (validate.schema as { requiredOr?: string[] }).requiredOr;
    if (requiredOr && !requiredOr.some((p) => p in (properties as object))) {
      problems.push(`Resources.${name}.Properties: needs one of ${requiredOr.join(", ")}`);
    }
    problems.push(...cloudFormationKeywords(validate.schema as CfnKeywords, properties, name));
    if (!validate(properties)) {
      for (const error of validate.errors ?? []) {
        problems.push(`Resources.${name}.Properties${error.instancePath}: ${error.message}`);
      }
    }
  }
  return problems;
}
