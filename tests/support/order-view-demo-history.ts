import { DEMO_CUSTOMERS } from "~/sandbox/demo-customers";
import { customerBody, orderBody, type FakeOrderOptions } from "~/sandbox/shopify-webhook-bodies";
import { webhookHeaders } from "../fakes/shopify-webhooks/send";

/**
 * An order history for the sandbox's demo customers, sent as signed Shopify webhooks to the app's own
 * webhook routes (customers/create, then orders/create), so the worker builds the projection and the
 * Chatwoot contacts exactly as for a real store. The first customer gets 24 orders (two pages in the
 * order view), the second 3, the third none. Order ids are fixed, so sending it again changes nothing.
 */
const PRODUCTS = [
  { title: "Linen overshirt", variantTitle: "M / Sand", price: "89.00" },
  { title: "Merino crew", variantTitle: "L / Navy", price: "74.00" },
  { title: "Canvas tote", variantTitle: null, price: "35.00" },
  { title: "Wool socks", variantTitle: "39-42", price: "14.50" },
];

type Step = Pick<FakeOrderOptions, "financialStatus" | "fulfillmentStatus"> & { refund?: string; cancelled?: boolean };
const CYCLE: Step[] = [
  { financialStatus: "paid", fulfillmentStatus: "fulfilled" },
  { financialStatus: "paid", fulfillmentStatus: "fulfilled" },
  { financialStatus: "partially_refunded", fulfillmentStatus: "fulfilled", refund: "14.50" },
  { financialStatus: "paid", fulfillmentStatus: "partial" },
  { financialStatus: "refunded", fulfillmentStatus: null, cancelled: true },
  { financialStatus: "paid", fulfillmentStatus: "fulfilled" },
];

function demoOrders(customerIndex: number, count: number, now: Date): FakeOrderOptions[] {
  const customer = DEMO_CUSTOMERS[customerIndex]!;
  return Array.from({ length: count }, (_, i) => {
    const newest = i === count - 1;
    const step: Step = newest ? { financialStatus: "paid", fulfillmentStatus: null } : CYCLE[i % CYCLE.length]!;
    const createdAt = new Date(now.getTime() - (count - 1 - i) * 23 * 86_400_000 - customerIndex * 3_600_000);
    const number = 1001 + customerIndex * 100 + i;
    const id = String(8_200_000_000 + number);
    const lineItems = [PRODUCTS[i % 4]!, ...(i % 3 === 1 ? [PRODUCTS[(i + 2) % 4]!] : [])].map((p) => ({
      ...p,
      quantity: 1,
    }));
    const track = `3SDEMO${number}`;
    return {
      id,
      number,
      customer,
      createdAt,
      financialStatus: step.financialStatus,
      fulfillmentStatus: step.fulfillmentStatus,
      cancelledAt: step.cancelled ? createdAt : null,
      lineItems,
      tracking: step.fulfillmentStatus
        ? [{ company: "PostNL", number: track, url: `https://postnl.example/track/${track}` }]
        : [],
      refunds: step.refund ? [{ id: `${id}1`, amount: step.refund, createdAt }] : [],
    };
  });
}

export async function postDemoOrderHistory({
  appUrl,
  shop,
  apiSecret,
  now = new Date(),
}: {
  appUrl: string;
  shop: string;
  apiSecret: string;
  now?: Date;
}): Promise<{ sent: number; refused: number }> {
  const deliveries: { topic: string; body: unknown }[] = [
    ...DEMO_CUSTOMERS.map((c) => ({ topic: "customers/create", body: customerBody(c, { updatedAt: now }) })),
    ...[...demoOrders(0, 24, now), ...demoOrders(1, 3, now)].map((o) => ({
      topic: "orders/create",
      body: orderBody(o),
    })),
  ];
  let refused = 0;
  for (const { topic, body } of deliveries) {
    const { raw, headers } = webhookHeaders({ topic, shop, body, secret: apiSecret });
    const response = await fetch(`${appUrl}/webhooks/${topic}`, { method: "POST", body: raw, headers });
    if (response.status !== 200) refused++;
  }
  return { sent: deliveries.length - refused, refused };
}
