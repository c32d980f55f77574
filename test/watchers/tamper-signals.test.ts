/**
 * Proof of the tamper patterns on CloudTrail records: the AWS-published ones in
 * test/fixtures/cloudtrail-tamper and the marked synthesized ones in test/fixtures/synthesized.
 * Their resources belong to someone else, so each record is also retargeted to our names (only
 * the resource name is replaced; see RETARGET). A signal must fire on the retargeted record, and on
 * nothing else: not on the original, not on the same call in another environment, never on a KMS
 * record.
 */
import { expect } from "chai";
import {
  TAMPER_SIGNALS,
  TamperScope,
  tamperFilterPattern,
  tamperSignalById,
} from "../../components/signals";
import { matchesFilterPattern } from "../../tools/matching";
import { kmsCloudTrailRecords, otherServiceRecords } from "../signals/fixture-events";
import { renamed } from "./helpers";
import { AWS_LIMITS } from "../../components/core/limits";

const SCOPE: TamperScope = {
  environment: "dev",
  trailName: "kmsmon-dev",
  logGroupName: "/aws/cloudtrail/kmsmon-dev",
};

/** Per fixture: the name of someone else's resource in it, ours, and the signal it must fire. */
const RETARGET: Record<string, { theirs: string; ours: string; signal?: string }> = {
  "synthesized/cloudtrail-StopLogging.json": {
    theirs: "trail/management-events",
    ours: "trail/kmsmon-dev",
    signal: "trail-stopped",
  },
  "synthesized/cloudtrail-DeleteTrail.json": {
    theirs: "trail/management-events",
    ours: "trail/kmsmon-dev",
    signal: "trail-deleted",
  },
  "synthesized/cloudtrail-PutEventSelectors.json": {
    theirs: "management-events",
    ours: "kmsmon-dev",
    signal: "trail-changed",
  },
  // Real, and a denied call (TrailNotFoundException): attempts count.
  "cloudtrail-tamper/cloudtrail-UpdateTrail.json": {
    theirs: "myTrail2",
    ours: "kmsmon-dev",
    signal: "trail-changed",
  },
  "synthesized/logs-DeleteMetricFilter.json": {
    theirs: "KMSKeyPendingDeletionErrorCount",
    ours: "kmsmon-dev-cis-4-7",
    signal: "metric-filters-deleted",
  },
  "synthesized/logs-DeleteLogGroup.json": {
    theirs: "aws-cloudtrail-logs-111122223333",
    ours: "/aws/cloudtrail/kmsmon-dev",
    signal: "log-group-changed",
  },
  "synthesized/logs-PutRetentionPolicy.json": {
    theirs: "aws-cloudtrail-logs-111122223333",
    ours: "/aws/cloudtrail/kmsmon-dev",
    signal: "log-group-changed",
  },
  "synthesized/monitoring-DeleteAlarms.json": {
    theirs: "KMSKeyPendingDeletionErrorAlarm",
    ours: "kmsmon-dev-account-cis-4-7",
    signal: "alarms-silenced",
  },
  "synthesized/monitoring-DisableAlarmActions.json": {
    theirs: "KMSKeyPendingDeletionErrorAlarm",
    ours: "kmsmon-dev-payments-baseline-1",
    signal: "alarms-silenced",
  },
  // Synthesized (see SOURCES.md): a mute rule that targets our alarm.
  "synthesized/monitoring-PutAlarmMuteRule.json": {
    theirs: "KMSKeyPendingDeletionErrorAlarm",
    ours: "kmsmon-dev-account-key-made-public",
    signal: "alarms-muted",
  },
  // Deleting a mute rule unmutes, and the record names only the rule: never tampering.
  "synthesized/monitoring-DeleteAlarmMuteRule.json": {
    theirs: "DailyMaintenanceWindow",
    ours: "kmsmon-dev-account-cis-4-7",
  },
  "synthesized/events-DisableRule.json": {
    theirs: "kms-key-deletion",
    ours: "kmsmon-dev-payments-c-1",
    signal: "rules-silenced",
  },
  "synthesized/events-DeleteRule.json": {
    theirs: "kms-key-deletion",
    ours: "kmsmon-dev-fanout-1",
    signal: "rules-silenced",
  },
  "synthesized/events-RemoveTargets.json": {
    theirs: "kms-key-deletion",
    ours: "kmsmon-dev-payments-s-1",
    signal: "rules-silenced",
  },
  "synthesized/sns-SetTopicAttributes.json": {
    theirs: "kms-alerts",
    ours: "kmsmon-dev-security",
    signal: "topics-changed",
  },
  "synthesized/sns-Unsubscribe.json": {
    theirs: "kms-alerts",
    ours: "kmsmon-dev-payments-critical",
    signal: "topics-changed",
  },
  "cloudtrail-tamper/sns-DeleteTopic.json": {
    theirs: "hello-topic",
    ours: "kmsmon-dev-security",
    signal: "topics-changed",
  },
  // Real, and not tampering even on our names: creating or updating is what deploys do.
  "cloudtrail-tamper/events-PutRule.json": { theirs: "cttest2", ours: "kmsmon-dev-payments-c-1" },
  "cloudtrail-tamper/monitoring-PutMetricAlarm.json": {
    theirs: "CloudTrail Test Alarm",
    ours: "kmsmon-dev-tamper-trail-stopped",
  },
};

