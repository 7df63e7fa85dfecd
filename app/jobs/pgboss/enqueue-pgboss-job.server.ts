import { randomUUID } from "node:crypto";
import type { JobWithMetadata } from "pg-boss";
import { QUEUE_DEFAULTS } from "../defaults";
import type { EnqueueOptions, EnqueueResult } from "../types";
import { jobIdForKey, ownSingletonKey } from "./job-id";
import type { PgBossContext, PgBossJobData } from "./types";

/**
 * Sends a job to pg-boss. `key` becomes the job id (a second send with it is ignored while the
 * job is stored, including completed jobs until deleteAfterSeconds); `coalesceKey` becomes the
 * singleton key of the stately queue, which refuses a second waiting job of the key even when two
 * sends race.
 */
export function enqueuePgBossJobFactory(ctx: PgBossContext) {
  return async function enqueuePgBossJob(
    task: string,
    payload: unknown,
    options: EnqueueOptions = {},
  ): Promise<EnqueueResult> {
    const { key, coalesceKey, delayMs = 0, maxAttempts = QUEUE_DEFAULTS.maxAttempts, shop } = options;
    const boss = await ctx.boss();
    const startAfter = new Date(Date.now() + delayMs);
    // The stately policy refuses a second *created* job of the key; a job waiting to retry is
    // pending too and covers this event as well. One that waits longer runs by this event's time.
    const coalesceInto = async (waiting: JobWithMetadata<PgBossJobData>) => {
      if (waiting.startAfter > startAfter) await boss.update(ctx.queueName, undefined, { id: waiting.id, startAfter });
      return { id: waiting.id, deduped: true };
    };
    const findWaiting = async (singletonKey: string) =>
      (await boss.findJobs<PgBossJobData>(ctx.queueName, { key: singletonKey, queued: true, limit: 1 }))[0];
    if (coalesceKey) {
      const waiting = await findWaiting(coalesceKey);
      if (waiting) return coalesceInto(waiting);
    }
    const id = key ? jobIdForKey(key) : randomUUID();
    const data: PgBossJobData = { task, shop: shop ?? null, payload: payload ?? null };
    const sent = await boss.send(ctx.queueName, data, {
      id,
      singletonKey: coalesceKey ?? ownSingletonKey(id),
      retryLimit: Math.max(0, maxAttempts - 1),
      ...(delayMs > 0 ? { startAfter } : {}),
    });
    if (sent) return { id: sent, deduped: false };
    // Refused: either the id (key) is taken or the coalesceKey already has a waiting job.
    if (key) {
      const [existing] = await boss.findJobs(ctx.queueName, { id });
      if (existing) return { id, deduped: true };
    }
    if (coalesceKey) {
      const waiting = await findWaiting(coalesceKey);
      if (waiting) return coalesceInto(waiting);
    }
    // The job that refused ours finished in between; what it covered has run.
    return { id, deduped: true };
  };
}
