/**
 * How schema.json, the schema other languages generate their SDKs from, reads in every language:
 * whole numbers as integers, one enum per concept, no generated-name collisions, every type and
 * property described, optional lists optional, Outputs taken exactly where README's "plain rule"
 * says, and nothing offered that other languages cannot supply.
 */
import { readFileSync } from "fs";
import { join } from "path";

import { expect } from "chai";

const SCHEMA = JSON.parse(readFileSync(join(__dirname, "..", "..", "schema.json"), "utf8"));

interface Spec {
  type?: string;
  $ref?: string;
  items?: Spec;
  additionalProperties?: Spec;
  plain?: boolean;
  description?: string;
  properties?: Record<string, Spec>;
  inputProperties?: Record<string, Spec>;
  required?: string[];
  requiredInputs?: string[];
  enum?: { value: string }[];
}

const PREFIX = "kms-monitoring:index:";
const resources = SCHEMA.resources as Record<string, Spec>;
const types = SCHEMA.types as Record<string, Spec>;
const short = (token: string) => token.slice(PREFIX.length);
const typeOf = (ref: string) => types[ref.replace(`#/types/`, "")];

/** Every property of the schema as `<Component or Type>.<name>` (inputs `in:`, outputs `out:`). */
function allProperties(): [string, Spec][] {
  return [
    ...Object.entries(resources).flatMap(([t, r]) => [
      ...Object.entries(r.inputProperties ?? {}).map(([n, p]) => [`${short(t)}.in:${n}`, p]),
      ...Object.entries(r.properties ?? {}).map(([n, p]) => [`${short(t)}.out:${n}`, p]),
    ]),
    ...Object.entries(types).flatMap(([t, type]) =>
      Object.entries(type.properties ?? {}).map(([n, p]) => [`${short(t)}.${n}`, p]),
    ),
  ] as [string, Spec][];
}

/** Paths below `properties` (config paths for KmsMonitoringStack) where an Output is taken. */
function outputPaths(properties: Record<string, Spec>, prefix = ""): string[] {
  return Object.entries(properties).flatMap(([name, p]) => {
    const path = `${prefix}${name}`;
    const own = p.plain ? [] : [path];
    const items = p.items && !p.items.plain ? [`${path}[]`] : [];
    const values = p.additionalProperties && !p.additionalProperties.plain ? [`${path}{}`] : [];
    const ref = p.$ref ?? p.items?.$ref;
    const inner = ref
      ? outputPaths(typeOf(ref).properties ?? {}, `${path}${p.items ? "[]" : ""}.`)
      : [];
    return [...own, ...items, ...values, ...inner];
  });
}

const TARGETS = (at: string) => ["emails", "https", "sqs", "lambda"].map((f) => `${at}.${f}[]`);

