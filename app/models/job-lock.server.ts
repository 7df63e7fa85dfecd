import type { Job } from "@prisma/client";
import type { Db } from "~/db.server";
import { ifMatched } from "./prisma-errors";

/**
 * The claim/settle side of the job table. Every write is one conditional UPDATE on
 * (id, status, revision[, lockedBy]), which both SQLite and PostgreSQL run atomically; a row that
 * no longer matches means another worker (or the lock reaper) got there first, reported as null.
 */
export interface JobLock {
  id: string;
  /** The revision the claim wrote; any later claim, release or reap moves it on. */
  revision: number;
  owner: string;
}

const held = (lock: JobLock) => ({ id: lock.id, status: "running", lockedBy: lock.owner, revision: lock.revision });
const unlocked = { lockedAt: null, lockedBy: null, revision: { increment: 1 } } as const;

/** Due pending jobs, most urgent first (graphile: priority, then run_at). */
export function listDueJobs(db: Db, { now, limit }: { now: Date; limit: number }) {
  return db.job.findMany({
    where: { status: "pending", runAt: { lte: now } },
    orderBy: [{ priority: "asc" }, { runAt: "asc" }, { id: "asc" }],
    select: { id: true, revision: true, coalesceKey: true },
    take: limit,
  });
}

export async function listRunningCoalesceKeys(db: Db, { keys }: { keys: string[] }) {
  const rows = await db.job.findMany({
    where: { status: "running", coalesceKey: { in: keys } },
    select: { coalesceKey: true },
  });
  return rows.map((row) => row.coalesceKey!);
}

export function countOtherRunningJobs(db: Db, { id, coalesceKey }: Pick<Job, "id"> & { coalesceKey: string }) {
  return db.job.count({ where: { status: "running", coalesceKey, id: { not: id } } });
}

/**
 * Deletes the other pending jobs of a just-claimed job's coalesceKey: they were enqueued before
 * the claim, so the claimed job (which reads the newest state when it runs) covers them.
 */
export async function deleteCoveredJobs(db: Db, job: Pick<Job, "id" | "task"> & { coalesceKey: string }) {
  const { count } = await db.job.deleteMany({
    where: { coalesceKey: job.coalesceKey, task: job.task, status: "pending", id: { not: job.id } },
  });
  return count;
}

/** pending → running for exactly one worker; attempts counts claims, so a crash uses one up. */
export function claimJob(db: Db, job: Pick<Job, "id" | "revision">, { owner, now }: { owner: string; now: Date }) {
  return ifMatched(
    db.job.update({
      where: { id: job.id, status: "pending", revision: job.revision },
      data: {
        status: "running",
        lockedAt: now,
        lockedBy: owner,
        attempts: { increment: 1 },
        revision: { increment: 1 },
      },
    }),
  );
}

/** Gives a claim back without counting it (a lost coalescing race, or a graceful stop). */
export function releaseJob(db: Db, lock: JobLock) {
  return ifMatched(
    db.job.update({
      where: held(lock),
      data: { status: "pending", attempts: { decrement: 1 }, ...unlocked },
      select: { id: true },
    }),
  );
}

/** The heartbeat of a long job; null means the lock was lost (reaped or released). */
export function refreshJobLock(db: Db, lock: JobLock, now: Date) {
  return ifMatched(db.job.update({ where: held(lock), data: { lockedAt: now }, select: { id: true } }));
}

export function completeJob(db: Db, lock: JobLock, now: Date) {
  return ifMatched(
    db.job.update({ where: held(lock), data: { status: "done", finishedAt: now, ...unlocked }, select: { id: true } }),
  );
}

export function rescheduleJob(db: Db, lock: JobLock, { runAt, lastError }: { runAt: Date; lastError: string }) {
  return ifMatched(
    db.job.update({
      where: held(lock),
      data: { status: "pending", runAt, lastError, ...unlocked },
      select: { id: true },
    }),
  );
}

export function buryJob(db: Db, lock: JobLock, { lastError, now }: { lastError: string; now: Date }) {
  return ifMatched(
    db.job.update({
      where: held(lock),
      data: { status: "dead", lastError, finishedAt: now, ...unlocked },
      select: { id: true },
    }),
  );
}

/** Running jobs whose worker stopped refreshing the lock: crashed, killed or partitioned. */
export function listExpiredLocks(db: Db, { lockedBefore, limit }: { lockedBefore: Date; limit: number }) {
  return db.job.findMany({
    where: { status: "running", lockedAt: { lt: lockedBefore } },
    select: { id: true, revision: true, attempts: true, maxAttempts: true, lockedBy: true, task: true, shop: true },
    take: limit,
  });
}

/** Takes an abandoned job back: pending again, or dead when the lost attempt was its last. */
export function reclaimJob(
  db: Db,
  job: Pick<Job, "id" | "revision">,
  { lockedBefore, dead, lastError, now }: { lockedBefore: Date; dead: boolean; lastError: string; now: Date },
) {
  return ifMatched(
    db.job.update({
      where: { id: job.id, status: "running", revision: job.revision, lockedAt: { lt: lockedBefore } },
      data: dead
        ? { status: "dead", lastError, finishedAt: now, ...unlocked }
        : { status: "pending", runAt: now, lastError, ...unlocked },
      select: { id: true },
    }),
  );
}
