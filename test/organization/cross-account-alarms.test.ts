/** A hub's alarms read members' key metrics through the OAM sink, naming the account. */
import { expect } from "chai";

import { planGroup } from "../../components/groups/group-plan";
import { readMemberMetrics } from "../../components/organization/cross-account-alarms";
import { groupModel, keyArn, keyId, resolvedGroup, resolvedKey } from "../builders";

const HUB = "999988887777";
const MEMBER = "222233334444";

describe("organization: alarms on members' keys", () => {
  const imported = keyArn("us-east-1", keyId(1), MEMBER);
  const own = keyArn("us-east-1", keyId(2), HUB);
  const group = resolvedGroup(groupModel("payments"), [
    resolvedKey(imported, {
      origin: "EXTERNAL",
      validTo: "2030-01-01T00:00:00Z",
      expirationModel: "KEY_MATERIAL_EXPIRES",
    }),
    resolvedKey(own),
  ]);
  const plan = readMemberMetrics(planGroup(group, "prod"), group, HUB);

  it("turns an expiry alarm on a member's key into one metric query with the member's AccountId", () => {
    expect(plan.expiryAlarms.map((a) => a.metric)).to.deep.equal([
      {
        kind: "metric-math",
        queries: [
          {
            id: "m1",
            returnData: true,
            accountId: MEMBER,
            metric: {
              namespace: "AWS/KMS",
              metricName: "SecondsUntilKeyMaterialExpiration",
              dimensions: { KeyId: keyId(1) },
              period: 3600,
              stat: "Minimum",
            },
          },
        ],
      },
    ]);
  });

  it("names the member's account on its keys' baseline metrics, and none on the hub's own", () => {
    const queries = plan.baselineAlarms.flatMap((a) =>
      a.metric.kind === "anomaly" ? a.metric.queries : [],
    );
    expect(
      queries.filter((q) => q.metric).map((q) => [q.metric?.dimensions.KeyArn, q.accountId]),
    ).to.have.deep.members([
      [imported, MEMBER],
      [own, undefined],
    ]);
  });
});
