import path from "node:path";
import { createPrismaClient, type Db } from "~/db.server";
import { createDatabaseQueue } from "~/jobs/database/create-database-queue.server";
import { createPgBossQueue } from "~/jobs/pgboss/create-pgboss-queue.server";
import type { JobQueue } from "~/jobs/types";
import { createLogger, silentLogger, type Logger, type LogLevel } from "~/lib/logger.server";

/**
 * Builds the queues the contract suite runs, with timings shrunk so it finishes in seconds. The
 * crash worker (queue-crash-worker.ts) builds the same queue in a child process from environment
 * variables, so both sides agree on every setting.
 */
export const QUEUE_TEST_TIMINGS = {
  /** Embedded adapter: an abandoned job is claimable again after this. */
  lockTimeoutMs: 1_000,
  /** Embedded adapter: retries wait at most this long. */
  backoff: { baseMs: 20, maxMs: 200 },
  /** pg-boss: the shortest expiry it accepts that still lets the suite's handlers finish. */
  pgBossExpireInSeconds: 3,
  /** Worker poll interval (pg-boss's floor is 500 ms). */
  pollIntervalMs: 25,
} as const;

export const CRASH_WORKER_SCRIPT = path.resolve("tests/support/queue-crash-worker.ts");
export const TSX_BIN = path.resolve("node_modules/.bin/tsx");

/** Silent unless QUEUE_TEST_LOG_LEVEL is set: the suite provokes dead letters and crashes on purpose. */
export function testLogger(): Logger {
  const level = process.env.QUEUE_TEST_LOG_LEVEL as LogLevel | undefined;
  return level ? createLogger({ level }) : silentLogger;
}

export function buildDatabaseQueue(db: Db, logger: Logger = testLogger()): JobQueue {
  return createDatabaseQueue({
    db,
    logger,
    lockTimeoutMs: QUEUE_TEST_TIMINGS.lockTimeoutMs,
    backoff: QUEUE_TEST_TIMINGS.backoff,
    abortGraceMs: 200,
  });
}

/** The environment a crash worker needs to build the same queue as the test. */
export interface CrashWorkerEnv {
  QUEUE_ADAPTER: "database" | "pgboss";
  QUEUE_DATABASE_URL: string;
  QUEUE_PGBOSS_NAME?: string;
  [name: string]: string | undefined;
}

export function buildPgBossQueue(connectionString: string, queueName: string, logger: Logger = testLogger()): JobQueue {
  return createPgBossQueue({
    connectionString,
    logger,
    queueName,
    expireInSeconds: QUEUE_TEST_TIMINGS.pgBossExpireInSeconds,
    heartbeatSeconds: null,
    retryDelaySeconds: 1,
    retryDelayMaxSeconds: 1,
    superviseIntervalSeconds: 1,
    boss: { max: 4 },
  });
}

export function buildQueueFromEnv(env: NodeJS.ProcessEnv): { queue: JobQueue; close(): Promise<void> } {
  const url = env.QUEUE_DATABASE_URL;
  if (!url) throw new Error("QUEUE_DATABASE_URL is required");
  if (env.QUEUE_ADAPTER === "database") {
    const db = createPrismaClient(url);
    return { queue: buildDatabaseQueue(db), close: () => db.$disconnect() };
  }
  if (env.QUEUE_ADAPTER === "pgboss" && env.QUEUE_PGBOSS_NAME) {
    const queue = buildPgBossQueue(url, env.QUEUE_PGBOSS_NAME);
    return { queue, close: () => queue.stop({ timeoutMs: 0 }) };
  }
  throw new Error(`unknown QUEUE_ADAPTER ${env.QUEUE_ADAPTER}`);
}

/** Polls until the check passes; fails with `what` when it does not within the time. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  { timeoutMs = 10_000, what = "condition" }: { timeoutMs?: number; what?: string } = {},
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
