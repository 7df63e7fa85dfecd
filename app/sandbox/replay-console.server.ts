import { createHmac, randomUUID } from "node:crypto";
import type { z } from "zod";
import type { ChatwootAccountClient } from "~/chatwoot";
import type { Db } from "~/db.server";
import { getContactLink } from "~/models/contact-link.server";
import { DEMO_CUSTOMERS, type replayFormSchema } from "./demo-customers";
import { customerBody, orderBody } from "./shopify-webhook-bodies";

/**
 * Sends realistic, signed Shopify webhooks for the demo store to the app's own webhook routes
 * over HTTP, exactly as Shopify would: one at a time, or a burst (which the sync coalesces).
 */
export async function sendDemoEvents(
  { appUrl, apiSecret, shop }: { appUrl: string; apiSecret: string; shop: string },
  input: z.infer<typeof replayFormSchema>,
): Promise<{ topic: string; status: number }[]> {
  const customer = DEMO_CUSTOMERS.find((c) => c.id === input.customerId)!;
  const results = [];
  const base = Date.now();
  for (let i = 0; i < input.count; i++) {
    const at = new Date(base + i * 1000);
    const number = 1000 + Math.floor((base / 1000 + i) % 9000);
    const [topic, body] =
      input.event === "customer-update"
        ? ["customers/update", customerBody(customer, { updatedAt: at })]
        : [
            input.event === "order" ? "orders/create" : "orders/fulfilled",
            orderBody({
              id: String(number * 1000 + Number(customer.id.slice(-1))),
              number,
              customer,
              createdAt: at,
              fulfillmentStatus: input.event === "order" ? null : "fulfilled",
              tracking:
                input.event === "order"
                  ? []
                  : [{ company: "PostNL", number: `3S${number}NL`, url: `https://postnl.example/track/3S${number}NL` }],
              lineItems: [{ title: "Linen shirt", variantTitle: "M / Blue", quantity: 1 + (i % 2), price: "49.95" }],
            }),
          ];
    const raw = JSON.stringify(body);
    const response = await fetch(`${appUrl}/webhooks/${topic}`, {
      method: "POST",
      body: raw,
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Hmac-Sha256": createHmac("sha256", apiSecret).update(raw).digest("base64"),
        "X-Shopify-Shop-Domain": shop,
        "X-Shopify-Topic": topic,
        "X-Shopify-API-Version": "2026-10",
        "X-Shopify-Webhook-Id": randomUUID(),
        "X-Shopify-Triggered-At": at.toISOString(),
      },
    });
    results.push({ topic, status: response.status });
  }
  return results;
}

/** Each demo customer's Chatwoot contact as the simulator (or Chatwoot) holds it now. */
export async function demoContacts(deps: { db: Db; client: ChatwootAccountClient | undefined; shop: string }) {
  return Promise.all(
    DEMO_CUSTOMERS.map(async (customer) => {
      const link = await getContactLink(deps.db, { shop: deps.shop, customerId: customer.id });
      const contact =
        link && deps.client ? await deps.client.getContact(link.contactId).catch(() => undefined) : undefined;
      return {
        customer: { id: customer.id, name: `${customer.firstName} ${customer.lastName}`, email: customer.email },
        contact: contact
          ? {
              id: contact.id,
              name: contact.name ?? "",
              email: contact.email ?? "",
              attributes: contact.custom_attributes ?? {},
            }
          : null,
        syncedAt: link?.syncedAt?.toISOString() ?? null,
      };
    }),
  );
}
