import { expect } from "chai";

import {
  isLambdaFunctionArn,
  isRegion,
  isSqsQueueArn,
  isTrailArn,
  parseAliasArn,
  parseKeyArn,
  partitionOfRegion,
  splitArn,
} from "../../components/config";

const UUID = "1234abcd-12ab-34cd-56ef-1234567890ab";

describe("config: ARN helpers", () => {
  it("maps regions to their partitions", () => {
    expect(
      [
        "us-east-1",
        "eu-west-1",
        "cn-north-1",
        "us-gov-west-1",
        "us-iso-east-1",
        "us-isob-east-1",
      ].map(partitionOfRegion),
    ).to.deep.equal(["aws", "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b"]);
    expect(partitionOfRegion("us-east")).to.equal(undefined);
  });

  it("recognises region codes", () => {
    expect(["ap-southeast-4", "il-central-1", "us-gov-east-1"].every(isRegion)).to.equal(true);
    expect(["us-east", "US-EAST-1", "useast1", "us-east-1a", ""].some(isRegion)).to.equal(false);
  });

  it("splits an ARN, keeping colons in the resource", () => {
    expect(splitArn("arn:aws:lambda:us-east-1:111122223333:function:router:live")).to.deep.equal({
      partition: "aws",
      service: "lambda",
      region: "us-east-1",
      accountId: "111122223333",
      resource: "function:router:live",
    });
    expect(splitArn("alias/payments")).to.equal(undefined);
  });

  it("parses key ARNs and rejects near misses", () => {
    expect(parseKeyArn(`arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/${UUID}`)).to.deep.equal({
      arn: `arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/${UUID}`,
      partition: "aws-us-gov",
      region: "us-gov-west-1",
      accountId: "111122223333",
      keyId: UUID,
    });
    for (const nearMiss of [
      `arn:aws:kms:us-east-1:111122223333:alias/${UUID}`,
      `arn:aws:kms:cn-north-1:111122223333:key/${UUID}`,
      `arn:aws:kms:us-east-1:11112222333:key/${UUID}`,
      `arn:aws:kms:us-east-1:111122223333:key/mrk-123`,
      UUID,
    ]) {
      expect(parseKeyArn(nearMiss), nearMiss).to.equal(undefined);
    }
  });

  it("parses alias ARNs into the alias and its region", () => {
    expect(parseAliasArn("arn:aws:kms:eu-west-1:111122223333:alias/payments/card")).to.deep.equal({
      name: "alias/payments/card",
      region: "eu-west-1",
    });
    expect(parseAliasArn("arn:aws:kms:eu-west-1:111122223333:alias/a b")).to.equal(undefined);
  });

  it("recognises SQS, Lambda and CloudTrail ARNs", () => {
    expect(isSqsQueueArn("arn:aws:sqs:us-east-1:111122223333:alerts.fifo")).to.equal(true);
    expect(isSqsQueueArn("arn:aws:sqs:us-east-1:111122223333:a/b")).to.equal(false);
    expect(
      isLambdaFunctionArn("arn:aws:lambda:us-east-1:111122223333:function:f:$LATEST"),
    ).to.equal(true);
    expect(isLambdaFunctionArn("arn:aws:lambda:us-east-1:111122223333:function:f:1:2")).to.equal(
      false,
    );
    expect(isTrailArn("arn:aws:cloudtrail:us-east-1:111122223333:trail/management")).to.equal(true);
    expect(isTrailArn("arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/x")).to.equal(
      false,
    );
  });
});
