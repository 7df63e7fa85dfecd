import type { Job } from "@prisma/client";
import { deleteDoneJobs } from "~/models/job.server";
import { releaseJob } from "~/models/job-lock.server";
import { QUEUE_DEFAULTS } from "../defaults";
import { createWakeableDelay, settlesWithin } from "../delay";
import { coerceError } from "../errors";
import type { TaskHandler, WorkerOptions } from "../types";
import { claimJobsFactory } from "./claim-jobs.server";
import { reapExpiredLocksFactory } from "./reap-expired-locks.server";
import { runClaimedJobFactory } from "./run-claimed-job.server";
import type { DatabaseQueueContext } from "./types";

interface Running {
  job: Job;
  controller: AbortController;
  done: Promise<void>;
}

/** The in-process worker: one polling loop that claims up to `concurrency` jobs and runs them. */
export function createWorkerLoop(ctx: DatabaseQueueContext) {
  const claimJobs = claimJobsFactory(ctx);
  const reapExpiredLocks = reapExpiredLocksFactory(ctx);
  const delay = createWakeableDelay();
  const running = new Map<string, Running>();
  let loop: Promise<void> | undefined;
  let stopping = false;

  async function poll(runClaimedJob: ReturnType<typeof runClaimedJobFactory>, options: Required<WorkerOptions>) {
    const reapEveryMs = Math.max(options.pollIntervalMs, Math.floor(ctx.lockTimeoutMs / 4));
    let lastReap = 0;
    let lastPurge = 0;
    while (!stopping) {
      await nextTurnOfTheEventLoop();
      let claimedAll = false;
      try {
        const now = ctx.now().getTime();
        if (now - lastReap >= reapEveryMs) {
          lastReap = now;
          await reapExpiredLocks();
        }
        if (now - lastPurge >= QUEUE_DEFAULTS.maintenanceIntervalMs) {
          lastPurge = now;
          await deleteDoneJobs(ctx.db, { finishedBefore: new Date(now - ctx.doneRetentionMs) });
        }
        const free = options.concurrency - running.size;
        const jobs = stopping ? [] : await claimJobs(free);
        for (const job of jobs) launch(job, runClaimedJob);
        claimedAll = free > 0 && jobs.length === free;
      } catch (error) {
        // The loop never dies: a database hiccup costs one poll interval.
        ctx.logger.error("job queue: poll failed", { error: coerceError(error) });
      }
      if (!claimedAll && !stopping) await delay.wait(options.pollIntervalMs);
    }
  }

  function launch(job: Job, runClaimedJob: ReturnType<typeof runClaimedJobFactory>) {
    const controller = new AbortController();
    const run = () => runClaimedJob(job, { signal: controller.signal, stopping: () => stopping });
    const done = nextTurnOfTheEventLoop()
      .then(run)
      .finally(() => {
        running.delete(job.id);
        delay.wake(); // a slot is free
      });
    running.set(job.id, { job, controller, done });
  }

  return {
    isRunning: () => loop !== undefined,
    wake: () => delay.wake(),
    async start(handlers: Record<string, TaskHandler<never>>, options: WorkerOptions = {}) {
      if (loop) throw new Error("job queue: the worker is already running");
      stopping = false;
      const resolved = {
        concurrency: options.concurrency ?? QUEUE_DEFAULTS.concurrency,
        pollIntervalMs: options.pollIntervalMs ?? QUEUE_DEFAULTS.pollIntervalMs,
      };
      loop = poll(runClaimedJobFactory(ctx, handlers), resolved);
      ctx.logger.info("job queue: worker started", { owner: ctx.owner, ...resolved });
    },
    async stop({ timeoutMs = QUEUE_DEFAULTS.stopTimeoutMs }: { timeoutMs?: number } = {}) {
      if (!loop) return;
      stopping = true;
      delay.wake();
      await loop;
      const all = () => Promise.allSettled([...running.values()].map((r) => r.done));
      if (!(await settlesWithin(all(), timeoutMs))) {
        for (const r of running.values()) r.controller.abort(new Error("job queue stopping"));
        if (!(await settlesWithin(all(), ctx.abortGraceMs))) {
          // Handlers that ignore the signal keep running, but their jobs go back in line now.
          for (const r of running.values()) {
            await releaseJob(ctx.db, { id: r.job.id, revision: r.job.revision, owner: ctx.owner }).catch(() => null);
            ctx.logger.warn("job queue: released a job whose handler ignored the stop", { jobId: r.job.id });
          }
        }
      }
      running.clear();
      loop = undefined;
      ctx.logger.info("job queue: worker stopped", { owner: ctx.owner });
    },
  };
}

/**
 * Waits for the event loop's next check phase. SQLite answers synchronously, so a job that only
 * touches the database settles in microtasks alone; without this pause a backlog of such jobs
 * would run back to back and no HTTP request would be read until the backlog was gone.
 */
function nextTurnOfTheEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
