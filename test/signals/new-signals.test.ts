/**
 * The signals of issue 11 at their edges: denied calls (which error codes count), wildcard
 * principals in a policy string (which spellings are seen, and the documented misses and false
 * positives), and group scoping of records that carry no `resources`. Every case starts from a
 * fixture (AWS-published, or synthesized and marked so) and changes one field, named in the test.
 */
import { expect } from "chai";
import {
  accountEventPattern,
  accountFilterPattern,
  keyScopedEventPatterns,
  signalById,
} from "../../components/signals";
import {
  matchesEventPattern,
  matchesFilterPattern,
  toEventBridgeEvent,
} from "../../tools/matching";
import { cloudTrailEnvelopes, detectionSample, kmsCloudTrailRecords } from "./fixture-events";

const KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";
const OTHER_KEY = "99999999-9999-4999-8999-999999999999";

function record(file: string): any {
  const found = kmsCloudTrailRecords().find((r) => r.file === file);
  if (!found) throw new Error(`no fixture ${file}`);
  return JSON.parse(JSON.stringify(found.event));
}

/** Whether the signal's account filter and account rule fire; both must agree. */
function fires(id: string, event: any): boolean {
  const signal = signalById(id);
  const byFilter = matchesFilterPattern(accountFilterPattern(signal), event);
  const byRule = matchesEventPattern(accountEventPattern([signal]), toEventBridgeEvent(event));
  expect(byRule, `${id}: rule agrees with filter`).to.equal(byFilter);
  return byFilter;
}

describe("destructive-call-denied: which failures count", () => {
  const denied = () => record("synthesized/DisableKey-AccessDenied.json");

  it("counts errorCode AccessDenied (as CloudTrail writes it for KMS) and AccessDeniedException", () => {
    expect(fires("destructive-call-denied", denied())).to.equal(true);
    const exception = { ...denied(), errorCode: "AccessDeniedException" };
    expect(fires("destructive-call-denied", exception)).to.equal(true);
  });

  it("ignores a dry run (DryRunOperationException), which is not an attempt", () => {
    const dryRun = { ...denied(), errorCode: "DryRunOperationException" };
    expect(fires("destructive-call-denied", dryRun)).to.equal(false);
  });

  it("ignores a DisableKey that failed for another reason (Panther's NotFoundException sample)", () => {
    const notFound = detectionSample("panther-DisableKey-NotFoundException.json");
    expect(fires("destructive-call-denied", notFound)).to.equal(false);
    // The exact CIS text counts it: it has no errorCode term.
    expect(matchesFilterPattern(accountFilterPattern(signalById("cis-4-7")), notFound)).to.equal(
      true,
    );
  });

  it("ignores a denied call outside its list (CreateGrant)", () => {
    const grant = { ...denied(), eventName: "CreateGrant" };
    expect(fires("destructive-call-denied", grant)).to.equal(false);
  });
});

describe("key-made-public: what a string match on the policy sees", () => {
  const base = () => record("synthesized/PutKeyPolicy-public-AWS-star.json");
  const withPolicy = (policy: string) => {
    const event = base();
    event.requestParameters.policy = policy;
    return event;
  };
  const statement = (principal: string, extra = "") =>
    `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",${principal},"Action":"kms:*","Resource":"*"${extra}}]}`;

  it("fires on each spelling it knows, compact, json.dumps and console style", () => {
    const seen = [
      '"Principal":"*"',
      '"Principal": "*"',
      '"Principal" : "*"',
      '"Principal":{"AWS":"*"}',
      '"Principal": {"AWS": "*"}',
      '"Principal" : {\n      "AWS" : "*"\n    }',
      '"Principal":{"AWS":["*"]}',
      '"Principal": {"AWS": ["*"]}',
      '"Principal" : {\n      "AWS" : [ "*" ]\n    }',
    ];
    for (const principal of seen) {
      expect(fires("key-made-public", withPolicy(statement(principal))), principal).to.equal(true);
    }
  });

  it("misses other spellings (documented false negatives)", () => {
    const missed = [
      '"Principal":{"AWS":["arn:aws:iam::111122223333:root","*"]}',
      '"Principal" :"*"',
      '"Principal":\t"*"',
      '"Principal":{"AWS":[\n        "*"\n      ]}',
      '"Principal":"\\u002a"',
    ];
    for (const principal of missed) {
      expect(fires("key-made-public", withPolicy(statement(principal))), principal).to.equal(false);
    }
  });

  it("fires on a wildcard narrowed by a Condition, or in a Deny statement (documented false positives)", () => {
    const narrowed = statement(
      '"Principal":{"AWS":"*"}',
      ',"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}',
    );
    expect(fires("key-made-public", withPolicy(narrowed))).to.equal(true);
    const deny = statement('"Principal":"*"').replace('"Allow"', '"Deny"');
    expect(fires("key-made-public", withPolicy(deny))).to.equal(true);
  });

  it("stays quiet on the AWS-published PutKeyPolicy and a refused public policy", () => {
    expect(fires("key-made-public", record("cloudtrail/PutKeyPolicy.json"))).to.equal(false);
    const refused = { ...base(), errorCode: "AccessDenied", responseElements: null };
    expect(fires("key-made-public", refused)).to.equal(false);
  });
});

