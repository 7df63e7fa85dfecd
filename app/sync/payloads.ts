import { z } from "zod";

/**
 * What the sync reads from Shopify's webhook bodies, and nothing more: unknown fields are
 * ignored, so new fields in later API versions never break ingestion. Ids arrive as numbers or,
 * beyond 2^53, as exact digit strings (see shopify-json.ts); both become strings here.
 */
const id = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String);
const gidId = z
  .string()
  .regex(/^gid:\/\/shopify\/\w+\/\d+$/)
  .transform((gid) => gid.slice(gid.lastIndexOf("/") + 1));
const money = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^-?\d+(\.\d+)?$/));
/** A Shopify money bag: the amount in the store's currency and in the one the customer paid in. */
const moneyBag = z.object({
  shop_money: z.object({ amount: money }),
  presentment_money: z.object({ amount: money }),
});
const timestamp = z.string().datetime({ offset: true });
const text = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
/** A field whose absence means "not sent" (kept as undefined) and whose null means "empty". */
const sentText = z.string().nullish();

/** The exact customer id: from the GraphQL gid when present (never rounded), else the id. */
function withExactId<T extends { id: string; admin_graphql_api_id?: string | undefined }>(value: T) {
  return { ...value, id: value.admin_graphql_api_id ?? value.id };
}

export const customerPayload = z
  .object({
    id,
    admin_graphql_api_id: gidId.optional(),
    // A customer inside an order may come without some of these (and an app without access to a
    // protected field gets it left out); an absent field must not erase what is stored.
    email: sentText,
    phone: sentText,
    first_name: sentText,
    last_name: sentText,
    state: sentText,
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
    // Absent since API 2025-01; read when an older version or a resync supplies them.
    tags: z.string().nullish(),
    email_marketing_consent: z.object({ state: z.string().nullish() }).loose().nullish(),
  })
  .transform(withExactId);

export const customerDeletePayload = z.object({ id, admin_graphql_api_id: gidId.optional() }).transform(withExactId);

const lineItem = z.object({
  title: z.string(),
  variant_title: text,
  quantity: z.number().int(),
  price: money,
});

const fulfillment = z.object({
  status: text,
  shipment_status: text,
  tracking_company: text,
  tracking_numbers: z.array(z.string()).nullish(),
  tracking_urls: z.array(z.string()).nullish(),
});

const transaction = z.object({ kind: z.string(), status: text, amount: money });

export const refundPayload = z.object({
  id,
  order_id: id,
  created_at: timestamp,
  transactions: z.array(transaction).default([]),
});

export const orderPayload = z
  .object({
    id,
    admin_graphql_api_id: gidId.optional(),
    name: z.string(),
    order_number: z.number().int().nullish(),
    email: text,
    currency: z.string().length(3),
    presentment_currency: z.string().length(3).nullish(),
    total_price: money,
    total_price_set: moneyBag.nullish(),
    subtotal_price: money.nullish(),
    financial_status: text,
    fulfillment_status: text,
    cancelled_at: timestamp.nullish(),
    closed_at: timestamp.nullish(),
    processed_at: timestamp.nullish(),
    created_at: timestamp,
    updated_at: timestamp,
    customer: customerPayload.nullish(),
    line_items: z.array(lineItem).default([]),
    fulfillments: z.array(fulfillment).default([]),
    refunds: z.array(refundPayload.omit({ order_id: true }).extend({ order_id: id.optional() })).default([]),
  })
  .transform(withExactId);

export const orderDeletePayload = z.object({ id });

export type CustomerPayload = z.output<typeof customerPayload>;
export type OrderPayload = z.output<typeof orderPayload>;
export type RefundPayload = z.output<typeof refundPayload>;

/** Every topic the sync ingests, with the schema of its body. */
export const SYNC_TOPICS = {
  "orders/create": orderPayload,
  "orders/updated": orderPayload,
  "orders/paid": orderPayload,
  "orders/cancelled": orderPayload,
  "orders/fulfilled": orderPayload,
  "orders/delete": orderDeletePayload,
  "refunds/create": refundPayload,
  "customers/create": customerPayload,
  "customers/update": customerPayload,
  "customers/delete": customerDeletePayload,
} as const;

export type SyncTopic = keyof typeof SYNC_TOPICS;
export type SyncPayload<T extends SyncTopic> = z.output<(typeof SYNC_TOPICS)[T]>;
