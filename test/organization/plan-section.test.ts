/** The plan tool's organization section: the hub, the StackSet and which members no group covers. */
import { expect } from "chai";

import { planOrganization, unselectedMembers } from "../../components/organization/org-plan";
import { organizationSection } from "../../tools/plan/organization";
import { groupModel, keyArn, keyId, resolvedGroup, resolvedKey } from "../builders";

const ORGANIZATION = {
  organizationId: "o-a1b2c3d4e5",
  organizationalUnits: ["ou-ab12-34cd5678"],
  members: [
    { accountId: "222233334444", name: "payments-prod", regions: ["us-east-1", "us-west-2"] },
    { accountId: "444455556666", regions: ["us-west-2"] },
  ],
  callAs: "DELEGATED_ADMIN" as const,
  memberQuotaAlarms: true,
  memberUsageBands: false,
  rollout: {
    maxConcurrentPercent: 25,
    failureTolerancePercent: 10,
    concurrencyMode: "STRICT_FAILURE_TOLERANCE" as const,
    regionConcurrency: "PARALLEL" as const,
  },
};

describe("organization: the plan's organization section", () => {
  const payments = resolvedGroup(groupModel("payments"), [
    resolvedKey(keyArn("us-east-1", keyId(1), "222233334444")),
  ]);
  const plan = planOrganization(
    ORGANIZATION,
    [payments],
    { accountId: "999988887777", partition: "aws" },
    "sec",
    ["us-east-1", "us-west-2"],
    {
      quotaAlarmPercent: 80,
      usageBaseline: {
        enabled: true,
        bandWidth: 2,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        periodSeconds: 3600,
      },
    },
  );

  it("lists the member regions whose keys no group selects", () => {
    expect(unselectedMembers(plan)).to.deep.equal([
      { accountId: "222233334444", name: "payments-prod", region: "us-west-2", groups: [] },
      { accountId: "444455556666", region: "us-west-2", groups: [] },
    ]);
  });

  // The template's size is mostly the forward rule's pattern: every group signal of the catalog
  // (with the denied destructive calls and the key made public) and key creation.
  it("shows the hub, the StackSet with its template summary, and the members", () => {
    expect(organizationSection(plan)?.split("\n")).to.deep.equal([
      "Organization o-a1b2c3d4e5, hub account 999988887777",
      "Hub per region (us-east-1, us-west-2): bus and OAM sink kmsmon-sec-org admitting only the organization (aws:PrincipalOrgID), rules kmsmon-sec-org-new-key-created, kmsmon-sec-org-new-key-replicated (key creation in a member -> security), kmsmon-sec-org-member-alarms (members' own alarms -> security)",
      "StackSet kmsmon-sec-members: SERVICE_MANAGED, callAs DELEGATED_ADMIN, auto-deployment to OUs ou-ab12-34cd5678 in us-east-1, us-west-2",
      "  rollout: 25% of accounts at once, 10% may fail, STRICT_FAILURE_TOLERANCE, regions PARALLEL",
      "  template: AWS::IAM::Role, AWS::Events::Rule x2, AWS::CloudWatch::Alarm x3, AWS::Oam::Link; 7,789 bytes (CloudFormation takes 51,200)",
      "  never deployed to the management account: deploy the template there as a stack if its keys matter",
      "  each member's alarms per region: 3 (kmsmon-sec-member-quota-symmetric, kmsmon-sec-member-quota-rsa, kmsmon-sec-member-quota-ecc), $0.30 a month, sent to the hub in ALARM",
      "Monthly cost: every account of the OUs pays $0.60 ($0.30 in each of 2 regions), the 2 listed $1.20 (unlisted accounts of the OUs pay the same); the hub's StackSet, buses, sinks and rules $0.00 (its alarms are in the cost table)",
      "Members:",
      "  payments-prod (222233334444) us-east-1: payments",
      "  payments-prod (222233334444) us-west-2: no group selects its keys",
      "  444455556666 us-west-2: no group selects its keys",
      "Keys no group selects (new keys still reach security): 222233334444 us-west-2, 444455556666 us-west-2",
    ]);
  });

  it("says nothing for a one-account stack", () => {
    expect(organizationSection(undefined)).to.equal(undefined);
  });
});
