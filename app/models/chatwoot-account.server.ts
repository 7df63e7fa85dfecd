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
