import { countJobsByStatus, deletePendingJobsForShop, listDeadJobs, replayDeadJob } from "~/models/job.server";
import { QUEUE_DEFAULTS } from "../defaults";
import type { DeadJob, QueueStats } from "../types";
import type { DatabaseQueueContext } from "./types";

/** The read and repair side of the embedded queue: what the admin UI and lifecycle code call. */
export function queueAdminFactory(ctx: DatabaseQueueContext, onReplayed: () => void) {
  return {
    async stats(shop?: string): Promise<QueueStats> {
      const { pending, running, dead } = await countJobsByStatus(ctx.db, { shop });
      return { pending, running, dead };
    },

    async listDead(options: { shop?: string; limit?: number } = {}): Promise<DeadJob[]> {
      const rows = await listDeadJobs(ctx.db, {
        shop: options.shop,
        limit: options.limit ?? QUEUE_DEFAULTS.listDeadLimit,
      });
      return rows.map((row) => ({
        id: row.id,
        task: row.task,
        shop: row.shop,
        attempts: row.attempts,
        lastError: row.lastError,
        payload: safeParse(row.payload),
        failedAt: row.finishedAt,
      }));
    },

    async replay(jobId: string, options: { shop?: string } = {}): Promise<boolean> {
      const replayed = await replayDeadJob(ctx.db, { id: jobId, shop: options.shop }, ctx.now());
      if (replayed) onReplayed();
      return replayed;
    },

    cancelForShop(shop: string, options: { task?: string } = {}): Promise<number> {
      return deletePendingJobsForShop(ctx.db, { shop, task: options.task });
    },
  };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
