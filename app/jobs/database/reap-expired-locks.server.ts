import { listExpiredLocks, reclaimJob } from "~/models/job-lock.server";
import type { DatabaseQueueContext } from "./types";

const BATCH = 100;

/**
 * Takes back the jobs of workers that stopped heart-beating (SIGKILL, OOM, a lost host). The
 * claim already counted the attempt, so a job that crashes its worker every time still reaches the
 * dead letter instead of looping forever.
 */
export function reapExpiredLocksFactory(ctx: DatabaseQueueContext) {
  return async function reapExpiredLocks(): Promise<number> {
    const now = ctx.now();
    const lockedBefore = new Date(now.getTime() - ctx.lockTimeoutMs);
    const expired = await listExpiredLocks(ctx.db, { lockedBefore, limit: BATCH });
    let reclaimed = 0;
    for (const job of expired) {
      const dead = job.attempts >= job.maxAttempts;
      const lastError = `lock expired: worker ${job.lockedBy ?? "?"} stopped refreshing it (crashed or killed)`;
      if (await reclaimJob(ctx.db, job, { lockedBefore, dead, lastError, now })) {
        reclaimed++;
        ctx.logger.warn("job queue: took back an abandoned job", {
          jobId: job.id,
          task: job.task,
          shop: job.shop,
          lockedBy: job.lockedBy,
          dead,
        });
      }
    }
    return reclaimed;
  };
}
