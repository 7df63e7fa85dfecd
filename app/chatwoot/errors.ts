import type { z } from "zod";
import { MAX_MESSAGE_EXCERPT } from "./constants";

/**
 * Error hierarchy of the Chatwoot client. The job queue decides with `instanceof` (or the
 * `transient` predicate below) whether a failed task is worth another attempt:
 *
 *   ChatwootError
 *   ├── ChatwootHttpError            any non-2xx answer (status, method, path, body)
 *   │   └── ChatwootRetriableError   5xx
 *   │       └── ChatwootRateLimitError  429
 *   ├── ChatwootNetworkError         no answer at all (DNS, refused, reset)
 *   │   └── ChatwootTimeoutError     no answer within the per-attempt timeout
 *   └── ChatwootSchemaError          2xx whose body did not match the operation's schema
 */
export class ChatwootError extends Error {
  override name = "ChatwootError";

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    // Keeps `instanceof` working when the code is down-levelled or bundled.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** The HTTP facts of a failed call; `path` never includes the query (it may hold an email). */
export interface ChatwootHttpErrorInit {
  status: number;
  method: string;
  path: string;
  /** Parsed JSON when the body was JSON, otherwise the raw text (`undefined` when empty). */
  body: unknown;
  statusText?: string;
}

export class ChatwootHttpError extends ChatwootError {
  override name = "ChatwootHttpError";
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly body: unknown;

  constructor(init: ChatwootHttpErrorInit) {
    const detail = describeBody(init.body) ?? init.statusText ?? "";
    super(`${init.method} ${init.path} → ${init.status}${detail ? `: ${detail}` : ""}`);
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.body = init.body;
  }
}

/**
 * A 5xx: Chatwoot or its proxy failed; a later attempt may succeed. `retryAfterMs` is set
 * only if a proxy sent Retry-After (Chatwoot itself never does).
 */
export class ChatwootRetriableError extends ChatwootHttpError {
  override name = "ChatwootRetriableError";
  readonly retryAfterMs: number | undefined;

  constructor(init: ChatwootHttpErrorInit & { retryAfterMs?: number }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** A 429 from rack-attack (text/plain `Retry later`, no Retry-After, so usually no `retryAfterMs`). */
export class ChatwootRateLimitError extends ChatwootRetriableError {
  override name = "ChatwootRateLimitError";
}

/** The request got no HTTP answer; whether Chatwoot processed it is unknown. */
export class ChatwootNetworkError extends ChatwootError {
  override name = "ChatwootNetworkError";
  readonly method: string;
  readonly path: string;

  constructor(init: { method: string; path: string; cause: unknown; message?: string }) {
    super(init.message ?? `${init.method} ${init.path} → network error: ${describeCause(init.cause)}`, {
      cause: init.cause,
    });
    this.method = init.method;
    this.path = init.path;
  }
}

export class ChatwootTimeoutError extends ChatwootNetworkError {
  override name = "ChatwootTimeoutError";
  readonly timeoutMs: number;

  constructor(init: { method: string; path: string; timeoutMs: number; cause?: unknown }) {
    const message = `${init.method} ${init.path} → no response within ${init.timeoutMs} ms`;
    super({ ...init, cause: init.cause, message });
    this.timeoutMs = init.timeoutMs;
  }
}

/**
 * The call succeeded but the body did not have the expected shape (a Chatwoot upgrade, or a
 * proxy answering 200 with HTML). Not an HTTP error and not transient: retrying won't help.
 */
export class ChatwootSchemaError extends ChatwootError {
  override name = "ChatwootSchemaError";
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly issues: z.core.$ZodIssue[];

  constructor(init: { method: string; path: string; status: number; issues: z.core.$ZodIssue[] }) {
    const first = init.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join(".")}` : "";
    super(
      `${init.method} ${init.path} → ${init.status} with an unexpected body${where}: ${first?.message ?? "invalid"}`,
    );
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.issues = init.issues;
  }
}

/**
 * Which attributes a 422 reports as already taken (e.g. `["email"]`), or `undefined` when the
 * error is not a uniqueness failure. Chatwoot answers `{"message": "Email has already been
 * taken, Phone number should be in e164 format", "attributes": ["email", "phone_number"]}`:
 * `attributes` mixes duplicates with other validation failures, so each one is checked
 * against its Rails full message ("<Humanized attribute> has already been taken").
 */
export function isDuplicateError(err: unknown): string[] | undefined {
  if (!(err instanceof ChatwootHttpError) || err.status !== 422) return undefined;
  const body = err.body as { message?: unknown; attributes?: unknown } | null;
  if (typeof body?.message !== "string" || !Array.isArray(body.attributes)) return undefined;
  const message = body.message.toLowerCase();
  const taken = body.attributes.filter(
    (attr): attr is string =>
      typeof attr === "string" && message.includes(`${attr.replace(/_/g, " ")} has already been taken`),
  );
  return taken.length > 0 ? taken : undefined;
}

/** 404: the Application API's `{"error":"Resource could not be found"}` or Rails' Platform 404. */
export function isNotFound(err: unknown): err is ChatwootHttpError {
  return err instanceof ChatwootHttpError && err.status === 404;
}

/** 401: bad token, a platform token on the Application API, a non-permissible resource, or a suspended account. */
export function isUnauthorized(err: unknown): err is ChatwootHttpError {
  return err instanceof ChatwootHttpError && err.status === 401;
}

/** True when a later attempt may succeed: rate limit, 5xx, timeout, network failure. */
export function transient(err: unknown): boolean {
  return err instanceof ChatwootRetriableError || err instanceof ChatwootNetworkError;
}

function describeBody(body: unknown): string | undefined {
  if (typeof body === "string") return excerpt(body);
  if (typeof body !== "object" || body === null) return undefined;
  // Validation errors use `message`, everything else (401, 404, Rails defaults) uses `error`.
  const { message, error } = body as { message?: unknown; error?: unknown };
  if (typeof message === "string") return excerpt(message);
  if (typeof error === "string") return excerpt(error);
  return undefined;
}

function excerpt(text: string): string | undefined {
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (!trimmed) return undefined;
  return trimmed.length > MAX_MESSAGE_EXCERPT ? `${trimmed.slice(0, MAX_MESSAGE_EXCERPT)}…` : trimmed;
}

/** fetch only says "fetch failed"; the useful part (ECONNREFUSED, ENOTFOUND) is one level down. */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof inner?.code === "string" ? inner.code : undefined;
  return code ? `${cause.message} (${code})` : cause.message;
}
