/** TamperAlarms under the mock runtime: exact resources and inputs, defaults, argument checks. */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { TAMPER_SIGNALS, tamperFilterPattern } from "../../components/signals";
import { TamperAlarms, TamperAlarmsArgs } from "../../components/watchers";
import { runUnderMocks, unwrap } from "../harness/mock-runtime";
import { T } from "../builders";

const SECURITY = "arn:aws:sns:us-east-1:111122223333:kmsmon-dev-security";
const LOG_GROUP = "/aws/cloudtrail/kmsmon-dev";
const ARGS: TamperAlarmsArgs = {
  environment: "dev",
  logGroupName: LOG_GROUP,
  alarmActions: [SECURITY],
};

function run(args: Partial<TamperAlarmsArgs> = {}) {
  return runUnderMocks(() => new TamperAlarms("tamper", { ...ARGS, ...args }));
}

describe("TamperAlarms", () => {
  it("registers one filter and one alarm per tamper signal, and the silence alarm", async () => {
    const result = await run();
    const component = result.one(T.tamperAlarms, "tamper");
    expect(result.childrenOf(component).map((r) => `${r.type} ${r.name}`)).to.have.members([
      ...TAMPER_SIGNALS.map((s) => `${T.filter} tamper-${s.id}`),
      ...TAMPER_SIGNALS.map((s) => `${T.alarm} tamper-${s.id}-alarm`),
      `${T.alarm} tamper-trail-silent`,
    ]);
    expect(result.resources).to.have.length(2 * TAMPER_SIGNALS.length + 2);
    expect(TAMPER_SIGNALS).to.have.length(9);
  });

  it("scopes each filter to the log group, trail and environment", async () => {
    const result = await run({ trailName: "org-trail" });
    for (const signal of TAMPER_SIGNALS) {
      expect(result.one(T.filter, `tamper-${signal.id}`).inputs, signal.id).to.deep.equal({
        name: `kmsmon-dev-tamper-${signal.id}`,
        logGroupName: LOG_GROUP,
        pattern: tamperFilterPattern(signal, {
          environment: "dev",
          trailName: "org-trail",
          logGroupName: LOG_GROUP,
        }),
        metricTransformation: {
          name: signal.metricName,
          namespace: "KMSMonitoring/dev",
          value: "1",
        },
      });
    }
  });

  it("gives the trail-stopped filter and alarm exactly these inputs", async () => {
    const result = await run();
    expect(result.one(T.filter, "tamper-trail-stopped").inputs.pattern).to.equal(
      '{ ($.eventSource = "cloudtrail.amazonaws.com") && (($.eventName = "StopLogging") && ' +
        '(($.requestParameters.name = "kmsmon-dev") || ' +
        '($.requestParameters.name = "*:trail/kmsmon-dev"))) }',
    );
    expect(result.one(T.alarm, "tamper-trail-stopped-alarm").inputs).to.deep.equal({
      name: "kmsmon-dev-tamper-trail-stopped",
      alarmDescription:
        "Audit trail stopped (critical, tampering with KMS monitoring kmsmon-dev). Covers " +
        "StopLogging, also when denied (errorCode set). If no kms-monitoring deploy ran just " +
        "now, run `aws cloudtrail start-logging --name <trail>` now and find the caller in this " +
        "event: no KMS event is recorded while the trail is stopped.",
      namespace: "KMSMonitoring/dev",
      metricName: "TamperTrailStopped",
      statistic: "Sum",
      period: 300,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      treatMissingData: "notBreaching",
      actionsEnabled: true,
      alarmActions: [SECURITY],
    });
  });

  it("alarms on every signal's metric, Sum >= 1 in 5 minutes, to the given actions", async () => {
    const result = await run({ alarmActions: [SECURITY, `${SECURITY}-2`] });
    for (const signal of TAMPER_SIGNALS) {
      const inputs = result.one(T.alarm, `tamper-${signal.id}-alarm`).inputs;
      expect(inputs, signal.id).to.deep.include({
        name: `kmsmon-dev-tamper-${signal.id}`,
        metricName: signal.metricName,
        statistic: "Sum",
        period: 300,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        treatMissingData: "notBreaching",
        alarmActions: [SECURITY, `${SECURITY}-2`],
      });
      expect(inputs.alarmDescription.length, signal.id).to.be.at.most(1024);
    }
  });

  it("alarms when the log group is silent for 6 hours (missing data breaches)", async () => {
    const result = await run();
    expect(result.one(T.alarm, "tamper-trail-silent").inputs).to.deep.equal({
      name: "kmsmon-dev-tamper-trail-silent",
      alarmDescription:
        "The trail's log group received no CloudTrail record for 6 hours (kms-monitoring " +
        "kmsmon-dev): the trail is stopped, deleted, no longer delivers to the log group, or " +
        "the log group is gone. No KMS alert can fire until records flow again: check " +
        "`aws cloudtrail get-trail-status --name <trail>` and run `pulumi up`.",
      namespace: "AWS/Logs",
      metricName: "IncomingLogEvents",
      dimensions: { LogGroupName: LOG_GROUP },
      statistic: "Sum",
      period: 3600,
      evaluationPeriods: 6,
      datapointsToAlarm: 6,
      threshold: 1,
      comparisonOperator: "LessThanThreshold",
      treatMissingData: "breaching",
      actionsEnabled: true,
      alarmActions: [SECURITY],
      okActions: [SECURITY],
    });
  });

  it("drops the silence alarm with silenceHours 0, and honours other values", async () => {
    const off = await run({ silenceHours: 0 });
    expect(off.ofType(T.alarm).map((a) => a.name)).to.not.include("tamper-trail-silent");
    const twelve = await run({ silenceHours: 12 });
    expect(twelve.one(T.alarm, "tamper-trail-silent").inputs.evaluationPeriods).to.equal(12);
  });

  it("accepts Outputs for the log group and trail, and reports names and patterns", async () => {
    const result = await runUnderMocks(() => {
      const c = new TamperAlarms("t", {
        ...ARGS,
        logGroupName: pulumi.output(LOG_GROUP),
        trailName: pulumi.output("kmsmon-dev"),
      });
      return { alarms: c.alarmNames, filters: c.filterNames, patterns: c.patterns };
    });
    expect(result.one(T.filter, "t-trail-deleted").inputs.logGroupName).to.equal(LOG_GROUP);
    const alarms = await unwrap(result.result.alarms);
    expect(alarms["trail-silent"]).to.equal("kmsmon-dev-tamper-trail-silent");
    expect(alarms["rules-silenced"]).to.equal("kmsmon-dev-tamper-rules-silenced");
    const filters = await unwrap(result.result.filters);
    expect(Object.keys(filters)).to.have.members(TAMPER_SIGNALS.map((s) => s.id));
    const patterns = await unwrap(result.result.patterns);
    expect(patterns["log-group-changed"]).to.include(`"${LOG_GROUP}"`);
    expect(Object.keys(alarms)).to.deep.equal([...TAMPER_SIGNALS.map((s) => s.id), "trail-silent"]);
  });

  it("refuses bad arguments before registering anything, naming the argument", async () => {
    const cases: [Partial<TamperAlarmsArgs>, string][] = [
      [{ alarmActions: [] }, 'TamperAlarms "x": alarmActions: 0 given; give 1 to 5 topic ARNs'],
      [{ alarmActions: Array(6).fill(SECURITY) }, 'TamperAlarms "x": alarmActions: 6 given'],
      [{ silenceHours: 25 }, 'TamperAlarms "x": silenceHours: 25 is not an integer from 0 to 24'],
      [{ silenceHours: 1.5 }, 'TamperAlarms "x": silenceHours: 1.5 is not an integer'],
      [{ environment: "" }, 'TamperAlarms "x": environment: "" is not an environment name'],
      [
        { logGroupName: "bad*group" },
        'TamperAlarms "x": logGroupName/trailName: tamper pattern: logGroupName "bad*group"',
      ],
      [
        { trailName: 'tr"ail' },
        'TamperAlarms "x": logGroupName/trailName: tamper pattern: trailName "tr\\"ail"',
      ],
    ];
    for (const [args, message] of cases) {
      let registered = -1;
      const attempt = runUnderMocks(() => new TamperAlarms("x", { ...ARGS, ...args }));
      await attempt.then(
        (r) => (registered = r.resources.length),
        (e: Error) => expect(e.message).to.include(message),
      );
      expect(registered, message).to.equal(-1);
    }
  });
});
