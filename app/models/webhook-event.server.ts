import type { WebhookEvent } from "@prisma/client";
import type { Db } from "~/db.server";

export function getWebhookEvent(db: Db, { webhookId }: Pick<WebhookEvent, "webhookId">) {
  return db.webhookEvent.findUnique({ where: { webhookId } });
}

/** Records an accepted delivery; false when this webhookId was already recorded (a redelivery). */
export async function recordWebhookEvent(
  db: Db,
  event: Pick<WebhookEvent, "shop" | "webhookId" | "topic" | "triggeredAt">,
): Promise<boolean> {
  try {
    await db.webhookEvent.create({ data: { ...event, status: "queued" } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}

export function markWebhookEvent(
  db: Db,
  { webhookId }: Pick<WebhookEvent, "webhookId">,
  data: Pick<WebhookEvent, "status"> & Partial<Pick<WebhookEvent, "error" | "appliedAt">>,
) {
  return db.webhookEvent.updateMany({ where: { webhookId }, data });
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

/** Records several new deliveries in one statement; throws P2002 if one was recorded meanwhile. */
export function recordWebhookEvents(
  db: Db,
  events: Pick<WebhookEvent, "shop" | "webhookId" | "topic" | "triggeredAt">[],
) {
  return db.webhookEvent.createMany({ data: events.map((e) => ({ ...e, status: "queued" })) });
}
