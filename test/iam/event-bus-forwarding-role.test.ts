import { expect } from "chai";
import { eventBusForwardingPolicy, eventBusForwardingTrustPolicy } from "../../components/iam";
import { ACCOUNT, OTHER_ACCOUNT, REGION } from "../builders";
import { ANONYMOUS, type SimulateArgs, simulate } from "../harness/iam-simulator";

const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/kmsmon-prod-fanout`;
const RULE_PATTERN = `arn:aws:events:${REGION}:${ACCOUNT}:rule/kmsmon-prod-fanout-*`;
const BUS_1 = `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/kmsmon-prod-shard-1`;
const BUS_2 = `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/kmsmon-prod-shard-2`;

const trust = eventBusForwardingTrustPolicy({
  accountId: ACCOUNT,
  ruleArnPattern: RULE_PATTERN,
});
const permissions = eventBusForwardingPolicy({ busArns: [BUS_1, BUS_2] });

const assume: SimulateArgs = {
  resourcePolicy: trust,
  principal: "events.amazonaws.com",
  action: "sts:AssumeRole",
  resource: ROLE_ARN,
  accountId: ACCOUNT,
  context: {
    "aws:SourceAccount": ACCOUNT,
    "aws:SourceArn": `arn:aws:events:${REGION}:${ACCOUNT}:rule/kmsmon-prod-fanout-1`,
  },
};

const put: SimulateArgs = {
  identityPolicies: [permissions],
  principal: ROLE_ARN,
  action: "events:PutEvents",
  resource: BUS_1,
  accountId: ACCOUNT,
};

describe("eventBusForwardingTrustPolicy", () => {
  it("lets our fan-out rules assume the role", async () => {
    expect(await simulate(assume)).to.equal("Allowed");
  });

  it("refuses other rules, other accounts and anonymous callers", async () => {
    const otherRule = `arn:aws:events:${REGION}:${ACCOUNT}:rule/someone-else`;
    expect(
      await simulate({ ...assume, context: { ...assume.context, "aws:SourceArn": otherRule } }),
    ).to.equal("ImplicitlyDenied");
    expect(
      await simulate({
        ...assume,
        context: { ...assume.context, "aws:SourceAccount": OTHER_ACCOUNT },
      }),
    ).to.equal("ImplicitlyDenied");
    expect(await simulate({ ...assume, principal: ANONYMOUS })).to.equal("ImplicitlyDenied");
  });
});

describe("eventBusForwardingPolicy", () => {
  it("lets the role put events on the shard buses only", async () => {
    expect(await simulate(put)).to.equal("Allowed");
    expect(await simulate({ ...put, resource: BUS_2 })).to.equal("Allowed");
    const defaultBus = `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default`;
    expect(await simulate({ ...put, resource: defaultBus })).to.equal("ImplicitlyDenied");
    expect(await simulate({ ...put, action: "events:DeleteEventBus" })).to.equal(
      "ImplicitlyDenied",
    );
  });

  it("rejects an empty bus list and wildcard buses", () => {
    expect(() => eventBusForwardingPolicy({ busArns: [] })).to.throw(
      "busArns must name at least one event bus",
    );
    expect(() =>
      eventBusForwardingPolicy({
        busArns: [`arn:aws:events:${REGION}:${ACCOUNT}:event-bus/kmsmon-*`],
      }),
    ).to.throw("must name one bus");
  });
});
