import { randomBytes } from "node:crypto";
import type { Logger } from "~/lib/logger.server";
import { OrderViewError, OrderViewRateLimitError } from "./errors";
import { frameAncestors } from "./origins";

/**
 * Headers every order-view response carries. Only the expected Chatwoot page may frame it; the token
 * in the URL must not leak through Referer to the Shopify admin or a carrier's tracking site; nothing
 * with customer data is cached.
 */
export function securityHeaders(origins: readonly string[], policy = "default-src 'none'"): Record<string, string> {
  return {
    "Content-Security-Policy": `${policy}; ${frameAncestors(origins)}`,
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    // The JSON is for the page on our own origin. The page itself is framed by Chatwoot, and a
    // Chatwoot served with COEP needs it marked embeddable; frame-ancestors still decides who may.
    "Cross-Origin-Resource-Policy": policy === "default-src 'none'" ? "same-origin" : "cross-origin",
  };
}

/** The page's policy: its own inline style and script (by nonce), and calls to its own origin. */
export function pagePolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export function jsonResponse(body: unknown, status: number, origins: readonly string[], extra: HeadersInit = {}) {
  const headers = new Headers({ ...securityHeaders(origins), "Content-Type": "application/json; charset=utf-8" });
  for (const [name, value] of new Headers(extra)) headers.set(name, value);
  return new Response(JSON.stringify(body), { status, headers });
}

/** Expected failures become their status with a machine code; anything else is logged and a 500. */
export function errorResponse(error: unknown, origins: readonly string[], logger: Logger): Response {
  if (error instanceof OrderViewRateLimitError) {
    return jsonResponse({ error: error.code }, 429, origins, { "Retry-After": String(error.retryAfterSeconds) });
  }
  if (error instanceof OrderViewError) {
    if (error.status === 401)
      logger.info("order view: token refused", { reason: (error as { reason?: string }).reason });
    return jsonResponse({ error: error.code }, error.status, origins);
  }
  logger.error("order view: request failed", { error });
  return jsonResponse({ error: "internal" }, 500, origins);
}
