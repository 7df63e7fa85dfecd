import {
  advancePendingJob,
  deletePendingJob,
  findJobByKey,
  insertJob,
  listPendingJobIdsByCoalesceKey,
} from "~/models/job.server";
import { isUniqueViolation } from "~/models/prisma-errors";
import { QUEUE_DEFAULTS } from "../defaults";
import type { EnqueueOptions, EnqueueResult } from "../types";
import type { DatabaseQueueContext } from "./types";

/**
 * Adds a job unless its `key` or a pending job of its `coalesceKey` already covers it.
 *
 * `key` is the table's unique column, so a concurrent duplicate fails the insert (P2002) and
 * reports the existing job. `coalesceKey` has no constraint, so coalescing is checked on both
 * sides of the insert: afterwards, if another pending job with the key exists, the one with the
 * lowest id stays and this one removes itself. Two racing enqueues that both see each other agree
 * on the same survivor; one that misses the other keeps its job, so a race can leave a duplicate
 * but never drops an event (the first claim of the key deletes the duplicate: claim-jobs.server.ts).
 */
export function enqueueJobFactory(ctx: DatabaseQueueContext, onEnqueued: () => void) {
  return async function enqueueJob(
    task: string,
    payload: unknown,
    options: EnqueueOptions = {},
  ): Promise<EnqueueResult> {
    const { key, coalesceKey, delayMs = 0, maxAttempts = QUEUE_DEFAULTS.maxAttempts, shop } = options;
    const runAt = new Date(ctx.now().getTime() + delayMs);
    // Coalesced into a job that waits longer (a retry in backoff): it runs by this event's time.
    const coalesceInto = async (id: string) => {
      await advancePendingJob(ctx.db, { id }, runAt);
      return { id, deduped: true };
    };
    if (coalesceKey) {
      const [pending] = await listPendingJobIdsByCoalesceKey(ctx.db, { coalesceKey });
      if (pending) return coalesceInto(pending.id);
    }
    const data = {
      queue: task,
      task,
      payload: JSON.stringify(payload ?? null),
      key: key ?? null,
      coalesceKey: coalesceKey ?? null,
      shop: shop ?? null,
      maxAttempts,
      runAt,
    };
    let id: string | undefined;
    for (let tries = 0; !id; tries++) {
      try {
        ({ id } = await insertJob(ctx.db, data));
      } catch (error) {
        if (!key || !isUniqueViolation(error)) throw error;
        const existing = await findJobByKey(ctx.db, { key });
        if (existing) return { id: existing.id, deduped: true };
        // The holder of the key was deleted between our insert and the lookup: try once more.
        if (tries > 0) throw error;
      }
    }
    if (coalesceKey) {
      const others = (await listPendingJobIdsByCoalesceKey(ctx.db, { coalesceKey })).map((row) => row.id);
      const survivor = [...others, id].sort()[0]!;
      if (survivor !== id && (await deletePendingJob(ctx.db, { id }))) return coalesceInto(survivor);
    }
    onEnqueued();
    return { id, deduped: false };
  };
}
