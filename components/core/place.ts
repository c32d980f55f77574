/**
 * The account "place" a stack deploys to: account, partition and region. The facade looks it up
 * once and hands it down; a component used on its own looks up what it needs itself (accountOf,
 * placeOf), with its own provider.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** The account and partition of a provider. */
export interface AccountRef {
  accountId: string;
  partition: string;
}

/** Where resources are created: the account, partition and region of the deploying provider. */
export interface AccountPlace extends AccountRef {
  region: string;
}

/**
 * The account a component was given, or, when used on its own, its provider's account, looked up
 * with `{ parent }` (so an explicit regional provider answers, not the default one).
 *
 * @param given - the account handed down by the facade, if any.
 * @param parent - the component.
 */
export function accountOf(
  given: AccountRef | undefined,
  parent: pulumi.Resource,
): pulumi.Output<AccountRef> {
  if (given) return pulumi.output({ accountId: given.accountId, partition: given.partition });
  const opts = { parent };
  return pulumi
    .all([aws.getPartitionOutput({}, opts), aws.getCallerIdentityOutput({}, opts)])
    .apply(([p, me]) => ({ partition: p.partition, accountId: me.accountId }));
}

/**
 * The place a component was given, or, when used on its own, its provider's place, looked up.
 *
 * @param given - the place handed down by the facade, if any.
 * @param parent - the component.
 */
export function placeOf(
  given: AccountPlace | undefined,
  parent: pulumi.Resource,
): pulumi.Output<AccountPlace> {
  if (given) return pulumi.output({ ...given });
  const region = aws.getRegionOutput({}, { parent }).region;
  return pulumi
    .all([accountOf(undefined, parent), region])
    .apply(([account, r]) => ({ ...account, region: r }));
}

/**
 * What a component is given by the facade that already looked it up: the account it deploys to.
 * A component used on its own gets nothing and looks the account up itself.
 */
export interface AccountGiven {
  account: AccountRef;
}
