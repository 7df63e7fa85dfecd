import type { Customer } from "@prisma/client";
import { deriveAttributes } from "~/sync/derive-attributes";
import { formatMoney, parseMoney } from "~/sync/money";
import type { TierThresholds } from "~/sync/tiers";
import { customerAdminUrl } from "./admin-links";
import type { OrderViewCustomer } from "./types";

export interface SummaryOrder {
  orderId: string;
  name: string;
  currency: string;
  totalPrice: string;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  cancelledAt: Date | null;
  shopifyCreatedAt: Date;
  /** When the app last wrote the order. */
  updatedAt: Date;
}

/**
 * Pure: the customer header. Order count, total spent and tier come from the same derivation the
 * Chatwoot contact attributes use, so the panel and the contact sidebar never disagree.
 */
export function summarizeCustomer(input: {
  shop: string;
  customer: Customer;
  orders: readonly SummaryOrder[];
  refunded: ReadonlyMap<string, string>;
  thresholds: TierThresholds;
  matchedBy: OrderViewCustomer["matchedBy"];
  syncedAt: Date | null;
}): OrderViewCustomer {
  const { shop, customer, orders } = input;
  const attributes = deriveAttributes({
    shop,
    customer,
    orders: orders.map((o) => ({ ...o, totalRefunded: input.refunded.get(o.orderId) ?? "0", deletedAt: null })),
    thresholds: input.thresholds,
  });
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(" ").trim();
  const tags = (customer.tags ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    id: customer.customerId,
    name: name || null,
    email: customer.email,
    phone: customer.phone,
    tier: attributes.customer_tier,
    orderCount: attributes.order_count,
    totalSpent: formatMoney(parseMoney(String(attributes.total_spent))),
    currency: orders[0]?.currency ?? null,
    customerSince: (customer.shopifyCreatedAt ?? customer.createdAt).toISOString(),
    tags,
    adminUrl: customerAdminUrl(shop, customer.customerId),
    // When the app last heard anything about this customer: a contact write, or a projection write
    // of the customer or one of their orders.
    syncedAt: new Date(
      Math.max(
        input.syncedAt?.getTime() ?? 0,
        customer.updatedAt.getTime(),
        ...orders.map((o) => o.updatedAt.getTime()),
      ),
    ).toISOString(),
    matchedBy: input.matchedBy,
  };
}
