import { parseMoney, type Thousandths } from "./money";

/** The order fields that say which currency its refunds are in, and at what rate it was sold. */
export interface OrderCurrencies {
  /** The store's currency: totalPrice is in it. */
  currency: string;
  totalPrice: string;
  /** The currency the customer paid in; refund transactions are in it. Null on orders stored before it was kept. */
  presentmentCurrency: string | null;
  /** totalPrice in the presentment currency. */
  presentmentTotal: string | null;
}

/**
 * A refund sum in the store's currency. Shopify refunds in the currency the customer paid in, so
 * on an order sold in another currency the sum is converted at the order's own rate (its total in
 * store money over its total in the customer's money), which is the rate Shopify booked it at.
 */
export function refundedInShopMoney(order: OrderCurrencies, refunded: Thousandths): Thousandths {
  const { presentmentCurrency, presentmentTotal } = order;
  if (!presentmentCurrency || presentmentCurrency === order.currency || presentmentTotal === null) return refunded;
  const paid = parseMoney(presentmentTotal);
  const total = parseMoney(order.totalPrice);
  if (paid <= 0n) return total <= 0n ? 0n : refunded;
  const scaled = refunded * total;
  const half = paid / 2n;
  return scaled >= 0n ? (scaled + half) / paid : -((-scaled + half) / paid);
}
