/**
 * audit-bucket-protected: the S3 bucket a trail writes to must outlive a careless destroy and
 * must never become public. In scope: buckets a Trail's s3BucketName refers to, and our buckets.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { isUnknown } from "./lib/known";
import { quoted } from "./lib/resource-policy";
import { sameAs, StackResource, StackView } from "./lib/stack-view";
import { anyTri, Tri } from "./lib/tri";

const BUCKET_TYPES = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
const TRAIL_TYPE = "aws:cloudtrail/trail:Trail";
const ACCESS_BLOCK_TYPE = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";

/** The four settings that together keep a bucket private. */
export const PUBLIC_ACCESS_FLAGS = [
  "blockPublicAcls",
  "blockPublicPolicy",
  "ignorePublicAcls",
  "restrictPublicBuckets",
];

/** Audit log buckets cannot be force-destroyed and block all public access. */
export const auditBucketProtected: StackValidationPolicy = {
  name: "audit-bucket-protected",
  description:
    "S3 buckets that receive a CloudTrail trail (or belong to kms-monitoring) do not set " +
    "forceDestroy: true and have a BucketPublicAccessBlock with all four flags true.",
  enforcementLevel: "mandatory",
  validateStack: (args, report) => {
    const view = new StackView(args.resources);
    for (const { bucket, trail } of bucketsInScope(view)) {
      const subject = `s3 bucket ${quoted(bucket.name)}${trail ? ` (receives trail ${quoted(trail.name)})` : ""}`;
      if (bucket.props.forceDestroy === true) {
        report(
          `${subject}: forceDestroy is true; remove it (or set it to false) so destroying the ` +
            "stack cannot delete the audit logs",
          bucket.urn,
        );
      }
      const problem = publicAccessProblem(view, bucket);
      if (problem) report(`${subject}: ${problem}`, bucket.urn);
    }
  },
};

/** Buckets a trail writes to (with the trail), then our other buckets. */
function bucketsInScope(view: StackView): { bucket: StackResource; trail?: StackResource }[] {
  const trails = view.ofType(TRAIL_TYPE);
  return view.ofType(...BUCKET_TYPES).flatMap((bucket) => {
    const ids = sameAs(bucket, "bucket", "id");
    const trail = trails.find((t) => view.refersTo(t, "s3BucketName", bucket, ids) === true);
    return trail || bucket.ours ? [{ bucket, trail }] : [];
  });
}

/** What is missing in the bucket's public access block, or undefined when nothing (or unknown). */
function publicAccessProblem(view: StackView, bucket: StackResource): string | undefined {
  const ids = sameAs(bucket, "bucket", "id");
  const blocks = view
    .ofType(ACCESS_BLOCK_TYPE)
    .map((block) => ({ block, refers: view.refersTo(block, "bucket", bucket, ids) }))
    .filter((b) => b.refers !== false);
  const complete = (block: StackResource): Tri => {
    const values = PUBLIC_ACCESS_FLAGS.map((f) => block.props[f]);
    if (values.some((v) => v !== true && !isUnknown(v))) return false;
    return values.some(isUnknown) ? "unknown" : true;
  };
  if (anyTri(blocks.map((b) => (b.refers === true ? complete(b.block) : "unknown"))) !== false) {
    return undefined;
  }
  const attached = blocks.filter((b) => b.refers === true);
  if (attached.length === 0) {
    return (
      "no BucketPublicAccessBlock; add one with blockPublicAcls, blockPublicPolicy, " +
      "ignorePublicAcls and restrictPublicBuckets all true"
    );
  }
  const block = attached[0].block;
  const off = PUBLIC_ACCESS_FLAGS.filter(
    (f) => block.props[f] !== true && !isUnknown(block.props[f]),
  );
  return (
    `its BucketPublicAccessBlock ${quoted(block.name)} leaves ${off.join(", ")} not true; ` +
    "set all four flags to true"
  );
}
