// CloudTrail metric filter patterns published by AWS, run against CloudTrail events. AWS gives
// no event next to these patterns: KMS cases use the AWS KMS CloudTrail examples in
// test/fixtures/cloudtrail, the other events are minimal CloudTrail records written here.
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { matchesFilterPattern } from "../../tools/matching/filter-pattern";

type Event = Record<string, unknown>;

function fixture(name: string): Event {
  const file = path.join(__dirname, "..", "fixtures", "cloudtrail", `${name}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as Event;
}

/** A CloudTrail-shaped event with the given fields. */
function call(fields: Event): Event {
  return { eventVersion: "1.08", eventType: "AwsApiCall", awsRegion: "us-east-1", ...fields };
}

type Case = [title: string, pattern: string, event: Event, expected: boolean];

function runCases(cases: readonly Case[]): void {
  for (const [title, pattern, event, expected] of cases) {
    it(`${title} -> ${expected}`, () => {
      expect(matchesFilterPattern(pattern, event)).to.equal(expected);
    });
  }
}

// "Creating CloudWatch Alarms for CloudTrail Events: Examples", AWS CloudTrail User Guide
// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html)
describe("filter pattern: AWS 'Creating CloudWatch Alarms for CloudTrail Events: Examples'", () => {
  const S3 =
    "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }";
  const SECURITY_GROUP =
    "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }";
  const NACL =
    "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }";
  const GATEWAY =
    "{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }";
  const VPC =
    "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }";
  const EC2 =
    "{ ($.eventName = RunInstances) || ($.eventName = RebootInstances) || ($.eventName = StartInstances) || ($.eventName = StopInstances) || ($.eventName = TerminateInstances) }";
  const EC2_LARGE =
    "{ ($.eventName = RunInstances) && (($.requestParameters.instanceType = *.8xlarge) || ($.requestParameters.instanceType = *.4xlarge)) }";
  const TRAIL =
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }";
  const SIGN_IN = '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }';
  const AUTHZ = '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }';
  const IAM =
    "{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}";
  const s3 = (eventName: string) => call({ eventSource: "s3.amazonaws.com", eventName });
  const ec2 = (eventName: string, fields: Event = {}) =>
    call({ eventSource: "ec2.amazonaws.com", eventName, ...fields });

  runCases([
    ["S3 bucket activity, PutBucketPolicy", S3, s3("PutBucketPolicy"), true],
    ["S3 bucket activity, GetObject", S3, s3("GetObject"), false],
    ["S3 bucket activity, KMS DisableKey", S3, fixture("DisableKey"), false],
    ["security group changes", SECURITY_GROUP, ec2("AuthorizeSecurityGroupIngress"), true],
    [
      "security group changes, DescribeSecurityGroups",
      SECURITY_GROUP,
      ec2("DescribeSecurityGroups"),
      false,
    ],
    ["network ACL changes", NACL, ec2("ReplaceNetworkAclAssociation"), true],
    ["network gateway changes", GATEWAY, ec2("DetachInternetGateway"), true],
    ["VPC changes", VPC, ec2("CreateVpcPeeringConnection"), true],
    ["EC2 instance changes", EC2, ec2("TerminateInstances"), true],
    ["EC2 instance changes, KMS Encrypt", EC2, fixture("Encrypt"), false],
    [
      "EC2 large instance, m5.8xlarge",
      EC2_LARGE,
      ec2("RunInstances", { requestParameters: { instanceType: "m5.8xlarge" } }),
      true,
    ],
    [
      "EC2 large instance, t3.micro",
      EC2_LARGE,
      ec2("RunInstances", { requestParameters: { instanceType: "t3.micro" } }),
      false,
    ],
    ["CloudTrail changes", TRAIL, call({ eventName: "StopLogging" }), true],
    [
      "console sign-in failure",
      SIGN_IN,
      call({ eventName: "ConsoleLogin", errorMessage: "Failed authentication" }),
      true,
    ],
    [
      "console sign-in success",
      SIGN_IN,
      call({ eventName: "ConsoleLogin", responseElements: { ConsoleLogin: "Success" } }),
      false,
    ],
    [
      "authorization failure, EC2",
      AUTHZ,
      ec2("RunInstances", { errorCode: "Client.UnauthorizedOperation" }),
      true,
    ],
    [
      "authorization failure, KMS",
      AUTHZ,
      { ...fixture("Decrypt"), errorCode: "AccessDenied" },
      true,
    ],
    ["authorization failure, no errorCode", AUTHZ, fixture("Decrypt"), false],
    ["IAM policy changes", IAM, call({ eventName: "PutRolePolicy" }), true],
    ["IAM policy changes, GetRole", IAM, call({ eventName: "GetRole" }), false],
  ]);
});

// "Amazon CloudWatch controls" ([CloudWatch.1] to [CloudWatch.14], CIS AWS Foundations
// Benchmark metric filters), AWS Security Hub User Guide
// (https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html)
describe("filter pattern: AWS Security Hub 'Amazon CloudWatch controls' (CIS)", () => {
  const ROOT =
    '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}';
  const UNAUTHORIZED = '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}';
  const NO_MFA =
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }';
  const AUTH_FAILURE = '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}';
  const KMS =
    "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}";
  const CONFIG =
    "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}";
  const ROUTES =
    "{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}";
  const IAM =
    "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}";
  const TRAIL =
    "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}";
  const S3 =
    "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}";
  const SECURITY_GROUP =
    "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}";
  const NACL =
    "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}";
  const GATEWAY =
    "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}";
  const VPC =
    "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}";
  const login = (mfa: string) =>
    call({
      eventName: "ConsoleLogin",
      userIdentity: { type: "IAMUser", userName: "Alice" },
      additionalEventData: { MFAUsed: mfa },
      responseElements: { ConsoleLogin: "Success" },
    });

  runCases([
    [
      "1: root activity",
      ROOT,
      call({ eventName: "ListBuckets", userIdentity: { type: "Root" } }),
      true,
    ],
    [
      "1: root activity invoked by a service",
      ROOT,
      call({ userIdentity: { type: "Root", invokedBy: "s3.amazonaws.com" } }),
      false,
    ],
    [
      "1: root service event",
      ROOT,
      { ...call({ userIdentity: { type: "Root" } }), eventType: "AwsServiceEvent" },
      false,
    ],
    ["1: IAM user DisableKey", ROOT, fixture("DisableKey"), false],
    ["2: unauthorized API call", UNAUTHORIZED, call({ errorCode: "AccessDeniedException" }), true],
    ["2: successful call", UNAUTHORIZED, fixture("Encrypt"), false],
    ["3: console login without MFA", NO_MFA, login("No"), true],
    ["3: console login with MFA", NO_MFA, login("Yes"), false],
    ["4: IAM policy changes", IAM, call({ eventName: "DeletePolicyVersion" }), true],
    ["4: IAM read", IAM, call({ eventName: "GetPolicyVersion" }), false],
    ["5: CloudTrail changes", TRAIL, call({ eventName: "DeleteTrail" }), true],
    [
      "6: console authentication failure",
      AUTH_FAILURE,
      call({ eventName: "ConsoleLogin", errorMessage: "Failed authentication" }),
      true,
    ],
    ["7: KMS DisableKey", KMS, fixture("DisableKey"), true],
    [
      "7: KMS ScheduleKeyDeletion",
      KMS,
      { ...fixture("DisableKey"), eventName: "ScheduleKeyDeletion" },
      true,
    ],
    ["7: KMS EnableKey", KMS, fixture("EnableKey"), false],
    [
      "7: DisableKey from another event source",
      KMS,
      { ...fixture("DisableKey"), eventSource: "example.amazonaws.com" },
      false,
    ],
    [
      "8: S3 bucket policy changes",
      S3,
      call({ eventSource: "s3.amazonaws.com", eventName: "DeleteBucketCors" }),
      true,
    ],
    ["8: PutBucketPolicy from another source", S3, call({ eventName: "PutBucketPolicy" }), false],
    [
      "9: AWS Config recorder stopped",
      CONFIG,
      call({ eventSource: "config.amazonaws.com", eventName: "StopConfigurationRecorder" }),
      true,
    ],
    [
      "9: AWS Config read",
      CONFIG,
      call({ eventSource: "config.amazonaws.com", eventName: "DescribeConfigRules" }),
      false,
    ],
    [
      "10: security group changes",
      SECURITY_GROUP,
      call({ eventName: "RevokeSecurityGroupEgress" }),
      true,
    ],
    ["11: NACL changes", NACL, call({ eventName: "DeleteNetworkAclEntry" }), true],
    ["12: network gateway changes", GATEWAY, call({ eventName: "CreateCustomerGateway" }), true],
    ["13: route table changes", ROUTES, call({ eventName: "ReplaceRouteTableAssociation" }), true],
    ["13: route table read", ROUTES, call({ eventName: "DescribeRouteTables" }), false],
    ["14: VPC changes", VPC, call({ eventName: "ModifyVpcAttribute" }), true],
    ["14: VPC read", VPC, call({ eventName: "DescribeVpcs" }), false],
  ]);

  // Cross-check over every KMS CloudTrail example in the fixtures folder, however many there are.
  it("7: matches exactly the DisableKey and ScheduleKeyDeletion events among the fixtures", () => {
    const dir = path.join(__dirname, "..", "fixtures", "cloudtrail");
    const names = fs
      .readdirSync(dir)
      .filter((file) => file.endsWith(".json"))
      .map((file) => file.replace(/\.json$/, ""));
    const disabling = (event: Event) =>
      event.eventSource === "kms.amazonaws.com" &&
      (event.eventName === "DisableKey" || event.eventName === "ScheduleKeyDeletion");
    expect(names).to.include("DisableKey");
    for (const name of names) {
      const event = fixture(name);
      expect(matchesFilterPattern(KMS, event), name).to.equal(disabling(event));
    }
  });
});
