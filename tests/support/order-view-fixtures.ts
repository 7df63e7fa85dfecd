import type { Db } from "~/db.server";
import { encryptSecret, type KeyRing } from "~/lib/crypto.server";
import { saveChatwootAccount } from "~/models/chatwoot-account.server";
import { saveContactLink } from "~/models/contact-link.server";
import { upsertCustomerIfNewer } from "~/models/customer.server";
import { addOrderRefund, upsertOrderIfNewer } from "~/models/order.server";
import { upsertShopDetails } from "~/models/shop.server";
import { signOrderViewToken } from "~/order-view/token.server";

/**
 * Local projection rows for order-view tests, the sandbox and the benchmark, written through the
 * app's own model functions (what the sync worker would have stored).
 */
export interface StoreFixture {
  shop: string;
  accountId: number;
  /** The store's Chatwoot service token (plain), stored encrypted. */
  serviceToken?: string;
  version?: number;
  name?: string;
  brandColor?: string | null;
}

export async function seedStore(db: Db, keys: KeyRing, store: StoreFixture) {
  const handle = store.shop.replace(/\.myshopify\.com$/, "");
  await upsertShopDetails(db, {
    shop: store.shop,
    name: store.name ?? handle,
    email: `owner@${handle}.example`,
    ownerEmail: null,
    ownerName: null,
    primaryDomainUrl: null,
    locale: "en",
    brandColor: store.brandColor ?? null,
    appInstallationId: null,
  });
  await saveChatwootAccount(
    db,
    { shop: store.shop },
    {
      accountId: store.accountId,
      orderViewTokenVersion: store.version ?? 1,
      serviceTokenCipher: store.serviceToken ? encryptSecret(store.serviceToken, keys) : null,
      metafieldsSyncedAt: new Date(),
    },
  );
}

export function orderViewToken(shop: string, secret: string, version = 1) {
  return signOrderViewToken({ shop, version }, secret);
}

export interface CustomerFixture {
  customerId: string;
  email: string;
  firstName: string;
  lastName: string;
  phone?: string | null;
  tags?: string;
  createdAt?: Date;
  /** The Chatwoot contact the sync linked; none leaves the customer unlinked. */
  contactId?: number;
  syncedAt?: Date;
}

export async function seedCustomer(db: Db, shop: string, c: CustomerFixture) {
  const key = { shop, customerId: c.customerId };
  await upsertCustomerIfNewer(
    db,
    key,
    {
      email: c.email,
      phone: c.phone ?? null,
      firstName: c.firstName,
      lastName: c.lastName,
      tags: c.tags ?? null,
      acceptsMarketing: true,
      state: "enabled",
      shopifyCreatedAt: c.createdAt ?? new Date("2024-02-10T09:00:00Z"),
    },
    new Date(),
  );
  if (c.contactId !== undefined) {
    await saveContactLink(db, key, {
      contactId: c.contactId,
      syncedAttributes: "{}",
      syncedAt: c.syncedAt ?? new Date(),
    });
  }
}

export interface OrderFixture {
  orderId: string;
  name: string;
  total: string;
  createdAt: Date;
  financialStatus?: string | null;
  fulfillmentStatus?: string | null;
  cancelled?: boolean;
  currency?: string;
  /** Sold in another currency than the store's: that currency and the order's total in it. */
  paidIn?: { currency: string; total: string };
  lineItems?: { title: string; variantTitle: string | null; quantity: number; price: string }[];
  tracking?: { company: string | null; number: string; url: string | null; status: string | null }[];
  /** Refund amounts (in the currency the customer paid in), one refund row each. */
  refunds?: string[];
}

/** The projection's row for an order fixture. */
function orderRow(shop: string, customerId: string, o: OrderFixture) {
  return {
    shop,
    orderId: o.orderId,
    customerId,
    name: o.name,
    orderNumber: Number(o.name.replace(/\D/g, "")) || null,
    email: null,
    currency: o.currency ?? "EUR",
    totalPrice: o.total,
    presentmentCurrency: o.paidIn?.currency ?? o.currency ?? "EUR",
    presentmentTotal: o.paidIn?.total ?? o.total,
    subtotalPrice: o.total,
    financialStatus: o.financialStatus === undefined ? "paid" : o.financialStatus,
    fulfillmentStatus: o.fulfillmentStatus ?? null,
    cancelledAt: o.cancelled ? o.createdAt : null,
    closedAt: null,
    processedAt: o.createdAt,
    lineItems: JSON.stringify(o.lineItems ?? []),
    tracking: JSON.stringify(o.tracking ?? []),
    shopifyCreatedAt: o.createdAt,
    shopifyUpdatedAt: o.createdAt,
  };
}

