import type { Session } from "@prisma/client";
import type { Db } from "~/db.server";

export function deleteSessionsForShop(db: Db, { shop }: Pick<Session, "shop">) {
  return db.session.deleteMany({ where: { shop } });
}

/** Sets the scope of the store's offline session; a store without one is left alone. */
export function updateOfflineSessionScope(db: Db, { shop, scope }: Pick<Session, "shop" | "scope">) {
  return db.session.updateMany({ where: { shop, isOnline: false }, data: { scope } });
}
