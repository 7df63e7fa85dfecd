import type { Db } from "~/db.server";
import type { JobQueue } from "~/jobs/types";
import { getWebhookEventStatuses, recordWebhookEvents } from "~/models/webhook-event.server";
import type { SyncTopic } from "./payloads";

export interface IngestItem {
  shop: string;
  topic: SyncTopic;
  webhookId: string;
  triggeredAt: Date | null;
  payload: unknown;
}

export const WEBHOOK_APPLY_TASK = "webhook.apply";

/**
 * Group commit for the webhook request path. Deliveries that arrive together are recorded and
 * enqueued with a few statements for the whole group instead of a few per delivery; each request
 * still answers only after its own rows are written, so nothing is acknowledged before it is
 * durable. A group is written when it is full or a few milliseconds after its first delivery.
 */
export function createIngestBatcher(deps: {
  db: Db;
  queue: Pick<JobQueue, "enqueueMany">;
  maxBatch?: number;
  maxWaitMs?: number;
}) {
  const maxBatch = deps.maxBatch ?? 100;
  const maxWaitMs = deps.maxWaitMs ?? 2;
  type Waiting = { item: IngestItem; resolve(outcome: "queued" | "duplicate"): void; reject(error: unknown): void };
  let waiting: Waiting[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const write = async (group: Waiting[]) => {
    const ids = [...new Set(group.map((w) => w.item.webhookId))];
    const known = await getWebhookEventStatuses(deps.db, { webhookIds: ids });
    const fresh = ids.filter((id) => !known.has(id)).map((id) => group.find((w) => w.item.webhookId === id)!.item);
    if (fresh.length)
      await recordWebhookEvents(
        deps.db,
        fresh.map(({ payload: _payload, ...event }) => event),
      );
    // A redelivery of a delivery still queued enqueues again; the job key makes that a no-op.
    const needJob = ids.filter((id) => !known.has(id) || known.get(id) === "queued");
    await deps.queue.enqueueMany(
      needJob.map((id) => {
        const { shop, topic, webhookId, payload } = group.find((w) => w.item.webhookId === id)!.item;
        return {
          task: WEBHOOK_APPLY_TASK,
          payload: { shop, topic, webhookId, payload },
          options: { key: `webhook:${webhookId}`, shop },
        };
      }),
    );
    for (const w of group) w.resolve(needJob.includes(w.item.webhookId) ? "queued" : "duplicate");
  };

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const group = waiting;
    waiting = [];
    if (!group.length) return;
    // One group at a time: a delivery in two overlapping groups must not be inserted twice.
    writing = writing.then(() => write(group)).catch((error: unknown) => group.forEach((w) => w.reject(error)));
  };

  return {
    add(item: IngestItem): Promise<"queued" | "duplicate"> {
      return new Promise((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (waiting.length >= maxBatch) flush();
        else timer ??= setTimeout(flush, maxWaitMs);
      });
    },
  };
}
