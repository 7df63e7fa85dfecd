import type { ChatwootAccount } from "@prisma/client";
import type { Db } from "~/db.server";

export type ChatwootAccountPatch = Partial<Omit<ChatwootAccount, "shop" | "createdAt" | "updatedAt">>;

export function getChatwootAccount(db: Db, { shop }: Pick<ChatwootAccount, "shop">) {
  return db.chatwootAccount.findUnique({ where: { shop } });
}

/** Saves what a provisioning step created, right after Chatwoot confirmed it. */
export function saveChatwootAccount(db: Db, { shop }: Pick<ChatwootAccount, "shop">, patch: ChatwootAccountPatch) {
  return db.chatwootAccount.upsert({ where: { shop }, create: { shop, ...patch }, update: patch });
}

/** The Chatwoot accounts of every store whose owner has this e-mail address: one merchant's stores. */
export async function listAccountIdsOfOwner(db: Db, { ownerEmail }: { ownerEmail: string }): Promise<Set<number>> {
  const stores = await db.shop.findMany({ where: { ownerEmail }, select: { shop: true } });
  if (stores.length === 0) return new Set();
  const accounts = await db.chatwootAccount.findMany({
    where: { shop: { in: stores.map((s) => s.shop) }, accountId: { not: null } },
    select: { accountId: true },
  });
  return new Set(accounts.flatMap((a) => (a.accountId === null ? [] : [a.accountId])));
}
