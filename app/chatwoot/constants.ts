/**
 * Tunables and protocol constants of the Chatwoot client, kept in one place so the retry
 * policy can be read (and changed) without reading the transport.
 */

/** Chatwoot reads the token from this header; note the underscores (see nginx caveat below). */
export const TOKEN_HEADER = "api_access_token";

/** Per-attempt timeout. (Default: 10000 ms) */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Retries after the first attempt. (Default: 4, so at most 5 requests per call) */
export const DEFAULT_MAX_RETRIES = 4;

/** First backoff ceiling; doubles per retry. (Default: 250 ms) */
export const DEFAULT_BASE_DELAY_MS = 250;

/** Upper bound of any single wait, including a Retry-After we honour. (Default: 8000 ms) */
export const DEFAULT_MAX_DELAY_MS = 8_000;

/**
 * Statuses that mean "refused before processing", so replaying is safe for any method:
 * rack-attack's 429 (text/plain `Retry later`, no Retry-After) and a 503 from Puma or the
 * proxy in front of it while Rails is restarting.
 */
export const ALWAYS_RETRIABLE_STATUSES: readonly number[] = [429, 503];

/**
 * Statuses where the request may or may not have been applied. Only idempotent calls replay
 * them; a POST that created a contact and then 502'd must not create a second one.
 */
export const IDEMPOTENT_RETRIABLE_STATUSES: readonly number[] = [500, 502, 504];

/** Methods that are idempotent by HTTP semantics; an operation may opt in beyond these. */
export const IDEMPOTENT_METHODS: readonly string[] = ["GET", "HEAD", "PUT", "DELETE"];

/** Longest server message we copy into an error message; bodies can be whole HTML pages. */
export const MAX_MESSAGE_EXCERPT = 200;
