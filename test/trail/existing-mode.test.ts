import { expect } from "chai";
import { KmsAuditTrail } from "../../components/trail";
import { runUnderMocks, unwrap } from "../harness/mock-runtime";
import { ACCOUNT, T } from "../builders";

const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org-trail`;
const LOG_GROUP_ARN = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/org/cloudtrail`;

describe("KmsAuditTrail in existing mode", () => {
  it("registers only the component and looks the log group up", async () => {
    const run = await runUnderMocks(
      () =>
        new KmsAuditTrail("audit", {
          mode: "existing",
          existingLogGroupName: "/org/cloudtrail",
          existingTrailArn: TRAIL_ARN,
        }),
    );
    expect(run.resources).to.have.length(1);
    const component = run.one(T.auditTrail, "audit");
    expect(component.parent).to.equal(undefined);
    expect(component.inputs).to.deep.equal({});
    expect(component.protect).to.equal(false);
    expect(component.retainOnDelete).to.equal(false);
    expect(run.invokes.map((i) => [i.token, i.inputs])).to.deep.equal([
      ["aws:cloudwatch/getLogGroup:getLogGroup", { name: "/org/cloudtrail" }],
    ]);
  });

  it("reports the looked-up log group and the given trail ARN; nothing else exists", async () => {
    const run = await runUnderMocks(
      () =>
        new KmsAuditTrail("audit", {
          mode: "existing",
          existingLogGroupName: "/org/cloudtrail",
          existingTrailArn: TRAIL_ARN,
        }),
    );
    expect(await unwrap(run.result.trailArn)).to.equal(TRAIL_ARN);
    expect(await unwrap(run.result.logGroupName)).to.equal("/org/cloudtrail");
    expect(await unwrap(run.result.logGroupArn)).to.equal(LOG_GROUP_ARN);
    expect(await unwrap(run.result.bucketName)).to.equal(undefined);
    expect(await unwrap(run.result.keyArn)).to.equal(undefined);
  });

  it("reports no trail ARN when none is given", async () => {
    const run = await runUnderMocks(
      () =>
        new KmsAuditTrail("audit", { mode: "existing", existingLogGroupName: "/org/cloudtrail" }),
    );
    expect(run.resources).to.have.length(1);
    expect(await unwrap(run.result.trailArn)).to.equal(undefined);
    expect(await unwrap(run.result.logGroupArn)).to.equal(LOG_GROUP_ARN);
  });
});
