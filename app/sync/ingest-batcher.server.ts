import type { Db } from "~/db.server";
import type { JobQueue } from "~/jobs/types";
import { getWebhookEventStatuses, recordNewWebhookEvents } from "~/models/webhook-event.server";
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
 * enqueued with two statements for the whole group instead of two per delivery; each request
 * still answers only after its own rows are written, so nothing is acknowledged before it is
 * durable.
 *
 * A group is written `maxWaitMs` after its first delivery, or at once when it is full, with at
 * most `maxWritesInFlight` groups being written at a time; what arrives meanwhile joins the next
 * group. Overlapping groups are safe: both inserts skip rows that are already there.
 */
export function createIngestBatcher(deps: {
  db: Db;
  queue: Pick<JobQueue, "enqueueMany">;
  /** Most deliveries in one group. (Default: 200) */
  maxBatch?: number;
  /** How long a group gathers deliveries, in ms. (Default: 3) */
  maxWaitMs?: number;
  /** Groups written at the same time. (Default: 2) */
  maxWritesInFlight?: number;
}) {
  const maxBatch = deps.maxBatch ?? 200;
  const maxWaitMs = deps.maxWaitMs ?? 3;
  const maxWritesInFlight = deps.maxWritesInFlight ?? 2;
  type Waiting = { item: IngestItem; resolve(outcome: "queued" | "duplicate"): void; reject(error: unknown): void };
  let waiting: Waiting[] = [];
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;

  // Two statements per group in the common case: one INSERT of the deliveries, one of their jobs.
  const write = async (group: Waiting[]) => {
    const items = new Map<string, IngestItem>();
    for (const { item } of group) if (!items.has(item.webhookId)) items.set(item.webhookId, item);
    const recorded = await recordNewWebhookEvents(
      deps.db,
      [...items.values()].map(({ payload: _payload, ...event }) => event),
    );
    // A redelivery of a delivery that is still queued enqueues again: its job key makes that a
    // no-op, or brings the job back if it was lost. An applied or refused one is not redone.
    const redelivered = [...items.keys()].filter((id) => !recorded.has(id));
    const statuses = redelivered.length
      ? await getWebhookEventStatuses(deps.db, { webhookIds: redelivered })
      : new Map<string, string>();
    const needJob = [...items.values()].filter(
      (item) => recorded.has(item.webhookId) || statuses.get(item.webhookId) === "queued",
    );
    await deps.queue.enqueueMany(
      needJob.map(({ shop, topic, webhookId, payload }) => ({
        task: WEBHOOK_APPLY_TASK,
        payload: { shop, topic, webhookId, payload },
        options: { key: `webhook:${webhookId}`, shop },
      })),
    );
    const queued = new Set(needJob.map((item) => item.webhookId));
    for (const w of group) w.resolve(queued.has(w.item.webhookId) ? "queued" : "duplicate");
  };

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    while (waiting.length && inFlight < maxWritesInFlight) {
      const group = waiting.slice(0, maxBatch);
      waiting = waiting.slice(maxBatch);
      inFlight++;
      write(group)
        .catch((error: unknown) => group.forEach((w) => w.reject(error)))
        .finally(() => {
          inFlight--;
          if (waiting.length) schedule();
        });
    }
  };
  const schedule = () => {
    if (waiting.length >= maxBatch) flush();
    else timer ??= setTimeout(flush, maxWaitMs);
  };

  return {
    add(item: IngestItem): Promise<"queued" | "duplicate"> {
      return new Promise((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}
