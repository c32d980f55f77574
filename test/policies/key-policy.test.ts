import { expect } from "chai";
import { kmsKeyPolicyNoOpenPrincipal } from "../../policies/kms-key-policy-no-open-principal";
import { narrows, openStatements, parsePolicy } from "../../policies/lib/policy-document";
import { messagesOf, resource } from "./helpers";

const KEY = "aws:kms/key:Key";
const ROOT = {
  Sid: "Root",
  Effect: "Allow",
  Principal: { AWS: "arn:aws:iam::111122223333:root" },
  Action: "kms:*",
  Resource: "*",
};

/** A key policy document with the account-root statement and `statements`. */
function policy(...statements: object[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [ROOT, ...statements] });
}

const openDecrypt = {
  Sid: "OpenDecrypt",
  Effect: "Allow",
  Principal: { AWS: "*" },
  Action: ["kms:Decrypt", "kms:DescribeKey"],
  Resource: "*",
};

describe("policy kms-key-policy-no-open-principal", () => {
  it("passes named principals and open principals narrowed by account, org or service source", async () => {
    const keys = [
      resource(KEY, "named", { policy: policy() }),
      resource(KEY, "org", {
        policy: policy({
          ...openDecrypt,
          Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
        }),
      }),
      resource("aws:kms/keyPolicy:KeyPolicy", "via-service", {
        keyId: "1234abcd-12ab-34cd-56ef-1234567890ab",
        policy: policy({
          Sid: "ViaS3",
          Effect: "Allow",
          Principal: "*",
          Action: "kms:Decrypt",
          Resource: "*",
          Condition: {
            StringEquals: {
              "kms:ViaService": "s3.us-east-1.amazonaws.com",
              "kms:CallerAccount": "111122223333",
            },
          },
        }),
      }),
      resource(KEY, "deny-all", {
        policy: policy({ Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*" }),
      }),
    ];
    expect(await messagesOf(kmsKeyPolicyNoOpenPrincipal, keys)).to.deep.equal([]);
  });

  it("reports every open Allow statement, including in a principal list and by NotPrincipal", async () => {
    const keys = [
      resource(KEY, "app-key", {
        policy: policy(openDecrypt, {
          Effect: "Allow",
          Principal: { AWS: ["arn:aws:iam::444455556666:root", "*"] },
          Action: "kms:Encrypt",
          Resource: "*",
        }),
      }),
      resource("aws:kms/externalKey:ExternalKey", "partner-key", {
        policy: policy({
          Sid: "AllButAuditors",
          Effect: "Allow",
          NotPrincipal: { AWS: "arn:aws:iam::111122223333:role/auditor" },
          NotAction: "kms:ScheduleKeyDeletion",
          Resource: "*",
        }),
      }),
    ];
    const fix =
      "with no condition that limits the callers; name the principals, or add a condition on " +
      "kms:CallerAccount, aws:PrincipalOrgID, aws:PrincipalArn, aws:SourceAccount or aws:SourceArn";
    expect(await messagesOf(kmsKeyPolicyNoOpenPrincipal, keys)).to.deep.equal([
      `kms key "app-key": policy statement "OpenDecrypt" (#2) allows kms:Decrypt, kms:DescribeKey to Principal {"AWS": "*"} ${fix}`,
      `kms key "app-key": policy statement (#3) allows kms:Encrypt to Principal {"AWS": "*"} ${fix}`,
      `kms key "partner-key": policy statement "AllButAuditors" (#2) allows all actions but kms:ScheduleKeyDeletion to NotPrincipal ${fix}`,
    ]);
  });

  it("does not take transport, time or user-agent conditions, or IfExists, as narrowing", async () => {
    const key = resource(KEY, "app-key", {
      policy: policy(
        { ...openDecrypt, Condition: { Bool: { "aws:SecureTransport": "true" } } },
        {
          ...openDecrypt,
          Sid: "Later",
          Condition: { DateGreaterThan: { "aws:CurrentTime": "2024-01-01T00:00:00Z" } },
        },
        {
          ...openDecrypt,
          Sid: "Agent",
          Condition: { StringLike: { "aws:UserAgent": "aws-cli/*" } },
        },
        {
          ...openDecrypt,
          Sid: "IfExists",
          Condition: { StringEqualsIfExists: { "aws:SourceAccount": "111122223333" } },
        },
      ),
    });
    const messages = await messagesOf(kmsKeyPolicyNoOpenPrincipal, [key]);
    expect(messages.map((m) => /statement "(\w+)" \(#(\d)\)/.exec(m)?.slice(1))).to.deep.equal([
      ["OpenDecrypt", "2"],
      ["Later", "3"],
      ["Agent", "4"],
      ["IfExists", "5"],
    ]);
  });

  it("reports a policy that is not JSON", async () => {
    const key = resource(KEY, "app-key", { policy: "{ Statement: [" });
    const [message] = await messagesOf(kmsKeyPolicyNoOpenPrincipal, [key]);
    expect(message).to.match(
      /^kms key "app-key": policy is not valid JSON \(.+\); give a JSON key policy document$/,
    );
  });

  it("skips a policy unknown at preview, and keys without a policy (KMS's default names the account)", async () => {
    const keys = [resource(KEY, "computed", { policy: undefined }), resource(KEY, "default", {})];
    expect(await messagesOf(kmsKeyPolicyNoOpenPrincipal, keys)).to.deep.equal([]);
  });
});

describe("policy documents", () => {
  it("reads a single Statement object and matches condition keys case-insensitively", () => {
    const parsed = parsePolicy(
      JSON.stringify({ Statement: { Effect: "Allow", Principal: "*", Action: "kms:*" } }),
    );
    expect(
      "statements" in parsed && openStatements(parsed.statements).map((s) => s.position),
    ).to.deep.equal([1]);
    expect(narrows({ StringEquals: { "AWS:SOURCEACCOUNT": "111122223333" } })).to.equal(true);
  });

  it("needs a specific value under a positive operator", () => {
    expect(narrows({ StringLike: { "aws:PrincipalArn": "*" } })).to.equal(false);
    expect(narrows({ StringNotEquals: { "aws:SourceAccount": "111122223333" } })).to.equal(false);
    expect(narrows({ "ForAllValues:StringEquals": { "aws:PrincipalOrgID": "o-1" } })).to.equal(
      false,
    );
    expect(
      narrows({ "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": "o-1/r-ab12/*" } }),
    ).to.equal(true);
    expect(
      narrows({ ArnLike: { "aws:SourceArn": "arn:aws:cloudtrail:*:111122223333:trail/*" } }),
    ).to.equal(true);
    expect(narrows({ StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } })).to.equal(
      false,
    );
    expect(narrows({ StringEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } })).to.equal(true);
  });
});
