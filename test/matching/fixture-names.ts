/**
 * The twelve KMS CloudTrail examples the evaluator tests are written against (file names without
 * ".json", see test/fixtures/SOURCES.md). The list is fixed so that new fixtures in the folder do
 * not change these tests' expectations.
 */
export const CLOUDTRAIL_EXAMPLES = [
  "CreateGrant",
  "Decrypt",
  "DeleteExpiredKeyMaterial",
  "DeleteKey-cloudhsm-key-store",
  "DisableKey",
  "EnableKey",
  "EnableKeyRotation",
  "Encrypt",
  "GenerateDataKey",
  "ImportKeyMaterial",
  "ReEncrypt",
  "RotateKey",
];
