import { findJobsByKeys, insertJobs } from "~/models/job.server";
import { QUEUE_DEFAULTS } from "../defaults";
import type { EnqueueItem, EnqueueResult, JobQueue } from "../types";
import type { DatabaseQueueContext } from "./types";

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

/**
 * Enqueues a batch. Jobs with a `key` and no coalescing key are written in one INSERT after one
 * look-up of the keys that already exist; anything else goes through the single-job path. A
 * unique violation (another instance inserted one of the keys in between) falls back to the
 * single-job path for the whole batch, which resolves each key on its own.
 */
export function enqueueManyFactory(ctx: DatabaseQueueContext, enqueue: JobQueue["enqueue"], onEnqueued: () => void) {
  return async function enqueueMany(items: readonly EnqueueItem[]): Promise<EnqueueResult[]> {
    const results: (EnqueueResult | undefined)[] = new Array(items.length);
    const batch = items
      .map((item, index) => ({ item, index }))
      .filter(({ item }) => item.options?.key && !item.options.coalesceKey);
    const existing = new Map(
      batch.length
        ? (await findJobsByKeys(ctx.db, { keys: batch.map((b) => b.item.options!.key!) })).map((j) => [j.key!, j.id])
        : [],
    );
    const fresh = new Map<string, { index: number; item: EnqueueItem }[]>();
    for (const entry of batch) {
      const key = entry.item.options!.key!;
      const id = existing.get(key);
      if (id) results[entry.index] = { id, deduped: true };
      else fresh.set(key, [...(fresh.get(key) ?? []), entry]);
    }
    if (fresh.size) {
      const now = ctx.now();
      const rows = [...fresh.values()]
        .map(([first]) => first!.item)
        .map((item) => ({
          queue: item.task,
          task: item.task,
          payload: JSON.stringify(item.payload ?? null),
          key: item.options!.key!,
          shop: item.options?.shop ?? null,
          maxAttempts: item.options?.maxAttempts ?? QUEUE_DEFAULTS.maxAttempts,
          runAt: new Date(now.getTime() + (item.options?.delayMs ?? 0)),
        }));
      try {
        for (const { id, key } of await insertJobs(ctx.db, rows)) {
          fresh.get(key!)!.forEach((entry, i) => (results[entry.index] = { id, deduped: i > 0 }));
        }
        onEnqueued();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        for (const entries of fresh.values()) for (const { index } of entries) results[index] = undefined;
      }
    }
    for (const [index, item] of items.entries()) {
      results[index] ??= await enqueue(item.task, item.payload, item.options);
    }
    return results as EnqueueResult[];
  };
}
