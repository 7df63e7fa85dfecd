import type { Order } from "@prisma/client";
import type { Db } from "~/db.server";

type CustomerKey = { shop: string; customerId: string };

/**
 * A customer's live orders, reduced to the fields the summary derives from (no line items), newest
 * first. The order view reads these for every request, so it stays a narrow select.
 */
export function listOrderSummaries(db: Db, { shop, customerId }: CustomerKey) {
  return db.order.findMany({
    where: { shop, customerId, deletedAt: null },
    select: {
      orderId: true,
      name: true,
      currency: true,
      totalPrice: true,
      presentmentCurrency: true,
      presentmentTotal: true,
      financialStatus: true,
      fulfillmentStatus: true,
      cancelledAt: true,
      shopifyCreatedAt: true,
      updatedAt: true,
    },
    orderBy: [{ shopifyCreatedAt: "desc" }, { orderId: "desc" }],
  });
}

/** One page of a customer's live orders with everything the order view shows, newest first. */
export function listOrderPage(
  db: Db,
  { shop, customerId }: CustomerKey,
  { skip, take }: { skip: number; take: number },
) {
  return db.order.findMany({
    where: { shop, customerId, deletedAt: null },
    orderBy: [{ shopifyCreatedAt: "desc" }, { orderId: "desc" }],
    skip,
    take,
  });
}

/** The refunds of some orders of a store (amount per refund). */
export function listRefundsOfOrders(db: Db, { shop, orderIds }: { shop: string; orderIds: Order["orderId"][] }) {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db.orderRefund.findMany({
    where: { shop, orderId: { in: orderIds } },
    select: { orderId: true, amount: true },
  });
}

/** The store's most recently synced Chatwoot contacts with their customers (the sandbox's picker). */
export async function listLinkedContacts(db: Db, { shop }: { shop: string }, take = 20) {
  const links = await db.contactLink.findMany({ where: { shop }, orderBy: { updatedAt: "desc" }, take });
  const customers = await db.customer.findMany({
    where: { shop, customerId: { in: links.map((l) => l.customerId) }, deletedAt: null },
  });
  return links.flatMap((link) => {
    const customer = customers.find((c) => c.customerId === link.customerId);
    return customer ? [{ contactId: link.contactId, customer }] : [];
  });
}

/**
 * Revokes every order-view URL of a store: tokens carry the version they were signed with. The
 * dashboard app must then be pointed at a new URL (provisioning's dashboard_app step does that).
 */
export async function rotateOrderViewTokenVersion(db: Db, { shop }: { shop: string }): Promise<number> {
  const account = await db.chatwootAccount.update({
    where: { shop },
    data: { orderViewTokenVersion: { increment: 1 } },
    select: { orderViewTokenVersion: true },
  });
  return account.orderViewTokenVersion;
}
