/**
 * Realistic Shopify webhook bodies (REST shapes of API 2026-10) for the sync tests, the sandbox's
 * replay console and the benchmarks. Field names and value formats follow Shopify's webhook
 * reference; ids are generated, money is a decimal string in the shop currency.
 */
export interface FakeCustomer {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  phone?: string | null;
}

export interface FakeOrderOptions {
  id: string;
  number: number;
  customer?: FakeCustomer | null;
  createdAt?: Date;
  updatedAt?: Date;
  total?: string;
  currency?: string;
  /** Sold in another currency than the store's: that currency and the order's total in it. */
  paidIn?: { currency: string; total: string };
  financialStatus?: string;
  fulfillmentStatus?: string | null;
  cancelledAt?: Date | null;
  lineItems?: { title: string; quantity: number; price: string; variantTitle?: string | null }[];
  tracking?: { company: string; number: string; url: string }[];
  refunds?: { id: string; amount: string; createdAt?: Date }[];
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
const gid = (type: string, id: string) => `gid://shopify/${type}/${id}`;

export function customerBody(
  customer: FakeCustomer,
  { updatedAt = new Date(), createdAt = new Date("2025-01-01T00:00:00Z") } = {},
) {
  return {
    id: Number(customer.id),
    email: customer.email,
    created_at: iso(createdAt),
    updated_at: iso(updatedAt),
    first_name: customer.firstName,
    last_name: customer.lastName,
    state: "enabled",
    note: null,
    verified_email: true,
    multipass_identifier: null,
    tax_exempt: false,
    phone: customer.phone ?? null,
    currency: "EUR",
    addresses: [],
    tax_exemptions: [],
    admin_graphql_api_id: gid("Customer", customer.id),
    default_address: null,
  };
}

export function orderBody(o: FakeOrderOptions) {
  const created = o.createdAt ?? new Date();
  const items = o.lineItems ?? [
    { title: "Linen shirt", quantity: 1, price: o.total ?? "49.95", variantTitle: "M / Blue" },
  ];
  const total = o.total ?? items.reduce((sum, i) => sum + Number(i.price) * i.quantity, 0).toFixed(2);
  const currency = o.currency ?? "EUR";
  const paidIn = o.paidIn ?? { currency, total };
  // The customer's money at the order's own rate, as Shopify fills presentment_money.
  const rate = Number(total) > 0 ? Number(paidIn.total) / Number(total) : 1;
  const money = (amount: string) => ({
    shop_money: { amount, currency_code: currency },
    presentment_money: {
      amount: amount === total ? paidIn.total : (Number(amount) * rate).toFixed(2),
      currency_code: paidIn.currency,
    },
  });
  return {
    id: Number(o.id),
    admin_graphql_api_id: gid("Order", o.id),
    name: `#${o.number}`,
    order_number: o.number,
    number: o.number - 1000,
    email: o.customer?.email ?? null,
    contact_email: o.customer?.email ?? null,
    created_at: iso(created),
    updated_at: iso(o.updatedAt ?? created),
    processed_at: iso(created),
    cancelled_at: o.cancelledAt ? iso(o.cancelledAt) : null,
    cancel_reason: o.cancelledAt ? "customer" : null,
    closed_at: null,
    currency,
    presentment_currency: paidIn.currency,
    financial_status: o.financialStatus ?? "paid",
    fulfillment_status: o.fulfillmentStatus ?? null,
    total_price: total,
    total_price_set: money(total),
    subtotal_price: total,
    current_total_price: total,
    total_tax: "0.00",
    test: false,
    tags: "",
    buyer_accepts_marketing: false,
    customer: o.customer
      ? { ...customerBody(o.customer), created_at: null, updated_at: null, default_address: null }
      : null,
    line_items: items.map((item, i) => ({
      id: Number(o.id) * 10 + i,
      admin_graphql_api_id: gid("LineItem", String(Number(o.id) * 10 + i)),
      title: item.title,
      name: item.variantTitle ? `${item.title} - ${item.variantTitle}` : item.title,
      variant_title: item.variantTitle ?? null,
      quantity: item.quantity,
      price: item.price,
      price_set: money(item.price),
      sku: null,
      fulfillment_status: null,
    })),
    fulfillments: (o.tracking ?? []).map((t, i) => ({
      id: Number(o.id) * 100 + i,
      status: "success",
      shipment_status: "in_transit",
      tracking_company: t.company,
      tracking_number: t.number,
      tracking_numbers: [t.number],
      tracking_url: t.url,
      tracking_urls: [t.url],
      created_at: iso(created),
    })),
    refunds: (o.refunds ?? []).map((r) => refundBody({ orderId: o.id, currency: paidIn.currency, ...r })),
    shipping_lines: [],
    discount_codes: [],
    note: null,
    note_attributes: [],
  };
}

/** A refund; its transaction is in the currency the customer paid in (`currency`, default EUR). */
export function refundBody(r: { id: string; orderId: string; amount: string; currency?: string; createdAt?: Date }) {
  const created = iso(r.createdAt ?? new Date());
  return {
    id: Number(r.id),
    order_id: Number(r.orderId),
    created_at: created,
    note: null,
    restock: false,
    admin_graphql_api_id: gid("Refund", r.id),
    refund_line_items: [],
    transactions: [
      {
        id: Number(r.id) + 1,
        order_id: Number(r.orderId),
        kind: "refund",
        gateway: "manual",
        status: "success",
        amount: r.amount,
        currency: r.currency ?? "EUR",
        created_at: created,
      },
    ],
  };
}
