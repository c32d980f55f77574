/**
 * What must hold on both example stacks for an alert to reach on-call: the CIS 4.7 filter exactly
 * as Security Hub reads it, the account filters and alarms, topics encrypted with our own key, and
 * a dead-letter queue behind every rule target and subscription. Expected values are written out.
 */
import { expect } from "chai";
import type { MockRun } from "../harness/mock-runtime";
import { T } from "../builders";
import { devRun, lineage, parsedInputs, prodRun, regionOf } from "./helpers";

/** Each example stack: its run and the regions it alerts in. */
const STACKS: [string, () => Promise<MockRun<unknown>>, string[]][] = [
  ["dev", devRun, ["us-east-1"]],
  ["prod", prodRun, ["eu-west-1", "us-east-1"]],
];

/** The customer managed key of each region's alert topics (the mock's IDs of kms-<region>-topic-key-key). */
const TOPIC_KEYS: Record<string, string> = {
  "us-east-1": "arn:aws:kms:us-east-1:111122223333:key/735a3135-de40-f7ef-6ad1-47481114c269",
  "eu-west-1": "arn:aws:kms:eu-west-1:111122223333:key/ffef242f-6a4a-47a8-0acd-b8d541a088c3",
};

const KMS = '($.eventSource = "kms.amazonaws.com")';
const OK = "($.errorCode NOT EXISTS)";
const call = (name: string) => `{ ${KMS} && ($.eventName = "${name}") && ${OK} }`;
const service = (name: string) =>
  `{ ${KMS} && ($.eventType = "AwsServiceEvent") && ($.eventName = "${name}") }`;

/** The account-wide metric filters: signal ID, metric name, pattern. */
const ACCOUNT_FILTERS: [string, string, string][] = [
  ["deletion-scheduled", "KeyDeletionScheduled", call("ScheduleKeyDeletion")],
  ["deletion-cancelled", "KeyDeletionCancelled", call("CancelKeyDeletion")],
  ["key-disabled", "KeyDisabled", call("DisableKey")],
  ["key-enabled", "KeyEnabled", call("EnableKey")],
  [
    "pending-deletion-use",
    "PendingDeletionKeyUse",
    `{ ${KMS} && (($.errorCode = "KMSInvalidStateException") || ` +
      '($.errorCode = "DisabledException")) && ($.errorMessage = "*is pending deletion*") }',
  ],
  ["key-policy-changed", "KeyPolicyChanged", call("PutKeyPolicy")],
  ["grant-created", "GrantCreated", call("CreateGrant")],
  ["grant-revoked", "GrantRevoked", call("RevokeGrant")],
  ["grant-retired", "GrantRetired", call("RetireGrant")],
  ["material-imported", "KeyMaterialImported", call("ImportKeyMaterial")],
  ["material-deleted", "KeyMaterialDeleted", call("DeleteImportedKeyMaterial")],
  ["material-expired", "KeyMaterialExpired", service("DeleteExpiredKeyMaterial")],
  ["rotation-disabled", "KeyRotationDisabled", call("DisableKeyRotation")],
  ["rotation-performed", "KeyRotated", service("RotateKey")],
  ["rotation-on-demand", "KeyRotatedOnDemand", call("RotateKeyOnDemand")],
  ["key-deleted", "KeyDeleted", service("DeleteKey")],
  [
    "cis-4-7",
    "CisKmsKeyDisabledOrScheduledForDeletion",
    "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}",
  ],
  [
    "destructive-call-denied",
    "DestructiveCallDenied",
    `{ ${KMS} && (($.eventName = "ScheduleKeyDeletion") || ($.eventName = "DisableKey") || ` +
      '($.eventName = "PutKeyPolicy") || ($.eventName = "DeleteImportedKeyMaterial") || ' +
      '($.eventName = "DisableKeyRotation")) && ($.errorCode = "AccessDenied*") }',
  ],
  [
    "key-made-public",
    "KeyMadePublic",
    `{ ${KMS} && (($.eventName = "PutKeyPolicy") || ($.eventName = "CreateKey") || ` +
      `($.eventName = "ReplicateKey")) && ${OK} && (` +
      [
        '\\"Principal\\":\\"\\*\\"',
        '\\"Principal\\": \\"\\*\\"',
        '\\"Principal\\" : \\"\\*\\"',
        '\\"AWS\\":\\"\\*\\"',
        '\\"AWS\\": \\"\\*\\"',
        '\\"AWS\\" : \\"\\*\\"',
        '\\"AWS\\":[\\"\\*\\"]',
        '\\"AWS\\": [\\"\\*\\"]',
        '\\"AWS\\" : [ \\"\\*\\" ]',
      ]
        .map((text) => `($.requestParameters.policy = "*${text}*")`)
        .join(" || ") +
      ") }",
  ],
  [
    "key-created",
    "KeyCreatedOutsideGroups",
    `{ ${KMS} && (($.eventName = "CreateKey") || ($.eventName = "ReplicateKey")) && ${OK} }`,
  ],
];

/** The critical signals and key-created (a new key is in no group), each with an account alarm. */
const ALARMED_SIGNALS = [
  "cis-4-7",
  "deletion-scheduled",
  "key-created",
  "key-deleted",
  "key-disabled",
  "key-made-public",
  "material-deleted",
  "material-expired",
  "pending-deletion-use",
];

