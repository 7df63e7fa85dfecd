import type { RateBudget } from "@prisma/client";
import type { Db } from "~/db.server";
import { isUniqueViolation, matched } from "./prisma-errors";

// Single-statement writes only (see job.server.ts): the bucket is updated optimistically.

export function getRateBudget(db: Db, { name }: Pick<RateBudget, "name">) {
  return db.rateBudget.findUnique({ where: { name } });
}

/** Creates the bucket; false when another instance created it first. */
export async function createRateBudget(db: Db, budget: RateBudget): Promise<boolean> {
  try {
    await db.rateBudget.create({ data: budget });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Writes the bucket's new level only if nobody changed it since `seen` was read (compare-and-set
 * on tokens and updatedAt); false means another instance spent or refilled in between.
 */
export async function updateRateBudgetIfUnchanged(
  db: Db,
  seen: RateBudget,
  next: Pick<RateBudget, "tokens" | "updatedAt">,
) {
  return matched(
    db.rateBudget.update({
      where: { name: seen.name, tokens: seen.tokens, updatedAt: seen.updatedAt },
      data: next,
      select: { name: true },
    }),
  );
}
