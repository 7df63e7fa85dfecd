/**
 * A per-key sliding-window rate limiter: at most `limit` requests in any `windowMs`. It keeps the
 * times of the last `limit` requests of each key (600 numbers for the order view's default), and
 * forgets idle keys first when it holds too many. The state is per process: with several app
 * instances each allows the full rate, which is fine for a guard against a leaked URL hammering the
 * API.
 */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): RateDecision;
}

export function createRateLimiter({
  limit,
  windowMs = 60_000,
  now = Date.now,
  maxKeys = 10_000,
}: {
  limit: number;
  /** (Default: 60000) */
  windowMs?: number;
  now?: () => number;
  /** Keys remembered at most. (Default: 10000) */
  maxKeys?: number;
}): RateLimiter {
  // Oldest first; Map order = least recently used first.
  const recent = new Map<string, number[]>();

  function makeRoom(since: number) {
    for (const [key, times] of recent) if ((times.at(-1) ?? 0) <= since) recent.delete(key);
    for (const key of recent.keys()) {
      if (recent.size < maxKeys) break;
      recent.delete(key);
    }
  }

  return {
    take(key) {
      const at = now();
      const since = at - windowMs;
      const times = (recent.get(key) ?? []).filter((t) => t > since);
      if (times.length >= limit) {
        recent.set(key, times);
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0]! - since) / 1000)) };
      }
      if (!recent.has(key) && recent.size >= maxKeys) makeRoom(since);
      recent.delete(key);
      recent.set(key, [...times, at]);
      return { ok: true };
    },
  };
}
