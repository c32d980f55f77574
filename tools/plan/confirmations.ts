/**
 * What each recipient must do before alerts reach them: SNS sends one confirmation request per
 * e-mail or HTTPS subscription, that is one per topic the address is subscribed to, and delivers
 * nothing to the address on that topic until it is confirmed. Read from the plan's topics.
 */
import type { StackPlan } from "../../components/plan/stack-plan";

/** One recipient and the confirmations it owes. */
export interface RecipientConfirmations {
  protocol: "email" | "https";
  endpoint: string;
  /** Subscriptions to confirm: one per topic. */
  confirmations: number;
  /** The topics, as `<region>/<topic name>`, sorted. */
  topics: string[];
}

/** Every e-mail and HTTPS recipient of the plan, most confirmations first. */
export function confirmationsPerRecipient(plan: StackPlan): RecipientConfirmations[] {
  const topics = [
    ...plan.alerting.map((a) => a.securityTopic),
    ...plan.groups.flatMap((g) => g.topics),
  ];
  const byRecipient = new Map<string, RecipientConfirmations>();
  for (const topic of topics) {
    for (const sub of topic.subscriptions) {
      if (sub.protocol !== "email" && sub.protocol !== "https") continue;
      const key = `${sub.protocol} ${sub.endpoint}`;
      const entry = byRecipient.get(key) ?? {
        protocol: sub.protocol,
        endpoint: sub.endpoint,
        confirmations: 0,
        topics: [],
      };
      entry.confirmations += 1;
      entry.topics.push(`${topic.region}/${topic.name}`);
      byRecipient.set(key, entry);
    }
  }
  return [...byRecipient.values()]
    .map((e) => ({ ...e, topics: [...e.topics].sort() }))
    .sort((a, b) => b.confirmations - a.confirmations || a.endpoint.localeCompare(b.endpoint));
}
