import type { OrderFields } from "~/models/order.server";
import type { CustomerFields } from "~/models/customer.server";
import { formatMoney, parseMoney } from "./money";
import type { CustomerPayload, OrderPayload, RefundPayload } from "./payloads";

/** Only what the attributes and the order view need, from a webhook's order. */
export function orderFields(order: OrderPayload): OrderFields {
  const tracking = order.fulfillments.flatMap((f) => {
    const numbers = f.tracking_numbers ?? [];
    const urls = f.tracking_urls ?? [];
    return numbers.map((number, i) => ({
      company: f.tracking_company,
      number,
      url: urls[i] ?? null,
      status: f.shipment_status ?? f.status,
    }));
  });
  return {
    customerId: order.customer?.id ?? null,
    name: order.name,
    orderNumber: order.order_number ?? null,
    email: order.email?.toLowerCase() ?? null,
    currency: order.currency,
    totalPrice: order.total_price,
    presentmentCurrency: order.presentment_currency ?? null,
    presentmentTotal: order.total_price_set?.presentment_money.amount ?? null,
    subtotalPrice: order.subtotal_price ?? null,
    financialStatus: order.financial_status,
    fulfillmentStatus: order.fulfillment_status,
    cancelledAt: order.cancelled_at ? new Date(order.cancelled_at) : null,
    closedAt: order.closed_at ? new Date(order.closed_at) : null,
    processedAt: order.processed_at ? new Date(order.processed_at) : null,
    lineItems: JSON.stringify(
      order.line_items.map((l) => ({
        title: l.title,
        variantTitle: l.variant_title,
        quantity: l.quantity,
        price: l.price,
      })),
    ),
    tracking: JSON.stringify(tracking),
    shopifyCreatedAt: new Date(order.created_at),
    shopifyUpdatedAt: new Date(order.updated_at),
  };
}

/**
 * The projection's customer fields from a webhook's customer. Only fields the payload carries are
 * set: a missing one keeps the stored value, while an explicit null clears it.
 */
export function customerFields(customer: CustomerPayload): CustomerFields {
  return {
    ...(customer.email !== undefined ? { email: customer.email?.toLowerCase() ?? null } : {}),
    ...(customer.phone !== undefined ? { phone: customer.phone } : {}),
    ...(customer.first_name !== undefined ? { firstName: customer.first_name } : {}),
    ...(customer.last_name !== undefined ? { lastName: customer.last_name } : {}),
    ...(customer.state !== undefined ? { state: customer.state } : {}),
    ...(customer.created_at ? { shopifyCreatedAt: new Date(customer.created_at) } : {}),
    // Only older API versions carry these; never erase what a resync stored.
    ...(customer.tags != null ? { tags: customer.tags } : {}),
    ...(customer.email_marketing_consent?.state
      ? { acceptsMarketing: customer.email_marketing_consent.state === "subscribed" }
      : {}),
  };
}

/** A refund's amount: its successful refund transactions, in the currency the customer paid in. */
export function refundAmount(refund: Pick<RefundPayload, "transactions">): string {
  const total = refund.transactions
    .filter((t) => t.kind === "refund" && (t.status === "success" || t.status == null))
    .reduce((sum, t) => sum + parseMoney(t.amount), 0n);
  return formatMoney(total);
}
