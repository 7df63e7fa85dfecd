import { findJobsByKeys, insertJobsSkippingTakenKeys } from "~/models/job.server";
import { QUEUE_DEFAULTS } from "../defaults";
import type { EnqueueItem, EnqueueResult, JobQueue } from "../types";
import type { DatabaseQueueContext } from "./types";

/**
 * Enqueues a batch. Jobs with a `key` and no coalescing key are written in one INSERT that skips
 * taken keys, so a batch of new keys is one statement and one commit; the ids of keys that were
 * taken are looked up afterwards. Anything else goes through the single-job path.
 */
export function enqueueManyFactory(ctx: DatabaseQueueContext, enqueue: JobQueue["enqueue"], onEnqueued: () => void) {
  return async function enqueueMany(items: readonly EnqueueItem[]): Promise<EnqueueResult[]> {
    const results: (EnqueueResult | undefined)[] = new Array(items.length);
    // The first item of each key is the one written; later items of the key in the batch dedupe to it.
    const byKey = new Map<string, number[]>();
    for (const [index, item] of items.entries()) {
      const key = item.options?.key;
      if (key && !item.options?.coalesceKey) byKey.set(key, [...(byKey.get(key) ?? []), index]);
    }
    if (byKey.size) {
      const now = ctx.now().getTime();
      const rows = [...byKey.entries()].map(([key, [first]]) => {
        const item = items[first!]!;
        return {
          queue: item.task,
          task: item.task,
          payload: JSON.stringify(item.payload ?? null),
          key,
          shop: item.options?.shop ?? null,
          maxAttempts: item.options?.maxAttempts ?? QUEUE_DEFAULTS.maxAttempts,
          runAt: new Date(now + (item.options?.delayMs ?? 0)),
        };
      });
      const inserted = new Map((await insertJobsSkippingTakenKeys(ctx.db, rows)).map((row) => [row.key, row.id]));
      const taken = [...byKey.keys()].filter((key) => !inserted.has(key));
      const existing = new Map(
        taken.length ? (await findJobsByKeys(ctx.db, { keys: taken })).map((job) => [job.key!, job.id]) : [],
      );
      for (const [key, indexes] of byKey) {
        const id = inserted.get(key) ?? existing.get(key);
        // A taken key whose job was deleted in between is left to the single-job path below.
        if (id) indexes.forEach((index, i) => (results[index] = { id, deduped: !inserted.has(key) || i > 0 }));
      }
      if (inserted.size) onEnqueued();
    }
    for (const [index, item] of items.entries()) {
      results[index] ??= await enqueue(item.task, item.payload, item.options);
    }
    return results as EnqueueResult[];
  };
}
