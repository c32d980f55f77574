/**
 * A key created or replicated outside every group reaches the security team with the key and who
 * made it: the real CreateKey and ReplicateKey records, as EventBridge delivers them, go through
 * the planned rules' patterns and input transformers (tools/matching), and every other KMS record
 * stays quiet.
 */
import { expect } from "chai";
import { planNewKeyRules } from "../../components/alerts/new-key-rule";
import {
  applyInputTransformer,
  matchesEventPattern,
  toEventBridgeEvent,
} from "../../tools/matching";
import { kmsCloudTrailRecords } from "../signals/fixture-events";

const RULES = planNewKeyRules("prod", "us-west-2");

/** Names of the rules each record sets off, by fixture file, for the records that set any off. */
function matches(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { file, event } of kmsCloudTrailRecords()) {
    const delivered = toEventBridgeEvent(event);
    const hit = RULES.filter((r) => matchesEventPattern(r.eventPattern, delivered)).map(
      (r) => r.name,
    );
    if (hit.length > 0) out[file] = hit;
  }
  return out;
}

function message(file: string, call: "created" | "replicated"): string {
  const record = kmsCloudTrailRecords().find((e) => e.file === file)!.event;
  const rule = RULES.find((r) => r.call === call)!;
  return applyInputTransformer(rule.transformer, toEventBridgeEvent(record));
}

describe("new keys outside every group", () => {
  it("plans one rule per call in the region, with a day of retries", () => {
    expect(RULES.map((r) => [r.name, r.region, r.target])).to.deep.equal([
      [
        "kmsmon-prod-new-key-created",
        "us-west-2",
        { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86400 },
      ],
      [
        "kmsmon-prod-new-key-replicated",
        "us-west-2",
        { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86400 },
      ],
    ]);
    expect(RULES[0].eventPattern).to.deep.equal({
      source: ["aws.kms"],
      "detail-type": ["AWS API Call via CloudTrail"],
      detail: {
        eventSource: ["kms.amazonaws.com"],
        eventName: ["CreateKey"],
        errorCode: [{ exists: false }],
      },
    });
  });

  it("matches the successful CreateKey and ReplicateKey records and nothing else", () => {
    expect(matches()).to.deep.equal({
      "cloudtrail/CreateKey.json": ["kmsmon-prod-new-key-created"],
      "cloudtrail/ReplicateKey.json": ["kmsmon-prod-new-key-replicated"],
      "synthesized/CreateKey-public-Principal-star.json": ["kmsmon-prod-new-key-created"],
    });
  });

  it("tells security which key was created, by whom, and what to do", () => {
    expect(message("cloudtrail/CreateKey.json", "created")).to.equal(
      [
        "[WARNING] Key created or replicated outside every group: key arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab, account 111122223333 (prod)",
        "",
        "What happened: CreateKey by arn:aws:iam::111122223333:user/Alice (IAMUser) from 192.0.2.0: the key was created; no key group of prod watches it yet.",
        "When: 2022-08-10T22:38:27Z in us-west-2",
        "",
        "What to do: A new KMS key is not watched by any key group until a group selects it and the stack is deployed again: add it to a group (by ARN, tag or alias) or record why it stays unwatched; the caller and the key are in the trail's CreateKey or ReplicateKey record. Check it: aws kms describe-key --key-id arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab --region us-west-2",
        "",
        "Key in the console: https://us-west-2.console.aws.amazon.com/kms/home?region=us-west-2#/kms/keys/1234abcd-12ab-34cd-56ef-1234567890ab",
        "CloudTrail event: https://us-west-2.console.aws.amazon.com/cloudtrail/home?region=us-west-2#/events/36327b37-f4f6-40a9-92ab-48064ec905a2",
      ].join("\n"),
    );
  });

  it("names the replica, its region and the primary for a ReplicateKey", () => {
    const text = message("cloudtrail/ReplicateKey.json", "replicated");
    expect(text.split("\n").slice(0, 3)).to.deep.equal([
      "[WARNING] Key created or replicated outside every group: key arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab, account 111122223333 (prod)",
      "",
      "What happened: ReplicateKey by arn:aws:iam::111122223333:user/Alice (IAMUser) from 192.0.2.0: the key was replicated into us-west-2 from arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab; no key group of prod watches it yet.",
    ]);
    expect(text).to.contain("--region us-west-2");
    expect(text).to.contain("region=us-west-2#/kms/keys/1234abcd-12ab-34cd-56ef-1234567890ab");
  });

  it("in a hub, lists the region's named members last, after a blank line", () => {
    const [rule] = planNewKeyRules("sec", "us-west-2", undefined, [
      { accountId: "222233334444", name: "payments-prod" },
      { accountId: "333344445555", name: "Analytics <Data> Lake" },
    ]);
    const record = kmsCloudTrailRecords().find((e) => e.file === "cloudtrail/CreateKey.json")!;
    const text = applyInputTransformer(rule.transformer, toEventBridgeEvent(record.event));
    expect(text.split("\n").slice(-2)).to.deep.equal([
      "",
      "Member accounts in us-west-2 (at deploy): payments-prod (222233334444); Analytics \u2039Data\u203a Lake (333344445555)",
    ]);
  });

  it("keeps a hub's template within EventBridge's 8,192 characters at 500 named members", () => {
    const members = Array.from({ length: 500 }, (_, i) => ({
      accountId: String(100000000000 + i),
      name: `"quoted" member account number ${i}`,
    }));
    for (const rule of planNewKeyRules("sec", "us-west-2", undefined, members)) {
      expect(rule.transformer.inputTemplate.length).to.be.at.most(8192);
      expect(rule.transformer.inputTemplate.length).to.be.above(8000);
      expect(JSON.parse(rule.transformer.inputTemplate).split("\n").at(-1)).to.match(
        /^Member accounts in us-west-2 \(at deploy\): "quoted" member account number 0 \(100000000000\); .*; and \d+ more$/,
      );
    }
  });
});
