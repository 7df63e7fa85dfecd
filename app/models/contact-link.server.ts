import type { ContactConflict, ContactLink } from "@prisma/client";
import type { Db } from "~/db.server";
import { matched } from "./prisma-errors";

type Key = Pick<ContactLink, "shop" | "customerId">;

export function getContactLink(db: Db, key: Key) {
  return db.contactLink.findUnique({ where: { shop_customerId: key } });
}

export function getContactLinkByContactId(db: Db, { shop, contactId }: Pick<ContactLink, "shop" | "contactId">) {
  return db.contactLink.findFirst({ where: { shop, contactId } });
}

export function saveContactLink(
  db: Db,
  key: Key,
  data: Pick<ContactLink, "contactId" | "syncedAttributes" | "syncedAt">,
) {
  return db.contactLink.upsert({ where: { shop_customerId: key }, create: { ...key, ...data }, update: data });
}

export function deleteContactLink(db: Db, key: Key) {
  return db.contactLink.deleteMany({ where: key });
}

export function recordContactConflict(
  db: Db,
  conflict: Pick<ContactConflict, "shop" | "customerId" | "contactId" | "field" | "detail">,
) {
  const { shop, customerId, field } = conflict;
  return db.contactConflict.upsert({
    where: { shop_customerId_field: { shop, customerId, field } },
    create: conflict,
    update: { contactId: conflict.contactId, detail: conflict.detail, resolvedAt: null },
  });
}

/** Marks a customer's open conflict on a field resolved (the field now reached Chatwoot). */
export function resolveContactConflict(
  db: Db,
  { shop, customerId, field }: Pick<ContactConflict, "shop" | "customerId" | "field">,
  now = new Date(),
) {
  return matched(
    db.contactConflict.update({
      where: { shop_customerId_field: { shop, customerId, field }, resolvedAt: null },
      data: { resolvedAt: now },
      select: { field: true },
    }),
  );
}

export function listOpenContactConflicts(db: Db, { shop }: { shop: string }, take = 50) {
  return db.contactConflict.findMany({ where: { shop, resolvedAt: null }, orderBy: { createdAt: "desc" }, take });
}
