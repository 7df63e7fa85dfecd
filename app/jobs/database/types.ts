import type { Db } from "~/db.server";
import type { Logger } from "~/lib/logger.server";
import type { BackoffOptions } from "../backoff";

export interface DatabaseQueueOptions {
  db: Db;
  logger: Logger;
  /** Written to lockedBy, so a row says which process holds it. (Default: hostname:pid:random) */
  instanceId?: string;
  /** The clock every runAt, lockedAt and finishedAt comes from. (Default: () => new Date()) */
  now?: () => Date;
  /** Jitter source in [0, 1). (Default: Math.random) */
  random?: () => number;
  /** Retry delays: full jitter over min(maxMs, baseMs · e^min(attempts, 10)). (Default: 1 s base, 6 h cap) */
  backoff?: BackoffOptions;
  /**
   * A running job whose lock is older than this is taken as abandoned (its worker crashed or was
   * killed) and runs again. Running jobs refresh their lock every third of it. (Default: 60000)
   */
  lockTimeoutMs?: number;
  /** Done jobs stay this long (their `key` still dedupes) and are then deleted. (Default: 24 hours) */
  doneRetentionMs?: number;
  /** After stop's timeout aborts the handlers, how long they get to return. (Default: 5000) */
  abortGraceMs?: number;
}

/** What the operation files of the embedded adapter share: options resolved to their defaults. */
export interface DatabaseQueueContext {
  db: Db;
  logger: Logger;
  owner: string;
  now: () => Date;
  random: () => number;
  backoff: BackoffOptions;
  lockTimeoutMs: number;
  doneRetentionMs: number;
  abortGraceMs: number;
}
