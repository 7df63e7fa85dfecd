import { customerBody, orderBody, refundBody, type FakeCustomer } from "~/sandbox/shopify-webhook-bodies";
import { dbKind, dbSkipReason } from "../support/database";
import { SHOP_A } from "../support/provisioning-harness";
import { startSyncHarness, type SyncHarness } from "../support/sync-harness";

const ann: FakeCustomer = {
  id: "7001",
  email: "Ann.Lee@Example.com",
  firstName: "Ann",
  lastName: "Lee",
  phone: "+31612345678",
};
const t = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 12, minutes));

describe.skipIf(dbSkipReason)(`keeping Chatwoot contacts current (${dbKind})`, () => {
  let h: SyncHarness;
  beforeEach(async () => {
    h = await startSyncHarness();
  });
  afterEach(async () => h.close());

  const contactOf = (identifier: string) => h.sim.state.contacts.find((c) => c.identifier === identifier);

  it("creates the customer's contact from an order, with the derived attributes", async () => {
    // WHEN
    const status = await h.send(
      "orders/create",
      orderBody({ id: "1", number: 1001, customer: ann, total: "120.00", createdAt: t(0) }),
    );
    await h.settled();
    // THEN
    expect(status).toBe(200);
    const contact = contactOf("7001");
    expect(contact).toMatchObject({ email: "ann.lee@example.com", name: "Ann Lee", phoneNumber: "+31612345678" });
    expect(contact?.customAttributes).toMatchObject({
      order_count: 1,
      total_spent: 120,
      customer_tier: "Bronze",
      last_order_number: "#1001",
      last_order_status: "Paid, unfulfilled",
      shopify_customer: "https://admin.shopify.com/store/alpha-store/customers/7001",
    });
    expect(typeof contact?.customAttributes.shopify_synced_at).toBe("string");
  });

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

  it("ends with the newest updated_at when updates arrive out of order", async () => {
    // WHEN the newer state arrives first, then an older one
    await h.send(
      "orders/updated",
      orderBody({
        id: "3",
        number: 1003,
        customer: ann,
        createdAt: t(0),
        updatedAt: t(30),
        financialStatus: "paid",
        fulfillmentStatus: "fulfilled",
      }),
    );
    await h.send(
      "orders/updated",
      orderBody({
        id: "3",
        number: 1003,
        customer: ann,
        createdAt: t(0),
        updatedAt: t(10),
        financialStatus: "pending",
      }),
    );
    await h.settled();
    // THEN
    expect(contactOf("7001")?.customAttributes.last_order_status).toBe("Paid, fulfilled");
    const order = await h.database.db.order.findUnique({ where: { shop_orderId: { shop: SHOP_A, orderId: "3" } } });
    expect(order?.shopifyUpdatedAt.toISOString()).toBe(t(30).toISOString());
  });

  it("turns a burst of ten updates for one customer into one contact write", async () => {
    // GIVEN the production-like coalescing window
    await h.close();
    h = await startSyncHarness({ coalesceMs: 1500 });
    // WHEN
    for (let i = 0; i < 10; i++) {
      await h.send(
        "orders/updated",
        orderBody({ id: "4", number: 1004, customer: ann, total: `${10 + i}.00`, createdAt: t(0), updatedAt: t(i) }),
      );
    }
    await h.settled();
    // THEN
    expect(h.contactWrites()).toHaveLength(1);
    expect(contactOf("7001")?.customAttributes.total_spent).toBe(19);
  });

  it("sends only what changed once the contact exists, and nothing when nothing changed", async () => {
    // GIVEN
    await h.send("orders/create", orderBody({ id: "5", number: 1005, customer: ann, total: "10.00", createdAt: t(0) }));
    await h.settled();
    const before = h.sim.state.requests.length;
    // WHEN a second order arrives, then a customer update that changes nothing the contact shows
    await h.send("orders/create", orderBody({ id: "6", number: 1006, customer: ann, total: "15.00", createdAt: t(5) }));
    await h.settled();
    await h.send("customers/update", customerBody(ann, { updatedAt: t(6) }));
    await h.settled();
    // THEN one PATCH with just the changed attributes
    const after = h.sim.state.requests.slice(before).filter((r) => r.path.includes("/contacts"));
    expect(after.map((r) => r.method)).toEqual(["PATCH"]);
    expect(contactOf("7001")?.customAttributes).toMatchObject({
      order_count: 2,
      total_spent: 25,
      last_order_number: "#1006",
    });
  });

  it("subtracts refunds, including one that arrives before its order", async () => {
    // WHEN
    await h.send("refunds/create", refundBody({ id: "90", orderId: "7", amount: "30.00", createdAt: t(20) }));
    await h.send(
      "orders/create",
      orderBody({ id: "7", number: 1007, customer: ann, total: "100.00", createdAt: t(0) }),
    );
    await h.send("refunds/create", refundBody({ id: "90", orderId: "7", amount: "30.00", createdAt: t(20) }));
    await h.settled();
    // THEN
    expect(contactOf("7001")?.customAttributes.total_spent).toBe(70);
  });

  it("keeps a deleted order deleted when a late create arrives", async () => {
    // WHEN
    await h.send("orders/create", orderBody({ id: "8", number: 1008, customer: ann, createdAt: t(0) }));
    await h.send("orders/delete", { id: 8 });
    await h.send(
      "orders/create",
      orderBody({ id: "8", number: 1008, customer: ann, createdAt: t(0), updatedAt: t(1) }),
    );
    await h.send("orders/create", orderBody({ id: "9", number: 1009, customer: ann, createdAt: t(2) }));
    await h.settled();
    // THEN
    expect(contactOf("7001")?.customAttributes).toMatchObject({ order_count: 1, last_order_number: "#1009" });
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

  it("never merges into a contact that carries another customer's identifier", async () => {
    // GIVEN a contact in Chatwoot with Ann's e-mail but another identifier
    await h.send("customers/create", customerBody({ ...ann, id: "9999", firstName: "Other", phone: null }));
    await h.settled();
    // WHEN Ann's order arrives
    await h.send("orders/create", orderBody({ id: "12", number: 1012, customer: ann, createdAt: t(0) }));
    await h.settled();
    // THEN Ann gets her own contact without the e-mail, and the conflict is recorded
    expect(contactOf("9999")?.email).toBe("ann.lee@example.com");
    expect(contactOf("7001")).toMatchObject({ email: null, name: "Ann Lee" });
    const conflicts = await h.database.db.contactConflict.findMany();
    expect(conflicts.map((c) => [c.customerId, c.field])).toEqual([["7001", "email"]]);
  });

  it("attaches to an existing contact without an identifier instead of duplicating it", async () => {
    // GIVEN an agent created a contact by hand with Ann's e-mail
    const account = await h.database.db.chatwootAccount.findUnique({ where: { shop: SHOP_A } });
    h.sim.seed.contact(account!.accountId!, { name: "Ann (from chat)", email: "ann.lee@example.com" });
    // WHEN
    await h.send("orders/create", orderBody({ id: "13", number: 1013, customer: ann, createdAt: t(0) }));
    await h.settled();
    // THEN
    const anns = h.sim.state.contacts.filter((c) => c.email === "ann.lee@example.com");
    expect(anns).toHaveLength(1);
    expect(anns[0]?.identifier).toBe("7001");
  });
});