const refundRows = (shop: string, o: OrderFixture) =>
  (o.refunds ?? []).map((amount, i) => ({
    shop,
    refundId: `${o.orderId}-r${i}`,
    orderId: o.orderId,
    amount,
    createdAt: o.createdAt,
  }));

/** One order as the sync stores it (through the projection's model functions). */
export async function seedOrder(db: Db, shop: string, customerId: string, o: OrderFixture) {
  const { shop: _shop, orderId, ...fields } = orderRow(shop, customerId, o);
  await upsertOrderIfNewer(db, { shop, orderId }, fields);
  for (const refund of refundRows(shop, o)) await addOrderRefund(db, refund);
}

const PRODUCTS = [
  { title: "Linen shirt", variantTitle: "M / Sand", price: "49.95" },
  { title: "Canvas tote", variantTitle: null, price: "24.50" },
  { title: "Merino socks", variantTitle: "39-42", price: "14.00" },
  { title: "Rain jacket", variantTitle: "L / Olive", price: "129.00" },
];
const FINANCIAL = ["paid", "paid", "paid", "partially_refunded", "pending", "refunded"];
const FULFILMENT = ["fulfilled", "fulfilled", null, "partial", null, "fulfilled"];

export interface OrderSeed {
  count: number;
  /** Order number of the oldest order. (Default: 1001) */
  firstNumber?: number;
  /** Date of the newest order. (Default: now) */
  newest?: Date;
  /** Added to the order number to make the Shopify order id; keep it below 2^53. (Default: 5e12) */
  idBase?: number;
}

/**
 * `count` orders, one a day back from `newest`: numbered from `firstNumber` (oldest) up, with varied
 * statuses, line items, tracking and a refund on every partially refunded order.
 */
export function orderFixtures({
  count,
  firstNumber = 1001,
  newest = new Date(),
  idBase = 5_000_000_000_000,
}: OrderSeed) {
  return Array.from({ length: count }, (_, i): OrderFixture => {
    const number = firstNumber + i;
    const createdAt = new Date(newest.getTime() - (count - 1 - i) * 86_400_000);
    const items = [PRODUCTS[i % 4]!, ...(i % 3 === 0 ? [PRODUCTS[(i + 1) % 4]!] : [])].map((p, n) => ({
      ...p,
      quantity: n + 1,
    }));
    const fulfilment = FULFILMENT[i % 6] ?? null;
    const tracking = {
      company: "PostNL",
      number: `3SABCD${number}`,
      url: `https://jouw.postnl.nl/track-and-trace/3SABCD${number}-NL-1012AB`,
      status: i % 2 ? "in_transit" : "delivered",
    };
    return {
      orderId: String(idBase + number),
      name: `#${number}`,
      total: items.reduce((sum, item) => sum + Number(item.price) * item.quantity, 0).toFixed(2),
      createdAt,
      financialStatus: FINANCIAL[i % 6]!,
      fulfillmentStatus: fulfilment,
      cancelled: i % 17 === 16,
      lineItems: items,
      tracking: fulfilment ? [tracking] : [],
      refunds: FINANCIAL[i % 6] === "partially_refunded" ? ["10.00"] : [],
    };
  });
}

/** Seeds `orderFixtures(seed)` for a customer, one by one through the model functions. */
export async function seedOrders(db: Db, shop: string, customerId: string, seed: OrderSeed) {
  for (const order of orderFixtures(seed)) await seedOrder(db, shop, customerId, order);
}

/** The same rows in two statements, for the benchmark's thousands of orders. */
export async function seedOrdersInBulk(db: Db, shop: string, customerId: string, seed: OrderSeed) {
  const orders = orderFixtures(seed);
  await db.order.createMany({ data: orders.map((o) => orderRow(shop, customerId, o)) });
  await db.orderRefund.createMany({ data: orders.flatMap((o) => refundRows(shop, o)) });
}
