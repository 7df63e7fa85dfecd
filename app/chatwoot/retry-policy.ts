import { ALWAYS_RETRIABLE_STATUSES, IDEMPOTENT_RETRIABLE_STATUSES } from "./constants";
import { ChatwootHttpError, ChatwootNetworkError, ChatwootRetriableError } from "./errors";

export interface ResolvedRetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Whether replaying is safe. 429/503 were refused before Rails ran the action, so any method
 * may retry. After a 500/502/504, a timeout or a dropped connection the action may already
 * have run; only idempotent calls replay those. Other 4xx never change by retrying.
 */
export function isRetriable(error: unknown, idempotent: boolean): boolean {
  if (error instanceof ChatwootHttpError) {
    return (
      ALWAYS_RETRIABLE_STATUSES.includes(error.status) ||
      (idempotent && IDEMPOTENT_RETRIABLE_STATUSES.includes(error.status))
    );
  }
  return idempotent && error instanceof ChatwootNetworkError;
}

/**
 * How long to wait before retry number `retry` (1-based), or `undefined` to give up now.
 * Exponential backoff with full jitter, so the many stores sharing our egress IP (and thus
 * one rack-attack bucket) don't retry in lockstep. A Retry-After is honoured when it fits
 * under `maxDelayMs`; a longer one is left to the job queue via `retryAfterMs`.
 */
export function computeRetryDelay(
  error: unknown,
  retry: number,
  policy: ResolvedRetryPolicy,
  random: () => number,
): number | undefined {
  const retryAfterMs = error instanceof ChatwootRetriableError ? error.retryAfterMs : undefined;
  if (retryAfterMs !== undefined) return retryAfterMs <= policy.maxDelayMs ? retryAfterMs : undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** Retry-After as delta-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export { sleepWithSignal } from "~/lib/sleep";
