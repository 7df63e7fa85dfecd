import type { Job } from "@prisma/client";
import {
  claimJob,
  countOtherRunningJobs,
  deleteCoveredJobs,
  listDueJobs,
  listRunningCoalesceKeys,
  releaseJob,
} from "~/models/job-lock.server";
import { coerceError } from "../errors";
import type { DatabaseQueueContext } from "./types";

/** How many candidates to read per free slot: other workers race for the same rows. */
const CANDIDATES_PER_SLOT = 4;

/**
 * Claims up to `limit` due jobs for this worker. Each claim is a conditional update on
 * (id, status: pending, revision), so two workers never get the same job.
 *
 * A job whose coalesceKey already has a running job is skipped. That check alone would race (two
 * workers could each claim a different job of one key), so a coalesced claim announces itself
 * first and checks afterwards: if another job of the key is running by then, it gives the claim
 * back. Of two racing claims, at least the later one sees the other, so at most one runs. A
 * successful claim then deletes the key's other pending jobs of the same task: they were enqueued
 * before it, and the claimed job reads the newest state when it runs.
 */
export function claimJobsFactory(ctx: DatabaseQueueContext) {
  return async function claimJobs(limit: number): Promise<Job[]> {
    if (limit <= 0) return [];
    const now = ctx.now();
    const candidates = await listDueJobs(ctx.db, { now, limit: limit * CANDIDATES_PER_SLOT });
    const keys = [...new Set(candidates.flatMap((c) => (c.coalesceKey ? [c.coalesceKey] : [])))];
    const busyKeys = new Set(keys.length > 0 ? await listRunningCoalesceKeys(ctx.db, { keys }) : []);
    const claimed: Job[] = [];
    let checking: Job | null = null; // claimed, but not yet known to be safe to run
    try {
      for (const candidate of candidates) {
        if (claimed.length >= limit) break;
        if (candidate.coalesceKey && busyKeys.has(candidate.coalesceKey)) continue;
        const job = await claimJob(ctx.db, candidate, { owner: ctx.owner, now });
        if (!job) continue; // another worker was faster
        if (job.coalesceKey) {
          checking = job;
          busyKeys.add(job.coalesceKey);
          const others = await countOtherRunningJobs(ctx.db, { id: job.id, coalesceKey: job.coalesceKey });
          if (others > 0) {
            await releaseJob(ctx.db, { id: job.id, revision: job.revision, owner: ctx.owner });
            checking = null;
            continue;
          }
          // Racing enqueues can leave a second pending job of the key; this run covers it.
          await deleteCoveredJobs(ctx.db, { id: job.id, task: job.task, coalesceKey: job.coalesceKey });
          checking = null;
        }
        claimed.push(job);
      }
    } catch (error) {
      // The jobs already claimed still run: dropping them would leave them locked until the lock
      // timeout and cost each an attempt. One whose coalescing check failed is given back.
      if (checking) {
        const { id, revision } = checking;
        await releaseJob(ctx.db, { id, revision, owner: ctx.owner }).catch(() => null);
      }
      if (!claimed.length) throw error;
      ctx.logger.error("job queue: claim pass cut short", { error: coerceError(error), claimed: claimed.length });
    }
    return claimed;
  };
}
