import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion } from "@shopify/shopify-app-remix/server";
import { testConfig } from "@shopify/shopify-app-remix/test-helpers";
import { createLimitedWebhookVerifier, createWebhookVerifier } from "~/lib/webhook-verifier.server";
import { webhookHeaders, webhookRequest } from "../../../tests/fakes/shopify-webhooks/send";

const { apiKey, apiSecretKey, appUrl, scopes } = testConfig();
const verify = createLimitedWebhookVerifier(
  createWebhookVerifier({ apiKey, apiSecretKey, appUrl, scopes: scopes ?? [], apiVersion: ApiVersion.October26 }),
  64 * 1024,
);
const SHOP = "alpha.myshopify.com";

/** What a route answers: the verified delivery, or the Response Shopify's call or the limit threw. */
async function answer(request: Request) {
  try {
    return await verify(request);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("verifying a lifecycle or compliance webhook", () => {
  it("hands back a signed delivery with its raw body", async () => {
    // GIVEN
    const body = { shop_id: 1, shop_domain: SHOP, customer: { id: 7001 } };
    // WHEN
    const verified = await answer(webhookRequest(appUrl, { topic: "customers/redact", shop: SHOP, body }));
    // THEN
    expect(verified).toMatchObject({ shop: SHOP, raw: JSON.stringify(body) });
  });

  it("refuses a bad signature with 401 and anything but a POST with 405", async () => {
    const body = { shop_id: 1 };
    expect(await answer(webhookRequest(appUrl, { topic: "shop/redact", shop: SHOP, body, secret: "wrong" }))).toBe(401);
    expect(await answer(new Request(`${appUrl}/webhooks/compliance`, { method: "GET" }))).toBe(405);
  });

  it("answers 413 to a chunked body over the limit without reading the rest of it", async () => {
    // GIVEN an endless upload in 16 KB chunks, without a Content-Length
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 16 * 1024;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
      },
    });
    const { headers } = webhookHeaders({ topic: "shop/redact", shop: SHOP, body: "{}" });
    const request = new Request(`${appUrl}/webhooks/compliance`, {
      method: "POST",
      headers,
      body: endless,
      duplex: "half",
    } as RequestInit);
    // WHEN
    const status = await answer(request);
    // THEN
    expect(status).toBe(413);
    expect(sent).toBeLessThan(256 * 1024);
  });
});
