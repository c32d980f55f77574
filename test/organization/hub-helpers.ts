/**
 * The organization example (Pulumi.org.yaml) under the mock runtime, and how its tests follow a
 * member's event: fixture records rewritten into a member account and region, the member's
 * forwarding pattern from the StackSet's template, and the hub bus rules an event reaches.
 */
import { readFileSync } from "fs";
import { join } from "path";

import {
  applyInputTransformer,
  matchesEventPattern,
  type CloudTrailRecord,
  type EventPattern,
} from "../../tools/matching";
import { loadStackConfig } from "../config/helpers";
import type { MockRun, RecordedResource } from "../harness/mock-runtime";
import { parsedInputs, regionOf, runStack } from "../program/helpers";

export const HUB = "111122223333";
export const ORG = "o-a1b2c3d4e5";
export const KEYS = {
  paymentsUsEast1: ["222233334444", "us-east-1", "7b1e4c2a-9d3f-4a68-b5e0-c1d2e3f4a5b6"],
  paymentsUsWest2: ["222233334444", "us-west-2", "2c3d4e5f-6a7b-4c8d-9e0f-a1b2c3d4e5f7"],
  analyticsEuWest1: ["333344445555", "eu-west-1", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6e"],
  analyticsUsEast1: ["333344445555", "us-east-1", "4d5e6f7a-8b9c-4d0e-a1f2-b3c4d5e6f7a8"],
} as const;

let memo: Promise<MockRun<unknown>> | undefined;
/** The organization example under the mock runtime, run once for every test file. */
export const orgRun = () => (memo ??= runStack(loadStackConfig("org"), { stack: "org" }));

/** A fixture record, rewritten as if it happened in `account` and `region` on `keyId`. */
export function recordIn(
  file: string,
  account: string,
  region: string,
  keyId?: string,
): CloudTrailRecord {
  const text = readFileSync(join(__dirname, "..", "fixtures", "cloudtrail", file), "utf8");
  const record = JSON.parse(text.replace(/\b\d{12}\b/g, account));
  record.awsRegion = region;
  record.recipientAccountId = account;
  if (keyId !== undefined) {
    const arn = `arn:aws:kms:${region}:${account}:key/${keyId}`;
    record.resources = [{ ARN: arn, accountId: account }];
    if (record.requestParameters) record.requestParameters.keyId = keyId;
  }
  return record as CloudTrailRecord;
}

/** The member template's forwarding pattern, read from the StackSet's template body. */
export async function memberPattern(): Promise<EventPattern> {
  const [stackSet] = (await orgRun()).ofType("aws:cloudformation/stackSet:StackSet");
  const template = JSON.parse(stackSet.inputs.templateBody);
  return template.Resources.ForwardRule.Properties.EventPattern;
}

/** Resources of `type` in `region`. */
export function inRegion(run: MockRun<unknown>, type: string, region: string): RecordedResource[] {
  return run.ofType(type).filter((r) => regionOf(run, r) === region);
}

/** The topics the hub's rules in `region` send `event` to, by rule name. */
export function hubRoutes(
  run: MockRun<unknown>,
  region: string,
  event: unknown,
): Record<string, string> {
  const rules = inRegion(run, "aws:cloudwatch/eventRule:EventRule", region).filter(
    (r) => r.inputs.eventBusName === "kmsmon-sec-org",
  );
  const targets = inRegion(run, "aws:cloudwatch/eventTarget:EventTarget", region);
  const routes: Record<string, string> = {};
  for (const rule of rules) {
    if (!matchesEventPattern(parsedInputs(rule).eventPattern as EventPattern, event)) continue;
    for (const target of targets.filter((t) => t.inputs.rule === rule.inputs.name)) {
      routes[rule.inputs.name] = (target.inputs.arn as string).split(":").pop() as string;
    }
  }
  return routes;
}

/** The text each hub rule in `region` matching `event` sends, by rule name. */
export function hubMessages(run: MockRun<unknown>, region: string, event: object): string[] {
  const targets = inRegion(run, "aws:cloudwatch/eventTarget:EventTarget", region);
  return Object.keys(hubRoutes(run, region, event)).map((rule) => {
    const target = targets.find((t) => t.inputs.rule === rule)!;
    return applyInputTransformer(target.inputs.inputTransformer, event);
  });
}
