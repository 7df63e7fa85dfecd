import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { QUEUE_DEFAULTS } from "../defaults";
import type { JobQueue } from "../types";
import { enqueueJobFactory } from "./enqueue-job.server";
import { enqueueManyFactory } from "./enqueue-many.server";
import { queueAdminFactory } from "./queue-admin.server";
import type { DatabaseQueueContext, DatabaseQueueOptions } from "./types";
import { createWorkerLoop } from "./worker-loop.server";

/**
 * The embedded queue: jobs live in the app's own `Job` table (SQLite or PostgreSQL) and an
 * in-process worker runs them, with graphile-worker's semantics: at-least-once delivery, `key`
 * dedupe, coalescing, exponential backoff with jitter and a visible dead letter.
 *
 * On SQLite keep to one process per database file: the libsql driver gives up at once on a lock
 * held by another process. Several processes or instances need PostgreSQL.
 */
export function createDatabaseQueue(options: DatabaseQueueOptions): JobQueue {
  const ctx: DatabaseQueueContext = {
    db: options.db,
    logger: options.logger,
    owner: options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`,
    now: options.now ?? (() => new Date()),
    random: options.random ?? Math.random,
    backoff: options.backoff ?? {},
    lockTimeoutMs: options.lockTimeoutMs ?? QUEUE_DEFAULTS.lockTimeoutMs,
    doneRetentionMs: options.doneRetentionMs ?? QUEUE_DEFAULTS.doneRetentionMs,
    abortGraceMs: options.abortGraceMs ?? QUEUE_DEFAULTS.abortGraceMs,
  };
  const worker = createWorkerLoop(ctx);
  const admin = queueAdminFactory(ctx, worker.wake);
  // A job for this process's own worker starts at once instead of at the next poll.
  const enqueue = enqueueJobFactory(ctx, worker.wake);
  return {
    enqueue,
    enqueueMany: enqueueManyFactory(ctx, enqueue, worker.wake),
    start: worker.start,
    stop: worker.stop,
    isRunning: worker.isRunning,
    stats: admin.stats,
    listDead: admin.listDead,
    replay: admin.replay,
    cancelForShop: admin.cancelForShop,
  };
}
