/**
 * Plausible answers to the provider functions our program calls, for the mock runtime.
 * Key metadata can be overridden per key, or made to fail, to exercise deploy-time faults.
 */

/** What `aws.kms.getKey` returns for a key (only the fields a test cares about). */
export interface KeyDescription {
  arn: string;
  keyId: string;
  origin: "AWS_KMS" | "EXTERNAL" | "AWS_CLOUDHSM" | "EXTERNAL_KEY_STORE";
  keyState: string;
  keyManager: "CUSTOMER" | "AWS";
  keySpec: string;
  keyUsage: string;
  creationDate: string;
  /** RFC 3339 expiry of imported material; "" when it does not expire. */
  validTo: string;
  expirationModel: string;
  customKeyStoreId: string;
  multiRegion: boolean;
  enabled: boolean;
  description: string;
}

/** The fake AWS account the program runs against. */
export interface MockAwsWorld {
  accountId: string;
  region: string;
  partition: string;
  /**
   * Metadata of a key by the `keyId` passed to getKey (an ARN in our program). Return a partial
   * description to override defaults, or throw to simulate a key that cannot be described.
   */
  describeKey?: (keyId: string) => Partial<KeyDescription>;
  /** Keys returned for a tag query, by region: ARN to its tags. */
  taggedKeys?: Record<string, Record<string, Record<string, string>>>;
  /**
   * Alias name (or alias ARN) to target key ARN. A key `<region>/<alias name>` answers only in that
   * region and wins over the plain name: the same alias name can point at different keys per region.
   */
  aliases?: Record<string, string>;
}

/** Answers one invoke, or throws for functions the program is not expected to call. */
export function answerInvoke(token: string, inputs: any, world: MockAwsWorld): Record<string, any> {
  switch (token) {
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return {
        id: world.accountId,
        accountId: world.accountId,
        arn: `arn:${world.partition}:iam::${world.accountId}:user/deployer`,
        userId: "AIDAEXAMPLEUSERID",
      };
    case "aws:index/getRegion:getRegion":
      return {
        id: world.region,
        name: world.region,
        region: world.region,
        description: world.region,
        endpoint: `ec2.${world.region}.amazonaws.com`,
      };
    case "aws:index/getPartition:getPartition":
      return {
        id: world.partition,
        partition: world.partition,
        dnsSuffix: "amazonaws.com",
        reverseDnsPrefix: "com.amazonaws",
      };
    case "aws:kms/getKey:getKey":
      return describeKey(String(inputs.keyId), world);
    case "aws:kms/getAlias:getAlias":
      return describeAlias(String(inputs.name), world);
    case "aws:resourcegroupstaggingapi/getResources:getResources":
      return findTaggedKeys(inputs, world);
    case "aws:organizations/getOrganization:getOrganization":
      return describeOrganization(world);
    case "aws:cloudwatch/getLogGroup:getLogGroup":
      return describeLogGroup(String(inputs.name), world);
    default:
      throw new Error(`the mock runtime has no answer for invoke ${token}`);
  }
}

function describeKey(keyId: string, world: MockAwsWorld): KeyDescription {
  const arn = keyId.startsWith("arn:")
    ? keyId
    : `arn:${world.partition}:kms:${world.region}:${world.accountId}:key/${keyId}`;
  const id = arn.split("/").pop() ?? keyId;
  const defaults: KeyDescription = {
    arn,
    keyId: id,
    origin: "AWS_KMS",
    keyState: "Enabled",
    keyManager: "CUSTOMER",
    keySpec: "SYMMETRIC_DEFAULT",
    keyUsage: "ENCRYPT_DECRYPT",
    creationDate: "2024-01-15T10:00:00Z",
    validTo: "",
    expirationModel: "",
    customKeyStoreId: "",
    multiRegion: id.startsWith("mrk-"),
    enabled: true,
    description: "",
  };
  const override = world.describeKey ? world.describeKey(keyId) : {};
  return { ...defaults, ...override, id: arn } as KeyDescription & { id: string };
}

function describeAlias(name: string, world: MockAwsWorld): Record<string, any> {
  const target = world.aliases?.[`${world.region}/${name}`] ?? world.aliases?.[name];
  if (!target) throw new Error(`NotFoundException: Alias ${name} is not found.`);
  const aliasName = name.startsWith("arn:") ? name.slice(name.indexOf("alias/")) : name;
  return {
    id: name,
    name: aliasName,
    arn: name.startsWith("arn:")
      ? name
      : `arn:${world.partition}:kms:${world.region}:${world.accountId}:${name}`,
    targetKeyArn: target,
    targetKeyId: target.split("/").pop(),
  };
}

function findTaggedKeys(inputs: any, world: MockAwsWorld): Record<string, any> {
  const keys = world.taggedKeys?.[world.region] ?? {};
  const filters: { key: string; values?: string[] }[] = inputs.tagFilters ?? [];
  const matching = Object.entries(keys).filter(([, tags]) =>
    filters.every((f) => f.key in tags && (!f.values?.length || f.values.includes(tags[f.key]))),
  );
  return {
    id: world.region,
    region: world.region,
    resourceTagMappingLists: matching.map(([resourceArn, tags]) => ({
      resourceArn,
      complianceDetails: [],
      tags,
    })),
  };
}

/** The fake organization: the deploying account is its management account. */
export const FAKE_ORGANIZATION_ID = "o-a1b2c3d4e5";

function describeOrganization(world: MockAwsWorld): Record<string, unknown> {
  const { partition: p, accountId: a } = world;
  return {
    id: FAKE_ORGANIZATION_ID,
    arn: `arn:${p}:organizations::${a}:organization/${FAKE_ORGANIZATION_ID}`,
    featureSet: "ALL",
    masterAccountId: a,
    masterAccountArn: `arn:${p}:organizations::${a}:account/${FAKE_ORGANIZATION_ID}/${a}`,
    masterAccountEmail: "management@example.com",
    masterAccountName: "management",
    awsServiceAccessPrincipals: ["cloudtrail.amazonaws.com"],
    enabledPolicyTypes: [],
    accounts: [],
    nonMasterAccounts: [],
    roots: [],
  };
}

/** Any log group exists, unencrypted, with a 365-day retention; its ARN has no `:*` suffix. */
function describeLogGroup(name: string, world: MockAwsWorld): Record<string, unknown> {
  return {
    id: name,
    name,
    arn: `arn:${world.partition}:logs:${world.region}:${world.accountId}:log-group:${name}`,
    creationTime: 1705312800000,
    deletionProtectionEnabled: false,
    kmsKeyId: "",
    logGroupClass: "STANDARD",
    region: world.region,
    retentionInDays: 365,
    tags: {},
  };
}
