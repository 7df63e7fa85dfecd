import "@shopify/shopify-app-remix/adapters/node";
import { routeAdminApiTo } from "~/sandbox/admin-api-origin";
import { setUpValidSession } from "@shopify/shopify-api/test-helpers";
import { ApiVersion, shopifyApp } from "@shopify/shopify-app-remix/server";
import { testConfig } from "@shopify/shopify-app-remix/test-helpers";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import type { Db } from "~/db.server";
import type { KeyRing } from "~/lib/crypto.server";
import { EncryptedSessionStorage } from "~/lib/encrypted-session-storage.server";
import { createWebhookVerifier } from "~/lib/webhook-verifier.server";
import type { FakeShopifyAdmin } from "../fakes/shopify-admin/server";

/**
 * A real shopifyApp built from Shopify's own testConfig(), with Prisma session storage on the
 * test database. Admin API calls leave through the SDK's real client and are routed to the fake
 * Admin API, with the store's host in X-Forwarded-Host.
 */
export function createTestShopify(db: Db, fakeAdmin: FakeShopifyAdmin, keys?: KeyRing) {
  routeAdminApiTo(fakeAdmin.url);
  const prismaStorage = new PrismaSessionStorage(db, { connectionRetries: 1, connectionRetryIntervalMs: 10 });
  // With keys, the tokens are encrypted at rest the way the app stores them.
  const sessionStorage = keys ? new EncryptedSessionStorage(prismaStorage, keys) : prismaStorage;
  const shopify = shopifyApp({
    ...testConfig({ sessionStorage, logger: { level: 0 } }),
    // testConfig() sets a custom-app token, which would replace the store's offline token.
    adminApiAccessToken: undefined,
    apiVersion: ApiVersion.October26,
    future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
  });
  const { apiKey, apiSecretKey, appUrl, scopes } = testConfig();
  return {
    shopify,
    sessionStorage,
    /** authenticate.webhook as the app's webhook routes call it: on an instance without sessions. */
    verifyWebhook: createWebhookVerifier({
      apiKey,
      apiSecretKey,
      appUrl,
      scopes: scopes ?? [],
      apiVersion: ApiVersion.October26,
    }),
    /** Stores the offline session Shopify's helper builds and lets the fake Admin API accept its token. */
    async install(shop: string) {
      const session = setUpValidSession({ shop });
      await sessionStorage.storeSession(session);
      fakeAdmin.tokens.set(shop, new Set([session.accessToken!]));
      return session;
    },
    adminFor: async (shop: string) => (await shopify.unauthenticated.admin(shop)).admin,
  };
}
