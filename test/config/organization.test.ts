/** `kms-monitoring:organization`: the hub's settings, their defaults, and the members rule. */
import { expect } from "chai";

import { parseStackConfig } from "../../components/config";
import { keyArn, keyId } from "../builders";
import { expectIssues, stackConfig } from "./helpers";

const MEMBER = "222233334444";
const ORG = { organizationId: "o-a1b2c3d4e5", organizationalUnits: ["ou-ab12-34cd5678"] };

describe("config: organization", () => {
  it("leaves a one-account stack without an organization", () => {
    expect(parseStackConfig(stackConfig())).not.to.have.property("organization");
  });

  it("fills the rollout defaults and keeps the members", () => {
    const model = parseStackConfig(
      stackConfig({
        "kms-monitoring:organization": {
          ...ORG,
          members: [{ accountId: "111122223333", regions: ["us-east-1", "us-west-2"] }],
        },
      }),
    );
    expect(model.organization).to.deep.equal({
      organizationId: "o-a1b2c3d4e5",
      organizationalUnits: ["ou-ab12-34cd5678"],
      members: [{ accountId: "111122223333", regions: ["us-east-1", "us-west-2"] }],
      callAs: "DELEGATED_ADMIN",
      memberQuotaAlarms: true,
      memberUsageBands: false,
      rollout: {
        maxConcurrentPercent: 25,
        failureTolerancePercent: 10,
        concurrencyMode: "STRICT_FAILURE_TOLERANCE",
        regionConcurrency: "PARALLEL",
      },
    });
  });

  it("refuses malformed IDs, an empty OU list and a bad rollout, naming each path", () => {
    expectIssues(
      stackConfig({
        "kms-monitoring:organization": {
          organizationId: "org-1",
          organizationalUnits: [],
          members: [{ accountId: "1234", regions: ["us-east-1"] }],
          callAs: "ADMIN",
          rollout: { maxConcurrentPercent: 0 },
        },
      }),
      [
        {
          path: "organization.organizationId",
          message: '"org-1" is not an organization ID o-<10 to 32 lowercase letters or digits>',
        },
        {
          path: "organization.organizationalUnits",
          message: "empty (expected at least one OU ID)",
        },
        {
          path: "organization.members[0].accountId",
          message: '"1234" is not a 12-digit account ID (quoted in YAML)',
        },
        {
          path: "organization.callAs",
          message: '"ADMIN" is not allowed (expected "SELF" or "DELEGATED_ADMIN")',
        },
        {
          path: "organization.rollout.maxConcurrentPercent",
          message: "0 is out of range (expected an integer from 1 to 100)",
        },
      ],
    );
  });

  it("refuses a group key in an account or region the members do not list", () => {
    expectIssues(
      stackConfig({
        "kms-monitoring:keyGroups": [
          {
            name: "payments",
            keys: [
              keyArn("us-east-1", keyId(1), MEMBER),
              keyArn("eu-west-1", keyId(2), "111122223333"),
            ],
          },
        ],
        "kms-monitoring:organization": {
          ...ORG,
          members: [{ accountId: "111122223333", regions: ["us-east-1"] }],
        },
      }),
      [
        {
          path: "keyGroups[0].keys[0]",
          message:
            "is in account 222233334444, which organization.members does not list (add it with its regions)",
        },
        {
          path: "keyGroups[0].keys[1]",
          message:
            "is in eu-west-1, which organization.members lists for account 111122223333 only with regions us-east-1 (add eu-west-1)",
        },
      ],
    );
  });

  it("takes a member's IAM account alias or Organizations account name", () => {
    const model = parseStackConfig(
      stackConfig({
        "kms-monitoring:organization": {
          ...ORG,
          members: [
            { accountId: "111122223333", name: "payments-prod", regions: ["us-east-1"] },
            { accountId: "222233334444", name: "Analytics Data Lake", regions: ["us-east-1"] },
            { accountId: "333344445555", regions: ["us-east-1"] },
          ],
        },
      }),
    );
    expect(model.organization?.members.map((m) => m.name)).to.deep.equal([
      "payments-prod",
      "Analytics Data Lake",
      undefined,
    ]);
  });

  it("refuses a member name that is neither an alias nor an account name, naming the rule", () => {
    const rule =
      "an IAM account alias (3 to 63 lowercase letters, digits, single hyphens) or an Organizations account name (1 to 50 printable ASCII characters)";
    expectIssues(
      stackConfig({
        "kms-monitoring:organization": {
          ...ORG,
          members: [
            { accountId: "111122223333", name: "", regions: ["us-east-1"] },
            { accountId: "222233334444", name: "Zahlungsverkehr Ü", regions: ["us-east-1"] },
            { accountId: "333344445555", name: "A".repeat(51), regions: ["us-east-1"] },
          ],
        },
      }),
      [
        { path: "organization.members[0].name", message: `"" is not ${rule}` },
        {
          path: "organization.members[1].name",
          message: `"Zahlungsverkehr Ü" is not ${rule}`,
        },
        { path: "organization.members[2].name", message: `"${"A".repeat(51)}" is not ${rule}` },
      ],
    );
  });
});
