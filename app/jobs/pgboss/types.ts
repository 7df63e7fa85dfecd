import type { ConstructorOptions, PgBoss } from "pg-boss";
import type { Logger } from "~/lib/logger.server";

export interface PgBossQueueOptions {
  /** PostgreSQL URL; pg-boss keeps its own pool and schema there. */
  connectionString: string;
  logger: Logger;
  /** The schema pg-boss installs into: letters, digits and underscores. (Default: "pgboss") */
  schema?: string;
  /** The pg-boss queue every task shares; the dead letter queue is `<name>-dead`. (Default: "jobs") */
  queueName?: string;
  /** First retry delay in whole seconds; pg-boss doubles it per retry, with jitter. (Default: 2) */
  retryDelaySeconds?: number;
  /** Longest retry delay in whole seconds. (Default: 21600, six hours) */
  retryDelayMaxSeconds?: number;
  /** Longest one attempt may run before pg-boss fails it and aborts its signal. (Default: 900) */
  expireInSeconds?: number;
  /**
   * A job whose worker stopped heart-beating this long is failed and retried: how fast a killed
   * worker's jobs come back. pg-boss refreshes it every half. At least 10; null turns it off and
   * leaves only expireInSeconds. (Default: 60)
   */
  heartbeatSeconds?: number | null;
  /** How long completed jobs, and with them their `key`, are kept. (Default: 86400) */
  deleteAfterSeconds?: number;
  /** How long a dead-lettered job stays visible for replay. (Default: 30 days) */
  deadRetentionSeconds?: number;
  /** How often pg-boss looks for expired and lost jobs, in seconds. (Default: 60, pg-boss's) */
  superviseIntervalSeconds?: number;
  /** Any other PgBoss constructor option (pool size, ssl, application_name). */
  boss?: Partial<ConstructorOptions>;
}

/** What the operation files of the pg-boss adapter share. */
export interface PgBossContext {
  logger: Logger;
  schema: string;
  queueName: string;
  deadLetterName: string;
  /** The started PgBoss instance, started (and its queues created) on first use. */
  boss(): Promise<PgBoss>;
}

/** The data of every pg-boss job this adapter sends. */
export interface PgBossJobData {
  task: string;
  shop: string | null;
  payload: unknown;
}
