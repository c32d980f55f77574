/**
 * AWS list prices of traffic (events, log data, notifications, requests) the cost estimate uses,
 * as data: one record per price, each with the page it comes from and when it was read. What the
 * stack's resources cost (alarms, dashboards, keys, custom metrics) is the stack plan's, priced by
 * components/alarms/pricing.ts and the planners. Region: us-east-1 (US East, N. Virginia); other regions differ
 * by a few percent. Free tiers are recorded where AWS gives one, and applied only where the
 * estimate says so.
 */

/** The region the prices are for. */
export const PRICING_REGION = "us-east-1";

/** When the prices were read from the pages below. */
const READ = "2025 (AWS pricing pages as published 2023-2025)";

/** The pricing page of CloudWatch (alarms, dashboards, metrics, logs). */
export const CLOUDWATCH = "https://aws.amazon.com/cloudwatch/pricing/";
const CLOUDTRAIL = "https://aws.amazon.com/cloudtrail/pricing/";
const SNS = "https://aws.amazon.com/sns/pricing/";
/** The pricing page of KMS (keys, requests). */
export const KMS = "https://aws.amazon.com/kms/pricing/";

/** One price: `usd` for every `per` units of `unit`. */
export interface Price {
  /** What is paid for. */
  what: string;
  usd: number;
  /** How many units `usd` buys (100,000 notifications, say). */
  per: number;
  unit: string;
  /** Units free each month, per account, when AWS gives a free tier. */
  freePerMonth?: number;
  /** The pricing page. */
  source: string;
  /** When it was read. */
  read: string;
}

/** Every price the estimate knows, by ID. */
export const PRICES = {
  logsIngestion: {
    what: "CloudWatch Logs ingestion (standard class)",
    usd: 0.5,
    per: 1,
    unit: "GB",
    freePerMonth: 5,
    source: CLOUDWATCH,
    read: READ,
  },
  logsStorage: {
    what: "CloudWatch Logs storage",
    usd: 0.03,
    per: 1,
    unit: "GB-month",
    source: CLOUDWATCH,
    read: READ,
  },
  cloudTrailExtraCopy: {
    what: "CloudTrail management events, additional copy",
    usd: 2,
    per: 100_000,
    unit: "events",
    source: CLOUDTRAIL,
    read: READ,
  },
  snsEmail: {
    what: "SNS e-mail notifications",
    usd: 2,
    per: 100_000,
    unit: "notifications",
    freePerMonth: 1_000,
    source: SNS,
    read: READ,
  },
  snsHttps: {
    what: "SNS HTTP/S notifications",
    usd: 0.6,
    per: 1_000_000,
    unit: "notifications",
    freePerMonth: 100_000,
    source: SNS,
    read: READ,
  },
  snsFreeDelivery: {
    what: "SNS deliveries to SQS and Lambda",
    usd: 0,
    per: 1,
    unit: "notifications",
    source: SNS,
    read: READ,
  },
  snsPublish: {
    what: "SNS publishes (standard topics)",
    usd: 0.5,
    per: 1_000_000,
    unit: "requests",
    freePerMonth: 1_000_000,
    source: SNS,
    read: READ,
  },
  kmsRequests: {
    what: "KMS requests (symmetric)",
    usd: 0.03,
    per: 10_000,
    unit: "requests",
    freePerMonth: 20_000,
    source: KMS,
    read: READ,
  },
} as const satisfies Record<string, Price>;

/** ID of a price in {@link PRICES}. */
export type PriceId = keyof typeof PRICES;
