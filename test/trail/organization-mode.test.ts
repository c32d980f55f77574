import { expect } from "chai";
import { trailBucketPolicy, trailDeliveryRolePolicy } from "../../components/iam";
import { KmsAuditTrail } from "../../components/trail";
import { FAKE_ORGANIZATION_ID } from "../harness/fake-invokes";
import { runUnderMocks, unwrap } from "../harness/mock-runtime";
import { ACCOUNT, mockKeyArn, T } from "../builders";
import { optionsOf, parsedInputs, summary } from "./helpers";

const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org-audit`;
const LOG_GROUP_ARN = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/cloudtrail/org-audit`;

function runOrgTrail() {
  return runUnderMocks(() => new KmsAuditTrail("org-audit", { mode: "organization" }));
}

describe("KmsAuditTrail in organization mode", () => {
  it("registers the same 13 children as create mode", async () => {
    const run = await runOrgTrail();
    expect(run.resources).to.have.length(14);
    expect(summary(run)).to.deep.equal(
      [
        `${T.auditTrail} org-audit <- (root)`,
        `${T.key} org-audit-key <- org-audit`,
        `${T.alias} org-audit-key-alias <- org-audit`,
        `${T.bucket} org-audit-bucket <- org-audit`,
        `${T.publicAccess} org-audit-bucket-public-access <- org-audit`,
        `${T.ownership} org-audit-bucket-ownership <- org-audit`,
        `${T.versioning} org-audit-bucket-versioning <- org-audit`,
        `${T.encryption} org-audit-bucket-encryption <- org-audit`,
        `${T.lifecycle} org-audit-bucket-lifecycle <- org-audit`,
        `${T.bucketPolicy} org-audit-bucket-policy <- org-audit`,
        `${T.logGroup} org-audit-log-group <- org-audit`,
        `${T.role} org-audit-delivery-role <- org-audit`,
        `${T.rolePolicy} org-audit-delivery-policy <- org-audit`,
        `${T.trail} org-audit-trail <- org-audit`,
      ].sort(),
    );
  });

  it("looks up the organization", async () => {
    const run = await runOrgTrail();
    expect(run.invokes.map((i) => i.token).sort()).to.deep.equal([
      "aws:index/getCallerIdentity:getCallerIdentity",
      "aws:index/getPartition:getPartition",
      "aws:index/getRegion:getRegion",
      "aws:organizations/getOrganization:getOrganization",
    ]);
  });

  it("creates an organization trail", async () => {
    const run = await runOrgTrail();
    expect(run.one(T.trail, "org-audit-trail").inputs).to.deep.equal({
      name: "org-audit",
      isOrganizationTrail: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      kmsKeyId: mockKeyArn("org-audit-key"),
      s3BucketName: "org-audit-bucket",
      cloudWatchLogsGroupArn: `${LOG_GROUP_ARN}:*`,
      cloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/org-audit-delivery-role`,
      eventSelectors: [{ includeManagementEvents: true, readWriteType: "All" }],
    });
  });

  it("lets the trail write member accounts' logs and streams under the organization ID", async () => {
    const run = await runOrgTrail();
    expect(parsedInputs(run.one(T.bucketPolicy, "org-audit-bucket-policy"))).to.deep.equal({
      bucket: "org-audit-bucket",
      policy: trailBucketPolicy({
        partition: "aws",
        accountId: ACCOUNT,
        bucketName: "org-audit-bucket",
        trailArn: TRAIL_ARN,
        organizationId: FAKE_ORGANIZATION_ID,
      }),
    });
    expect(parsedInputs(run.one(T.rolePolicy, "org-audit-delivery-policy"))).to.deep.equal({
      role: "org-audit-delivery-role",
      policy: trailDeliveryRolePolicy({
        logGroupArn: LOG_GROUP_ARN,
        accountId: ACCOUNT,
        region: "us-east-1",
        partition: "aws",
        organizationId: FAKE_ORGANIZATION_ID,
      }),
    });
  });

  it("keeps the bucket, log group and key on destroy by default", async () => {
    const run = await runOrgTrail();
    const options = optionsOf(run);
    for (const name of ["org-audit-key", "org-audit-bucket", "org-audit-log-group"]) {
      expect(options[name], name).to.deep.equal({ retain: true, protect: false });
    }
    const others = Object.keys(options).filter(
      (n) => !["org-audit-key", "org-audit-bucket", "org-audit-log-group"].includes(n),
    );
    expect(others).to.have.length(11);
    for (const name of others)
      expect(options[name], name).to.deep.equal({ retain: false, protect: false });
  });

  it("resolves its outputs", async () => {
    const run = await runOrgTrail();
    expect(await unwrap(run.result.trailArn)).to.equal(TRAIL_ARN);
    expect(await unwrap(run.result.bucketName)).to.equal("org-audit-bucket");
    expect(await unwrap(run.result.logGroupName)).to.equal("/aws/cloudtrail/org-audit");
    expect(await unwrap(run.result.logGroupArn)).to.equal(LOG_GROUP_ARN);
    expect(await unwrap(run.result.keyArn)).to.equal(mockKeyArn("org-audit-key"));
  });
});