for (const [env, runOf, regions] of STACKS) {
  describe(`program: the alert path of the ${env} stack`, function () {
    this.timeout(30000);
    let run: MockRun<unknown>;
    before(async () => {
      run = await runOf();
    });
    const security = `arn:aws:sns:us-east-1:111122223333:kmsmon-${env}-security`;
    const queueOf = (region: string) =>
      `arn:aws:sqs:${region}:111122223333:kmsmon-${env}-undelivered`;

    it("filters CIS 4.7 with exactly the pattern Security Hub CloudWatch.7 requires", () => {
      expect(run.one(T.filter, "kms-account-cis-4-7").inputs).to.deep.equal({
        name: `kmsmon-${env}-cis-4-7`,
        logGroupName: `/aws/cloudtrail/kmsmon-${env}`,
        pattern:
          "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}",
        metricTransformation: {
          name: "CisKmsKeyDisabledOrScheduledForDeletion",
          namespace: `KMSMonitoring/${env}`,
          value: "1",
        },
      });
    });

    it("alarms on the CIS 4.7 metric's first event, to the security topic", () => {
      const alarm = run.one(T.alarm, "kms-account-cis-4-7-alarm").inputs;
      expect({ ...alarm, alarmDescription: undefined }).to.deep.equal({
        name: `kmsmon-${env}-account-cis-4-7`,
        alarmDescription: undefined,
        namespace: `KMSMonitoring/${env}`,
        metricName: "CisKmsKeyDisabledOrScheduledForDeletion",
        statistic: "Sum",
        period: 300,
        evaluationPeriods: 1,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        treatMissingData: "notBreaching",
        actionsEnabled: true,
        alarmActions: [security],
      });
      expect(alarm.alarmDescription).to.equal(
        "CIS 4.7 (v1.4-5.0) / 5.7 (v6.0): key disabled or scheduled for deletion, failed calls " +
          "included (account) (critical) anywhere in this " +
          "account. A customer managed key in this account was disabled or scheduled for " +
          "deletion: find it in CloudTrail and, unless planned, enable it or cancel the deletion.",
      );
    });

    it("counts every KMS control-plane signal of the account with its own metric filter", () => {
      const filters = run.ofType(T.filter).filter((f) => f.name.startsWith("kms-account-"));
      const actual = filters.map((f) => [f.name, f.inputs]).sort();
      const expected = ACCOUNT_FILTERS.map(([id, metric, pattern]) => [
        `kms-account-${id}`,
        {
          name: `kmsmon-${env}-${id}`,
          logGroupName: `/aws/cloudtrail/kmsmon-${env}`,
          pattern,
          metricTransformation: { name: metric, namespace: `KMSMonitoring/${env}`, value: "1" },
        },
      ]).sort();
      expect(actual).to.deep.equal(expected);
    });

    it("alarms on each critical signal anywhere in the account, to the security topic", () => {
      const alarms = run.ofType(T.alarm).filter((a) => a.name.startsWith("kms-account-"));
      expect(alarms.map((a) => a.name).sort()).to.deep.equal(
        ALARMED_SIGNALS.map((id) => `kms-account-${id}-alarm`),
      );
      for (const a of alarms) {
        expect(a.inputs.alarmActions, a.name).to.deep.equal([security]);
        expect([a.inputs.threshold, a.inputs.period, a.inputs.statistic], a.name).to.deep.equal([
          1,
          300,
          "Sum",
        ]);
      }
    });

    it("encrypts every topic with its region's customer managed key, never alias/aws/sns", () => {
      const topics = run.ofType(T.topic);
      expect(topics.length).to.be.greaterThan(0);
      for (const t of topics) {
        expect(t.inputs.kmsMasterKeyId, t.name).to.equal(TOPIC_KEYS[regionOf(run, t)]);
      }
      for (const region of regions) {
        const key = run.one(T.key, `kms-${region}-topic-key-key`);
        expect(key.state.arn).to.equal(TOPIC_KEYS[region]);
        expect(key.inputs.enableKeyRotation).to.equal(true);
      }
    });

    it("gives every EventBridge target its region's dead-letter queue and a day of retries", () => {
      const targets = run.ofType(T.target);
      expect(targets.length).to.be.greaterThan(0);
      for (const t of targets) {
        expect(t.inputs.deadLetterConfig, t.name).to.deep.equal({
          arn: queueOf(regionOf(run, t)),
        });
        expect(t.inputs.retryPolicy, t.name).to.deep.equal({
          maximumRetryAttempts: 185,
          maximumEventAgeInSeconds: 86400,
        });
      }
    });

    it("redrives every subscription to its region's dead-letter queue", () => {
      const subscriptions = run.ofType(T.subscription);
      expect(subscriptions.length).to.be.greaterThan(0);
      for (const s of subscriptions) {
        expect(parsedInputs(s).redrivePolicy, s.name).to.deep.equal({
          deadLetterTargetArn: queueOf(regionOf(run, s)),
        });
      }
      for (const region of regions) {
        const queue = run.ofType(T.queue).find((q) => regionOf(run, q) === region);
        expect(queue?.state.arn).to.equal(queueOf(region));
      }
    });

    it("puts every resource under the kms component, group resources under their group", () => {
      for (const r of run.resources) {
        const chain = lineage(run, r);
        const root = r.type === T.provider || r.name === "kms" ? r.name : "kms";
        expect(chain[chain.length - 1], r.name).to.equal(root);
      }
      for (const monitor of run.ofType(T.groupMonitor).map((g) => g.name)) {
        // The group's monitor holds its topics, rules and expiry alarms; its usage baseline is
        // a sibling of the monitor. Everything under them carries the group's name.
        const owners = [monitor, `${monitor}-baseline`];
        const under = run.resources.filter((r) =>
          lineage(run, r)
            .slice(1)
            .some((n) => owners.includes(n)),
        );
        expect(under.length, monitor).to.be.greaterThan(0);
        const named = run.resources.filter(
          (r) => r.name.startsWith(`${monitor}-`) && !owners.includes(r.name),
        );
        expect(named.map((r) => r.urn).sort()).to.deep.equal(under.map((r) => r.urn).sort());
      }
    });
  });
}
