import type { JobResult, JobWithMetadata } from "pg-boss";
import { coerceError, describeError, UnknownTaskError } from "../errors";
import { PermanentJobError, type TaskHandler } from "../types";
import { isOwnSingletonKey } from "./job-id";
import type { PgBossContext, PgBossJobData } from "./types";

/**
 * Runs one pg-boss job with the app's TaskHandler and turns the outcome into pg-boss's per-job
 * result: completed, failed (retried by pg-boss, dead-lettered when exhausted) or deadletter
 * (PermanentJobError and unknown tasks skip the retries).
 */
export function runPgBossJobFactory(ctx: PgBossContext, handlers: Record<string, TaskHandler<never>>) {
  return async function runPgBossJob(job: JobWithMetadata<PgBossJobData>): Promise<JobResult> {
    const { task, shop, payload } = job.data;
    const attempt = job.retryCount + 1;
    const logger = ctx.logger.child({ jobId: job.id, task, shop, attempt });
    try {
      const handler = handlers[task];
      if (!handler) throw new UnknownTaskError(task);
      await handler(payload as never, { jobId: job.id, attempt, logger, signal: job.signal });
      return { id: job.id, status: "completed" };
    } catch (thrown) {
      const error = coerceError(thrown);
      const output = { name: error.name, message: describeError(error) };
      if (error instanceof PermanentJobError) {
        logger.error("job queue: job moved to the dead letter", { error });
        return { id: job.id, status: "deadletter", output };
      }
      if (job.singletonKey && (await supersededBy(job))) {
        // Another job of this coalesceKey is already waiting and will read the newest state. pg-boss
        // keeps one retry slot per key, so failing this one could dead-letter it instead.
        logger.warn("job queue: job failed, a waiting job of its coalesceKey covers it", { error });
        return { id: job.id, status: "completed", output: { ...output, superseded: true } };
      }
      logger.warn("job queue: job failed", { error, retriesLeft: job.retryLimit - job.retryCount });
      return { id: job.id, status: "failed", output };
    }
  };

  async function supersededBy(job: JobWithMetadata<PgBossJobData>) {
    if (isOwnSingletonKey(job.singletonKey!)) return false; // nothing else covers a job of its own key
    const boss = await ctx.boss();
    const waiting = await boss.findJobs(ctx.queueName, { key: job.singletonKey!, queued: true, limit: 2 });
    return waiting.some((other) => other.id !== job.id);
  }
}
