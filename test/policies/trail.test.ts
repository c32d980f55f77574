import { expect } from "chai";
import { cloudtrailTrailKmsReady } from "../../policies/cloudtrail-trail-kms-ready";
import { messagesOf, resource } from "./helpers";

const TRAIL = "aws:cloudtrail/trail:Trail";

/** The trail KmsAuditTrail creates, with `changes`. */
function trail(changes: Record<string, unknown> = {}, name = "audit") {
  return resource(TRAIL, name, {
    name: "kmsmon-prod",
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableLogFileValidation: true,
    enableLogging: true,
    s3BucketName: "kmsmon-prod-trail-logs",
    cloudWatchLogsGroupArn:
      "arn:aws:logs:us-east-1:111122223333:log-group:/aws/cloudtrail/kmsmon-prod:*",
    cloudWatchLogsRoleArn: "arn:aws:iam::111122223333:role/kms-trail-delivery-role",
    eventSelectors: [{ includeManagementEvents: true, readWriteType: "All" }],
    ...changes,
  });
}

const management = { field: "eventCategory", equals: ["Management"] };

describe("policy cloudtrail-trail-kms-ready", () => {
  it("passes our trail, default selectors, and an advanced all-management selector", async () => {
    const trails = [
      trail(),
      trail({ eventSelectors: undefined }, "defaults"),
      trail({ eventSelectors: [] }, "empty"),
      trail(
        {
          eventSelectors: undefined,
          advancedEventSelectors: [
            { name: "management", fieldSelectors: [management] },
            { name: "s3-data", fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }] },
          ],
        },
        "advanced",
      ),
    ];
    trails[1].inputs = Object.fromEntries(
      Object.entries(trails[1].inputs).filter(([k]) => k !== "eventSelectors"),
    );
    expect(await messagesOf(cloudtrailTrailKmsReady, trails)).to.deep.equal([]);
  });

  it("reports every problem of a trail unfit for KMS monitoring", async () => {
    const bad = resource(TRAIL, "legacy", {
      name: "legacy",
      s3BucketName: "legacy-trail",
      enableLogging: false,
      enableLogFileValidation: false,
      eventSelectors: [
        {
          includeManagementEvents: true,
          readWriteType: "WriteOnly",
          excludeManagementEventSources: ["kms.amazonaws.com"],
        },
      ],
    });
    expect(await messagesOf(cloudtrailTrailKmsReady, [bad])).to.deep.equal([
      'cloudtrail trail "legacy": isMultiRegionTrail is not set; set isMultiRegionTrail: true so KMS calls in every region are recorded',
      'cloudtrail trail "legacy": enableLogging is false; set enableLogging: true or the trail records nothing',
      'cloudtrail trail "legacy": enableLogFileValidation is false; set enableLogFileValidation: true so tampering with log files can be detected',
      'cloudtrail trail "legacy": eventSelectors[0].excludeManagementEventSources excludes kms.amazonaws.com; remove kms.amazonaws.com from it',
      'cloudtrail trail "legacy": no event selector records all management events; set includeManagementEvents: true and readWriteType: "All" on one',
      'cloudtrail trail "legacy": cloudWatchLogsGroupArn is not set; deliver the trail to a CloudWatch Logs group (cloudWatchLogsGroupArn with its :* suffix, and a cloudWatchLogsRoleArn CloudTrail can assume) so the KMS metric filters see its events',
      'cloudtrail trail "legacy": cloudWatchLogsRoleArn is not set; deliver the trail to a CloudWatch Logs group (cloudWatchLogsGroupArn with its :* suffix, and a cloudWatchLogsRoleArn CloudTrail can assume) so the KMS metric filters see its events',
    ]);
  });

  it("reports advanced selectors that exclude KMS or only record reads", async () => {
    const trails = [
      trail(
        {
          eventSelectors: undefined,
          advancedEventSelectors: [
            {
              name: "no-kms",
              fieldSelectors: [
                management,
                { field: "eventSource", notEquals: ["kms.amazonaws.com"] },
              ],
            },
          ],
        },
        "no-kms",
      ),
      trail(
        {
          eventSelectors: undefined,
          advancedEventSelectors: [
            { fieldSelectors: [management, { field: "readOnly", equals: ["true"] }] },
          ],
        },
        "reads",
      ),
    ];
    expect(await messagesOf(cloudtrailTrailKmsReady, trails)).to.deep.equal([
      'cloudtrail trail "no-kms": advancedEventSelectors[0] excludes eventSource kms.amazonaws.com; remove that field selector',
      'cloudtrail trail "no-kms": no advanced event selector records all management events; add one whose only field selector is eventCategory equals ["Management"]',
      'cloudtrail trail "reads": no advanced event selector records all management events; add one whose only field selector is eventCategory equals ["Management"]',
    ]);
  });

  it("skips values unknown at preview", async () => {
    const t = trail({
      isMultiRegionTrail: undefined,
      cloudWatchLogsGroupArn: undefined,
      cloudWatchLogsRoleArn: undefined,
      eventSelectors: [{ includeManagementEvents: undefined, readWriteType: "All" }],
    });
    expect(await messagesOf(cloudtrailTrailKmsReady, [t])).to.deep.equal([]);
  });
});
