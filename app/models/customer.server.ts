import type { Customer } from "@prisma/client";
import type { Db } from "~/db.server";
import { isUniqueViolation, matched } from "./prisma-errors";

type Key = Pick<Customer, "shop" | "customerId">;
export type CustomerFields = Partial<
  Pick<
    Customer,
    "email" | "phone" | "firstName" | "lastName" | "tags" | "acceptsMarketing" | "state" | "shopifyCreatedAt"
  >
>;

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
    const updated = await matched(
      db.customer.update({
        where: {
          shop_customerId: key,
          deletedAt: null,
          OR: [{ shopifyUpdatedAt: null }, { shopifyUpdatedAt: { lte: at } }],
        },
        data: { ...fields, shopifyUpdatedAt: at },
        select: { customerId: true },
      }),
    );
    if (updated) return true;
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

/**
 * Creates the customer from an order's embedded copy when there is no row yet; an existing row is
 * left as it is (that copy is not a full snapshot). Looked up first: most orders are from known
 * customers, and a refused INSERT costs Prisma an error object each time.
 */
export async function ensureCustomer(db: Db, key: Key, fields: CustomerFields) {
  if (await db.customer.findUnique({ where: { shop_customerId: key }, select: { customerId: true } })) return;
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
