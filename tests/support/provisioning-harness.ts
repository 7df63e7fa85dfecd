import { randomBytes } from "node:crypto";
import { createChatwootAccountClient, createChatwootPlatformClient } from "~/chatwoot";
import { createLogger, type LogLevel } from "~/lib/logger.server";
import { createProvisioning, type ProvisioningDeps } from "~/provisioning/index.server";
import { startChatwootSimulator, type ChatwootSimulator } from "../fakes/chatwoot";
import { fakeShop } from "../fakes/shopify-admin/demo-shops";
import { startFakeShopifyAdmin, type FakeShopifyAdmin } from "../fakes/shopify-admin/server";
import { createTestDatabase, type TestDatabase } from "./database";
import { createTestShopify } from "./shopify";

export const SHOP_A = "alpha-store.myshopify.com";
export const SHOP_B = "bravo-store.myshopify.com";

export interface ProvisioningHarness {
  sim: ChatwootSimulator;
  fakeAdmin: FakeShopifyAdmin;
  database: TestDatabase;
  shopify: ReturnType<typeof createTestShopify>;
  deps: ProvisioningDeps;
  provisioning: ReturnType<typeof createProvisioning>;
  logLines: string[];
  /** Another app instance on the same database and Chatwoot. */
  secondInstance(): ReturnType<typeof createProvisioning>;
  close(): Promise<void>;
}

/**
 * Everything provisioning talks to, for real: a migrated database (SQLite or PostgreSQL), the
 * Chatwoot simulator over HTTP, the fake Shopify Admin API behind the real SDK client.
 */
export async function startProvisioningHarness(
  options: { chatwootTimeoutMs?: number; logLevel?: LogLevel } = {},
): Promise<ProvisioningHarness> {
  const database = await createTestDatabase();
  const sim = await startChatwootSimulator();
  const fakeAdmin = await startFakeShopifyAdmin({ shops: [fakeShop(SHOP_A), fakeShop(SHOP_B, { locale: "nl" })] });
  const shopify = createTestShopify(database.db, fakeAdmin);
  const logLines: string[] = [];
  const logger = createLogger({ level: options.logLevel ?? "debug", sink: (line) => logLines.push(line) });
  const transport = {
    logger,
    timeoutMs: options.chatwootTimeoutMs ?? 2000,
    retry: { maxRetries: 4, baseDelayMs: 1, maxDelayMs: 10 },
  };
  const makeDeps = (instanceId: string): ProvisioningDeps => ({
    db: database.db,
    platform: createChatwootPlatformClient({ baseUrl: sim.url, platformToken: sim.platformToken, ...transport }),
    accountClient: (accountId, userToken) =>
      createChatwootAccountClient({ baseUrl: sim.url, accountId, userToken, ...transport }),
    adminFor: shopify.adminFor,
    keys: [{ id: "t1", key: randomBytes(32) }],
    config: {
      appUrl: "https://my-test-app.myshopify.io",
      chatwootPublicUrl: sim.url,
      serviceUserEmailDomain: "apps.example.test",
      signingSecret: "s".repeat(40),
    },
    logger,
    instanceId,
    leaseMs: 5_000,
  });
  const deps = makeDeps("instance-1");
  return {
    sim,
    fakeAdmin,
    database,
    shopify,
    deps,
    provisioning: createProvisioning(deps),
    logLines,
    secondInstance: () => createProvisioning({ ...makeDeps("instance-2"), keys: deps.keys }),
    async close() {
      await sim.stop();
      await fakeAdmin.stop();
      await database.drop();
    },
  };
}
