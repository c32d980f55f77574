/**
 * KmsMonitoringStack's `organization` argument, restating `kms-monitoring:organization`
 * (components/config/organization-schema.ts owns the fields) for the multi-language analyzer,
 * which reads interfaces rather than zod.
 */

/** One member account whose keys groups list. */
export interface OrganizationMember {
  /** The member account's ID. Allowed: a 12-digit account ID (quoted in YAML). Required. */
  accountId: string;
  /** The account's alias or Organizations account name, as on-call knows it: the hub's alerts and dashboard show it with the ID. Allowed: an IAM account alias (3 to 63 lowercase letters, digits, single hyphens) or an Organizations account name (1 to 50 printable ASCII characters). Defaults to none (the ID alone). */
  name?: string;
  /** Regions of the stack's partition where the account's watched keys live. Required. */
  regions: string[];
}

/** How StackSet operations roll out (CloudFormation StackSetOperationPreferences). */
export interface StackSetRollout {
  /** Most accounts (percent of the target accounts, per region) updated at once. Allowed: an integer from 1 to 100. Defaults to `25`. */
  maxConcurrentPercent?: number;
  /** Accounts (percent, per region) that may fail before CloudFormation stops the operation in that region. Allowed: an integer from 0 to 100. Defaults to `10`. */
  failureTolerancePercent?: number;
  /** `STRICT_FAILURE_TOLERANCE` lowers concurrency as failures add up; `SOFT_FAILURE_TOLERANCE` keeps it. Defaults to `"STRICT_FAILURE_TOLERANCE"`. */
  concurrencyMode?: string;
  /** Deploy to every region at once (`PARALLEL`) or one at a time (`SEQUENTIAL`). Defaults to `"PARALLEL"`. */
  regionConcurrency?: string;
}

/** The organization a hub stack watches. */
export interface StackOrganization {
  /** The organization (`aws:PrincipalOrgID`): the hub's bus and sink admit only its accounts. Allowed: an organization ID o-<10 to 32 lowercase letters or digits>. Required. */
  organizationId: string;
  /** OUs (or the root) whose accounts, present and future, get the member StackSet; never the management account. Required. */
  organizationalUnits: string[];
  /** Accounts whose keys the key groups list, with their regions; a group key's account must be listed. Defaults to `[]`. */
  members?: OrganizationMember[];
  /** `DELEGATED_ADMIN` when the hub is a delegated administrator of StackSets, `SELF` in the management account. Defaults to `"DELEGATED_ADMIN"`. */
  callAs?: string;
  /** Every account of the OUs keeps 3 alarms on its own KMS request quotas ($0.30 a month per region, paid by the account), forwarded to the hub's security topic. Off, members have no fixed charge and the hub cannot see a member near its quota. Defaults to `true`. */
  memberQuotaAlarms?: boolean;
  /** Members get the stack's usage bands (`usageBaseline`) too, each paying 3 anomaly alarms ($0.90 a month) per region. Defaults to `false`. */
  memberUsageBands?: boolean;
  /** How StackSet operations roll out; safe defaults. Defaults to the rollout defaults. */
  rollout?: StackSetRollout;
}