const PATTERNS = TAMPER_SIGNALS.map((s) => ({ id: s.id, pattern: tamperFilterPattern(s, SCOPE) }));

function firing(record: unknown, patterns = PATTERNS): string[] {
  return patterns.filter((p) => matchesFilterPattern(p.pattern, record)).map((p) => p.id);
}

const TAMPER_RECORDS = otherServiceRecords();

describe("tamper signal catalog", () => {
  it("has unique IDs and metric names, one-line actions, and eventNames = its clauses", () => {
    expect(new Set(TAMPER_SIGNALS.map((s) => s.id)).size).to.equal(TAMPER_SIGNALS.length);
    expect(new Set(TAMPER_SIGNALS.map((s) => s.metricName)).size).to.equal(TAMPER_SIGNALS.length);
    for (const s of TAMPER_SIGNALS) {
      expect(s.action, s.id).to.not.include("\n");
      expect(s.id, s.id).to.match(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect([...s.eventNames].sort(), s.id).to.deep.equal(
        s.clauses.flatMap((c) => c.eventNames).sort(),
      );
    }
    expect(tamperSignalById("trail-stopped").eventNames).to.deep.equal(["StopLogging"]);
    expect(() => tamperSignalById("nope")).to.throw('unknown tamper signal "nope"');
  });

  it("covers every tamper fixture, and every signal has a fixture that fires it", () => {
    expect(TAMPER_RECORDS.map((r) => r.file).sort()).to.deep.equal(Object.keys(RETARGET).sort());
    const fired = new Set(Object.values(RETARGET).map((r) => r.signal));
    expect(TAMPER_SIGNALS.filter((s) => !fired.has(s.id)).map((s) => s.id)).to.deep.equal([]);
  });
});

describe("tamper filter patterns on CloudTrail records", () => {
  for (const { file, event } of TAMPER_RECORDS) {
    const { theirs, ours, signal } = RETARGET[file];
    const expected = signal ? [signal] : [];

    it(`${file}: retargeted to ${ours}, fires ${expected.join(", ") || "nothing"}`, () => {
      expect(JSON.stringify(event)).to.include(theirs);
      expect(firing(renamed(event, theirs, ours))).to.deep.equal(expected);
    });

    it(`${file}: on someone else's resource (${theirs}), fires nothing`, () => {
      expect(firing(event)).to.deep.equal([]);
    });

    it(`${file}: on the same name in another environment, fires nothing`, () => {
      const otherEnv = ours.split("kmsmon-dev").join("kmsmon-prod");
      expect(firing(renamed(event, theirs, otherEnv))).to.deep.equal([]);
    });

    it(`${file}: on a name that merely contains ours, fires nothing`, () => {
      const lookalike = ours.split("kmsmon-dev").join("xkmsmon-dev");
      expect(firing(renamed(event, theirs, lookalike))).to.deep.equal([]);
    });
  }

  it("fires on no KMS record (test/fixtures/cloudtrail and the synthesized KMS failures)", () => {
    const kms = kmsCloudTrailRecords();
    expect(kms.length).to.be.greaterThan(40);
    const fired = kms.filter((r) => firing(r.event).length > 0).map((r) => r.file);
    expect(fired).to.deep.equal([]);
  });

  it("fires for our topic only when its policy or key changes", () => {
    const record = renamed(
      TAMPER_RECORDS.find((r) => r.file === "synthesized/sns-SetTopicAttributes.json")!.event,
      "kms-alerts",
      "kmsmon-dev-security",
    );
    const withAttribute = (attributeName: string) => ({
      ...record,
      requestParameters: { ...record.requestParameters, attributeName },
    });
    expect(firing(withAttribute("KmsMasterKeyId"))).to.deep.equal(["topics-changed"]);
    expect(firing(withAttribute("DisplayName"))).to.deep.equal([]);
    expect(firing(withAttribute("DeliveryPolicy"))).to.deep.equal([]);
  });

  it("matches a trail named by ARN or by name, and no other trail", () => {
    const record = TAMPER_RECORDS.find(
      (r) => r.file === "synthesized/cloudtrail-StopLogging.json",
    )!.event;
    const named = (name: string) => ({ ...record, requestParameters: { name } });
    expect(firing(named("kmsmon-dev"))).to.deep.equal(["trail-stopped"]);
    expect(
      firing(named("arn:aws:cloudtrail:eu-west-1:111122223333:trail/kmsmon-dev")),
    ).to.deep.equal(["trail-stopped"]);
    expect(firing(named("kmsmon-dev-2"))).to.deep.equal([]);
    expect(
      firing(named("arn:aws:cloudtrail:eu-west-1:111122223333:trail/old-kmsmon-dev")),
    ).to.deep.equal([]);
  });
});

describe("tamperFilterPattern", () => {
  it("defaults the trail and log group to the names the module gives them", () => {
    const signal = tamperSignalById("log-group-changed");
    expect(tamperFilterPattern(signal, { environment: "dev" })).to.equal(
      tamperFilterPattern(signal, SCOPE),
    );
    expect(tamperFilterPattern(tamperSignalById("trail-stopped"), { environment: "dev" })).to.equal(
      '{ ($.eventSource = "cloudtrail.amazonaws.com") && (($.eventName = "StopLogging") && ' +
        '(($.requestParameters.name = "kmsmon-dev") || ' +
        '($.requestParameters.name = "*:trail/kmsmon-dev"))) }',
    );
  });

  it("stays within 1,024 characters with the longest names AWS allows", () => {
    const scope = {
      environment: "a-long-environment-name",
      trailName: "t".repeat(128),
      logGroupName: "/".repeat(1) + "g".repeat(511),
    };
    for (const signal of TAMPER_SIGNALS) {
      const pattern = tamperFilterPattern(signal, scope);
      expect(pattern.length, signal.id).to.be.at.most(AWS_LIMITS.filterPatternLength);
      expect(() => matchesFilterPattern(pattern, {}), signal.id).to.not.throw();
    }
  });

  it("refuses names a pattern cannot carry", () => {
    const signal = tamperSignalById("trail-stopped");
    expect(() => tamperFilterPattern(signal, { environment: "dev", trailName: 'a"b' })).to.throw(
      'tamper pattern: trailName "a\\"b" has unsupported characters',
    );
    expect(() => tamperFilterPattern(signal, { environment: "d*v" })).to.throw(
      'tamper pattern: environment "d*v" has unsupported characters',
    );
  });
});
