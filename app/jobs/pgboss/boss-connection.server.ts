import { PgBoss } from "pg-boss";
import { QUEUE_DEFAULTS } from "../defaults";
import type { Logger } from "~/lib/logger.server";
import { coerceError } from "../errors";
import type { PgBossQueueOptions } from "./types";

const THIRTY_DAYS = 30 * 24 * 60 * 60;

/**
 * Starts pg-boss on first use and creates the two queues: the work queue and its dead letter.
 *
 * The work queue uses the `stately` policy: per singleton key, at most one job waiting, one
 * waiting to retry and one active. A `coalesceKey` is the singleton key, so a burst for one key
 * becomes one waiting job and two jobs of a key never run at once. Jobs without a coalesceKey get
 * a key of their own, so the policy never holds them back.
 */
export function bossConnection(options: PgBossQueueOptions, names: { queueName: string; deadLetterName: string }) {
  let starting: Promise<PgBoss> | undefined;
  const { logger } = options;

  const heartbeatSeconds = options.heartbeatSeconds === undefined ? 60 : options.heartbeatSeconds;
  const workSettings = {
    // A replayed job gets the queue's retry limit: pg-boss does not keep a job's own through a redrive.
    retryLimit: QUEUE_DEFAULTS.maxAttempts - 1,
    retryDelay: options.retryDelaySeconds ?? 2,
    retryBackoff: true,
    retryDelayMax: options.retryDelayMaxSeconds ?? 6 * 60 * 60,
    expireInSeconds: options.expireInSeconds ?? 900,
    deleteAfterSeconds: options.deleteAfterSeconds ?? 24 * 60 * 60,
    deadLetter: names.deadLetterName,
  };

  async function start(): Promise<PgBoss> {
    const boss = new PgBoss({
      connectionString: options.connectionString,
      schema: options.schema ?? "pgboss",
      useListenNotify: true,
      schedule: false,
      // pg-boss rejects an interval option that is present but undefined.
      ...(options.superviseIntervalSeconds
        ? {
            superviseIntervalSeconds: options.superviseIntervalSeconds,
            monitorIntervalSeconds: options.superviseIntervalSeconds,
          }
        : {}),
      ...options.boss,
    });
    boss.on("error", (error) => logger.error("pg-boss: error", { error: coerceError(error) }));
    await boss.start();
    // Nobody works the dead letter queue: its jobs wait there, visible, until replayed or expired.
    const dead = {
      retentionSeconds: options.deadRetentionSeconds ?? THIRTY_DAYS,
      deleteAfterSeconds: options.deadRetentionSeconds ?? THIRTY_DAYS,
    };
    await ensureQueue(boss, logger, names.deadLetterName, { policy: "standard", ...dead }, dead);
    await ensureQueue(
      boss,
      logger,
      names.queueName,
      { policy: "stately", notify: true, ...workSettings, ...(heartbeatSeconds ? { heartbeatSeconds } : {}) },
      { notify: true, ...workSettings, heartbeatSeconds },
    );
    return boss;
  }

  return {
    /** The started instance; a failed start is retried on the next call. */
    boss(): Promise<PgBoss> {
      starting ??= start().catch((error: unknown) => {
        starting = undefined;
        throw error;
      });
      return starting;
    },
    /** Stops pg-boss (graceful up to timeoutMs) and closes its pool; a later call starts a new one. */
    async close(timeoutMs: number) {
      const current = starting;
      starting = undefined;
      if (!current) return;
      const boss = await current.catch(() => undefined);
      await boss?.stop({ graceful: true, timeout: timeoutMs, close: true });
    },
  };
}

type CreateOptions = Parameters<PgBoss["createQueue"]>[1];
type UpdateOptions = Parameters<PgBoss["updateQueue"]>[1];

/** createQueue ignores an existing queue, so settings changed since are applied with updateQueue. */
async function ensureQueue(boss: PgBoss, logger: Logger, name: string, create: CreateOptions, update: UpdateOptions) {
  const existing = await boss.getQueue(name);
  if (!existing) return boss.createQueue(name, create);
  // A policy cannot be changed in place; coalescing relies on the work queue's being stately.
  if (existing.policy !== create?.policy) {
    logger.error("pg-boss: queue has the wrong policy; delete it to recreate it", {
      queue: name,
      policy: existing.policy,
      expected: create?.policy,
    });
  }
  await boss.updateQueue(name, update);
}
