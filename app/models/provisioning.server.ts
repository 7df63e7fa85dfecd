import type { Provisioning, ProvisioningStep } from "@prisma/client";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "./prisma-errors";

type ShopKey = Pick<Provisioning, "shop">;

/** Creates the state row if it is missing; safe to call from two instances at once. */
export async function ensureProvisioning(db: Db, { shop }: ShopKey) {
  try {
    await db.provisioning.upsert({ where: { shop }, create: { shop }, update: {} });
  } catch (error) {
    // Two concurrent upserts can both try the insert; the loser sees a unique violation.
    if (!isUniqueViolation(error)) throw error;
  }
}

/**
 * Takes the store's provisioning lease with one conditional UPDATE. Exactly one caller wins while
 * the lease is held; an expired lease (a crashed instance) can be taken over.
 */
export async function claimProvisioning(
  db: Db,
  { shop }: ShopKey,
  { owner, leaseMs, now = new Date() }: { owner: string; leaseMs: number; now?: Date },
): Promise<boolean> {
  const { count } = await db.provisioning.updateMany({
    where: { shop, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    data: {
      claimedBy: owner,
      claimedUntil: new Date(now.getTime() + leaseMs),
      status: "running",
      startedAt: now,
      finishedAt: null,
      runs: { increment: 1 },
    },
  });
  return count === 1;
}

/** Extends the lease while a run makes progress; false when another owner took it over. */
export async function renewProvisioningLease(
  db: Db,
  { shop }: ShopKey,
  {
    owner,
    leaseMs,
    currentStep,
    now = new Date(),
  }: { owner: string; leaseMs: number; currentStep: string; now?: Date },
): Promise<boolean> {
  const { count } = await db.provisioning.updateMany({
    where: { shop, claimedBy: owner },
    data: { claimedUntil: new Date(now.getTime() + leaseMs), currentStep },
  });
  return count === 1;
}

export async function finishProvisioning(
  db: Db,
  { shop }: ShopKey,
  { owner, status, now = new Date() }: { owner: string; status: "provisioned" | "failed"; now?: Date },
) {
  await db.provisioning.updateMany({
    where: { shop, claimedBy: owner },
    data: { status, claimedBy: null, claimedUntil: null, finishedAt: now, currentStep: null },
  });
}

/** Stores that need a run: never finished, or left "running" by an instance whose lease ran out. */
export function listResumableProvisionings(db: Db, { now = new Date() }: { now?: Date } = {}) {
  return db.provisioning.findMany({
    where: {
      OR: [{ status: "pending" }, { status: "running", OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] }],
    },
    select: { shop: true },
    take: 50,
  });
}

export function getProvisioningStatus(db: Db, { shop }: ShopKey) {
  return db.provisioning.findUnique({ where: { shop } });
}

export function listProvisioningSteps(db: Db, { shop }: ShopKey) {
  return db.provisioningStep.findMany({ where: { shop } });
}

export function saveProvisioningStep(
  db: Db,
  { shop, step }: Pick<ProvisioningStep, "shop" | "step">,
  data: Partial<Pick<ProvisioningStep, "status" | "reason" | "detail" | "startedAt" | "finishedAt">> & {
    attempt?: boolean;
  },
) {
  const { attempt, ...fields } = data;
  return db.provisioningStep.upsert({
    where: { shop_step: { shop, step } },
    create: { shop, step, ...fields, attempts: attempt ? 1 : 0 },
    update: { ...fields, ...(attempt ? { attempts: { increment: 1 } } : {}) },
  });
}