describe("group rules without `resources` in the record", () => {
  const ruleFor = (id: string, keyIds: string[]) => {
    const [first] = keyScopedEventPatterns([signalById(id)], keyIds);
    return first.pattern;
  };

  it("match a real ScheduleKeyDeletion whose resources are removed, by responseElements and requestParameters", () => {
    const event = record("cloudtrail/ScheduleKeyDeletion.json");
    delete event.resources;
    const wrapped = toEventBridgeEvent(event);
    expect(matchesEventPattern(ruleFor("deletion-scheduled", [OTHER_KEY, KEY]), wrapped)).to.equal(
      true,
    );
    expect(matchesEventPattern(ruleFor("deletion-scheduled", [OTHER_KEY]), wrapped)).to.equal(
      false,
    );
    // Only the response names it (the request used an alias): still matched.
    event.requestParameters.keyId = "alias/payments";
    expect(
      matchesEventPattern(ruleFor("deletion-scheduled", [KEY]), toEventBridgeEvent(event)),
    ).to.equal(true);
  });

  it("match Panther's resources:null ScheduleKeyDeletion shape, key named by ARN and ID", () => {
    const event = detectionSample("panther-ScheduleKeyDeletion-resources-null.json");
    // Panther's key ID is "1"; only the two fields naming it are changed to a real key ID.
    event.requestParameters.keyId = KEY;
    event.responseElements.keyId = `arn:aws:kms:us-west-2:123456789012:key/${KEY}`;
    const wrapped = toEventBridgeEvent(event);
    expect(matchesEventPattern(ruleFor("deletion-scheduled", [KEY]), wrapped)).to.equal(true);
    expect(matchesEventPattern(ruleFor("deletion-scheduled", [OTHER_KEY]), wrapped)).to.equal(
      false,
    );
    event.responseElements = null;
    event.requestParameters.keyId = `arn:aws:kms:us-west-2:123456789012:key/${KEY}`;
    expect(
      matchesEventPattern(ruleFor("deletion-scheduled", [KEY]), toEventBridgeEvent(event)),
    ).to.equal(true);
  });

  it("match a denied call without resources by its request's key ID", () => {
    const event = record("synthesized/ScheduleKeyDeletion-AccessDenied-no-resources.json");
    const wrapped = toEventBridgeEvent(event);
    expect(matchesEventPattern(ruleFor("destructive-call-denied", [KEY]), wrapped)).to.equal(true);
    expect(matchesEventPattern(ruleFor("destructive-call-denied", [OTHER_KEY]), wrapped)).to.equal(
      false,
    );
  });
});

describe("the CloudTrail envelope our evaluators assume", () => {
  it("has the fields of AWS's published 'AWS API Call via CloudTrail' event", () => {
    const [published] = cloudTrailEnvelopes();
    expect(published.file).to.equal(
      "eventbridge-cloudtrail/AWS-API-Call-via-CloudTrail-s3-CreateBucket.json",
    );
    const ours = toEventBridgeEvent(published.event.detail);
    expect(Object.keys(ours).sort()).to.deep.equal(Object.keys(published.event).sort());
    expect(ours["detail-type"]).to.equal(published.event["detail-type"]);
    expect(ours.source).to.equal(published.event.source);
    expect(ours.resources).to.deep.equal(published.event.resources);
    expect(ours.detail).to.deep.equal(published.event.detail);
  });
});
