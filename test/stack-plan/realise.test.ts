/**
 * The facade realises the plan it is given, one to one: a changed plan changes the resources, so
 * no component planned its slice again.
 */
import { expect } from "chai";
import { KmsMonitoring } from "../../components/monitoring/kms-monitoring";
import { planAlarms, planStack, StackPlan } from "../../components/plan/stack-plan";
import { runUnderMocks } from "../harness/mock-runtime";
import {
  keyArn,
  keyId,
  groupModel,
  resolvedGroup,
  resolvedKey,
  stackModel,
  ACCOUNT_REF as ACCOUNT,
} from "../builders";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

const imported = resolvedKey(keyArn("us-east-1", keyId(2)), {
  flaggedImported: true,
  origin: "EXTERNAL",
  expirationModel: "KEY_MATERIAL_EXPIRES",
});
const group = resolvedGroup(groupModel("payments"), [
  resolvedKey(keyArn("us-east-1", keyId(1))),
  imported,
]);
const model = stackModel([group.model]);

/** Every alarm the plan holds, renamed with a `-x` suffix. */
function renamed(plan: StackPlan): StackPlan {
  const copy = JSON.parse(JSON.stringify(plan)) as StackPlan;
  for (const alarm of planAlarms(copy)) alarm.name = `${alarm.name}-x`;
  return copy;
}

describe("KmsMonitoring realises the plan it is given", function () {
  this.timeout(60000);

  it("registers exactly the plan's alarms, by the plan's names", async () => {
    const plan = renamed(planStack(model, [group], ACCOUNT));
    const run = await runUnderMocks(
      () =>
        new KmsMonitoring("kms", {
          model,
          groups: [group],
          providers: {},
          ...ACCOUNT,
          plan,
        }),
    );
    const registered = run.ofType(ALARM).map((a) => String(a.inputs.name));
    expect([...registered].sort()).to.deep.equal(
      planAlarms(plan)
        .map((a) => a.name)
        .sort(),
    );
    expect(registered.every((n) => n.endsWith("-x"))).to.equal(true);
    // 9 account + 9 tamper + 1 silence + queue + delivery + 3 quota + 3 account usage bands (one
    // region, one per request-quota family) + 1 expiry + 1 group baseline (the builder opts in).
    expect(registered).to.have.length(29);
  });
});
