import type { Job } from "@prisma/client";
import {
  buryJob,
  completeJob,
  refreshJobLock,
  releaseJob,
  rescheduleJob,
  type JobLock,
} from "~/models/job-lock.server";
import type { Logger } from "~/lib/logger.server";
import { retryDelayMs } from "../backoff";
import { coerceError, describeError, UnknownTaskError } from "../errors";
import { PermanentJobError, type TaskHandler } from "../types";
import type { DatabaseQueueContext } from "./types";

type Outcome = { kind: "done" } | { kind: "release" } | { kind: "retry" | "dead"; error: Error };

export interface RunControl {
  /** Aborted by stop() after its timeout; the handler sees it through helpers.signal. */
  signal: AbortSignal;
  /** True once stop() was called: an aborted job is then released rather than failed. */
  stopping(): boolean;
}

/**
 * Runs one claimed job to an outcome and records it. Never rejects: whatever the handler does, the
 * lock is refreshed while it runs and settled in `finally`.
 */
export function runClaimedJobFactory(ctx: DatabaseQueueContext, handlers: Record<string, TaskHandler<never>>) {
  return async function runClaimedJob(job: Job, control: RunControl): Promise<void> {
    const lock: JobLock = { id: job.id, revision: job.revision, owner: ctx.owner };
    const logger = ctx.logger.child({ jobId: job.id, task: job.task, shop: job.shop, attempt: job.attempts });
    const lockLost = new AbortController();
    const signal = AbortSignal.any([control.signal, lockLost.signal]);
    // The heartbeat: a job that runs longer than the lock timeout must not look abandoned.
    const heartbeat = setInterval(
      () => {
        refreshJobLock(ctx.db, lock, ctx.now())
          .then((row) => row ?? lockLost.abort(new Error("job lock lost: another worker may run this job")))
          .catch((error: unknown) => logger.warn("job queue: heartbeat failed", { error: coerceError(error) }));
      },
      Math.max(10, Math.floor(ctx.lockTimeoutMs / 3)),
    );
    let outcome: Outcome = { kind: "release" };
    try {
      const handler = handlers[job.task];
      if (!handler) throw new UnknownTaskError(job.task);
      const payload = parsePayload(job.payload);
      await handler(payload as never, { jobId: job.id, attempt: job.attempts, logger, signal });
      outcome = { kind: "done" };
    } catch (thrown) {
      const error = coerceError(thrown);
      if (control.stopping() && control.signal.aborted) outcome = { kind: "release" };
      else if (error instanceof PermanentJobError || job.attempts >= job.maxAttempts) outcome = { kind: "dead", error };
      else outcome = { kind: "retry", error };
    } finally {
      clearInterval(heartbeat);
      await settle(lock, job, outcome, logger).catch((error: unknown) =>
        // The lock then expires and the job runs again: at-least-once, never lost.
        logger.error("job queue: could not record the job's outcome", {
          error: coerceError(error),
          outcome: outcome.kind,
        }),
      );
    }
  };

  async function settle(lock: JobLock, job: Job, outcome: Outcome, logger: Logger) {
    const now = ctx.now();
    let row: unknown;
    if (outcome.kind === "done") row = await completeJob(ctx.db, lock, now);
    else if (outcome.kind === "release") row = await releaseJob(ctx.db, lock);
    else {
      const lastError = describeError(outcome.error);
      if (outcome.kind === "dead") {
        row = await buryJob(ctx.db, lock, { lastError, now });
        logger.error("job queue: job moved to the dead letter", { error: outcome.error });
      } else {
        const runAt = new Date(now.getTime() + retryDelayMs(job.attempts, ctx.backoff, ctx.random));
        row = await rescheduleJob(ctx.db, lock, { runAt, lastError });
        logger.warn("job queue: job failed, will retry", { error: outcome.error, runAt });
      }
    }
    if (!row) logger.warn("job queue: lock was lost before the outcome was recorded", { outcome: outcome.kind });
  }
}

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new PermanentJobError("job payload is not valid JSON", { cause });
  }
}
