import { customerBody, orderBody, refundBody } from "~/sandbox/shopify-webhook-bodies";
import { requestContactSyncFactory } from "~/jobs/tasks.server";
import { applyWebhookFactory } from "~/sync/apply-webhook.server";
import { SYNC_TOPICS } from "~/sync/payloads";
import { recordRefund } from "~/sync/record-refund.server";
import { dbKind, dbSkipReason } from "../support/database";
import { SHOP_A } from "../support/provisioning-harness";
import { ann, t } from "../support/sync-fixtures";
import { startSyncHarness, type SyncHarness } from "../support/sync-harness";

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

  it("keeps a customer's stored email, name and phone when an order carries a partial copy of them", async () => {
    // GIVEN the customer's full record
    await h.send("customers/update", customerBody(ann, { updatedAt: t(1) }));
    await h.settled();
    // WHEN an order arrives whose embedded customer is newer but leaves those fields out
    const order = orderBody({ id: "13", number: 1013, customer: ann, createdAt: t(5) });
    const partial = { id: order.customer!.id, admin_graphql_api_id: order.customer!.admin_graphql_api_id };
    await h.send("orders/create", { ...order, customer: { ...partial, updated_at: t(5).toISOString() } });
    await h.settled();
    // THEN nothing the order left out was erased, here or in Chatwoot
    const stored = await h.database.db.customer.findUnique({
      where: { shop_customerId: { shop: SHOP_A, customerId: "7001" } },
    });
    expect(stored).toMatchObject({ email: "ann.lee@example.com", firstName: "Ann", phone: "+31612345678" });
    expect(contactOf("7001")).toMatchObject({ email: "ann.lee@example.com", name: "Ann Lee" });
    expect(contactOf("7001")?.customAttributes.last_order_number).toBe("#1013");
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

  it("converts a refund on an order paid in another currency into the store's currency, at the order's rate", async () => {
    // GIVEN an order of 100.00 EUR that the customer paid as 110.00 USD
    const paidIn = { currency: "USD", total: "110.00" };
    await h.send(
      "orders/create",
      orderBody({ id: "9", number: 1009, customer: ann, total: "100.00", paidIn, createdAt: t(0) }),
    );
    // WHEN 33.00 USD of it is refunded
    await h.send(
      "refunds/create",
      refundBody({ id: "92", orderId: "9", amount: "33.00", currency: "USD", createdAt: t(20) }),
    );
    await h.settled();
    // THEN total_spent is 100.00 EUR less 30.00 EUR
    expect(contactOf("7001")?.customAttributes.total_spent).toBe(70);
  });

  it("counts a refund first seen pending once a later delivery shows it settled, and never undoes that", async () => {
    // GIVEN an order of 100.00, and its refund of 30.00 first delivered while the refund is pending
    const pending = refundBody({ id: "91", orderId: "8", amount: "30.00", createdAt: t(20) });
    pending.transactions = pending.transactions.map((tx) => ({ ...tx, status: "pending" }));
    await h.send(
      "orders/create",
      orderBody({ id: "8", number: 1008, customer: ann, total: "100.00", createdAt: t(0) }),
    );
    await h.send("refunds/create", pending);
    await h.settled();
    expect(contactOf("7001")?.customAttributes.total_spent).toBe(100);
    // WHEN the order update that shows the refund settled arrives, then the pending one again
    await h.send(
      "orders/updated",
      orderBody({
        id: "8",
        number: 1008,
        customer: ann,
        total: "100.00",
        createdAt: t(0),
        updatedAt: t(25),
        refunds: [{ id: "91", amount: "30.00", createdAt: t(20) }],
      }),
    );
    await h.send("refunds/create", pending);
    await h.settled();
    // THEN
    expect(contactOf("7001")?.customAttributes.total_spent).toBe(70);
  });

  it("updates the previous customer too when an order moves to another customer", async () => {
    // GIVEN Ann's only order
    const bram = { id: "7002", email: "bram@example.com", firstName: "Bram", lastName: "Vos" };
    await h.send(
      "orders/create",
      orderBody({ id: "14", number: 1014, customer: ann, total: "80.00", createdAt: t(0) }),
    );
    await h.settled();
    expect(contactOf("7001")?.customAttributes.order_count).toBe(1);
    // WHEN the merchant reassigns it to Bram
    await h.send(
      "orders/updated",
      orderBody({ id: "14", number: 1014, customer: bram, total: "80.00", createdAt: t(0), updatedAt: t(9) }),
    );
    await h.settled();
    // THEN Bram has it, and Ann's contact no longer counts it
    expect(contactOf("7002")?.customAttributes).toMatchObject({ order_count: 1, total_spent: 80 });
    expect(contactOf("7001")?.customAttributes).toMatchObject({ order_count: 0, total_spent: 0 });
  });

  it("updates the previous customer when the job that moved an order to another customer crashed after the move", async () => {
    // GIVEN Ann's only order, synced
    const bram = { id: "7003", email: "bram.moved@example.com", firstName: "Bram", lastName: "Moved" };
    await h.send(
      "orders/create",
      orderBody({ id: "15", number: 1015, customer: ann, total: "60.00", createdAt: t(0) }),
    );
    await h.settled();
    expect(contactOf("7001")?.customAttributes.order_count).toBe(1);
    // WHEN the job that moves it to Bram writes the move, then dies before it asks for Bram's sync
    const moved = SYNC_TOPICS["orders/updated"].parse(
      orderBody({ id: "15", number: 1015, customer: bram, total: "60.00", createdAt: t(0), updatedAt: t(9) }),
    );
    await h.database.db.webhookEvent.create({
      data: { shop: SHOP_A, webhookId: "moved-crash", topic: "orders/updated", status: "received" },
    });
    const realRequest = requestContactSyncFactory(h.queue, 10);
    const crashing = applyWebhookFactory({
      db: h.database.db,
      logger: h.deps.logger,
      requestContactSync: async (shop, customerId) => {
        if (customerId === bram.id) throw new Error("worker killed");
        await realRequest(shop, customerId);
      },
    });
    await expect(
      crashing({ shop: SHOP_A, topic: "orders/updated", webhookId: "moved-crash", payload: moved }),
    ).rejects.toThrow("worker killed");
    // AND its run after the crash finds the order already with Bram
    await h.queue.enqueue(
      "webhook.apply",
      { shop: SHOP_A, topic: "orders/updated", webhookId: "moved-crash", payload: moved },
      { key: "webhook:moved-crash", shop: SHOP_A },
    );
    await h.settled();
    // THEN Ann's contact no longer counts the order, and Bram's does
    expect(contactOf("7001")?.customAttributes).toMatchObject({ order_count: 0, total_spent: 0 });
    expect(contactOf("7003")?.customAttributes).toMatchObject({ order_count: 1, total_spent: 60 });
  });

  it("still asks for the contact sync when a refund's job runs again after a crash that followed 'applied'", async () => {
    // GIVEN an order of 100.00, then a crash after its refund was projected and marked applied but
    // before the contact sync was asked for (the job is run again, as after a lock timeout)
    await h.send(
      "orders/create",
      orderBody({ id: "17", number: 1017, customer: ann, total: "100.00", createdAt: t(0) }),
    );
    await h.settled();
    const refund = SYNC_TOPICS["refunds/create"].parse(
      refundBody({ id: "92", orderId: "17", amount: "30.00", createdAt: t(20) }),
    );
    await recordRefund(h.database.db, {
      shop: SHOP_A,
      refundId: refund.id,
      orderId: refund.order_id,
      amount: "30.00",
      createdAt: new Date(refund.created_at),
    });
    await h.database.db.webhookEvent.create({
      data: { shop: SHOP_A, webhookId: "crashed-refund", topic: "refunds/create", status: "applied" },
    });
    // WHEN its job runs again
    await h.queue.enqueue(
      "webhook.apply",
      { shop: SHOP_A, topic: "refunds/create", webhookId: "crashed-refund", payload: refund },
      { key: "webhook:crashed-refund", shop: SHOP_A },
    );
    await h.settled();
    // THEN the contact shows the refund
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
});
