/**
 * kms-key-rotation-enabled: symmetric customer managed keys rotate their key material yearly.
 * AWS cannot rotate asymmetric, HMAC, imported (aws:kms/externalKey) or custom key store keys, so
 * those are exempt.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { isUnknown } from "./lib/known";
import { quoted, validateTypes } from "./lib/resource-policy";

/** The only key spec KMS rotates automatically. */
const SYMMETRIC = "SYMMETRIC_DEFAULT";

/** Symmetric KMS keys have automatic rotation on. */
export const kmsKeyRotationEnabled: ResourceValidationPolicy = {
  name: "kms-key-rotation-enabled",
  description:
    "Symmetric customer managed KMS keys (keySpec SYMMETRIC_DEFAULT) set enableKeyRotation: " +
    "true; asymmetric, HMAC, imported and custom key store keys are exempt.",
  enforcementLevel: "mandatory",
  validateResource: validateTypes(["aws:kms/key:Key"], (props, args, report) => {
    // keySpec replaced customerMasterKeySpec; either may be set.
    const spec = props.keySpec ?? props.customerMasterKeySpec;
    if (isUnknown(spec) || (spec !== undefined && spec !== SYMMETRIC)) return;
    // Keys in a CloudHSM or external key store cannot rotate automatically.
    if (props.customKeyStoreId !== undefined) return;
    const rotation = props.enableKeyRotation;
    if (rotation === true || isUnknown(rotation)) return;
    const now = rotation === undefined ? "is not set" : `is ${JSON.stringify(rotation)}`;
    report(
      `kms key ${quoted(args.name)}: enableKeyRotation ${now}; set enableKeyRotation: true so ` +
        "KMS rotates the material of this symmetric key every year",
    );
  }),
};
