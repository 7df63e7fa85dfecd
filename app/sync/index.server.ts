import type { ChatwootAccountClient, ChatwootPlatformClient } from "~/chatwoot";
import type { Db } from "~/db.server";
import { createTaskHandlers, requestContactSyncFactory } from "~/jobs/tasks.server";
import type { JobQueue } from "~/jobs/types";
import type { Logger } from "~/lib/logger.server";
import type { ShopifyAdminGraphql } from "~/provisioning/types";
import { exportCustomerDataFactory } from "~/privacy/export-customer-data.server";
import { redactCustomerFactory } from "~/privacy/redact-customer.server";
import { redactShopFactory } from "~/privacy/redact-shop.server";
import { resumeWaitingRequestsFactory } from "~/privacy/resume-waiting-requests.server";
import { allowStoreDomainsFactory } from "~/widget/allow-store-domains.server";
import { applyWebhookFactory } from "./apply-webhook.server";
import { ingestWebhookFactory, type IngestDeps } from "./ingest-webhook.server";
import { resyncCustomerFactory } from "./resync-customer.server";
import { syncContactFactory } from "./sync-contact.server";

export interface SyncDeps {
  db: Db;
  queue: JobQueue;
  logger: Logger;
  storeClient(shop: string): Promise<ChatwootAccountClient | undefined>;
  adminFor(shop: string): Promise<ShopifyAdminGraphql>;
  authenticate: IngestDeps["authenticate"];
  suspendStore(shop: string): Promise<boolean>;
  platform: ChatwootPlatformClient;
  /** How long a contact update waits for more events of the same customer. (Default: 2000) */
  coalesceMs?: number;
  /** Attempts of a contact sync before it is dead-lettered. (Default: the queue's, 25) */
  maxAttempts?: number;
  maxBodyBytes?: number;
}

/** The sync engine as the app wires it: the webhook request path and the worker's task handlers. */
export function createSync(deps: SyncDeps) {
  const { db, queue, logger } = deps;
  const requestContactSync = requestContactSyncFactory(queue, deps.coalesceMs, deps.maxAttempts);
  const syncContact = syncContactFactory({ db, logger, storeClient: deps.storeClient });
  return {
    ingestWebhook: ingestWebhookFactory({
      db,
      queue,
      logger,
      authenticate: deps.authenticate,
      maxBodyBytes: deps.maxBodyBytes,
    }),
    syncContact,
    requestContactSync,
    taskHandlers: createTaskHandlers({
      db,
      queue,
      requestContactSync,
      applyWebhook: applyWebhookFactory({ db, logger, requestContactSync }),
      syncContact,
      resyncCustomer: resyncCustomerFactory({ db, adminFor: deps.adminFor }),
      suspendStore: deps.suspendStore,
      redactCustomer: redactCustomerFactory({ db, logger, storeClient: deps.storeClient }),
      redactShop: redactShopFactory({ db, logger, platform: deps.platform }),
      exportCustomer: exportCustomerDataFactory({ db, logger, storeClient: deps.storeClient }),
      resumeWaitingPrivacyRequests: resumeWaitingRequestsFactory({ db, queue, logger }),
      allowStoreDomains: allowStoreDomainsFactory({ db, logger, storeClient: deps.storeClient }),
    }),
  };
}
