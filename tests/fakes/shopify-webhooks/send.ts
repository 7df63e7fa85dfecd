import { randomUUID } from "node:crypto";
import { getHmac } from "@shopify/shopify-api/test-helpers";

export interface SignedWebhook {
  topic: string;
  shop: string;
  body: unknown;
  webhookId?: string;
  secret?: string;
  triggeredAt?: Date;
  /** Shopify's classic `X-Shopify-*` headers (the default), or its newer lowercase `shopify-*` ones. */
  headerStyle?: "x-shopify" | "shopify";
}

/** The headers Shopify sends with a delivery, HMAC included (Shopify's own test helper signs it). */
export function webhookHeaders({
  topic,
  shop,
  body,
  webhookId = randomUUID(),
  secret = "testApiSecretKey",
  triggeredAt = new Date(),
  headerStyle = "x-shopify",
}: SignedWebhook): { raw: string; webhookId: string; headers: Record<string, string> } {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  if (headerStyle === "shopify") {
    return {
      raw,
      webhookId,
      headers: {
        "content-type": "application/json",
        "shopify-hmac-sha256": getHmac(raw, secret),
        "shopify-shop-domain": shop,
        "shopify-topic": topic,
        "shopify-api-version": "2026-10",
        "shopify-webhook-id": webhookId,
        "shopify-triggered-at": triggeredAt.toISOString(),
      },
    };
  }
  return {
    raw,
    webhookId,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": getHmac(raw, secret),
      "X-Shopify-Shop-Domain": shop,
      "X-Shopify-Topic": topic,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": webhookId,
      "X-Shopify-Triggered-At": triggeredAt.toISOString(),
      "X-Shopify-Event-Id": randomUUID(),
    },
  };
}

/** A signed delivery as a Request for a route's action. */
export function webhookRequest(appUrl: string, webhook: SignedWebhook): Request {
  const { raw, headers } = webhookHeaders(webhook);
  return new Request(`${appUrl}/webhooks/${webhook.topic}`, { method: "POST", body: raw, headers });
}
