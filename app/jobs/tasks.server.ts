import { z } from "zod";
import { listCustomersWithoutContact, listLiveCustomerIds } from "~/models/customer.server";
import { markWebhookEvent } from "~/models/webhook-event.server";
import type { Db } from "~/db.server";
import { SYNC_TOPICS, type SyncTopic } from "~/sync/payloads";
import type { ApplyWebhookInput } from "~/sync/apply-webhook.server";
import type { SyncContactOutcome } from "~/sync/sync-contact.server";
import { PermanentJobError, type JobHelpers, type JobQueue, type TaskHandler } from "./types";

/** Every task the worker runs, with the payload it accepts. */
export const TASK_PAYLOADS = {
  "webhook.apply": z.object({
    shop: z.string(),
    topic: z.enum(Object.keys(SYNC_TOPICS) as [SyncTopic, ...SyncTopic[]]),
    webhookId: z.string(),
    // Produced by the ingest route's own zod parse; not parsed again.
    payload: z.unknown(),
  }),
  "contact.sync": z.object({ shop: z.string(), customerId: z.string().regex(/^\d+$/) }),
  "customer.resync": z.object({ shop: z.string(), customerId: z.string().regex(/^\d+$/) }),
  "shop.sync-pending": z.object({ shop: z.string() }),
  "shop.resync-contacts": z.object({ shop: z.string() }),
  "shop.suspend": z.object({ shop: z.string() }),
  "shop.allow-domains": z.object({ shop: z.string(), primaryHost: z.string() }),
  "privacy.redact-shop": z.object({ shop: z.string(), triggeredAt: z.string().nullable() }),
  "privacy.export-customer": z.object({
    shop: z.string(),
    webhookId: z.string(),
    customerId: z.string().regex(/^\d+$/),
  }),
  "privacy.redact-customer": z.object({
    shop: z.string(),
    webhookId: z.string(),
    customerId: z.string().regex(/^\d+$/),
    email: z.string().nullable(),
  }),
} as const;

export type TaskName = keyof typeof TASK_PAYLOADS;

/**
 * The tasks an uninstall stops: keeping Chatwoot current is over for the store. The privacy tasks
 * are not among them: a redaction or export Shopify asked for is carried out whatever happens next.
 */
export const TASKS_STOPPED_BY_UNINSTALL = [
  "webhook.apply",
  "contact.sync",
  "customer.resync",
  "shop.sync-pending",
  "shop.resync-contacts",
  "shop.allow-domains",
] as const satisfies readonly TaskName[];
export type TaskPayload<T extends TaskName> = z.infer<(typeof TASK_PAYLOADS)[T]>;

export interface TaskDeps {
  db: Db;
  queue: Pick<JobQueue, "enqueue">;
  applyWebhook(input: ApplyWebhookInput): Promise<unknown>;
  syncContact(input: { shop: string; customerId: string; full?: boolean }): Promise<SyncContactOutcome>;
  resyncCustomer(input: { shop: string; customerId: string }): Promise<boolean>;
  requestContactSync(shop: string, customerId: string): Promise<void>;
  /** Suspends the store's Chatwoot account after an uninstall; false when there is nothing to do. */
  suspendStore(shop: string): Promise<boolean>;
  redactCustomer(input: TaskPayload<"privacy.redact-customer">): Promise<void>;
  redactShop(input: TaskPayload<"privacy.redact-shop">): Promise<unknown>;
  exportCustomer(input: TaskPayload<"privacy.export-customer">): Promise<void>;
  /** Lets the store's current primary domain frame the chat widget. */
  allowStoreDomains(shop: string, domains: { primaryHost: string }): Promise<unknown>;
  /** Runs again the store's privacy requests that waited for it to install again. */
  resumeWaitingPrivacyRequests(shop: string): Promise<number>;
}

/** Type-checked enqueue: the payload must match the task. */
export function enqueueTask<T extends TaskName>(
  queue: Pick<JobQueue, "enqueue">,
  task: T,
  payload: TaskPayload<T>,
  options?: Parameters<JobQueue["enqueue"]>[2],
) {
  return queue.enqueue(task, payload, options);
}

/** Asks for a contact sync; a burst for one customer inside the window becomes one job. */
export function requestContactSyncFactory(queue: Pick<JobQueue, "enqueue">, coalesceMs = 2000, maxAttempts?: number) {
  return async function requestContactSync(shop: string, customerId: string) {
    await enqueueTask(
      queue,
      "contact.sync",
      { shop, customerId },
      {
        coalesceKey: `contact:${shop}:${customerId}`,
        delayMs: coalesceMs,
        shop,
        ...(maxAttempts ? { maxAttempts } : {}),
      },
    );
  };
}

function handler<T extends TaskName>(
  task: T,
  run: (payload: TaskPayload<T>, helpers: JobHelpers) => Promise<void>,
): TaskHandler<never> {
  return (async (raw: unknown, helpers: JobHelpers) => {
    const parsed = TASK_PAYLOADS[task].safeParse(raw);
    if (!parsed.success) throw new PermanentJobError(`invalid ${task} payload: ${parsed.error.message}`);
    await run(parsed.data as TaskPayload<T>, helpers);
  }) as TaskHandler<never>;
}

export function createTaskHandlers(deps: TaskDeps): Record<TaskName, TaskHandler<never>> {
  const { requestContactSync } = deps;
  return {
    "webhook.apply": handler("webhook.apply", async (payload) => {
      try {
        await deps.applyWebhook(payload);
      } catch (error) {
        await markWebhookEvent(
          deps.db,
          { webhookId: payload.webhookId },
          { status: "queued", error: String(error).slice(0, 500) },
        );
        throw error;
      }
    }),
    "contact.sync": handler("contact.sync", async (payload, helpers) => {
      const outcome = await deps.syncContact(payload);
      helpers.logger.debug("contact synced", { shop: payload.shop, outcome });
    }),
    "customer.resync": handler("customer.resync", async (payload) => {
      if (!(await deps.resyncCustomer(payload))) throw new PermanentJobError("Shopify has no such customer");
      await deps.syncContact({ ...payload, full: true });
    }),
    "shop.sync-pending": handler("shop.sync-pending", async ({ shop }) => {
      await deps.resumeWaitingPrivacyRequests(shop);
      for (const { customerId } of await listCustomersWithoutContact(deps.db, { shop })) {
        await requestContactSync(shop, customerId);
      }
    }),
    "shop.resync-contacts": handler("shop.resync-contacts", async ({ shop }) => {
      for (const { customerId } of await listLiveCustomerIds(deps.db, { shop }))
        await requestContactSync(shop, customerId);
    }),
    "shop.suspend": handler("shop.suspend", async ({ shop }, helpers) => {
      const suspended = await deps.suspendStore(shop);
      helpers.logger.info(suspended ? "Chatwoot account suspended" : "nothing to suspend", { shop });
    }),
    "shop.allow-domains": handler("shop.allow-domains", async ({ shop, primaryHost }, helpers) => {
      const outcome = await deps.allowStoreDomains(shop, { primaryHost });
      helpers.logger.debug("store domains checked", { shop, outcome });
    }),
    "privacy.redact-customer": handler("privacy.redact-customer", (payload) => deps.redactCustomer(payload)),
    "privacy.redact-shop": handler("privacy.redact-shop", async (payload) => void (await deps.redactShop(payload))),
    "privacy.export-customer": handler("privacy.export-customer", (payload) => deps.exportCustomer(payload)),
  };
}
