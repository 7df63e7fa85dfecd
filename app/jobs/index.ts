// The job queue as the rest of the app sees it. Server-only: both adapters reach the database.
export { createDatabaseQueue } from "./database/create-database-queue.server";
export type { DatabaseQueueOptions } from "./database/types";
export { createPgBossQueue } from "./pgboss/create-pgboss-queue.server";
export type { PgBossQueueOptions } from "./pgboss/types";
export { createRequestBudget, DEFAULT_REQUESTS_PER_MINUTE } from "./request-budget.server";
export type { RequestBudget, RequestBudgetOptions } from "./request-budget.server";
export { QUEUE_DEFAULTS } from "./defaults";
export type { BackoffOptions } from "./backoff";
export { UnknownTaskError } from "./errors";
export { PermanentJobError } from "./types";
export type {
  DeadJob,
  EnqueueOptions,
  EnqueueResult,
  JobHelpers,
  JobQueue,
  QueueStats,
  TaskHandler,
  WorkerOptions,
} from "./types";
