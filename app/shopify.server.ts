import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { db } from "./db.server";
import { env } from "./env.server";
import { createChatwootAccountClient, createChatwootPlatformClient } from "./chatwoot";
import { createDatabaseQueue, createPgBossQueue, createRequestBudget } from "./jobs";
import { enqueueTask } from "./jobs/tasks.server";
import type { JobQueue } from "./jobs/types";
import { CachedSessionStorage } from "./lib/cached-session-storage.server";
import { EncryptedSessionStorage } from "./lib/encrypted-session-storage.server";
import { createLimitedWebhookVerifier, createWebhookVerifier } from "./lib/webhook-verifier.server";
import { receiveShopUpdateFactory } from "./lifecycle/receive-shop-update.server";
import { recordGrantedScopesFactory } from "./lifecycle/record-granted-scopes.server";
import { suspendStoreFactory, uninstallStoreFactory } from "./lifecycle/uninstall-store.server";
import { createLogger } from "./lib/logger.server";
import { createOrderView } from "./order-view/index.server";
import { receiveComplianceFactory } from "./privacy/receive-compliance.server";
import { createProvisioning } from "./provisioning/index.server";
import { createSync } from "./sync/index.server";
import { storeClientFactory } from "./sync/store-client.server";
import { createWidget } from "./widget/index.server";
import { routeAdminApiTo } from "./sandbox/admin-api-origin";

/** The Admin API version the app and its webhooks (shopify.app.toml) are pinned to. */
export const API_VERSION = ApiVersion.October26;

const config = env();

// Sandbox only: the demo store's Admin API is a local fake.
if (config.SHOPIFY_ADMIN_API_ORIGIN) routeAdminApiTo(config.SHOPIFY_ADMIN_API_ORIGIN);

/**
 * Prisma session storage with the Shopify tokens encrypted at rest, behind a short read cache
 * (every admin request loads the merchant's session).
 */
export const sessions = new CachedSessionStorage(
  new EncryptedSessionStorage(
    new PrismaSessionStorage(db(), { connectionRetries: 2, connectionRetryIntervalMs: 1000 }),
    config.ENCRYPTION_KEYS,
  ),
);

const shopify = shopifyApp({
  apiKey: config.SHOPIFY_API_KEY,
  apiSecretKey: config.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  scopes: config.SCOPES.split(","),
  appUrl: config.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: sessions,
  distribution: AppDistribution.AppStore,
  future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
  hooks: {
    // Runs after every offline token exchange: install, reinstall, and each renewal of an expired
    // token; only the first two provision (start-after-auth.server.ts). Provisioning is claimed in
    // the database, so a second concurrent afterAuth (another instance) does not start a second run.
    afterAuth: async ({ session, admin }) => {
      await provisioning.afterAuth({ shop: session.shop, admin });
    },
  },
});

/**
 * Every webhook route verifies its delivery with authenticate.webhook without sessions, so no
 * delivery waits on a token refresh with Shopify (see webhook-verifier.server.ts). The sync routes
 * read the body under their own limit first (ingest-webhook.server.ts) and call this one.
 */
const verifySyncWebhook = createWebhookVerifier({
  apiKey: config.SHOPIFY_API_KEY,
  apiSecretKey: config.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  appUrl: config.SHOPIFY_APP_URL,
  scopes: config.SCOPES.split(","),
});

/** The lifecycle and compliance routes: the body is read under a limit first (the sync path reads its own). */
export const verifyWebhook = createLimitedWebhookVerifier(verifySyncWebhook);

export default shopify;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;

// --- capabilities, wired once ---

export const logger = createLogger({ level: config.LOG_LEVEL });
const keys = config.ENCRYPTION_KEYS;
const chatwootPublicUrl = config.CHATWOOT_PUBLIC_URL ?? config.CHATWOOT_BASE_URL;
const adminFor = async (shop: string) => (await shopify.unauthenticated.admin(shop)).admin;

/** Background jobs: in the app's own database by default, pg-boss on PostgreSQL at scale. */
export const queue: JobQueue =
  config.QUEUE_DRIVER === "pg-boss"
    ? createPgBossQueue({ connectionString: config.DATABASE_URL, logger: logger.child({ component: "queue" }) })
    : createDatabaseQueue({ db: db(), logger: logger.child({ component: "queue" }) });

