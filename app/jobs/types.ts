import type { Logger } from "~/lib/logger.server";

/**
 * The job queue port. Two adapters implement it: the embedded one keeps jobs in the app's own
 * database (SQLite by default) with an in-process worker; the scale one runs on pg-boss. Both pass
 * the same contract suite (app/jobs/__tests__/contract.ts).
 */
export interface EnqueueOptions {
  /**
   * Dedupe key: while a job with this key exists (pending, running or dead), another enqueue with
   * the same key adds nothing and reports `deduped`. Webhooks use X-Shopify-Webhook-Id.
   */
  key?: string;
  /**
   * Coalescing key: while a job with this key is pending, another enqueue with the same key adds
   * nothing (the pending job will read the newest state when it runs), and at most one job with
   * the key runs at a time. A burst of events for one customer becomes one contact write.
   */
  coalesceKey?: string;
  /** Run no earlier than this many ms from now; the coalescing window. (Default: 0) */
  delayMs?: number;
  /** Attempts before the job goes to the dead letter. (Default: 25) */
  maxAttempts?: number;
  /** The store the job belongs to; lets lifecycle code cancel a store's jobs. */
  shop?: string;
}

export interface EnqueueResult {
  id: string;
  /** True when a job with the same key or coalescing key already existed and nothing was added. */
  deduped: boolean;
}

export interface JobHelpers {
  jobId: string;
  attempt: number;
  logger: Logger;
  signal: AbortSignal;
}

/** What a task's handler gets; throwing schedules a retry (or the dead letter when exhausted). */
export type TaskHandler<P> = (payload: P, helpers: JobHelpers) => Promise<void>;

/** Thrown by a handler when retrying cannot help (e.g. the store uninstalled): straight to the dead letter. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}

export interface DeadJob {
  id: string;
  task: string;
  shop: string | null;
  attempts: number;
  lastError: string | null;
  payload: unknown;
  failedAt: Date | null;
}

export interface QueueStats {
  pending: number;
  running: number;
  dead: number;
}

export interface WorkerOptions {
  /** Jobs run at once in this process. (Default: 4) */
  concurrency?: number;
  /** How often an idle worker looks for due jobs, in ms. (Default: 250) */
  pollIntervalMs?: number;
}

export interface EnqueueItem {
  task: string;
  payload: unknown;
  options?: EnqueueOptions;
}

export interface JobQueue {
  enqueue(task: string, payload: unknown, options?: EnqueueOptions): Promise<EnqueueResult>;
  /**
   * Several jobs at once, with the same semantics as `enqueue` for each: the embedded adapter
   * writes keyed jobs in one statement (one commit), which is what lets a burst of webhooks share
   * the cost of a write. Results come back in the items' order.
   */
  enqueueMany(items: readonly EnqueueItem[]): Promise<EnqueueResult[]>;
  /** Starts processing with the registered handlers. */
  start(handlers: Record<string, TaskHandler<never>>, options?: WorkerOptions): Promise<void>;
  /** Graceful: stops taking jobs and waits for the running ones (up to timeoutMs), then releases the rest. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  stats(shop?: string): Promise<QueueStats>;
  listDead(options?: { shop?: string; limit?: number }): Promise<DeadJob[]>;
  /** Puts a dead job back in the queue with a fresh attempt count. */
  replay(jobId: string, options?: { shop?: string }): Promise<boolean>;
  /** Deletes a store's pending jobs (uninstall, redact); returns how many. */
  cancelForShop(shop: string, options?: { task?: string }): Promise<number>;
  /** True when this process's worker loop is running. */
  isRunning(): boolean;
}
