import type { Customer } from "@prisma/client";
import type { Db } from "~/db.server";

type Key = Pick<Customer, "shop" | "customerId">;
export type CustomerFields = Partial<
  Pick<
    Customer,
    "email" | "phone" | "firstName" | "lastName" | "tags" | "acceptsMarketing" | "state" | "shopifyCreatedAt"
  >
>;

function isUniqueViolation(error: unknown) {
  return (error as { code?: string }).code === "P2002";
}

/**
 * Applies a customer snapshot unless a newer one (by Shopify's updated_at) or a tombstone is
 * stored. The guard is part of the UPDATE, so two workers racing cannot let the older one win.
 * Returns whether the row changed.
 */
export async function upsertCustomerIfNewer(
  db: Db,
  key: Key,
  fields: CustomerFields,
  shopifyUpdatedAt: Date | null,
): Promise<boolean> {
  const at = shopifyUpdatedAt ?? new Date(0);
  for (let attempt = 0; attempt < 2; attempt++) {
    const { count } = await db.customer.updateMany({
      where: { ...key, deletedAt: null, OR: [{ shopifyUpdatedAt: null }, { shopifyUpdatedAt: { lte: at } }] },
      data: { ...fields, shopifyUpdatedAt: at },
    });
    if (count === 1) return true;
    if (await db.customer.findUnique({ where: { shop_customerId: key }, select: { customerId: true } })) return false;
    try {
      await db.customer.create({ data: { ...key, ...fields, shopifyUpdatedAt: at } });
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return false;
}

/** Fills only fields that are still empty: an order's embedded customer is not a full snapshot. */
export async function ensureCustomer(db: Db, key: Key, fields: CustomerFields) {
  try {
    await db.customer.create({ data: { ...key, ...fields } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

/** A tombstone: the row stays (without personal data) so a late create cannot bring it back. */
export function tombstoneCustomer(db: Db, key: Key, now = new Date()) {
  return db.customer.upsert({
    where: { shop_customerId: key },
    create: { ...key, deletedAt: now },
    update: { deletedAt: now, email: null, phone: null, firstName: null, lastName: null, tags: null },
  });
}

export function getCustomer(db: Db, key: Key) {
  return db.customer.findUnique({ where: { shop_customerId: key } });
}

export function findCustomerByEmail(db: Db, { shop, email }: { shop: string; email: string }) {
  return db.customer.findFirst({ where: { shop, email: email.toLowerCase(), deletedAt: null } });
}

/** Customers of a store that have no Chatwoot contact yet (after provisioning finishes). */
export async function listCustomersWithoutContact(db: Db, { shop }: { shop: string }, take = 500) {
  const linked = new Set(
    (await db.contactLink.findMany({ where: { shop }, select: { customerId: true } })).map((l) => l.customerId),
  );
  const customers = await db.customer.findMany({ where: { shop, deletedAt: null }, select: { customerId: true } });
  return customers.filter((c) => !linked.has(c.customerId)).slice(0, take);
}

export function listLiveCustomerIds(db: Db, { shop }: { shop: string }) {
  return db.customer.findMany({ where: { shop, deletedAt: null }, select: { customerId: true } });
}
