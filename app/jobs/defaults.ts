/**
 * Every queue tunable and its default, in one place (graphile-worker's
 * `makeWorkerPresetWorkerOptions()`). Both adapters read from here.
 */
export const QUEUE_DEFAULTS = {
  /** Jobs run at once in one process. */
  concurrency: 4,
  /** How often an idle worker looks for due jobs. */
  pollIntervalMs: 250,
  /** Attempts before a job goes to the dead letter. */
  maxAttempts: 25,
  /** A running job whose lock is older than this is taken as abandoned by a dead worker. */
  lockTimeoutMs: 60_000,
  /** Retry delay scale: full jitter over min(cap, base · e^min(attempts, 10)) (graphile's formula). */
  backoffBaseMs: 1_000,
  /** e^10 s is about six hours, which is where graphile's formula levels off. */
  backoffMaxMs: 6 * 60 * 60 * 1_000,
  /** Done jobs (and their dedupe keys) are deleted after this. */
  doneRetentionMs: 24 * 60 * 60 * 1_000,
  /** Housekeeping (deleting old done jobs) runs at most this often. */
  maintenanceIntervalMs: 60_000,
  /** How long stop() waits for running handlers before it aborts them. */
  stopTimeoutMs: 30_000,
  /** After the abort, how long handlers get to return before their jobs are released anyway. */
  abortGraceMs: 5_000,
  /** lastError is cut to this many characters. */
  lastErrorMaxLength: 2_000,
  /** listDead page size. */
  listDeadLimit: 50,
} as const;
