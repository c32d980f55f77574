/**
 * kms-key-policy-no-open-principal: a key policy must not allow anyone (`Principal: "*"`) unless a
 * condition narrows the callers to a known account, organization, principal, source or network.
 * The policy document is parsed and its statements evaluated, not matched as text.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { knownString } from "./lib/known";
import { describeActions, openStatements, parsePolicy } from "./lib/policy-document";
import { quoted, validateTypes } from "./lib/resource-policy";

/** What each type is called in messages. */
const KINDS: Record<string, string> = {
  "aws:kms/key:Key": "kms key",
  "aws:kms/externalKey:ExternalKey": "kms key",
  "aws:kms/keyPolicy:KeyPolicy": "kms key policy",
};

/** Key policies grant nothing to anyone without a narrowing condition. */
export const kmsKeyPolicyNoOpenPrincipal: ResourceValidationPolicy = {
  name: "kms-key-policy-no-open-principal",
  description:
    'Key policies have no Allow statement for Principal "*" (or {"AWS": "*"}, or NotPrincipal) ' +
    "without a condition on aws:SourceAccount, aws:SourceArn, aws:PrincipalAccount, " +
    "aws:PrincipalOrgID, aws:PrincipalArn, kms:CallerAccount, aws:SourceVpce or aws:SourceVpc.",
  enforcementLevel: "mandatory",
  validateResource: validateTypes(Object.keys(KINDS), (props, args, report) => {
    // Unset: KMS applies its default policy, which names the account. Unknown: wait for apply.
    const text = knownString(props.policy);
    if (text === undefined) return;
    const subject = `${KINDS[args.type]} ${quoted(args.name)}`;
    const parsed = parsePolicy(text);
    if ("error" in parsed) {
      report(`${subject}: policy ${parsed.error}; give a JSON key policy document`);
      return;
    }
    for (const open of openStatements(parsed.statements)) {
      const sid = open.statement.Sid ? ` ${quoted(open.statement.Sid)}` : "";
      report(
        `${subject}: policy statement${sid} (#${open.position}) allows ` +
          `${describeActions(open.statement)} to ${open.principal} with no condition that ` +
          "limits the callers; name the principals, or add a condition on kms:CallerAccount, " +
          "aws:PrincipalOrgID, aws:PrincipalArn, aws:SourceAccount or aws:SourceArn",
      );
    }
  }),
};
