/**
 * imported-key-material-expiry: a key with imported material stops working when the material
 * expires. Its `validTo` must lie at least minimumHorizonDays ahead, and a CloudWatch alarm on
 * the key's AWS/KMS SecondsUntilKeyMaterialExpiration metric must exist in the stack.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { now } from "./lib/clock";
import { isUnknown, knownString } from "./lib/known";
import { quoted } from "./lib/resource-policy";
import { sameAs, StackResource, StackView } from "./lib/stack-view";
import { anyTri, Tri } from "./lib/tri";

/** Config of {@link importedKeyMaterialExpiry}. */
export interface ImportedKeyMaterialExpiryConfig {
  /** Days the material must stay valid from now. */
  minimumHorizonDays: number;
}

/** Key types whose material is imported. */
export const IMPORTED_KEY_TYPES = [
  "aws:kms/externalKey:ExternalKey",
  "aws:kms/replicaExternalKey:ReplicaExternalKey",
];

const METRIC_ALARM_TYPE = "aws:cloudwatch/metricAlarm:MetricAlarm";
const DAY_MS = 86_400_000;

/** Imported key material stays valid long enough and its expiry is alarmed on. */
export const importedKeyMaterialExpiry: StackValidationPolicy = {
  name: "imported-key-material-expiry",
  description:
    "KMS keys with imported material that expires (validTo) stay valid for at least " +
    "minimumHorizonDays (default 30) and have a CloudWatch alarm on AWS/KMS " +
    "SecondsUntilKeyMaterialExpiration for the key in the stack.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      minimumHorizonDays: { type: "integer", minimum: 1, default: 30 },
    },
  },
  validateStack: (args, report) => {
    const { minimumHorizonDays } = args.getConfig<ImportedKeyMaterialExpiryConfig>();
    const view = new StackView(args.resources);
    for (const key of view.ofType(...IMPORTED_KEY_TYPES)) {
      const validTo = key.props.validTo;
      if (validTo === undefined || isUnknown(validTo) || typeof validTo !== "string") continue;
      const subject = `imported key ${quoted(key.name)}`;
      const expires = Date.parse(validTo);
      if (Number.isNaN(expires)) {
        report(`${subject}: validTo ${quoted(validTo)} is not an RFC 3339 time`, key.urn);
        continue;
      }
      const days = Math.floor((expires - now().getTime()) / DAY_MS);
      if (days < minimumHorizonDays) {
        const when = days < 0 ? `expired ${-days} days ago` : `expires in ${days} days`;
        report(
          `${subject}: key material ${when} (validTo ${validTo}); import new material with a ` +
            `validTo at least ${minimumHorizonDays} days ahead, or none, before the key stops working`,
          key.urn,
        );
      }
      if (hasExpiryAlarm(view, key) === false) {
        report(
          `${subject}: no CloudWatch alarm watches its key material expiry; add a MetricAlarm ` +
            "on namespace AWS/KMS, metric SecondsUntilKeyMaterialExpiration, dimension KeyId " +
            "set to this key's ID, with an action that tells someone",
          key.urn,
        );
      }
    }
  },
};

/** Whether an alarm on the key's SecondsUntilKeyMaterialExpiration metric is in the stack. */
function hasExpiryAlarm(view: StackView, key: StackResource): Tri {
  const ids = sameAs(key, "keyId", "id", "arn");
  return anyTri(
    view.ofType(METRIC_ALARM_TYPE).map((alarm): Tri => {
      const { namespace, metricName, dimensions } = alarm.props;
      if (isUnknown(namespace) || isUnknown(metricName)) return "unknown";
      if (namespace !== "AWS/KMS" || metricName !== "SecondsUntilKeyMaterialExpiration") {
        return false;
      }
      // propertyDependencies are per top-level property: dimensions depending on the key counts.
      if (view.dependenciesOf(alarm, "dimensions").some((d) => d.urn === key.urn)) return true;
      if (isUnknown(dimensions)) return "unknown";
      const keyId = dimensions?.KeyId;
      if (isUnknown(keyId))
        return view.dependenciesOf(alarm, "dimensions").length ? false : "unknown";
      const id = knownString(keyId);
      return id !== undefined && ids(id);
    }),
  );
}
