/**
 * Zod schemas of single config values that name AWS things: key and alias ARNs, notification
 * endpoints, tags, log groups and trails. Their messages say what was given and what is allowed.
 */

import { z } from "zod";

import { AWS_LIMITS } from "../core/limits";
import { arnLocationProblem } from "./arn";
import {
  isAliasName,
  isAwsManagedAlias,
  isKeyId,
  isLambdaFunctionArn,
  isSqsQueueArn,
  isTrailArn,
  parseAliasArn,
  splitArn,
  type Partition,
} from "../core/arn";
import { checkedText } from "./fields";
import type { AliasRef } from "./model";
import { emailProblem, httpsUrlProblem, logGroupNameProblem } from "./rules";
import { quote, typeMessage } from "./text";

/** What the value schemas need to know about the stack. */
export interface ValueContext {
  /** The stack's region; undefined when missing or invalid. */
  region: string | undefined;
  /** The stack region's partition; undefined when unknown, which skips partition checks. */
  partition: Partition | undefined;
}

const KEY_ARN_FORM = "arn:<partition>:kms:<region>:<12-digit account>:key/<key id>";
const ALIAS_ARN_FORM = "arn:<partition>:kms:<region>:<12-digit account>:alias/<name>";

/** Why `value` is not a usable KMS key ARN in this stack; undefined when it is. */
export function keyArnProblem(value: string, context: ValueContext): string | undefined {
  const quoted = quote(value);
  if (isKeyId(value)) {
    const partition = context.partition ?? "<partition>";
    const region = context.region ?? "<region>";
    return `${quoted} is a bare key ID; give the key ARN (arn:${partition}:kms:${region}:<12-digit account>:key/${value})`;
  }
  if (value.startsWith("alias/")) {
    return `${quoted} is an alias; list it under aliases (keys takes key ARNs only)`;
  }
  const parts = splitArn(value);
  if (parts?.service === "kms" && parts.resource.startsWith("alias/")) {
    return `${quoted} is an alias ARN; list it under aliases (keys takes key ARNs only)`;
  }
  if (!parts || parts.service !== "kms" || !parts.resource.startsWith("key/")) {
    return `${quoted} is not a KMS key ARN (expected ${KEY_ARN_FORM})`;
  }
  const location = arnLocationProblem(parts, context.partition);
  if (location !== undefined) return `${quoted} ${location}`;
  const keyId = parts.resource.slice("key/".length);
  if (!isKeyId(keyId)) {
    return `${quoted} has an invalid key ID "${keyId}" (expected a lowercase UUID, or mrk- and 32 lowercase hex digits)`;
  }
  return undefined;
}

/** A KMS key ARN in the stack's partition. */
export function keyArn(context: ValueContext): z.ZodString {
  return checkedText(`a KMS key ARN (${KEY_ARN_FORM})`, (value) => keyArnProblem(value, context));
}

/** Why `name` is not a usable `alias/<name>`; undefined when it is. */
function aliasNameProblem(name: string, quoted: string): string | undefined {
  if (!name.startsWith("alias/")) {
    return `${quoted} must start with "alias/" (e.g. "alias/${name}")`;
  }
  if (isAwsManagedAlias(name)) {
    return `${quoted} is the alias of an AWS managed key (alias/aws/...); only customer managed keys can be watched`;
  }
  if (!isAliasName(name)) {
    return `${quoted} is not a valid alias name (expected alias/ and then letters, digits, "/", "_" or "-", at most ${AWS_LIMITS.aliasNameLength} characters)`;
  }
  return undefined;
}

/** Why `value` is not a usable alias (`alias/<name>` or an alias ARN); undefined when it is. */
export function aliasProblem(value: string, context: ValueContext): string | undefined {
  const quoted = quote(value);
  if (isKeyId(value)) return `${quoted} is a key ID; list the key's ARN under keys`;
  if (!value.startsWith("arn:")) return aliasNameProblem(value, quoted);
  const parts = splitArn(value);
  if (parts?.service === "kms" && parts.resource.startsWith("key/")) {
    return `${quoted} is a key ARN; list it under keys (aliases takes alias/<name> or alias ARNs)`;
  }
  if (!parts || parts.service !== "kms") {
    return `${quoted} is not a KMS alias ARN (expected ${ALIAS_ARN_FORM})`;
  }
  const location = arnLocationProblem(parts, context.partition);
  return location === undefined
    ? aliasNameProblem(parts.resource, quoted)
    : `${quoted} ${location}`;
}

/** An alias: `alias/<name>` (looked up in the stack's region) or an alias ARN (in its region). */
export function alias(context: ValueContext): z.ZodString {
  return checkedText(`an alias (alias/<name> or ${ALIAS_ARN_FORM})`, (value) =>
    aliasProblem(value, context),
  );
}

/** The alias `value` selects; its region is the stack's unless `value` is an alias ARN. */
export function toAliasRef(value: string, stackRegion: string): AliasRef {
  return parseAliasArn(value) ?? { name: value, region: stackRegion };
}

