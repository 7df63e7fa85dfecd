import "@shopify/shopify-app-remix/adapters/node";
import { AppDistribution, LogSeverity, shopifyApp, type ApiVersion } from "@shopify/shopify-app-remix/server";
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
