import { Prisma, type Job } from "@prisma/client";
import { queryRaw, type Db } from "~/db.server";
import { matched } from "./prisma-errors";
import { newId } from "~/lib/ids";
import { byString } from "~/lib/order-by";

// Only single-statement Prisma calls here (create, update/delete with a where, deleteMany, reads):
// on SQLite Prisma runs updateMany, createMany and an upsert it cannot do natively as a
// transaction, and the libsql client opens a new connection after every transaction. See
// job-lock.server.ts for the lock side.

export type JobRow = Job;
export type NewJob = Pick<Job, "queue" | "task" | "payload" | "runAt" | "maxAttempts"> &
  Partial<Pick<Job, "key" | "coalesceKey" | "shop" | "priority">>;
export type JobStatus = "pending" | "running" | "done" | "dead";

/** Inserts a pending job; throws Prisma's P2002 when another job holds the same `key`. */
export function insertJob(db: Db, data: NewJob) {
  return db.job.create({ data, select: { id: true } });
}

/**
 * Inserts several keyed pending jobs in one statement and returns the ones it inserted: a row
 * whose `key` is already taken is skipped, not an error. Written as SQL because Prisma runs a
 * createMany as a transaction, and on SQLite every transaction costs the driver a new connection;
 * one autocommitted INSERT is one commit.
 */
export async function insertJobsSkippingTakenKeys(
  db: Db,
  rows: (NewJob & { key: string })[],
): Promise<{ id: string; key: string }[]> {
  if (!rows.length) return [];
  const now = new Date();
  // Rows go in key order: two overlapping batches inserting concurrently then wait for each other
  // instead of each holding a key the other needs (PostgreSQL reports that as a deadlock).
  const values = [...rows]
    .sort(byString((r) => r.key))
    .map(
      (r) =>
        Prisma.sql`(${newId()}, ${r.queue}, ${r.task}, ${r.payload}, ${r.key}, ${r.coalesceKey ?? null}, 'pending', ${r.runAt}, ${r.priority ?? 0}, 0, ${r.maxAttempts}, 0, ${r.shop ?? null}, ${now}, ${now})`,
    );
  return queryRaw<{ id: string; key: string }[]>(
    db,
    Prisma.sql`
    INSERT INTO "Job" ("id", "queue", "task", "payload", "key", "coalesceKey", "status", "runAt", "priority", "attempts", "maxAttempts", "revision", "shop", "createdAt", "updatedAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("key") DO NOTHING
    RETURNING "id", "key"`,
  );
}

export function findJobsByKeys(db: Db, { keys }: { keys: string[] }) {
  return db.job.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
}

export function findJobByKey(db: Db, { key }: { key: string }) {
  return db.job.findUnique({ where: { key }, select: { id: true } });
}

export function listPendingJobIdsByCoalesceKey(db: Db, { coalesceKey }: Pick<Job, "coalesceKey">) {
  return db.job.findMany({ where: { coalesceKey, status: "pending" }, select: { id: true } });
}

/** Brings a pending job's runAt forward to `runAt` if it was later; false when nothing changed. */
export async function advancePendingJob(db: Db, { id }: Pick<Job, "id">, runAt: Date): Promise<boolean> {
  return matched(
    db.job.update({ where: { id, status: "pending", runAt: { gt: runAt } }, data: { runAt }, select: { id: true } }),
  );
}

export async function countJobsByStatus(db: Db, { shop }: { shop?: string }) {
  const groups = await db.job.groupBy({ by: ["status"], where: shop ? { shop } : {}, _count: { _all: true } });
  const counts: Record<JobStatus, number> = { pending: 0, running: 0, done: 0, dead: 0 };
  for (const group of groups) counts[group.status as JobStatus] = group._count._all;
  return counts;
}

export function listDeadJobs(db: Db, { shop, limit }: { shop?: string; limit: number }) {
  return db.job.findMany({
    where: { status: "dead", ...(shop ? { shop } : {}) },
    orderBy: [{ finishedAt: "desc" }, { id: "asc" }],
    take: limit,
  });
}

/** Puts a dead job back in line with a fresh attempt count; lastError stays until it succeeds. */
export async function replayDeadJob(db: Db, { id, shop }: { id: string; shop?: string }, now: Date) {
  return matched(
    db.job.update({
      where: { id, status: "dead", ...(shop ? { shop } : {}) },
      data: { status: "pending", attempts: 0, runAt: now, finishedAt: null, revision: { increment: 1 } },
      select: { id: true },
    }),
  );
}

export async function deletePendingJobsForShop(db: Db, { shop, task }: { shop: string; task?: string }) {
  const { count } = await db.job.deleteMany({ where: { shop, status: "pending", ...(task ? { task } : {}) } });
  return count;
}

export async function deleteDoneJobs(db: Db, { finishedBefore }: { finishedBefore: Date }) {
  const { count } = await db.job.deleteMany({ where: { status: "done", finishedAt: { lt: finishedBefore } } });
  return count;
}
