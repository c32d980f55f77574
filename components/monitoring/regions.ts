/** Which regions a stack touches before its keys are resolved. */
import type { StackModel } from "../config/model";

/**
 * The stack's region plus every region named by a key ARN, an alias, a tag search or an
 * organization member: the
 * regions that need a provider for the deploy-time lookups. Sorted for stable provider order.
 */
export function regionsToLookUp(model: StackModel): string[] {
  const regions = new Set<string>([model.region]);
  for (const group of model.keyGroups) {
    group.keys.forEach((k) => regions.add(k.region));
    group.aliases.forEach((a) => regions.add(a.region));
    if (Object.keys(group.tags).length > 0) group.tagRegions.forEach((r) => regions.add(r));
  }
  // A hub has a bus and a sink in every member region.
  model.organization?.members.forEach((m) => m.regions.forEach((r) => regions.add(r)));
  return [...regions].sort();
}
