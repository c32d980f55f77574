/** Request-quota alarms: the pure plan and the component under the mock runtime. */
import { expect } from "chai";
import * as aws from "@pulumi/aws";
import {
  KMS_REQUEST_QUOTA_FAMILIES,
  RequestQuotaAlarms,
  RequestQuotaAlarmsArgs,
  planQuotaAlarms,
} from "../../components/watchers";
import { metricCount } from "../../components/alarms/spec";
import { alarmsMonthlyCostUsd } from "../../components/alarms/pricing";
import { runUnderMocks, unwrap } from "../harness/mock-runtime";
import { T } from "../builders";
import { AWS_LIMITS } from "../../components/core/limits";

const TOPIC = "arn:aws:sns:eu-west-1:111122223333:kmsmon-dev-security";
const ARGS: RequestQuotaAlarmsArgs = {
  environment: "dev",
  region: "eu-west-1",
  alarmActions: [TOPIC],
};

/** The exact queries of a family's alarm. */
function queriesOf(resource: string, quotaName: string) {
  return [
    {
      id: "m1",
      label: `CallCount ${resource}`,
      returnData: false,
      metric: {
        namespace: "AWS/Usage",
        metricName: "CallCount",
        dimensions: { Service: "KMS", Type: "API", Resource: resource, Class: "None" },
        period: 60,
        stat: "Sum",
      },
    },
    {
      id: "e1",
      label: `Percent of ${quotaName}`,
      returnData: true,
      expression: "m1/60/SERVICE_QUOTA(m1)*100",
    },
  ];
}

describe("planQuotaAlarms", () => {
  it("plans one alarm per family on its shared usage metric, within AWS's limits", () => {
    const specs = planQuotaAlarms("dev", "eu-west-1", 80);
    expect(specs.map((s) => [s.family, s.name])).to.deep.equal([
      ["symmetric", "kmsmon-dev-quota-symmetric"],
      ["rsa", "kmsmon-dev-quota-rsa"],
      ["ecc", "kmsmon-dev-quota-ecc"],
    ]);
    for (const spec of specs) {
      if (spec.metric.kind !== "metric-math") throw new Error(`${spec.name}: not metric math`);
      expect(metricCount(spec.metric.queries)).to.equal(1);
      expect(spec.metric.queries.length).to.be.at.most(AWS_LIMITS.metricQueriesPerAlarm);
      expect(spec.description.length).to.be.at.most(1024);
    }
    expect(alarmsMonthlyCostUsd(specs)).to.equal(0.3); // 3 alarms x 1 metric x $0.10
  });

  it("gives the symmetric alarm exactly these inputs", () => {
    const { description, ...rest } = planQuotaAlarms("dev", "eu-west-1", 75)[0];
    expect(rest).to.deep.equal({
      family: "symmetric",
      region: "eu-west-1",
      name: "kmsmon-dev-quota-symmetric",
      severity: "operational",
      metric: {
        kind: "metric-math",
        queries: queriesOf(
          "CryptographicOperationsSymmetric",
          "Cryptographic operations (symmetric) request rate",
        ),
      },
      threshold: 75,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      treatMissingData: "notBreaching",
      actions: { role: "security", onOk: false },
      actionsEnabled: true,
      monthlyCostUsd: 0.1,
      quotas: ["alarmNameLength", "actionsPerAlarmState", "metricQueriesPerAlarm"],
    });
    expect(description).to.equal(
      'KMS requests in eu-west-1 reached 75% of "Cryptographic operations (symmetric) request ' +
        'rate" (shared by Decrypt, Encrypt, GenerateDataKey, GenerateDataKeyWithoutPlaintext, ' +
        "GenerateMac, GenerateRandom, ReEncrypt, VerifyMac) in 3 of 5 minutes. Past 100% KMS " +
        "throttles these calls for the whole account: cache data keys, spread load, or request " +
        "an increase in Service Quotas (`aws service-quotas request-service-quota-increase " +
        "--service-code kms ...`).",
    );
  });

  it("documents the operations that share each quota", () => {
    expect(
      Object.fromEntries(KMS_REQUEST_QUOTA_FAMILIES.map((f) => [f.id, f.operations])),
    ).to.deep.equal({
      symmetric: [
        "Decrypt",
        "Encrypt",
        "GenerateDataKey",
        "GenerateDataKeyWithoutPlaintext",
        "GenerateMac",
        "GenerateRandom",
        "ReEncrypt",
        "VerifyMac",
      ],
      rsa: ["Decrypt", "Encrypt", "ReEncrypt", "Sign", "Verify"],
      ecc: ["Sign", "Verify", "DeriveSharedSecret"],
    });
  });

  it("refuses a threshold outside (0, 100]", () => {
    for (const percent of [0, -5, 101, Number.NaN]) {
      expect(() => planQuotaAlarms("dev", "eu-west-1", percent)).to.throw(
        `quotaAlarmPercent ${percent} is not above 0 and at most 100`,
      );
    }
  });
});

