/** Builders of key-group models, resolved keys and stacks for the planning tests. */
import type {
  KeyGroupModel,
  KeyRef,
  NotificationTargets,
  StackModel,
} from "../../components/config/model";
import type { ResolvedKey, ResolvedKeyGroup } from "../../components/groups/resolved";
import { keyArn, keyId } from "../builders";

/** Notification targets: one e-mail address. */
export function targets(email: string): NotificationTargets {
  return { emails: [email], https: [], sqs: [], lambda: [] };
}

/** Default routing (no critical override): everything goes to the team's address. */
export const TEAM = targets("team@example.com");
/** Critical override: a pager. */
export const PAGER = targets("pager@example.com");

/** A key named by ARN in a group's config. */
export function keyRef(arn: string): KeyRef {
  const [, partition, , region, accountId, resource] = arn.split(":");
  return { arn, partition, region, accountId, keyId: resource.slice("key/".length) };
}

/** A group model with stack defaults; `critical` adds a critical route to the pager. */
export function groupModel(
  name: string,
  options: Partial<KeyGroupModel> & { critical?: boolean } = {},
): KeyGroupModel {
  const { critical, ...overrides } = options;
  return {
    name,
    description: "",
    keys: [],
    aliases: [],
    tags: {},
    tagRegions: ["us-east-1"],
    importedKeys: [],
    expiryWarningDays: 30,
    notify: critical ? { default: TEAM, critical: PAGER } : { default: TEAM },
    baseline: {
      enabled: true,
      bandWidth: 2,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      periodSeconds: 3600,
    },
    ...overrides,
  };
}

/** A key that KMS described as an enabled AWS_KMS key, unless `overrides` say otherwise. */
export function resolvedKey(arn: string, overrides: Partial<ResolvedKey> = {}): ResolvedKey {
  const [, partition, , region, accountId, resource] = arn.split(":");
  const id = resource.slice("key/".length);
  return {
    arn,
    keyId: id,
    region,
    accountId,
    partition,
    selectedBy: "arn",
    described: true,
    origin: "AWS_KMS",
    keyState: "Enabled",
    keyManager: "CUSTOMER",
    creationDate: "2024-01-15T10:00:00Z",
    multiRegion: id.startsWith("mrk-"),
    aliases: [],
    flaggedImported: false,
    ...overrides,
  };
}

/** A resolved group of `keys`. */
export function resolvedGroup(model: KeyGroupModel, keys: ResolvedKey[]): ResolvedKeyGroup {
  return { model, keys };
}

/** A stack of `groups` whose trail is an existing log group. */
export function stackModel(
  groups: readonly KeyGroupModel[],
  overrides: Partial<StackModel> = {},
): StackModel {
  return {
    environment: "prod",
    region: "us-east-1",
    trail: { mode: "existing", logGroupName: "org-trail" },
    notifications: { default: TEAM },
    security: targets("security@example.com"),
    quotaAlarmPercent: 80,
    keyGroups: [...groups],
    ...overrides,
  };
}

/** Options of {@link estate}. */
export interface EstateOptions {
  groups: number;
  keysPerGroup: number;
  /** Group i lives in regions[i % regions.length]. */
  regions: readonly string[];
  /** Every group routes critical signals to a pager. */
  critical: boolean;
}

/**
 * A large estate: every 10th key holds imported material that expires (origin EXTERNAL, with a
 * validTo); the others are AWS_KMS keys.
 */
export function estate(options: EstateOptions): ResolvedKeyGroup[] {
  const groups: ResolvedKeyGroup[] = [];
  let n = 0;
  for (let g = 0; g < options.groups; g++) {
    const region = options.regions[g % options.regions.length];
    const model = groupModel(`team-${String(g).padStart(4, "0")}`, {
      critical: options.critical,
      tagRegions: [region],
    });
    const keys = Array.from({ length: options.keysPerGroup }, () => {
      n++;
      const imported = n % 10 === 0;
      return resolvedKey(
        keyArn(region, keyId(n)),
        imported
          ? {
              origin: "EXTERNAL",
              validTo: "2030-01-01T00:00:00Z",
              expirationModel: "KEY_MATERIAL_EXPIRES",
            }
          : {},
      );
    });
    groups.push(resolvedGroup(model, keys));
  }
  return groups;
}
