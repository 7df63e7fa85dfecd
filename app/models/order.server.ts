import type { Order, OrderRefund } from "@prisma/client";
import type { Db } from "~/db.server";
import { isUniqueViolation, matched } from "./prisma-errors";

type Key = Pick<Order, "shop" | "orderId">;
export type OrderFields = Omit<Order, "shop" | "orderId" | "deletedAt" | "createdAt" | "updatedAt">;

/**
 * Applies an order snapshot unless a newer one (by updated_at) or a tombstone is stored; the guard
 * is inside the UPDATE. Returns whether the row changed.
 */
export async function upsertOrderIfNewer(db: Db, key: Key, fields: OrderFields): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const updated = await matched(
      db.order.update({
        where: { shop_orderId: key, deletedAt: null, shopifyUpdatedAt: { lte: fields.shopifyUpdatedAt } },
        data: fields,
        select: { orderId: true },
      }),
    );
    if (updated) return true;
    if (await db.order.findUnique({ where: { shop_orderId: key }, select: { orderId: true } })) return false;
    try {
      await db.order.create({ data: { ...key, ...fields } });
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return false;
}

/** Deletes leave a tombstone so a late create or update for the order is ignored. */
export async function tombstoneOrder(db: Db, key: Key, now = new Date()) {
  const existing = await db.order.findUnique({ where: { shop_orderId: key }, select: { customerId: true } });
  await db.order.upsert({
    where: { shop_orderId: key },
    create: {
      ...key,
      name: "",
      currency: "XXX",
      totalPrice: "0",
      shopifyCreatedAt: now,
      shopifyUpdatedAt: now,
      deletedAt: now,
    },
    update: { deletedAt: now },
  });
  return existing?.customerId ?? null;
}

export function getOrder(db: Db, key: Key) {
  return db.order.findUnique({ where: { shop_orderId: key } });
}

export function getOrderRefund(db: Db, { shop, refundId }: Pick<OrderRefund, "shop" | "refundId">) {
  return db.orderRefund.findUnique({ where: { shop_refundId: { shop, refundId } } });
}

/** Sets a refund's amount if it is still `expected` (compare-and-set); false when it was not. */
export function setOrderRefundAmountIf(
  db: Db,
  { shop, refundId }: Pick<OrderRefund, "shop" | "refundId">,
  { expected, amount }: { expected: string; amount: string },
) {
  return matched(
    db.orderRefund.update({
      where: { shop_refundId: { shop, refundId }, amount: expected },
      data: { amount },
      select: { refundId: true },
    }),
  );
}

/** Records a refund once; false when it was already recorded. */
export async function addOrderRefund(db: Db, refund: OrderRefund) {
  try {
    await db.orderRefund.create({ data: refund });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** A customer's orders with their refunds, newest first. */
export async function listCustomerOrders(
  db: Db,
  { shop, customerId }: { shop: string; customerId: string },
  { includeDeleted = false, take, skip }: { includeDeleted?: boolean; take?: number; skip?: number } = {},
) {
  const orders = await db.order.findMany({
    where: { shop, customerId, ...(includeDeleted ? {} : { deletedAt: null }) },
    orderBy: { shopifyCreatedAt: "desc" },
    take,
    skip,
  });
  const refunds = orders.length
    ? await db.orderRefund.findMany({ where: { shop, orderId: { in: orders.map((o) => o.orderId) } } })
    : [];
  return orders.map((order) => ({ ...order, refunds: refunds.filter((r) => r.orderId === order.orderId) }));
}
