import { createChatwootAccountClient } from "~/chatwoot";
import { createDatabaseQueue } from "~/jobs/database/create-database-queue.server";
import type { JobQueue } from "~/jobs/types";
import { suspendStoreFactory } from "~/lifecycle/uninstall-store.server";
import { createSync } from "~/sync/index.server";
import type { SyncTopic } from "~/sync/payloads";
import { storeClientFactory } from "~/sync/store-client.server";
import { webhookRequest, type SignedWebhook } from "../fakes/shopify-webhooks/send";
import { SHOP_A, startProvisioningHarness, type ProvisioningHarness } from "./provisioning-harness";

export const APP_URL = "https://my-test-app.myshopify.io";

export interface SyncHarness extends ProvisioningHarness {
  queue: JobQueue;
  sync: ReturnType<typeof createSync>;
  /** A store's Chatwoot client, with its own token: what an agent's edits in Chatwoot go through. */
  storeClient: ReturnType<typeof storeClientFactory>;
  /** Delivers a signed webhook through the app's request path; returns the HTTP status. */
  send(
    topic: SyncTopic,
    body: unknown,
    options?: Partial<Pick<SignedWebhook, "shop" | "webhookId" | "secret" | "triggeredAt" | "headerStyle">>,
  ): Promise<number>;
  /** Waits until the queue has nothing pending or running. */
  settled(timeoutMs?: number): Promise<void>;
  /** Chatwoot contact writes (create and update) the simulator received. */
  contactWrites(): { method: string; path: string; status: number | null }[];
}

/**
 * The sync engine on a real database and the Chatwoot simulator, with provisioned stores, a real
 * worker and fast retries. Webhooks are signed with Shopify's own test helper.
 */
export async function startSyncHarness(
  options: {
    shops?: string[];
    coalesceMs?: number;
    maxAttempts?: number;
    provision?: boolean;
    logLevel?: "debug" | "info";
  } = {},
): Promise<SyncHarness> {
  const h = await startProvisioningHarness({ chatwootTimeoutMs: 500, logLevel: options.logLevel ?? "info" });
  const shops = options.shops ?? [SHOP_A];
  for (const shop of shops) {
    await h.shopify.install(shop);
    if (options.provision !== false) {
      const outcome = await h.provisioning.run(shop);
      if (outcome !== "provisioned") throw new Error(`could not provision ${shop}: ${outcome}`);
    }
  }
  const queue = createDatabaseQueue({
    db: h.database.db,
    logger: h.deps.logger,
    backoff: { baseMs: 20, maxMs: 300 },
    lockTimeoutMs: 5_000,
  });
  const transport = { logger: h.deps.logger, timeoutMs: 500, retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20 } };
  const storeClient = storeClientFactory({
    db: h.database.db,
    keys: h.deps.keys,
    makeClient: (accountId, userToken) =>
      createChatwootAccountClient({ baseUrl: h.sim.url, accountId, userToken, ...transport }),
  });
  const sync = createSync({
    db: h.database.db,
    queue,
    logger: h.deps.logger,
    storeClient,
    adminFor: h.shopify.adminFor,
    authenticate: h.shopify.verifyWebhook,
    suspendStore: suspendStoreFactory({ db: h.database.db, platform: h.deps.platform }),
    platform: h.deps.platform,
    coalesceMs: options.coalesceMs ?? 100,
    maxAttempts: options.maxAttempts,
  });
  await queue.start(sync.taskHandlers, { concurrency: 4, pollIntervalMs: 20 });
  return {
    ...h,
    queue,
    sync,
    storeClient,
    async send(topic, body, { shop = shops[0]!, ...options } = {}) {
      const request = webhookRequest(APP_URL, { topic, shop, body, ...options });
      try {
        return (await sync.ingestWebhook(request, topic)).status;
      } catch (thrown) {
        if (thrown instanceof Response) return thrown.status;
        throw thrown;
      }
    },
    async settled(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const stats = await queue.stats();
        if (stats.pending + stats.running === 0) return;
        if (Date.now() > deadline) throw new Error(`queue not settled: ${JSON.stringify(stats)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    contactWrites: () =>
      h.sim.state.requests
        .filter((r) => /\/contacts(\/\d+)?$/.test(r.path) && (r.method === "POST" || r.method === "PATCH"))
        .map((r) => ({ method: r.method, path: r.path, status: r.status })),
    async close() {
      await queue.stop({ timeoutMs: 2_000 });
      await h.close();
    },
  };
}
