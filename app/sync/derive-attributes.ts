import { moneyToNumber, parseMoney } from "./money";
import { tierFor, type TierThresholds } from "./tiers";

/** The projection rows derivation reads (a subset of the Prisma models). */
export interface DerivationCustomer {
  customerId: string;
  tags: string | null;
  acceptsMarketing: boolean | null;
}

export interface DerivationOrder {
  name: string;
  totalPrice: string;
  totalRefunded: string;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  cancelledAt: Date | null;
  shopifyCreatedAt: Date;
  deletedAt: Date | null;
}

/** Contact custom attributes, keyed as provisioning defined them. */
export interface ContactAttributes {
  order_count: number;
  total_spent: number;
  customer_tier: string;
  last_order_at: string | null;
  last_order_number: string | null;
  last_order_status: string | null;
  shopify_customer: string;
  shopify_tags: string | null;
  accepts_marketing: boolean | null;
}

const FINANCIAL: Record<string, string> = {
  pending: "Payment pending",
  authorized: "Authorized",
  partially_paid: "Partially paid",
  paid: "Paid",
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
  voided: "Voided",
  expired: "Expired",
};

const FULFILMENT: Record<string, string> = {
  fulfilled: "fulfilled",
  partial: "partially fulfilled",
  restocked: "restocked",
};

export function orderStatusText(
  order: Pick<DerivationOrder, "financialStatus" | "fulfillmentStatus" | "cancelledAt">,
): string {
  if (order.cancelledAt) return "Cancelled";
  const financial = FINANCIAL[order.financialStatus ?? ""] ?? "Open";
  return `${financial}, ${FULFILMENT[order.fulfillmentStatus ?? ""] ?? "unfulfilled"}`;
}

/** An order counts toward totals unless it was cancelled, voided or deleted. */
function counts(order: DerivationOrder): boolean {
  return !order.deletedAt && !order.cancelledAt && order.financialStatus !== "voided";
}

/**
 * Pure: the contact attributes for one customer from the local projection. total_spent is net of
 * refunds, in the store's currency (Shopify's shop-money totals).
 */
export function deriveAttributes(input: {
  shop: string;
  customer: DerivationCustomer;
  orders: readonly DerivationOrder[];
  thresholds: TierThresholds;
}): ContactAttributes {
  const live = input.orders.filter((o) => !o.deletedAt);
  const counted = live.filter(counts);
  const spent = counted.reduce((sum, o) => sum + parseMoney(o.totalPrice) - parseMoney(o.totalRefunded), 0n);
  const totalSpent = moneyToNumber(spent < 0n ? 0n : spent);
  const last = [...live].sort((a, b) => b.shopifyCreatedAt.getTime() - a.shopifyCreatedAt.getTime())[0];
  const handle = input.shop.replace(/\.myshopify\.com$/, "");
  return {
    order_count: counted.length,
    total_spent: totalSpent,
    customer_tier: tierFor(totalSpent, counted.length, input.thresholds),
    last_order_at: last ? last.shopifyCreatedAt.toISOString() : null,
    last_order_number: last?.name ?? null,
    last_order_status: last ? orderStatusText(last) : null,
    shopify_customer: `https://admin.shopify.com/store/${handle}/customers/${input.customer.customerId}`,
    shopify_tags: input.customer.tags?.trim() ? input.customer.tags : null,
    accepts_marketing: input.customer.acceptsMarketing,
  };
}
