/**
 * The hub's resource policies: they admit the organization as a whole (`aws:PrincipalOrgID`), so
 * they stay one statement long however many accounts join, and refuse every account outside it.
 */
import { policyDocument, type PolicyDocument } from "../iam/policy-document";

/**
 * The policy of a hub bus: any principal of the organization may put events on it (the members'
 * forwarding roles), no one else.
 *
 * @param busArn - the hub bus's ARN.
 * @param organizationId - the organization (`o-...`).
 */
export function hubBusPolicy(busArn: string, organizationId: string): PolicyDocument {
  return policyDocument([
    {
      Sid: "OrganizationPutsKmsEvents",
      Effect: "Allow",
      Principal: "*",
      Action: "events:PutEvents",
      Resource: busArn,
      Condition: { StringEquals: { "aws:PrincipalOrgID": organizationId } },
    },
  ]);
}

/**
 * The policy of a hub OAM sink: accounts of the organization may link to it, sharing CloudWatch
 * metrics only.
 *
 * @param organizationId - the organization (`o-...`).
 */
export function hubSinkPolicy(organizationId: string): PolicyDocument {
  return policyDocument([
    {
      Sid: "OrganizationLinksMetrics",
      Effect: "Allow",
      Principal: "*",
      Action: ["oam:CreateLink", "oam:UpdateLink"],
      Resource: "*",
      Condition: {
        StringEquals: { "aws:PrincipalOrgID": organizationId },
        "ForAllValues:StringEquals": { "oam:ResourceTypes": ["AWS::CloudWatch::Metric"] },
      },
    },
  ]);
}