describe("RequestQuotaAlarms", () => {
  it("creates the three alarms with exactly these inputs, on the given provider", async () => {
    const result = await runUnderMocks(() => {
      const eu = new aws.Provider("eu", { region: "eu-west-1" });
      const c = new RequestQuotaAlarms("dev-eu-quotas", ARGS, { provider: eu });
      return { names: c.alarmNames, cost: c.monthlyCostUsd };
    });
    const component = result.one(T.quotaAlarms, "dev-eu-quotas");
    expect(component.inputs).to.deep.equal({ region: "eu-west-1" });
    const specs = planQuotaAlarms("dev", "eu-west-1", 80);
    expect(result.ofType(T.alarm)).to.have.length(3);
    for (const [spec, family] of specs.map((s, i) => [s, KMS_REQUEST_QUOTA_FAMILIES[i]] as const)) {
      const alarm = result.one(T.alarm, `dev-eu-quotas-${spec.family}`);
      expect(alarm.parent).to.equal(component.urn);
      expect(alarm.provider).to.match(/::eu::/);
      expect(alarm.inputs).to.deep.equal({
        name: `kmsmon-dev-quota-${family.id}`,
        alarmDescription: spec.description,
        metricQueries: queriesOf(family.usageResource, family.quotaName),
        threshold: 80,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        evaluationPeriods: 5,
        datapointsToAlarm: 3,
        treatMissingData: "notBreaching",
        actionsEnabled: true,
        alarmActions: [TOPIC],
      });
    }
    expect(await unwrap(result.result.names)).to.deep.equal({
      symmetric: "kmsmon-dev-quota-symmetric",
      rsa: "kmsmon-dev-quota-rsa",
      ecc: "kmsmon-dev-quota-ecc",
    });
    expect(result.result.cost).to.equal(0.3);
  });

  it("uses quotaAlarmPercent as the threshold", async () => {
    const result = await runUnderMocks(
      () => new RequestQuotaAlarms("q", { ...ARGS, quotaAlarmPercent: 65 }),
    );
    expect(result.ofType(T.alarm).map((a) => a.inputs.threshold)).to.deep.equal([65, 65, 65]);
  });

  it("refuses bad arguments before registering anything, naming the argument", async () => {
    const cases: [Partial<RequestQuotaAlarmsArgs>, string][] = [
      [{ alarmActions: [] }, 'RequestQuotaAlarms "x": alarmActions: 0 given'],
      [{ region: "Europe" }, 'RequestQuotaAlarms "x": region: "Europe" is not an AWS region name'],
      [
        { quotaAlarmPercent: 150 },
        'RequestQuotaAlarms "x": quotaAlarmPercent: quotaAlarmPercent 150 is not above 0',
      ],
    ];
    for (const [args, message] of cases) {
      let registered = -1;
      await runUnderMocks(() => new RequestQuotaAlarms("x", { ...ARGS, ...args })).then(
        (r) => (registered = r.resources.length),
        (e: Error) => expect(e.message).to.include(message),
      );
      expect(registered, message).to.equal(-1);
    }
  });
});
