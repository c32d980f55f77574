import { expect } from "chai";
import {
  ALERT_HTTP_RETRY_POLICY,
  alertDeliveryPolicy,
  childSuffixOf,
  retrySecondsBound,
  subscriptionSpecs,
} from "../../components/alerts";
import { ACCOUNT, REGION } from "../builders";
import { NO_TARGETS, TARGETS } from "./helpers";
import { AWS_LIMITS } from "../../components/core/limits";

describe("subscriptionSpecs", () => {
  it("lists one subscription per target, e-mails first, then HTTPS, SQS and Lambda", () => {
    expect(subscriptionSpecs(TARGETS)).to.deep.equal([
      {
        protocol: "email",
        endpoint: "secops@example.com",
        childSuffix: "email-92a93735",
        monthlyCostUsd: 0,
        quotas: [],
      },
      {
        protocol: "email",
        endpoint: "oncall@example.com",
        childSuffix: "email-a40ca514",
        monthlyCostUsd: 0,
        quotas: [],
      },
      {
        protocol: "https",
        endpoint: "https://events.pager.example/integration/abc/enqueue",
        childSuffix: "https-1daccf3d",
        monthlyCostUsd: 0,
        quotas: [],
      },
      {
        protocol: "sqs",
        endpoint: `arn:aws:sqs:${REGION}:${ACCOUNT}:siem-intake`,
        childSuffix: "sqs-2ad7cdef",
        monthlyCostUsd: 0,
        quotas: [],
      },
      {
        protocol: "lambda",
        endpoint: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:kms-alert-router:live`,
        childSuffix: "lambda-3a9de298",
        monthlyCostUsd: 0,
        quotas: [],
      },
    ]);
  });

  it("counts nothing for no targets, and treats a missing list as empty", () => {
    expect(subscriptionSpecs(NO_TARGETS)).to.deep.equal([]);
    const onlyEmails = { emails: ["a@example.com"] } as unknown as typeof NO_TARGETS;
    expect(subscriptionSpecs(onlyEmails).map((s) => s.protocol)).to.deep.equal(["email"]);
  });

  it("derives a suffix from protocol and endpoint only, not from the position", () => {
    const reversed = { ...TARGETS, emails: [...TARGETS.emails].reverse() };
    const suffixes = (t: typeof TARGETS) => new Set(subscriptionSpecs(t).map((s) => s.childSuffix));
    expect(suffixes(reversed)).to.deep.equal(suffixes(TARGETS));
    expect(childSuffixOf("email", "secops@example.com")).to.equal("email-92a93735");
    expect(childSuffixOf("https", "secops@example.com")).to.not.equal("https-92a93735");
  });
});

describe("alert topic delivery policy", () => {
  it("retries HTTPS at least 10 times with exponential backoff", () => {
    expect(ALERT_HTTP_RETRY_POLICY.numRetries).to.be.at.least(10);
    expect(ALERT_HTTP_RETRY_POLICY.backoffFunction).to.equal("exponential");
    expect(JSON.parse(alertDeliveryPolicy())).to.deep.equal({
      http: {
        defaultHealthyRetryPolicy: ALERT_HTTP_RETRY_POLICY,
        disableSubscriptionOverrides: false,
      },
    });
  });

  it("keeps within the limits SNS enforces", () => {
    const p = ALERT_HTTP_RETRY_POLICY;
    expect(p.numNoDelayRetries + p.numMinDelayRetries + p.numMaxDelayRetries).to.be.at.most(
      p.numRetries,
    );
    expect(p.numRetries).to.be.at.most(100);
    expect(p.minDelayTarget).to.be.within(1, p.maxDelayTarget);
    expect(p.maxDelayTarget).to.be.at.most(AWS_LIMITS.snsHttpRetrySeconds);
    expect(retrySecondsBound(p)).to.equal(3040);
    expect(retrySecondsBound(p)).to.be.at.most(AWS_LIMITS.snsHttpRetrySeconds);
  });
});
