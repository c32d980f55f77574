import { expect } from "chai";

import { ConfigError, formatConfigIssues } from "../../components/config";
import { renderPath } from "../../components/config/errors";
import { editDistance, nearestName } from "../../components/config/text";

describe("config: error text helpers", () => {
  it("measures edit distance", () => {
    expect(editDistance("keyGroup", "keyGroups")).to.equal(1);
    expect(editDistance("kitten", "sitting")).to.equal(3);
    expect(editDistance("", "abc")).to.equal(3);
  });

  it("suggests only near names, ignoring case", () => {
    expect(nearestName("keygroups", ["trail", "keyGroups"])).to.equal("keyGroups");
    expect(nearestName("sns", ["emails", "https", "sqs", "lambda"])).to.equal("sqs");
    expect(nearestName("pagerDuty", ["trail", "keyGroups", "security"])).to.equal(undefined);
  });

  it("renders paths relative to a config key", () => {
    expect(renderPath("keyGroups", [2, "keys", 0])).to.equal("keyGroups[2].keys[0]");
    expect(renderPath("notifications", ["critical", "https", 0])).to.equal(
      "notifications.critical.https[0]",
    );
    expect(renderPath("keyGroups", [0, "tags", "aws:owner"])).to.equal(
      'keyGroups[0].tags["aws:owner"]',
    );
  });

  it("formats a single issue with a singular summary", () => {
    const issues = [{ path: "quotaAlarmPercent", message: "150 is out of range" }];
    expect(formatConfigIssues(issues)).to.equal(
      "Invalid kms-monitoring stack config, 1 problem (see docs/CONFIG.md):\n  quotaAlarmPercent: 150 is out of range",
    );
    const error = new ConfigError(issues);
    expect(error.name).to.equal("ConfigError");
    expect(error.issues).to.deep.equal(issues);
  });
});
