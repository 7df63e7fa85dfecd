import { Prisma, type WebhookEvent } from "@prisma/client";
import { queryRaw, type Db } from "~/db.server";
import { newId } from "~/lib/ids";
import { byString } from "~/lib/order-by";
import { matched } from "./prisma-errors";

/** Sets a delivery's status; false when no such delivery is recorded. */
export function markWebhookEvent(
  db: Db,
  { webhookId }: Pick<WebhookEvent, "webhookId">,
  data: Pick<WebhookEvent, "status"> & Partial<Pick<WebhookEvent, "error" | "appliedAt">>,
): Promise<boolean> {
  return matched(db.webhookEvent.update({ where: { webhookId }, data, select: { id: true } }));
}

/** Counts per status since a moment, for the Sync page. */
export async function countWebhookEvents(db: Db, { shop, since }: { shop: string; since: Date }) {
  const rows = await db.webhookEvent.groupBy({
    by: ["status"],
    where: { shop, receivedAt: { gte: since } },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Record<string, number>;
}

/** The oldest delivery still waiting to be applied: the sync's current lag. */
export function oldestQueuedWebhookEvent(db: Db, { shop }: { shop: string }) {
  return db.webhookEvent.findFirst({ where: { shop, status: "queued" }, orderBy: { receivedAt: "asc" } });
}

/** The statuses of whichever of these deliveries are already recorded. */
export async function getWebhookEventStatuses(db: Db, { webhookIds }: { webhookIds: string[] }) {
  const rows = await db.webhookEvent.findMany({
    where: { webhookId: { in: webhookIds } },
    select: { webhookId: true, status: true },
  });
  return new Map(rows.map((r) => [r.webhookId, r.status]));
}

/**
 * Records deliveries in one statement and returns the webhook ids it recorded; ids already on
 * record (redeliveries) are skipped. SQL for the same reason as insertJobsSkippingTakenKeys: a
 * single autocommitted INSERT, no transaction.
 */
export async function recordNewWebhookEvents(
  db: Db,
  events: Pick<WebhookEvent, "shop" | "webhookId" | "topic" | "triggeredAt">[],
): Promise<Set<string>> {
  if (!events.length) return new Set();
  const now = new Date();
  // In webhook id order, for the reason given in insertJobsSkippingTakenKeys.
  const values = [...events]
    .sort(byString((e) => e.webhookId))
    .map((e) => Prisma.sql`(${newId()}, ${e.shop}, ${e.webhookId}, ${e.topic}, 'queued', ${e.triggeredAt}, ${now})`);
  const rows = await queryRaw<{ webhookId: string }[]>(
    db,
    Prisma.sql`
    INSERT INTO "WebhookEvent" ("id", "shop", "webhookId", "topic", "status", "triggeredAt", "receivedAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("webhookId") DO NOTHING
    RETURNING "webhookId"`,
  );
  return new Set(rows.map((r) => r.webhookId));
}