// One budget of Chatwoot requests for every store and every instance (Chatwoot limits per IP).
const chatwootBudget = createRequestBudget({
  db: db(),
  name: "chatwoot",
  perMinute: config.CHATWOOT_REQUESTS_PER_MINUTE,
});
const chatwootTransport = {
  timeoutMs: config.CHATWOOT_TIMEOUT_MS,
  logger: logger.child({ component: "chatwoot" }),
  beforeRequest: () => chatwootBudget.acquire(),
};
const accountClient = (accountId: number, userToken: string) =>
  createChatwootAccountClient({ baseUrl: config.CHATWOOT_BASE_URL, accountId, userToken, ...chatwootTransport });

export const chatwootPlatform = createChatwootPlatformClient({
  baseUrl: config.CHATWOOT_BASE_URL,
  platformToken: config.CHATWOOT_PLATFORM_TOKEN,
  ...chatwootTransport,
});

/** The Application API client of one store, with that store's own service token. */
export const storeClient = storeClientFactory({ db: db(), keys, makeClient: accountClient });

export const provisioning = createProvisioning({
  db: db(),
  platform: chatwootPlatform,
  accountClient,
  adminFor,
  keys,
  config: {
    appUrl: config.SHOPIFY_APP_URL,
    chatwootPublicUrl,
    serviceUserEmailDomain: config.SERVICE_USER_EMAIL_DOMAIN ?? new URL(config.SHOPIFY_APP_URL).hostname,
    signingSecret: config.APP_SIGNING_SECRET,
  },
  // Events that arrived while the store was provisioning are applied now.
  onProvisioned: async (shop) => {
    await enqueueTask(queue, "shop.sync-pending", { shop }, { shop, coalesceKey: `sync-pending:${shop}` });
  },
  logger: logger.child({ component: "provisioning" }),
  instanceId: `${process.pid}`,
});

/** The storefront widget: the store's inbox settings, the theme embed status, the sandbox preview. */
export const widget = createWidget({
  db: db(),
  keys,
  accountClient,
  adminFor,
  logger: logger.child({ component: "widget" }),
});

/** The agents' order view: Chatwoot's "Order history" dashboard app, behind the per-store token. */
export const orderView = createOrderView({
  db: db(),
  queue,
  storeClient,
  logger: logger.child({ component: "order-view" }),
  config: {
    signingSecret: config.APP_SIGNING_SECRET,
    chatwootUrl: chatwootPublicUrl,
    appUrl: config.SHOPIFY_APP_URL,
    sandboxShop: config.SANDBOX_SHOP,
  },
});

/** The sync engine: the webhook request path and the worker's task handlers. */
export const sync = createSync({
  db: db(),
  queue,
  logger: logger.child({ component: "sync" }),
  storeClient,
  adminFor,
  authenticate: verifySyncWebhook,
  suspendStore: suspendStoreFactory({ db: db(), platform: chatwootPlatform }),
  platform: chatwootPlatform,
  coalesceMs: config.SYNC_COALESCE_MS,
});

/** The compliance webhooks' request path (customers/redact is carried out by a job). */
export const receiveCompliance = receiveComplianceFactory({
  db: db(),
  queue,
  logger: logger.child({ component: "privacy" }),
});

/** app/uninstalled: sessions, pending jobs, and the store's Chatwoot account (suspended by a job). */
export const uninstallStore = uninstallStoreFactory({
  db: db(),
  queue,
  logger: logger.child({ component: "lifecycle" }),
  forgetSessions: (shop) => sessions.forgetShop(shop),
});

/** app/scopes_update: the granted scopes, on the store's offline session. */
export const recordGrantedScopes = recordGrantedScopesFactory({
  db: db(),
  forgetSessions: (shop) => sessions.forgetShop(shop),
});

/** shop/update: the primary domain, queued so the chat widget may be framed there. */
export const receiveShopUpdate = receiveShopUpdateFactory({ queue, logger: logger.child({ component: "lifecycle" }) });
export const ingestWebhook = sync.ingestWebhook;
export const taskHandlers = sync.taskHandlers;
