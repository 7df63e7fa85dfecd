/**
 * Expected failures of the order view, each carrying the HTTP status it becomes. Nothing in the
 * body says why a token was refused: a guesser learns no more from a revoked token than from a
 * forged one.
 */
export class OrderViewError extends Error {
  override name = "OrderViewError";

  constructor(
    readonly status: number,
    /** Stable machine code for the page and the logs. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export class OrderViewUnauthorizedError extends OrderViewError {
  override name = "OrderViewUnauthorizedError";

  /** `reason` goes to the logs only. */
  constructor(readonly reason: string) {
    super(401, "unauthorized", `order view token refused: ${reason}`);
  }
}

export class OrderViewRateLimitError extends OrderViewError {
  override name = "OrderViewRateLimitError";

  constructor(readonly retryAfterSeconds: number) {
    super(429, "rate_limited", `too many order view requests; retry in ${retryAfterSeconds} s`);
  }
}

export class OrderViewBadRequestError extends OrderViewError {
  override name = "OrderViewBadRequestError";

  constructor(message: string) {
    super(400, "bad_request", message);
  }
}

export class OrderViewNotFoundError extends OrderViewError {
  override name = "OrderViewNotFoundError";

  constructor(message: string) {
    super(404, "not_found", message);
  }
}

/** Chatwoot could not be asked about an unlinked contact (down, slow, or refusing our token). */
export class OrderViewLookupError extends OrderViewError {
  override name = "OrderViewLookupError";

  constructor(message: string) {
    super(503, "lookup_failed", message);
  }
}