/** A string checked by a rule of rules.ts, whose message follows the quoted value. */
function ruled(expected: string, problem: (value: string) => string | undefined): z.ZodString {
  return checkedText(expected, (value) => {
    const found = problem(value);
    return found === undefined ? undefined : `${quote(value)} ${found}`;
  });
}

/** An e-mail address. */
export function email(): z.ZodString {
  return ruled("an e-mail address", emailProblem);
}

/** An `https:` URL; `http:` and other schemes are refused. */
export function httpsUrl(): z.ZodString {
  return ruled("an https:// URL", httpsUrlProblem);
}

/** A check of an ARN string: its service, whole-form test and the form shown in messages. */
interface ArnKind {
  service: string;
  label: string;
  form: string;
  isValid: (value: string) => boolean;
}

/** An ARN of `kind`, in the stack's partition. */
function arnOf(kind: ArnKind, context: ValueContext): z.ZodString {
  return checkedText(`${kind.label} (${kind.form})`, (value) => {
    const parts = splitArn(value);
    if (parts?.service === kind.service) {
      const location = arnLocationProblem(parts, context.partition);
      if (location !== undefined) return `${quote(value)} ${location}`;
    }
    return kind.isValid(value)
      ? undefined
      : `${quote(value)} is not ${kind.label} (expected ${kind.form})`;
  });
}

/** An SQS queue ARN (not a queue URL). */
export function sqsQueueArn(context: ValueContext): z.ZodString {
  const kind: ArnKind = {
    service: "sqs",
    label: "an SQS queue ARN",
    form: "arn:<partition>:sqs:<region>:<12-digit account>:<queue name>",
    isValid: isSqsQueueArn,
  };
  return arnOf(kind, context);
}

/** A Lambda function ARN, optionally with a version or alias qualifier. */
export function lambdaFunctionArn(context: ValueContext): z.ZodString {
  const kind: ArnKind = {
    service: "lambda",
    label: "a Lambda function ARN",
    form: "arn:<partition>:lambda:<region>:<12-digit account>:function:<name>[:<version or alias>]",
    isValid: isLambdaFunctionArn,
  };
  return arnOf(kind, context);
}

/** A CloudTrail trail ARN. */
export function trailArn(context: ValueContext): z.ZodString {
  const kind: ArnKind = {
    service: "cloudtrail",
    label: "a CloudTrail trail ARN",
    form: "arn:<partition>:cloudtrail:<region>:<12-digit account>:trail/<name>",
    isValid: isTrailArn,
  };
  return arnOf(kind, context);
}

/** A CloudWatch Logs log group name, as CloudWatch Logs and the trail component accept it. */
export function logGroupName(): z.ZodString {
  return ruled(
    "the name of the CloudWatch log group the existing trail delivers to",
    logGroupNameProblem,
  );
}

// Most tags one selector may require: a key holds at most this many, so more can never match.
const MAX_TAGS = AWS_LIMITS.tagsPerKey;
const { tagKeyLength, tagValueLength } = AWS_LIMITS;

// AWS tag characters: letters, digits, spaces and _ . : / = + - @ (any script).
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const TAG_CHARACTER_RULE = "letters, digits, spaces and _ . : / = + - @";

/** Why `key` is not a usable tag key; undefined when it is. */
function tagKeyProblem(key: string): string | undefined {
  if (key.length < 1 || key.length > tagKeyLength) {
    return `tag key ${quote(key)} is ${key.length} characters (expected 1 to ${tagKeyLength})`;
  }
  if (key.toLowerCase().startsWith("aws:")) {
    return `tag key ${quote(key)} starts with "aws:", which AWS reserves for its own tags`;
  }
  if (!TAG_CHARACTERS.test(key)) {
    return `tag key ${quote(key)} has characters tags cannot hold (expected ${TAG_CHARACTER_RULE})`;
  }
  return undefined;
}

/** Why `value` is not a usable tag value; undefined when it is. */
function tagValueProblem(value: string): string | undefined {
  if (value.length > tagValueLength) {
    return `tag value is ${value.length} characters (expected at most ${tagValueLength})`;
  }
  if (!TAG_CHARACTERS.test(value)) {
    return `tag value ${quote(value)} has characters tags cannot hold (expected ${TAG_CHARACTER_RULE})`;
  }
  return undefined;
}

/** Tags a key must all carry to be selected: tag key -> value; at most {@link MAX_TAGS}. */
export function tags(): z.ZodRecord<z.ZodString, z.ZodString> {
  const record = z.record(
    checkedText("a tag key", tagKeyProblem),
    checkedText("a tag value (a string)", tagValueProblem),
    {
      error: (issue) => {
        if (issue.code === "invalid_type") {
          return typeMessage(issue.input, "an object of tag key to tag value");
        }
        // A bad key: its own schema's message, already rendered.
        if (issue.code === "invalid_key") return issue.issues[0]?.message;
        return undefined;
      },
    },
  );
  return record.superRefine((value, ctx) => {
    const count = Object.keys(value).length;
    if (count > MAX_TAGS) {
      ctx.addIssue({
        code: "custom",
        message: `${count} tags; at most ${MAX_TAGS} (a KMS key holds at most ${MAX_TAGS} tags)`,
        input: value,
      });
    }
  });
}
