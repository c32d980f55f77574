/**
 * A hub's group rule over keys of several member accounts names them all, named or not; a
 * one-account stack's rule has no account line. A real DisableKey record, rewritten into a
 * member, goes through the rule's pattern and input transformer (tools/matching).
 */
import { readFileSync } from "fs";
import { join } from "path";

import { expect } from "chai";

import { planGroupRules } from "../../components/groups/rule-plan";
import {
  applyInputTransformer,
  matchesEventPattern,
  toEventBridgeEvent,
} from "../../tools/matching";
import { groupModel, keyArn, keyId, resolvedGroup, resolvedKey } from "../builders";

const PAYMENTS = "222233334444";
const ANALYTICS = "333344445555";

const group = resolvedGroup(groupModel("shared"), [
  resolvedKey(keyArn("us-east-1", keyId(1), PAYMENTS)),
  resolvedKey(keyArn("us-east-1", keyId(2), ANALYTICS)),
]);

/** AWS's DisableKey record, as if made in the payments account on key 1. */
function disableKeyEvent() {
  const path = join(__dirname, "..", "fixtures", "cloudtrail", "DisableKey.json");
  const record = JSON.parse(readFileSync(path, "utf8").replace(/\b\d{12}\b/g, PAYMENTS));
  record.awsRegion = "us-east-1";
  const arn = keyArn("us-east-1", keyId(1), PAYMENTS);
  record.resources = [{ ARN: arn, accountId: PAYMENTS }];
  record.requestParameters.keyId = keyId(1);
  return toEventBridgeEvent(record);
}

/** The text of the key-disabled rule for the event. */
function message(memberNames?: ReadonlyMap<string, string>): string[] {
  const event = disableKeyEvent();
  const rule = planGroupRules(group, "sec", memberNames).find(
    (r) => r.signalId === "key-disabled" && matchesEventPattern(r.eventPattern, event),
  )!;
  return applyInputTransformer(rule.transformer, event).split("\n");
}

describe("organization: a group rule names the accounts of its keys", () => {
  it("in a hub, lists every account of the rule's keys, with the names the config gives", () => {
    const lines = message(new Map([[PAYMENTS, "payments-prod"]]));
    // DisableKey's request names the key by ID; the headline names the member's account.
    expect(lines[0]).to.match(
      /^\[CRITICAL\] Key disabled: key [0-9a-f-]{36} in .*, account 222233334444$/,
    );
    expect(lines[1]).to.equal(
      "Accounts of the keys this rule watches: payments-prod (222233334444); 333344445555",
    );
    // The commands need credentials of the member account, not the hub's.
    expect(lines.filter((l) => l.startsWith("What to do"))).to.deep.equal([
      "What to do (in account 222233334444): Every encrypt and decrypt with this key now fails. " +
        `If it was not planned, run \`aws kms enable-key --key-id ${keyId(1)} --region us-east-1\` ` +
        "and find out who disabled it (see the caller in this alert).",
    ]);
  });

  it("in a one-account stack, adds no account line", () => {
    expect(message().filter((l) => l.startsWith("Account"))).to.deep.equal([]);
    expect(message().filter((l) => l.startsWith("What to do ("))).to.deep.equal([]);
  });
});
