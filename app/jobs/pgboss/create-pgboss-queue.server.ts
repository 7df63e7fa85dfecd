import type { JobWithMetadata } from "pg-boss";
import { QUEUE_DEFAULTS } from "../defaults";
import type { JobQueue, TaskHandler, WorkerOptions } from "../types";
import { bossConnection } from "./boss-connection.server";
import { enqueueManyPgBossFactory } from "./enqueue-many-pgboss.server";
import { enqueuePgBossJobFactory } from "./enqueue-pgboss-job.server";
import { pgBossAdminFactory } from "./pgboss-admin.server";
import { runPgBossJobFactory } from "./run-pgboss-job.server";
import type { PgBossContext, PgBossJobData, PgBossQueueOptions } from "./types";

/** pg-boss polls no faster than every half second. */
const MIN_POLL_SECONDS = 0.5;

/**
 * The queue on pg-boss 12, for PostgreSQL deployments that outgrow the embedded one: the same
 * port and the same TaskHandlers. pg-boss starts on first use; stop() also closes its pool, so
 * call it on shutdown even in a process that only enqueues.
 */
export function createPgBossQueue(options: PgBossQueueOptions): JobQueue {
  const schema = options.schema ?? "pgboss";
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`pg-boss schema must be a plain identifier: ${schema}`);
  const queueName = options.queueName ?? "jobs";
  const names = { queueName, deadLetterName: `${queueName}-dead` };
  const connection = bossConnection(options, names);
  const ctx: PgBossContext = { logger: options.logger, schema, ...names, boss: connection.boss };
  const admin = pgBossAdminFactory(ctx);
  let running = false;

  const enqueue = enqueuePgBossJobFactory(ctx);
  return {
    enqueue,
    enqueueMany: enqueueManyPgBossFactory(ctx, enqueue),
    async start(handlers: Record<string, TaskHandler<never>>, workerOptions: WorkerOptions = {}) {
      if (running) throw new Error("job queue: the worker is already running");
      const boss = await connection.boss();
      const runJob = runPgBossJobFactory(ctx, handlers);
      const pollSeconds = Math.max(
        MIN_POLL_SECONDS,
        (workerOptions.pollIntervalMs ?? QUEUE_DEFAULTS.pollIntervalMs) / 1000,
      );
      await boss.work(
        queueName,
        {
          localConcurrency: workerOptions.concurrency ?? QUEUE_DEFAULTS.concurrency,
          batchSize: 1,
          includeMetadata: true,
          perJobResults: true,
          pollingIntervalSeconds: pollSeconds,
          // NOTIFY wakes the worker for new jobs; retries and delayed jobs are found by polling.
          notifyPollingIntervalSeconds: pollSeconds,
        },
        async (jobs: JobWithMetadata<PgBossJobData>[]) => Promise.all(jobs.map(runJob)),
      );
      running = true;
      options.logger.info("job queue: pg-boss worker started", { queue: queueName });
    },
    async stop({ timeoutMs = QUEUE_DEFAULTS.stopTimeoutMs }: { timeoutMs?: number } = {}) {
      // pg-boss waits for running handlers up to the timeout, then fails what is left (a retry) and
      // aborts their signals.
      await connection.close(timeoutMs);
      running = false;
    },
    isRunning: () => running,
    stats: admin.stats,
    listDead: admin.listDead,
    replay: admin.replay,
    cancelForShop: admin.cancelForShop,
  };
}
