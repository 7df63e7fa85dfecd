import type { z } from "zod";
import {
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_MAX_DELAY_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  IDEMPOTENT_METHODS,
  TOKEN_HEADER,
} from "./constants";
import {
  ChatwootHttpError,
  ChatwootNetworkError,
  ChatwootRateLimitError,
  ChatwootRetriableError,
  ChatwootSchemaError,
  ChatwootTimeoutError,
} from "./errors";
import { computeRetryDelay, isRetriable, parseRetryAfter, sleepWithSignal } from "./retry-policy";
import type { ResolvedRetryPolicy } from "./retry-policy";
import type { ChatwootRequest, ChatwootTransport, ChatwootTransportOptions, HttpMethod, QueryValue } from "./types";

/**
 * JSON over `fetch` with Chatwoot's auth header, a per-attempt timeout, safe retries and
 * schema-checked responses. Both API clients are thin layers over one of these.
 */
export function createChatwootTransport(options: ChatwootTransportOptions): ChatwootTransport {
  const { token, logger, beforeRequest } = options;
  const origin = options.baseUrl.replace(/\/+$/, "");
  const fetchFn = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sleep = options.sleep ?? sleepWithSignal;
  const random = options.random ?? Math.random;
  const policy: ResolvedRetryPolicy = {
    maxRetries: options.retry?.maxRetries ?? DEFAULT_MAX_RETRIES,
    baseDelayMs: options.retry?.baseDelayMs ?? DEFAULT_BASE_DELAY_MS,
    maxDelayMs: options.retry?.maxDelayMs ?? DEFAULT_MAX_DELAY_MS,
  };

  async function attempt(method: HttpMethod, path: string, url: URL, init: RequestInit, callerSignal?: AbortSignal) {
    // A fresh timeout per attempt: a slow first try must not eat the retries' time.
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal ? AbortSignal.any([timeout, callerSignal]) : timeout;
    let response: Response;
    let text: string;
    try {
      response = await fetchFn(url, { ...init, signal });
      text = await response.text(); // inside the try: the timeout also covers a stalled body
    } catch (cause) {
      if (callerSignal?.aborted) throw callerSignal.reason; // the caller's decision, not a failure
      if (timeout.aborted) throw new ChatwootTimeoutError({ method, path, timeoutMs, cause });
      throw new ChatwootNetworkError({ method, path, cause });
    }
    const body = decodeBody(text, response.headers.get("content-type"));
    if (response.ok) return { status: response.status, body };
    const facts = { status: response.status, statusText: response.statusText, method, path, body };
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
    if (response.status === 429) throw new ChatwootRateLimitError({ ...facts, retryAfterMs });
    if (response.status >= 500) throw new ChatwootRetriableError({ ...facts, retryAfterMs });
    throw new ChatwootHttpError(facts);
  }

  async function request<S extends z.ZodType>(req: ChatwootRequest<S>): Promise<z.output<S>> {
    const { method, path, signal } = req;
    const idempotent = req.idempotent ?? IDEMPOTENT_METHODS.includes(method);
    const url = buildUrl(origin, path, req.query);
    const headers: Record<string, string> = { Accept: "application/json", [TOKEN_HEADER]: token };
    // Rails only unwraps flat bodies (`params.require(:dashboard_app)`) for JSON content types.
    if (req.body !== undefined) headers["Content-Type"] = "application/json";
    const init: RequestInit = { method, headers, body: req.body === undefined ? undefined : JSON.stringify(req.body) };

    for (let attemptNo = 1; ; attemptNo++) {
      signal?.throwIfAborted();
      await beforeRequest?.({ method, path, attempt: attemptNo });
      let result: { status: number; body: unknown };
      try {
        result = await attempt(method, path, url, init, signal);
      } catch (error) {
        const delayMs =
          attemptNo <= policy.maxRetries && isRetriable(error, idempotent)
            ? computeRetryDelay(error, attemptNo, policy, random)
            : undefined;
        if (delayMs === undefined) throw error;
        // Path without the query (search terms can be emails); the token is never in here.
        logger.warn("chatwoot request retry", { method, path, ...failureFacts(error), attempt: attemptNo, delayMs });
        await sleep(delayMs, signal);
        continue;
      }
      const parsed = req.schema.safeParse(result.body);
      if (parsed.success) return parsed.data;
      // The call worked, so this is not retried: the same body would fail the same way.
      throw new ChatwootSchemaError({ method, path, status: result.status, issues: parsed.error.issues });
    }
  }

  return { request };
}

function buildUrl(origin: string, path: string, query?: Record<string, QueryValue>): URL {
  const url = new URL(origin + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}

/** JSON when it is JSON (whatever the content type claims), else the text; empty is `undefined`. */
function decodeBody(text: string, contentType: string | null): unknown {
  if (text.trim() === "") return undefined;
  if (contentType?.includes("json") || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // A proxy's HTML or rack-attack's `Retry later`: keep the text for the error message.
    }
  }
  return text;
}

function failureFacts(error: unknown): { status: number } | { error: string } {
  if (error instanceof ChatwootHttpError) return { status: error.status };
  if (error instanceof ChatwootTimeoutError) return { error: "timeout" };
  return { error: error instanceof Error ? error.message : String(error) };
}
