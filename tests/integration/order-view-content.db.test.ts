import type { OrderViewPayload } from "~/order-view/types";
import { dbKind, dbSkipReason } from "../support/database";
import { seedCustomer, seedOrder, seedOrders } from "../support/order-view-fixtures";
import { startOrderViewWorld, type OrderViewWorld, type TestStore } from "../support/order-view-harness";

// What the order view shows for a contact, and how it finds the customer: from the local projection,
// through the store's ContactLink or the store's own Chatwoot contact. Resync goes through the queue.
const APP = "https://app.example.test";
const day = (n: number) => new Date(Date.UTC(2026, 0, n, 10));

describe.skipIf(dbSkipReason)(`order view content (${dbKind})`, () => {
  let world: OrderViewWorld;
  let store: TestStore;

  beforeAll(async () => {
    world = await startOrderViewWorld({ appUrl: APP, chatwootUrl: "https://chat.example.com" });
    store = await world.addStore("alpha.myshopify.com", { name: "Alpha" });
  });

  afterAll(() => world?.stop());

  const contact = (params: { name: string; identifier?: string; email?: string }) =>
    world.sim.seed.contact(store.accountId, params).id;

  async function read(contactId: number, page = 1): Promise<{ status: number; body: OrderViewPayload }> {
    const query = new URLSearchParams({ contact: `${contactId}`, account: `${store.accountId}`, page: `${page}` });
    const response = await world.handle(
      new Request(`${APP}/order-view/api?${query}`, { headers: { Authorization: `Bearer ${store.token}` } }),
    );
    return { status: response.status, body: (await response.json()) as OrderViewPayload };
  }

  const resync = (contactId: number) =>
    world.handle(
      new Request(`${APP}/order-view/api`, {
        method: "POST",
        headers: { Authorization: `Bearer ${store.token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ intent: "resync", contact: contactId, account: store.accountId }),
      }),
    );

  it("sums up the linked customer like the contact attributes: cancelled orders and refunds do not count", async () => {
    // GIVEN Ada, linked to her contact, with a paid order, a partly refunded one and a cancelled one
    const id = contact({ name: "Ada", identifier: "801" });
    const syncedAt = new Date(Date.now() - 120_000);
    const { db } = world.database;
    await seedCustomer(db, store.shop, {
      customerId: "801",
      email: "ada@example.com",
      firstName: "Ada",
      lastName: "Lovelace",
      tags: "vip, newsletter",
      createdAt: new Date("2024-02-10T09:00:00Z"),
      contactId: id,
      syncedAt,
    });
    await seedOrder(db, store.shop, "801", { orderId: "11", name: "#1001", total: "100.00", createdAt: day(1) });
    await seedOrder(db, store.shop, "801", {
      orderId: "12",
      name: "#1002",
      total: "250.00",
      createdAt: day(2),
      financialStatus: "partially_refunded",
      refunds: ["10.00", "5.50"],
    });
    await seedOrder(db, store.shop, "801", {
      orderId: "13",
      name: "#1003",
      total: "30.00",
      createdAt: day(3),
      cancelled: true,
    });
    // WHEN
    const { status, body } = await read(id);
    // THEN
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "found",
      customer: {
        id: "801",
        name: "Ada Lovelace",
        email: "ada@example.com",
        tier: "Silver",
        orderCount: 2,
        totalSpent: "334.50",
        currency: "EUR",
        customerSince: "2024-02-10T09:00:00.000Z",
        tags: ["vip", "newsletter"],
        adminUrl: "https://admin.shopify.com/store/alpha/customers/801",
        matchedBy: "link",
      },
    });
    if (body.status !== "found") return;
    expect(Date.parse(body.customer.syncedAt)).toBeGreaterThanOrEqual(syncedAt.getTime());
    expect(body.orders.items.map((o) => [o.name, o.cancelled, o.refunded])).toEqual([
      ["#1003", true, null],
      ["#1002", false, "15.50"],
      ["#1001", false, null],
    ]);
  });

  it("shows a refund of an order paid in another currency in the store's currency, like its total", async () => {
    // GIVEN Lin's order of 200.00 EUR, paid as 220.00 USD, with 22.00 USD refunded
    const id = contact({ name: "Lin", identifier: "830" });
    const { db } = world.database;
    await seedCustomer(db, store.shop, {
      customerId: "830",
      email: "lin@example.com",
      firstName: "Lin",
      lastName: "Chen",
      contactId: id,
    });
    await seedOrder(db, store.shop, "830", {
      orderId: "31",
      name: "#3001",
      total: "200.00",
      paidIn: { currency: "USD", total: "220.00" },
      createdAt: day(4),
      financialStatus: "partially_refunded",
      refunds: ["22.00"],
    });
    // WHEN
    const { body } = await read(id);
    // THEN the order shows 20.00 EUR refunded, and the customer has spent 180.00 EUR
    if (body.status !== "found") throw new Error(`customer not found: ${body.status}`);
    expect(body.customer).toMatchObject({ totalSpent: "180.00", currency: "EUR" });
    expect(body.orders.items).toMatchObject([{ name: "#3001", total: "200.00", currency: "EUR", refunded: "20.00" }]);
  });

  it("lists orders newest first with admin links, line items and tracking, 20 to a page", async () => {
    // GIVEN a customer with 25 orders
    const id = contact({ name: "Grace", identifier: "802" });
    await seedCustomer(world.database.db, store.shop, {
      customerId: "802",
      email: "grace@example.com",
      firstName: "Grace",
      lastName: "Hopper",
      contactId: id,
    });
    await seedOrders(world.database.db, store.shop, "802", { count: 25, firstNumber: 2001, newest: day(28) });
    // WHEN
    const first = await read(id);
    const second = await read(id, 2);
    // THEN
    if (first.body.status !== "found" || second.body.status !== "found") throw new Error("customer not found");
    expect(first.body.orders).toMatchObject({ page: 1, pageSize: 20, total: 25, hasMore: true });
    expect(second.body.orders).toMatchObject({ page: 2, total: 25, hasMore: false });
    const names = [...first.body.orders.items, ...second.body.orders.items].map((o) => o.name);
    expect(names).toEqual(Array.from({ length: 25 }, (_, i) => `#${2025 - i}`));
    const newest = first.body.orders.items[0]!;
    expect(newest).toMatchObject({
      adminUrl: `https://admin.shopify.com/store/alpha/orders/${5_000_000_000_000 + 2025}`,
      createdAt: day(28).toISOString(),
      currency: "EUR",
      lineItems: [
        { title: "Linen shirt", variantTitle: "M / Sand", quantity: 1, price: "49.95" },
        { title: "Canvas tote", variantTitle: null, quantity: 2, price: "24.50" },
      ],
      tracking: [{ company: "PostNL", number: "3SABCD2025", status: "delivered" }],
    });
  });

  it("finds an unlinked contact's customer by the identifier in the store's own Chatwoot account", async () => {
    // GIVEN a customer the sync has not linked yet, and a Chatwoot contact carrying their id
    await seedCustomer(world.database.db, store.shop, {
      customerId: "803",
      email: "linus@example.com",
      firstName: "Linus",
      lastName: "Pauling",
    });
    const id = contact({ name: "Linus", identifier: "803" });
    // WHEN
    const { body } = await read(id);
    // THEN
    expect(body).toMatchObject({ status: "found", customer: { id: "803", matchedBy: "identifier" } });
  });

  it("offers a customer with only the same e-mail address as a possible match, never their orders", async () => {
    // GIVEN a customer with orders, and a contact that typed their e-mail address into the chat
    await seedCustomer(world.database.db, store.shop, {
      customerId: "804",
      email: "marie@example.com",
      firstName: "Marie",
      lastName: "Curie",
    });
    await seedOrders(world.database.db, store.shop, "804", { count: 2, firstNumber: 4001 });
    const id = contact({ name: "Marie?", email: "Marie@Example.com" });
    // WHEN
    const { body } = await read(id);
    // THEN
    expect(body).toEqual({
      status: "suggestion",
      suggestion: {
        id: "804",
        name: "Marie Curie",
        email: "marie@example.com",
        adminUrl: "https://admin.shopify.com/store/alpha/customers/804",
      },
    });
    expect(JSON.stringify(body)).not.toContain("#400");
  });

  it("says so when the store's Chatwoot account has no such contact", async () => {
    expect((await read(987_654)).body).toEqual({ status: "unknown" });
  });

  it("answers 503 lookup_failed when Chatwoot cannot be asked about an unlinked contact", async () => {
    // GIVEN Chatwoot fails every contact read
    const id = contact({ name: "Nobody", email: "nobody@example.com" });
    world.sim.faults.add({
      match: { method: "GET", path: /\/contacts\/\d+$/ },
      kind: "status",
      status: 500,
      times: 99,
    });
    try {
      // WHEN
      const { status, body } = await read(id);
      // THEN
      expect(status).toBe(503);
      expect(body).toEqual({ error: "lookup_failed" });
    } finally {
      world.sim.faults.clear();
    }
  });

  it("queues one customer.resync job however often the agent presses Resync", async () => {
    // GIVEN
    const id = contact({ name: "Rosalind", identifier: "805" });
    await seedCustomer(world.database.db, store.shop, {
      customerId: "805",
      email: "rosalind@example.com",
      firstName: "Rosalind",
      lastName: "Franklin",
      contactId: id,
    });
    // WHEN
    const statuses = [(await resync(id)).status, (await resync(id)).status, (await resync(id)).status];
    // THEN
    expect(statuses).toEqual([202, 202, 202]);
    const jobs = await world.database.db.job.findMany({ where: { task: "customer.resync", shop: store.shop } });
    expect(jobs).toHaveLength(1);
    expect(JSON.parse(jobs[0]!.payload)).toEqual({ shop: store.shop, customerId: "805" });
  });

  it("refuses to resync a contact that has no customer, or only a possible match", async () => {
    const stranger = contact({ name: "Stranger", email: "marie@example.com".replace("marie", "m.c") });
    expect((await resync(stranger)).status).toBe(404);
    expect((await resync(123_456_789)).status).toBe(404);
    expect(await world.database.db.job.count({ where: { payload: { contains: "804" } } })).toBe(0);
  });
});
