import type { Db } from "~/db.server";
import type { DeadJob, JobQueue } from "~/jobs/types";
import { listOpenContactConflicts } from "~/models/contact-link.server";
import { getTierThresholds } from "~/models/tier-settings.server";
import { countWebhookEvents, oldestQueuedWebhookEvent } from "~/models/webhook-event.server";

export interface SyncWindowCounts {
  received: number;
  applied: number;
  failed: number;
}

/** What the admin's Sync page shows for one store. */
export async function getSyncOverview(
  deps: { db: Db; queue: Pick<JobQueue, "listDead"> },
  shop: string,
  now = new Date(),
) {
  const hourAgo = new Date(now.getTime() - 3600_000);
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const [hour, day, oldest, dead, conflicts, thresholds] = await Promise.all([
    countWebhookEvents(deps.db, { shop, since: hourAgo }),
    countWebhookEvents(deps.db, { shop, since: dayAgo }),
    oldestQueuedWebhookEvent(deps.db, { shop }),
    deps.queue.listDead({ shop, limit: 50 }),
    listOpenContactConflicts(deps.db, { shop }),
    getTierThresholds(deps.db, { shop }),
  ]);
  return {
    lastHour: windowCounts(hour),
    lastDay: windowCounts(day),
    /** Seconds the oldest unapplied event has waited; 0 when nothing is waiting. */
    lagSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.receivedAt.getTime()) / 1000)) : 0,
    deadJobs: dead.map(describeDeadJob),
    conflicts: conflicts.map((c) => ({
      id: c.id,
      customerId: c.customerId,
      field: c.field,
      detail: c.detail,
      at: c.createdAt.toISOString(),
    })),
    thresholds,
  };
}

function windowCounts(byStatus: Record<string, number>): SyncWindowCounts {
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  return { received: total, applied: byStatus.applied ?? 0, failed: byStatus.failed ?? 0 };
}

/** A dead job as the merchant sees it: what it was for and why it stopped, without personal data. */
function describeDeadJob(job: DeadJob) {
  const payload = (job.payload ?? {}) as { topic?: string; customerId?: string; webhookId?: string };
  const subject = payload.topic
    ? `Shopify ${payload.topic}`
    : payload.customerId
      ? `Customer ${payload.customerId}`
      : job.task;
  return {
    id: job.id,
    task: job.task,
    subject,
    attempts: job.attempts,
    lastError: job.lastError ?? "unknown error",
    failedAt: job.failedAt?.toISOString() ?? null,
  };
}
