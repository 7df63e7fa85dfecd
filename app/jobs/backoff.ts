import { QUEUE_DEFAULTS } from "./defaults";

export interface BackoffOptions {
  /** Scale of graphile's e^min(attempts, 10): 1000 gives its seconds. (Default: 1000) */
  baseMs?: number;
  /** Upper bound of one delay. (Default: 6 hours) */
  maxMs?: number;
}

/**
 * How long to wait before the next attempt after `attempts` failed ones: graphile's
 * e^min(attempts, 10) seconds as the ceiling, with full jitter so a burst of failures (a Chatwoot
 * outage) does not come back as a burst of retries.
 */
export function retryDelayMs(attempts: number, options: BackoffOptions = {}, random: () => number = Math.random) {
  const baseMs = options.baseMs ?? QUEUE_DEFAULTS.backoffBaseMs;
  const maxMs = options.maxMs ?? QUEUE_DEFAULTS.backoffMaxMs;
  const ceiling = Math.min(maxMs, baseMs * Math.exp(Math.min(Math.max(attempts, 1), 10)));
  return Math.floor(random() * ceiling);
}
