import { orderBody } from "~/sandbox/shopify-webhook-bodies";
import { createPrismaClient } from "~/db.server";
import { recordNewWebhookEvents } from "~/models/webhook-event.server";
import { dbKind, dbSkipReason } from "../support/database";
import { SHOP_A } from "../support/provisioning-harness";
import { ann, t } from "../support/sync-fixtures";
import { startSyncHarness, type SyncHarness } from "../support/sync-harness";

// The sync webhooks' request path: each delivery recorded once, whatever the headers, grouping or
// redelivery, and nothing stored for a delivery that is refused.

describe.skipIf(dbSkipReason)(`receiving sync webhooks (${dbKind})`, () => {
  let h: SyncHarness;
  beforeEach(async () => {
    h = await startSyncHarness();
  });
  afterEach(async () => h.close());

  const contactOf = (identifier: string) => h.sim.state.contacts.find((c) => c.identifier === identifier);

  it("applies a delivery sent five times once, with no extra Chatwoot write", async () => {
    // GIVEN
    const body = orderBody({ id: "2", number: 1002, customer: ann, createdAt: t(0) });
    await h.send("orders/create", body, { webhookId: "delivery-1" });
    await h.settled();
    const writes = h.contactWrites().length;
    // WHEN Shopify redelivers it four more times
    for (let i = 0; i < 4; i++) expect(await h.send("orders/create", body, { webhookId: "delivery-1" })).toBe(200);
    await h.settled();
    // THEN
    expect(h.contactWrites()).toHaveLength(writes);
    expect(await h.database.db.webhookEvent.count()).toBe(1);
    expect(contactOf("7001")?.customAttributes.order_count).toBe(1);
  });

  it("records when Shopify sent a delivery, and keeps ids too large for a JavaScript number exact", async () => {
    // GIVEN an order whose customer id is above 2^53 (JSON.parse alone would round it to ...500)
    const body = JSON.stringify(
      orderBody({ id: "11", number: 1011, customer: { ...ann, id: "820982911946154500" }, createdAt: t(0) }),
    ).replaceAll("820982911946154500", "820982911946154508");
    const sentAt = new Date(Date.UTC(2026, 10, 1, 9, 30, 15));
    // WHEN
    const status = await h.send("orders/create", body, { webhookId: "exact-1", triggeredAt: sentAt });
    await h.settled();
    // THEN
    expect(status).toBe(200);
    const event = await h.database.db.webhookEvent.findUnique({ where: { webhookId: "exact-1" } });
    expect(event?.triggeredAt?.toISOString()).toBe(sentAt.toISOString());
    expect(contactOf("820982911946154508")?.customAttributes.order_count).toBe(1);
    expect(contactOf("820982911946154500")).toBeUndefined();
  });

  it("accepts deliveries with Shopify's newer lowercase shopify-* headers", async () => {
    // GIVEN
    const sentAt = new Date(Date.UTC(2026, 10, 2, 8, 0, 0));
    // WHEN
    const status = await h.send(
      "orders/create",
      orderBody({ id: "12", number: 1012, customer: ann, createdAt: t(0) }),
      {
        webhookId: "new-style-1",
        triggeredAt: sentAt,
        headerStyle: "shopify",
      },
    );
    await h.settled();
    // THEN
    expect(status).toBe(200);
    const event = await h.database.db.webhookEvent.findUnique({ where: { webhookId: "new-style-1" } });
    expect(event).toMatchObject({ status: "applied", topic: "orders/create" });
    expect(event?.triggeredAt?.toISOString()).toBe(sentAt.toISOString());
    expect(contactOf("7001")?.customAttributes.last_order_number).toBe("#1012");
  });

  it("records concurrent deliveries once each, whatever the grouping", async () => {
    // GIVEN 40 deliveries sent at once: 20 distinct ids, each twice
    const deliveries = Array.from({ length: 40 }, (_, i) => ({
      webhookId: `burst-${i % 20}`,
      body: orderBody({
        id: String(100 + (i % 20)),
        number: 2000 + (i % 20),
        customer: { ...ann, id: String(7100 + (i % 20)) },
      }),
    }));
    // WHEN
    const statuses = await Promise.all(
      deliveries.map((d) => h.send("orders/create", d.body, { webhookId: d.webhookId })),
    );
    await h.settled();
    // THEN
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(await h.database.db.webhookEvent.count()).toBe(20);
    expect(await h.database.db.webhookEvent.count({ where: { status: "applied" } })).toBe(20);
    expect(await h.database.db.order.count()).toBe(20);
  });

  it("records overlapping groups of deliveries written at the same time, each once and none refused", async () => {
    // GIVEN two instances, and rounds of 200 deliveries each written by both at once in opposite
    // orders (redeliveries that arrive while the first deliveries are still being recorded)
    const other = h.database.kind === "postgres" ? createPrismaClient(h.database.url) : h.database.db;
    for (let round = 0; round < 10; round++) {
      const events = Array.from({ length: 200 }, (_, n) => ({
        shop: SHOP_A,
        webhookId: `overlap-${round}-${n}`,
        topic: "orders/create",
        triggeredAt: null,
      }));
      // WHEN
      const [first, second] = await Promise.all([
        recordNewWebhookEvents(h.database.db, events),
        recordNewWebhookEvents(other, [...events].reverse()),
      ]);
      // THEN each delivery was recorded by exactly one of the groups
      for (const { webhookId } of events) expect(Number(first.has(webhookId)) + Number(second.has(webhookId))).toBe(1);
    }
    expect(await h.database.db.webhookEvent.count({ where: { webhookId: { startsWith: "overlap-" } } })).toBe(2000);
    if (other !== h.database.db) await other.$disconnect();
  });

  it.each([
    ["a bad HMAC", { secret: "wrong" }, 401],
    ["a malformed payload", { body: { id: "not-a-number" } }, 400],
    ["a body that is not JSON", { body: "{not json" }, 400],
  ])("stores nothing for %s", async (_name, change, status) => {
    // WHEN
    const body = "body" in change ? change.body : orderBody({ id: "10", number: 1010, customer: ann });
    const got = await h.send("orders/create", body, { secret: "secret" in change ? change.secret : undefined });
    // THEN
    expect(got).toBe(status);
    expect(await h.database.db.webhookEvent.count()).toBe(0);
    expect(await h.database.db.job.count({ where: { task: "webhook.apply" } })).toBe(0);
  });

  it("stores nothing for a delivery without its headers, or an oversize body", async () => {
    // GIVEN
    const body = JSON.stringify(orderBody({ id: "11", number: 1011, customer: ann }));
    const bare = new Request("https://my-test-app.myshopify.io/webhooks/orders/create", {
      method: "POST",
      body,
      headers: { "Content-Type": "application/json" },
    });
    const huge = new Request("https://my-test-app.myshopify.io/webhooks/orders/create", {
      method: "POST",
      body: "x".repeat(2 * 1024 * 1024),
    });
    // WHEN
    const statuses = [];
    for (const request of [bare, huge]) {
      try {
        statuses.push((await h.sync.ingestWebhook(request, "orders/create")).status);
      } catch (thrown) {
        statuses.push((thrown as Response).status);
      }
    }
    // THEN
    expect(statuses).toEqual([400, 413]);
    expect(await h.database.db.webhookEvent.count()).toBe(0);
    expect(await h.database.db.job.count()).toBe(0);
  });
});
