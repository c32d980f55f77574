import { expect } from "chai";
import { consoleOrigin, dashboardConsoleUrl } from "../../components/dashboard/text";

describe("dashboard console URLs", () => {
  it("use the console of the stack's partition", () => {
    expect(dashboardConsoleUrl("eu-west-1", "kmsmon-prod")).to.equal(
      "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards:name=kmsmon-prod",
    );
    expect(dashboardConsoleUrl("cn-north-1", "kmsmon-prod", "aws-cn")).to.equal(
      "https://console.amazonaws.cn/cloudwatch/home?region=cn-north-1#dashboards:name=kmsmon-prod",
    );
    expect(consoleOrigin("us-gov-west-1", "aws-us-gov")).to.equal(
      "https://console.amazonaws-us-gov.com",
    );
  });
});
