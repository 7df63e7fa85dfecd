import { byString } from "~/lib/order-by";
import { QUEUE_DEFAULTS } from "../defaults";
import type { EnqueueItem, EnqueueResult, JobQueue } from "../types";
import { jobIdForKey, ownSingletonKey } from "./job-id";
import type { PgBossContext, PgBossJobData } from "./types";

/**
 * Enqueues a batch on pg-boss. Keyed jobs without a coalescing key go to pg-boss's insert, one
 * statement for the whole batch: a key's job id is derived from the key, and an id that is
 * already stored is skipped, which is the same dedupe as a single send. Anything else is sent
 * one by one.
 */
export function enqueueManyPgBossFactory(ctx: PgBossContext, enqueue: JobQueue["enqueue"]) {
  return async function enqueueMany(items: readonly EnqueueItem[]): Promise<EnqueueResult[]> {
    const results: (EnqueueResult | undefined)[] = new Array(items.length);
    const byId = new Map<string, number[]>();
    for (const [index, item] of items.entries()) {
      const key = item.options?.key;
      if (!key || item.options?.coalesceKey) continue;
      const id = jobIdForKey(key);
      byId.set(id, [...(byId.get(id) ?? []), index]);
    }
    if (byId.size) {
      const now = Date.now();
      // In id order, so overlapping batches inserted at the same time wait for each other instead of
      // deadlocking on each other's ids.
      const jobs = [...byId.entries()].sort(byString(([id]) => id)).map(([id, [first]]) => {
        const { task, payload, options = {} } = items[first!]!;
        const data: PgBossJobData = { task, shop: options.shop ?? null, payload: payload ?? null };
        return {
          id,
          data,
          singletonKey: ownSingletonKey(id),
          retryLimit: Math.max(0, (options.maxAttempts ?? QUEUE_DEFAULTS.maxAttempts) - 1),
          ...(options.delayMs ? { startAfter: new Date(now + options.delayMs) } : {}),
        };
      });
      const boss = await ctx.boss();
      const inserted = new Set((await boss.insert(ctx.queueName, jobs, { returnId: true })) ?? []);
      for (const [id, indexes] of byId) {
        indexes.forEach((index, i) => (results[index] = { id, deduped: !inserted.has(id) || i > 0 }));
      }
    }
    for (const [index, item] of items.entries()) {
      results[index] ??= await enqueue(item.task, item.payload, item.options);
    }
    return results as EnqueueResult[];
  };
}
