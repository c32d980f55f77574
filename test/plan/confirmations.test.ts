import { expect } from "chai";
import { confirmationsPerRecipient } from "../../tools/plan/confirmations";
import { runCli } from "./helpers";

const PAGER = "https://events.pagerduty.com/integration/4f1c9b2e7a6d4e08b3c5a9f0d2e8b741/enqueue";

/**
 * Counted by hand from Pulumi.prod.yaml: regions us-east-1 and eu-west-1; a group's `notify`
 * fields override the stack's field by field (critical too); critical routing gives each group
 * two topics per region. kms-oncall: payments' critical topics (2), partner-exchange (1 region,
 * 2 routes), platform-secrets (2 regions x 2 routes). The pager: every critical topic but none of
 * customer-data's standard ones (2 + 2 + 1 + 2). The security team: one topic per region.
 */
const EXPECTED_PROD: [string, string, number][] = [
  ["email", "kms-oncall@example.com", 8],
  ["https", PAGER, 7],
  ["email", "data-protection-oncall@example.com", 2],
  ["email", "data-protection@example.com", 2],
  ["email", "payments-platform@example.com", 2],
  ["email", "security-operations@example.com", 2],
];

describe("plan: subscriptions each recipient must confirm", function () {
  this.timeout(60_000);

  it("counts one confirmation per topic for each e-mail and HTTPS recipient (prod)", async () => {
    const run = await runCli(["--stack", "prod"]);
    expect(run.code).to.equal(0);
    const plan = run.report?.run.plan;
    if (!plan) throw new Error("the prod plan failed");
    const rows = confirmationsPerRecipient(plan);
    expect(rows.map((r) => [r.protocol, r.endpoint, r.confirmations])).to.deep.equal(EXPECTED_PROD);
    expect(rows[1].topics).to.deep.equal([
      "eu-west-1/kmsmon-prod-customer-data-critical",
      "eu-west-1/kmsmon-prod-partner-exchange-critical",
      "eu-west-1/kmsmon-prod-payments-critical",
      "eu-west-1/kmsmon-prod-platform-secrets-critical",
      "us-east-1/kmsmon-prod-customer-data-critical",
      "us-east-1/kmsmon-prod-payments-critical",
      "us-east-1/kmsmon-prod-platform-secrets-critical",
    ]);
    expect(run.stdout).to.match(/email\s+kms-oncall@example\.com\s+8/);
    expect(run.stdout).to.include("Subscriptions each recipient must confirm");
  });
});
