/**
 * The schema of `kms-monitoring:organization`: the stack becomes the hub of an AWS Organization
 * (the security or monitoring account, usually the delegated administrator), and a StackSet rolls
 * the member part out to every account of the listed OUs. Absent, the stack watches one account.
 */
import { z } from "zod";

import { DEFAULTS } from "./constants";
import { bool, checkedText, list, numberIn, refined, regionIn, strictObject } from "./fields";
import { quote } from "./text";
import type { ValueContext } from "./values";

/** AWS Organizations IDs: `o-` and 10 to 32 lowercase letters or digits. */
const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
/** An OU (`ou-<root>-<ou>`) or the organization's root (`r-<id>`), as StackSet targets take. */
const OU_ID = /^(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32})$/;
const ACCOUNT_ID = /^\d{12}$/;
/** IAM CreateAccountAlias: 3 to 63 lowercase letters, digits and single inner hyphens. */
const IAM_ACCOUNT_ALIAS = /^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/;
/** Organizations CreateAccount AccountName: 1 to 50 printable ASCII characters. */
const ORGANIZATIONS_ACCOUNT_NAME = /^[\u0020-\u007E]{1,50}$/;
const ACCOUNT_NAME_RULE =
  "an IAM account alias (3 to 63 lowercase letters, digits, single hyphens) or an Organizations account name (1 to 50 printable ASCII characters)";

/** Who calls the StackSet APIs: the management account (SELF) or a delegated administrator. */
export const CALL_AS = ["SELF", "DELEGATED_ADMIN"] as const;
/** StackSet region concurrency: every region at once, or one after another. */
export const REGION_CONCURRENCY = ["PARALLEL", "SEQUENTIAL"] as const;
/** StackSet concurrency modes (CloudFormation StackSetOperationPreferences.ConcurrencyMode). */
export const CONCURRENCY_MODES = ["STRICT_FAILURE_TOLERANCE", "SOFT_FAILURE_TOLERANCE"] as const;

function matching(pattern: RegExp, expected: string) {
  return checkedText(expected, (value) =>
    pattern.test(value) ? undefined : `${quote(value)} is not ${expected}`,
  ).meta({ allowed: expected });
}

/** `schema`, a list, refused when empty; `item` names one item. */
function nonEmpty<T extends z.ZodType<unknown[]>>(schema: T, item: string): T {
  return refined(schema, (values) =>
    (values as unknown[]).length === 0 ? `empty (expected at least one ${item})` : undefined,
  );
}

/** One member account whose keys groups list, with the regions its keys live in. */
function memberSchema(context: ValueContext) {
  return strictObject(
    {
      accountId: matching(ACCOUNT_ID, "a 12-digit account ID (quoted in YAML)").describe(
        "The member account's ID.",
      ),
      name: checkedText(ACCOUNT_NAME_RULE, (value) =>
        IAM_ACCOUNT_ALIAS.test(value) || ORGANIZATIONS_ACCOUNT_NAME.test(value)
          ? undefined
          : `${quote(value)} is not ${ACCOUNT_NAME_RULE}`,
      )
        .meta({ allowed: ACCOUNT_NAME_RULE })
        .optional()
        .meta({
          description:
            "The account's alias or Organizations account name, as on-call knows it: the hub's alerts and dashboard show it with the ID.",
          default: "none (the ID alone)",
        }),
      regions: nonEmpty(
        list(regionIn(context.partition), "region codes", { identity: (v) => v }),
        "region code",
      ).describe("Regions of the stack's partition where the account's watched keys live."),
    },
    "a member account",
  );
}

/** How a StackSet operation rolls out (CloudFormation StackSetOperationPreferences). */
function rolloutSchema() {
  return strictObject(
    {
      maxConcurrentPercent: numberIn({ min: 1, max: 100, integer: true })
        .default(DEFAULTS.organization.maxConcurrentPercent)
        .describe("Most accounts (percent of the target accounts, per region) updated at once."),
      failureTolerancePercent: numberIn({ min: 0, max: 100, integer: true })
        .default(DEFAULTS.organization.failureTolerancePercent)
        .describe(
          "Accounts (percent, per region) that may fail before CloudFormation stops the operation in that region.",
        ),
      concurrencyMode: z
        .enum(CONCURRENCY_MODES)
        .default(DEFAULTS.organization.concurrencyMode)
        .describe(
          "`STRICT_FAILURE_TOLERANCE` lowers concurrency as failures add up; `SOFT_FAILURE_TOLERANCE` keeps it.",
        ),
      regionConcurrency: z
        .enum(REGION_CONCURRENCY)
        .default(DEFAULTS.organization.regionConcurrency)
        .describe("Deploy to every region at once (`PARALLEL`) or one at a time (`SEQUENTIAL`)."),
    },
    "StackSet rollout settings",
  );
}

/** `kms-monitoring:organization`: the hub of an organization; absent for one account. */
export function organizationSchema(context: ValueContext) {
  return strictObject(
    {
      organizationId: matching(
        ORGANIZATION_ID,
        "an organization ID o-<10 to 32 lowercase letters or digits>",
      ).describe(
        "The organization (`aws:PrincipalOrgID`): the hub's bus and sink admit only its accounts.",
      ),
      organizationalUnits: nonEmpty(
        list(matching(OU_ID, "an OU ID ou-<root>-<ou> or a root ID r-<id>"), "OU IDs", {
          identity: (v) => v,
        }),
        "OU ID",
      ).describe(
        "OUs (or the root) whose accounts, present and future, get the member StackSet; never the management account.",
      ),
      members: list(memberSchema(context), "member accounts", { identity: (m) => m.accountId })
        .default([])
        .describe(
          "Accounts whose keys the key groups list, with their regions; a group key's account must be listed.",
        ),
      callAs: z
        .enum(CALL_AS)
        .default(DEFAULTS.organization.callAs)
        .describe(
          "`DELEGATED_ADMIN` when the hub is a delegated administrator of StackSets, `SELF` in the management account.",
        ),
      memberQuotaAlarms: bool()
        .default(DEFAULTS.organization.memberQuotaAlarms)
        .describe(
          "Every account of the OUs keeps 3 alarms on its own KMS request quotas ($0.30 a month per region, paid by the account), forwarded to the hub's security topic. Off, members have no fixed charge and the hub cannot see a member near its quota.",
        ),
      memberUsageBands: bool()
        .default(DEFAULTS.organization.memberUsageBands)
        .describe(
          "Members get the stack's usage bands (`usageBaseline`) too, each paying 3 anomaly alarms ($0.90 a month) per region.",
        ),
      rollout: rolloutSchema().prefault({}).meta({
        description: "How StackSet operations roll out; safe defaults.",
        default: "the rollout defaults",
      }),
    },
    "organization settings",
  );
}

/** The parsed `kms-monitoring:organization`. */
export type OrganizationModel = z.output<ReturnType<typeof organizationSchema>>;
