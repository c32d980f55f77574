/**
 * Inputs of the dashboard tests: hand-built keys, the example stacks (Pulumi.dev.yaml and
 * Pulumi.prod.yaml parsed and planned, with deploy-time lookups answered by hand) and a large
 * synthetic estate.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parse } from "yaml";

import { parseStackConfig, type KeyRef, type StackModel } from "../../components/config";
import type { ResolvedKey, ResolvedKeyGroup } from "../../components/groups/resolved";
import { planStack, type StackPlan } from "../../components/plan/stack-plan";
import { dashboardInput } from "../../components/dashboard/from-plan";
import type { DashboardGroup, DashboardInput } from "../../components/dashboard/input";

import { ACCOUNT, keyArn } from "../builders";

/**
 * The account alarms a stack plan of `environment` has, in the stack region us-east-1: 7 KMS
 * signals, 8 tamper signals and the trail-silence alarm.
 */
export function accountAlarms(environment: string) {
  return [
    "account-deletion-scheduled",
    "account-key-disabled",
    "account-pending-deletion-use",
    "account-material-deleted",
    "account-material-expired",
    "account-key-deleted",
    "account-cis-4-7",
    "tamper-trail-stopped",
    "tamper-trail-deleted",
    "tamper-trail-changed",
    "tamper-metric-filters-deleted",
    "tamper-log-group-changed",
    "tamper-alarms-silenced",
    "tamper-rules-silenced",
    "tamper-topics-changed",
    "tamper-trail-silent",
  ].map((n) => ({ name: `kmsmon-${environment}-${n}`, region: "us-east-1" }));
}

/** A described key with AWS-generated material; `extra` overrides any field. */
export function key(
  id: string,
  region = "us-east-1",
  extra: Partial<ResolvedKey> = {},
): ResolvedKey {
  return {
    arn: keyArn(region, id),
    keyId: id,
    region,
    accountId: ACCOUNT,
    partition: "aws",
    selectedBy: "arn",
    described: true,
    origin: "AWS_KMS",
    keyState: "Enabled",
    keyManager: "CUSTOMER",
    creationDate: "2024-03-01T10:00:00Z",
    expirationModel: undefined,
    aliases: [],
    flaggedImported: false,
    ...extra,
  };
}

/** A key whose imported material expires at `validTo`. */
export function importedKey(id: string, region: string, validTo: string): ResolvedKey {
  return key(id, region, {
    origin: "EXTERNAL",
    validTo,
    expirationModel: "KEY_MATERIAL_EXPIRES",
    flaggedImported: true,
  });
}

/** A key DescribeKey failed on: only what its ARN says is known. */
export function undescribedKey(id: string, region: string): ResolvedKey {
  return {
    arn: keyArn(region, id),
    keyId: id,
    region,
    accountId: ACCOUNT,
    partition: "aws",
    selectedBy: "tags",
    described: false,
    aliases: [],
    flaggedImported: false,
  };
}

function loadModel(stack: string): StackModel {
  const file = join(__dirname, "..", "..", `Pulumi.${stack}.yaml`);
  const { config } = parse(readFileSync(file, "utf8")) as { config: Record<string, unknown> };
  const raw = Object.fromEntries(
    Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
  );
  return parseStackConfig(raw, { stack });
}

/** A key of the example stacks: symmetric, as DescribeKey would report it. */
function fromRef(ref: KeyRef, model: StackModel["keyGroups"][number]): ResolvedKey {
  const found = model.importedKeys.includes(ref.arn)
    ? importedKey(ref.keyId, ref.region, "2026-09-30T00:00:00Z")
    : key(ref.keyId, ref.region);
  return { ...found, keyUsage: "ENCRYPT_DECRYPT" };
}

/** An example stack with its groups resolved: keys by ARN as listed, lookups as `extra` says. */
function exampleStack(
  stack: string,
  extra: Record<string, ResolvedKey[]> = {},
): { model: StackModel; groups: ResolvedKeyGroup[]; plan: StackPlan; input: DashboardInput } {
  const model = loadModel(stack);
  const groups = model.keyGroups.map((g) => ({
    model: g,
    keys: [...g.keys.map((ref) => fromRef(ref, g)), ...(extra[g.name] ?? [])],
  }));
  const plan = planStack(model, groups, { accountId: ACCOUNT, partition: "aws" });
  const input = dashboardInput(plan, groups);
  return { model, groups, plan, input };
}

/** Pulumi.dev.yaml: two groups of keys named by ARN, all in us-east-1. */
export function devStack() {
  return exampleStack("dev");
}

/**
 * Pulumi.prod.yaml: four groups in us-east-1 and eu-west-1. customer-data selects by alias and
 * tag: here the two aliases find one key each and the tag query finds a key that cannot be
 * described.
 */
export function prodStack() {
  return exampleStack("prod", {
    "customer-data": [
      key("7d1e4b2a-90c3-4f5e-8a6b-1c2d3e4f5a6b", "us-east-1", {
        aliases: ["alias/customer-data/rds"],
        selectedBy: "alias/customer-data/rds",
        keyUsage: "ENCRYPT_DECRYPT",
      }),
      key("9a8b7c6d-5e4f-4a3b-9c2d-1e0f2a3b4c5d", "eu-west-1", {
        aliases: ["alias/customer-data/s3"],
        selectedBy: "alias/customer-data/s3",
        keyUsage: "ENCRYPT_DECRYPT",
      }),
      undescribedKey("2f3e4d5c-6b7a-4891-a2b3-c4d5e6f7a8b9", "eu-west-1"),
    ],
  });
}

/**
 * A large estate: `groups` groups of `keysPerGroup` symmetric keys, alternating us-east-1 and
 * eu-west-1, the first key of each group holding expiring imported material (one expiry alarm),
 * every group with the default data-plane baseline (band of 2 standard deviations, one baseline
 * alarm per 8 keys).
 */
export function estate(groups: number, keysPerGroup: number): DashboardInput {
  const hex = (n: number) => n.toString(16).padStart(12, "0");
  const list: DashboardGroup[] = Array.from({ length: groups }, (_, g) => {
    const region = g % 2 === 0 ? "us-east-1" : "eu-west-1";
    const name = `team-${String(g + 1).padStart(4, "0")}`;
    const keys = Array.from({ length: keysPerGroup }, (_, k) => {
      const id = `1234abcd-12ab-34cd-56ef-${hex(g * keysPerGroup + k)}`;
      const found = k === 0 ? importedKey(id, region, "2027-01-01T00:00:00Z") : key(id, region);
      return { ...found, keyUsage: "ENCRYPT_DECRYPT" };
    });
    const baselines = Array.from({ length: Math.ceil(keysPerGroup / 8) }, (_, i) => ({
      name: `kmsmon-prod-${name}-baseline-${i + 1}`,
      region,
    }));
    return {
      name,
      keys,
      alarms: [{ name: `kmsmon-prod-${name}-expiry-${keys[0].keyId}`, region }, ...baselines],
      expiryKeyArns: [keys[0].arn],
      anomalyBandWidth: 2,
    };
  });
  return {
    environment: "prod",
    stackRegion: "us-east-1",
    accountId: ACCOUNT,
    accountAlarms: accountAlarms("prod"),
    groups: list,
  };
}