describe("schema.json, as other languages read it", () => {
  it("offers the components other languages can supply, and not KmsDashboard", () => {
    expect(Object.keys(resources).map(short).sort()).to.deep.equal([
      "AccountKmsAlarms",
      "AlertTopic",
      "AlertTopicKey",
      "DeadLetterQueue",
      "KmsAuditTrail",
      "KmsMonitoringStack",
      "RegionAlerting",
      "RequestQuotaAlarms",
      "TamperAlarms",
    ]);
    expect(Object.keys(types).map(short)).to.deep.equal([
      "AlertRouting",
      "BaselineLevel",
      "FailureAlarm",
      "KeyGroup",
      "KeyGroupBaseline",
      "NotificationTargets",
      "OrganizationMember",
      "PublisherArnPatterns",
      "StackOrganization",
      "StackSetCallAs",
      "StackSetConcurrencyMode",
      "StackSetRegionConcurrency",
      "StackSetRollout",
      "StackTrail",
      "StackUsageBaseline",
      "TrailMode",
    ]);
  });

  it("types whole numbers as integer, and only the fractional ones as number", () => {
    const ofType = (t: string) =>
      allProperties()
        .filter(([, p]) => p.type === t)
        .map(([n]) => n)
        .sort();
    expect(ofType("integer")).to.deep.equal([
      "AlertTopic.out:subscriptionCount",
      "KeyGroup.expiryWarningDays",
      "KeyGroupBaseline.datapointsToAlarm",
      "KeyGroupBaseline.evaluationPeriods",
      "KeyGroupBaseline.periodSeconds",
      "KmsAuditTrail.in:expireAfterDays",
      "KmsAuditTrail.in:logRetentionDays",
      "KmsAuditTrail.in:transitionToGlacierDays",
      "KmsAuditTrail.in:transitionToInfrequentAccessDays",
      "StackSetRollout.failureTolerancePercent",
      "StackSetRollout.maxConcurrentPercent",
      "StackTrail.expireAfterDays",
      "StackTrail.logRetentionDays",
      "StackTrail.transitionToGlacierDays",
      "StackTrail.transitionToInfrequentAccessDays",
      "StackUsageBaseline.datapointsToAlarm",
      "StackUsageBaseline.evaluationPeriods",
      "StackUsageBaseline.periodSeconds",
      "TamperAlarms.in:silenceHours",
    ]);
    expect(ofType("number")).to.deep.equal([
      "KeyGroupBaseline.bandWidth",
      "KmsMonitoringStack.in:quotaAlarmPercent",
      "RequestQuotaAlarms.in:quotaAlarmPercent",
      "RequestQuotaAlarms.out:monthlyCostUsd",
      "StackUsageBaseline.bandWidth",
    ]);
  });

  it("has one enum per concept, and one trail-mode enum both the stack and KmsAuditTrail use", () => {
    const enums = Object.entries(types).filter(([, t]) => t.enum);
    expect(enums.map(([t, e]) => [short(t), e.enum!.map((v) => v.value)])).to.deep.equal([
      ["BaselineLevel", ["group", "key"]],
      ["StackSetCallAs", ["SELF", "DELEGATED_ADMIN"]],
      ["StackSetConcurrencyMode", ["STRICT_FAILURE_TOLERANCE", "SOFT_FAILURE_TOLERANCE"]],
      ["StackSetRegionConcurrency", ["PARALLEL", "SEQUENTIAL"]],
      ["TrailMode", ["create", "existing", "organization"]],
    ]);
    expect(types[`${PREFIX}KeyGroupBaseline`].properties!.level.$ref).to.equal(
      `#/types/${PREFIX}BaselineLevel`,
    );
    expect(resources[`${PREFIX}KmsAuditTrail`].inputProperties!.mode.$ref).to.equal(
      `#/types/${PREFIX}TrailMode`,
    );
    expect(types[`${PREFIX}StackTrail`].properties!.mode.$ref).to.equal(
      `#/types/${PREFIX}TrailMode`,
    );
  });

  it("names no type so that SDKs would generate ...ArgsArgs", () => {
    expect(Object.keys(types).filter((t) => t.endsWith("Args"))).to.deep.equal([]);
  });

  it("describes every component, type and property", () => {
    const undescribed = [
      ...[...Object.entries(resources), ...Object.entries(types)]
        .filter(([, r]) => !r.description)
        .map(([t]) => t),
      ...allProperties()
        .filter(([, p]) => !p.description)
        .map(([n]) => n),
    ];
    expect(undescribed).to.deep.equal([]);
  });

  // An organization's OUs and a member's regions are required and refused empty by the config
  // schema (organization-schema.ts): without them there is nothing to deploy to.
  it("requires no list that the components accept missing", () => {
    const requiredLists = [
      ...Object.entries(resources).flatMap(([t, r]) =>
        (r.requiredInputs ?? [])
          .filter((n) => r.inputProperties![n].type === "array")
          .map((n) => `${short(t)}.${n}`),
      ),
      ...Object.entries(types).flatMap(([t, type]) =>
        (type.required ?? [])
          .filter((n) => type.properties![n].type === "array")
          .map((n) => `${short(t)}.${n}`),
      ),
    ];
    expect(requiredLists.sort()).to.deep.equal([
      "AccountKmsAlarms.alarmActions",
      "DeadLetterQueue.alarmActions",
      "FailureAlarm.alarmActions",
      "KmsMonitoringStack.keyGroups",
      "OrganizationMember.regions",
      "RequestQuotaAlarms.alarmActions",
      "StackOrganization.organizationalUnits",
      "TamperAlarms.alarmActions",
    ]);
    expect(types[`${PREFIX}NotificationTargets`].required).to.equal(undefined);
    expect(types[`${PREFIX}AlertRouting`].required).to.equal(undefined);
  });

  it("takes Outputs in KmsMonitoringStack exactly where the plain rule says", () => {
    const inputs = resources[`${PREFIX}KmsMonitoringStack`].inputProperties!;
    expect(outputPaths(inputs).sort()).to.deep.equal(
      [
        "trail.logGroupName",
        "trail.trailArn",
        ...TARGETS("notifications"),
        ...TARGETS("notifications.critical"),
        ...TARGETS("security"),
        "keyGroups[].description",
        "keyGroups[].keys[]",
        "keyGroups[].aliases[]",
        "keyGroups[].importedKeys[]",
        ...TARGETS("keyGroups[].notify"),
        ...TARGETS("keyGroups[].notify.critical"),
      ].sort(),
    );
  });

  it("takes Outputs in every target list, as AlertTopic and RegionAlerting get them too", () => {
    const topic = resources[`${PREFIX}AlertTopic`].inputProperties!;
    const region = resources[`${PREFIX}RegionAlerting`].inputProperties!;
    expect(outputPaths({ targets: topic.targets })).to.deep.equal(TARGETS("targets"));
    expect(outputPaths({ securityTargets: region.securityTargets })).to.deep.equal(
      TARGETS("securityTargets"),
    );
  });
});
