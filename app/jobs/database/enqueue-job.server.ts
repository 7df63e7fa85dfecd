import { advancePendingJob, findJobByKey, insertJob, listPendingJobIdsByCoalesceKey } from "~/models/job.server";
import { isUniqueViolation } from "~/models/prisma-errors";
import { QUEUE_DEFAULTS } from "../defaults";
import type { EnqueueOptions, EnqueueResult } from "../types";
import type { DatabaseQueueContext } from "./types";

/**
 * Adds a job unless its `key` or a pending job of its `coalesceKey` already covers it.
 *
 * `key` is the table's unique column, so a concurrent duplicate fails the insert (P2002) and
 * reports the existing job. `coalesceKey` has no constraint: two enqueues that race past the
 * lookup both insert, and the first claim of the key deletes the other (claim-jobs.server.ts).
 * A job never removes itself after its insert, because a racing enqueue may already have
 * answered with its id: every answer names a job that stays pending until a worker claims the key.
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
    onEnqueued();
    return { id, deduped: false };
  };
}
