/**
 * kms-keys-covered-by-monitoring: every KMS key a stack creates is watched. In a stack with
 * kms-monitoring, by one of its key groups, selected by ARN, by an alias that targets it, or by
 * tags. In a stack that watches KMS with its own filters, rules or alarms (whoever built them),
 * by one of those that sees the key's events. `kmsMonitoringResourcesOnly` applies the policy to
 * stacks with kms-monitoring only (unless requireMonitoringInStack).
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { knownString } from "./lib/known";
import { KmsWatch, oursOnly, SCOPE_SCHEMA, ScopeConfig } from "./lib/kms-watch";
import {
  aliasesOf,
  GroupSelectors,
  groupCovers,
  groupSelectors,
  KEY_GROUP_MONITOR_TYPE,
} from "./lib/key-coverage";
import { quoted } from "./lib/resource-policy";
import { StackResource, StackView } from "./lib/stack-view";
import { anyTri } from "./lib/tri";
import { TOKENS } from "../components/core/tokens";

/** Config of {@link kmsKeysCoveredByMonitoring}. */
export interface KmsKeysCoveredConfig extends ScopeConfig {
  /** Logical names of keys not to check. */
  exemptKeyNames: string[];
  /**
   * Skip the keys of the monitoring itself (trail and alert-topic keys under a kms-monitoring
   * component); the account-wide alarms already watch them.
   */
  exemptMonitoringKeys: boolean;
  /** Also report keys of stacks that have no kms-monitoring at all. */
  requireMonitoringInStack: boolean;
}

/** Key types a stack can create. */
export const KEY_TYPES = [
  "aws:kms/key:Key",
  "aws:kms/externalKey:ExternalKey",
  "aws:kms/replicaKey:ReplicaKey",
  "aws:kms/replicaExternalKey:ReplicaExternalKey",
];

/** Our facade; a stack with it but no group (no keys resolved yet) still counts as monitored. */
const KMS_MONITORING_TYPE = TOKENS.KmsMonitoring;

/** Every key created in the stack is selected by one of its key groups. */
export const kmsKeysCoveredByMonitoring: StackValidationPolicy = {
  name: "kms-keys-covered-by-monitoring",
  description:
    "Every KMS key the stack creates is watched by a kms-monitoring key group of the same " +
    "stack: its ARN is in the group's keys, an alias targeting it is in the group's aliases, or " +
    "it carries all of the group's tags; in a stack that watches KMS with its own metric " +
    "filters, aws.kms rules or AWS/KMS alarms, by one of those that sees the key's events.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      exemptKeyNames: { type: "array", items: { type: "string" }, default: [] },
      exemptMonitoringKeys: { type: "boolean", default: true },
      requireMonitoringInStack: { type: "boolean", default: false },
      ...SCOPE_SCHEMA,
    },
  },
  validateStack: (args, report) => {
    const config = args.getConfig<KmsKeysCoveredConfig>();
    const view = new StackView(args.resources);
    const monitored = view.has(KMS_MONITORING_TYPE, KEY_GROUP_MONITOR_TYPE);
    const watch = new KmsWatch(view, oursOnly(config));
    const ownWatchers = !monitored && !watch.oursOnly && watch.any;
    if (!monitored && !ownWatchers && !config.requireMonitoringInStack) {
      args.notApplicable("the stack has no kms-monitoring key groups and watches no KMS events");
    }
    const groups = groupSelectors(view);
    for (const key of view.ofType(...KEY_TYPES)) {
      if (config.exemptKeyNames.includes(key.name)) continue;
      if (config.exemptMonitoringKeys && key.ours) continue;
      if (ownWatchers) {
        if (watch.watchesKey(key) !== false) continue;
        report(
          `kms key ${quoted(key.name)} is not watched: the stack's KMS metric filters, aws.kms ` +
            "rules and AWS/KMS alarms all name other keys; add the key to one of them, or " +
            "watch it with a kms-monitoring key group",
          key.urn,
        );
        continue;
      }
      if (!monitored) {
        report(
          `kms key ${quoted(key.name)} is not watched: the stack has no kms-monitoring; add ` +
            "KmsMonitoring with a group in kms-monitoring:keyGroups that selects the key by " +
            "ARN, alias or tags",
          key.urn,
        );
        continue;
      }
      if (anyTri(groups.map((g) => groupCovers(view, g, key))) !== false) continue;
      report(uncoveredMessage(view, key, groups), key.urn);
    }
  },
};

function uncoveredMessage(view: StackView, key: StackResource, groups: GroupSelectors[]): string {
  const arn = knownString(key.props.arn);
  const aliases = aliasesOf(view, key).flatMap((a) =>
    a.targets === true ? (knownString(a.alias.props.name) ?? []) : [],
  );
  const names = groups.length > 0 ? groups.map((g) => g.name).join(", ") : "none";
  return (
    `kms key ${quoted(key.name)} is not watched by any key group of this stack ` +
    `(groups: ${names}); add its ARN${arn ? ` (${arn})` : ""} to a group's keys, ` +
    `${aliases.length > 0 ? `one of its aliases (${aliases.join(", ")})` : "an alias of it"} ` +
    "to a group's aliases, or a group's tags to the key, in kms-monitoring:keyGroups"
  );
}
