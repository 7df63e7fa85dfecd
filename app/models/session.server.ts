import type { Session } from "@prisma/client";
import type { Db } from "~/db.server";

export function deleteSessionsForShop(db: Db, { shop }: Pick<Session, "shop">) {
  return db.session.deleteMany({ where: { shop } });
}

export function updateSessionScope(db: Db, { id, scope }: Pick<Session, "id" | "scope">) {
  return db.session.updateMany({ where: { id }, data: { scope } });
}
