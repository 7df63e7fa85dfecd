import type { Order } from "@prisma/client";
import { z } from "zod";
import { formatMoney, parseMoney, roundToCurrency } from "~/sync/money";
import { refundedInShopMoney, type OrderCurrencies } from "~/sync/refunded-in-shop-money";
import { orderAdminUrl } from "./admin-links";
import type { OrderViewOrder } from "./types";

// The projection stores line items and tracking as JSON text; read them back defensively, so one odd
// row never breaks the whole view.
const lineItemsSchema = z.array(
  z.object({
    title: z.string(),
    variantTitle: z
      .string()
      .nullish()
      .transform((v) => v ?? null),
    quantity: z.number().int(),
    price: z.string(),
  }),
);

const webUrl = z
  .string()
  .nullish()
  .transform((url) => (url && /^https?:\/\//i.test(url) ? url : null));

const trackingSchema = z.array(
  z.object({
    company: z
      .string()
      .nullish()
      .transform((v) => v ?? null),
    number: z.string(),
    url: webUrl,
    status: z
      .string()
      .nullish()
      .transform((v) => v ?? null),
  }),
);

function parseJson<T>(schema: z.ZodType<T>, text: string): T | [] {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/**
 * Sums refund amounts per order, exactly (thousandths), as decimal strings in the store's
 * currency, the one the order's total is shown in.
 */
export function refundTotals(
  orders: readonly (OrderCurrencies & { orderId: string })[],
  refunds: readonly { orderId: string; amount: string }[],
): Map<string, string> {
  const sums = new Map<string, bigint>();
  for (const r of refunds) sums.set(r.orderId, (sums.get(r.orderId) ?? 0n) + parseMoney(r.amount));
  return new Map(
    orders.flatMap((order) => {
      const sum = sums.get(order.orderId);
      if (sum === undefined) return [];
      return [[order.orderId, formatMoney(roundToCurrency(refundedInShopMoney(order, sum), order.currency))] as const];
    }),
  );
}

/** One stored order as the page shows it. */
export function toViewOrder(shop: string, order: Order, refunded: string | undefined): OrderViewOrder {
  return {
    id: order.orderId,
    name: order.name,
    adminUrl: orderAdminUrl(shop, order.orderId),
    createdAt: order.shopifyCreatedAt.toISOString(),
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    cancelled: order.cancelledAt !== null,
    total: order.totalPrice,
    currency: order.currency,
    refunded: refunded && parseMoney(refunded) !== 0n ? refunded : null,
    lineItems: parseJson(lineItemsSchema, order.lineItems),
    tracking: parseJson(trackingSchema, order.tracking),
  };
}
