import type { Db } from "~/db.server";
import { createRateBudget, getRateBudget, updateRateBudgetIfUnchanged } from "~/models/rate-budget.server";
import { sleep as defaultSleep } from "./delay";

/** Chatwoot allows 3000 requests a minute per IP; every instance shares one budget below that. */
export const DEFAULT_REQUESTS_PER_MINUTE = 2400;

export interface RequestBudgetOptions {
  db: Db;
  /** The RateBudget row; instances that use the same name share the tokens. */
  name: string;
  /** Refill rate. (Default: 2400) */
  perMinute?: number;
  /** Bucket size: how many requests may go at once after a quiet spell. (Default: one second's worth) */
  burst?: number;
  /** (Default: () => new Date()) */
  now?: () => Date;
  /** (Default: a timer that rejects when the signal aborts) */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter in [0, 1) for retries after a lost race. (Default: Math.random) */
  random?: () => number;
}

export interface RequestBudget {
  /** Resolves when this caller may send one request; waits (asleep) while the bucket is empty. */
  acquire(signal?: AbortSignal): Promise<void>;
}

/**
 * A token bucket kept in the database, so every app instance draws from one budget: it refills
 * continuously at perMinute/60 tokens a second up to `burst`, and each request takes one. Plug it
 * into the Chatwoot client's `beforeRequest` hook.
 *
 * Concurrency: the bucket is read, topped up by the time elapsed, and written back with a
 * compare-and-set on (tokens, updatedAt); a caller that loses the race reads again.
 */
export function createRequestBudget(options: RequestBudgetOptions): RequestBudget {
  const { db, name } = options;
  const perMinute = options.perMinute ?? DEFAULT_REQUESTS_PER_MINUTE;
  const burst = options.burst ?? Math.max(1, perMinute / 60);
  const perMs = perMinute / 60_000;
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  if (!(perMinute > 0) || !(burst >= 1)) throw new Error("request budget: perMinute must be > 0 and burst >= 1");

  return {
    async acquire(signal?: AbortSignal) {
      for (;;) {
        signal?.throwIfAborted();
        const at = now();
        const seen = await getRateBudget(db, { name });
        if (!seen) {
          if (await createRateBudget(db, { name, tokens: burst - 1, updatedAt: at })) return;
          continue; // another instance created it: read theirs
        }
        // A clock behind the row's (another instance's) must not refill anything.
        const elapsed = Math.max(0, at.getTime() - seen.updatedAt.getTime());
        const tokens = Math.min(burst, seen.tokens + elapsed * perMs);
        if (tokens >= 1) {
          const updatedAt = new Date(Math.max(at.getTime(), seen.updatedAt.getTime()));
          if (await updateRateBudgetIfUnchanged(db, seen, { tokens: tokens - 1, updatedAt })) return;
          await sleep(Math.floor(random() * 5), signal); // lost the race: a short pause, then read again
          continue;
        }
        // Empty: sleep until the next token is due, never spin.
        await sleep(Math.ceil((1 - tokens) / perMs), signal);
      }
    },
  };
}
