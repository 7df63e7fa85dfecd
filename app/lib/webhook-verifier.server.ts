import "@shopify/shopify-app-remix/adapters/node";
import { AppDistribution, LogSeverity, shopifyApp, type ApiVersion } from "@shopify/shopify-app-remix/server";
import { BodyTooLargeError, readLimited } from "~/sync/read-limited";
import { NoSessionStorage } from "./no-session-storage.server";

export interface WebhookVerifierConfig {
  apiKey: string;
  apiSecretKey: string;
  apiVersion: ApiVersion;
  appUrl: string;
  scopes: string[];
}

/**
 * Shopify's authenticate.webhook on a shopifyApp of its own, without sessions. The app's main
 * instance would load the store's offline session for each delivery and, when its token is within
 * five minutes of expiring, refresh it with Shopify before answering: a network call on a request
 * path that Shopify gives 5 seconds, made by every concurrent delivery at once, and one that
 * fails for good after an uninstall (so app/uninstalled would never be processed). No webhook
 * route needs the Admin API; the worker refreshes tokens when it calls Shopify.
 */
export function createWebhookVerifier(config: WebhookVerifierConfig) {
  const verifier = shopifyApp({
    ...config,
    sessionStorage: new NoSessionStorage(),
    distribution: AppDistribution.AppStore,
    // The main instance already says which SDK version runs; refusals are answered, not logged here.
    logger: { level: LogSeverity.Warning },
    future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
  });
  return (request: Request) => verifier.authenticate.webhook(request);
}

export type VerifyWebhook = ReturnType<typeof createWebhookVerifier>;

/** The largest webhook body the lifecycle and compliance routes read. */
export const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

/**
 * A verified delivery with its raw body, read under a limit before Shopify's call sees it. That
 * call buffers the whole body before it checks the signature, and a chunked request declares no
 * Content-Length for the server's global limit to refuse, so without this an unsigned upload of
 * any size would be held in memory. A body over the limit is answered 413 and never verified.
 */
export function createLimitedWebhookVerifier(verify: VerifyWebhook, limit = WEBHOOK_MAX_BODY_BYTES) {
  return async function verifyLimited(request: Request) {
    // Shopify's call answers anything but a POST with 405 before it reads a body.
    if (request.method !== "POST") return { ...(await verify(request)), raw: "" };
    let raw: string;
    try {
      raw = await readLimited(request, limit);
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw new Response("Payload Too Large", { status: 413 });
      throw error;
    }
    const verified = await verify(new Request(request.url, { method: "POST", headers: request.headers, body: raw }));
    return { ...verified, raw };
  };
}
