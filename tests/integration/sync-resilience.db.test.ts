import { markShopUninstalled } from "~/models/shop.server";
import { customerBody, orderBody, type FakeCustomer } from "~/sandbox/shopify-webhook-bodies";
import { dbKind, dbSkipReason } from "../support/database";
import { SHOP_A, SHOP_B } from "../support/provisioning-harness";
import { startSyncHarness, type SyncHarness } from "../support/sync-harness";

const customers: FakeCustomer[] = Array.from({ length: 6 }, (_, i) => ({
  id: String(8000 + i),
  email: `buyer${i}@example.com`,
  firstName: "Buyer",
  lastName: String(i),
}));

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(dbSkipReason)(`the sync when Chatwoot misbehaves (${dbKind})`, () => {
  let h: SyncHarness;
  afterEach(async () => h?.close());

  const synced = (shop = SHOP_A) => h.database.db.contactLink.count({ where: { shop } });

  it("applies everything once Chatwoot comes back from 5xx answers and timeouts", async () => {
    // GIVEN Chatwoot fails every contact call for a while
    h = await startSyncHarness({ maxAttempts: 50 });
    h.sim.faults.add({ kind: "status", status: 503, match: { path: /\/contacts/ }, times: Infinity });
    h.sim.faults.add({ kind: "timeout", match: { method: "POST", path: /\/contacts$/ }, times: 2 });
    for (const [i, c] of customers.entries())
      await h.send("orders/create", orderBody({ id: String(100 + i), number: 1100 + i, customer: c }));
    await until(async () => (await h.database.db.job.aggregate({ _max: { attempts: true } }))._max.attempts! >= 2);
    expect(await synced()).toBe(0);
    // WHEN it recovers
    h.sim.faults.clear();
    await h.settled(30_000);
    // THEN every customer has exactly one contact
    expect(await synced()).toBe(customers.length);
    for (const c of customers) expect(h.sim.state.contacts.filter((x) => x.identifier === c.id)).toHaveLength(1);
  });

  it("slows down on 429s and loses nothing", async () => {
    // GIVEN
    h = await startSyncHarness();
    h.sim.faults.add({ kind: "rateLimit", match: { path: /\/contacts/ }, times: 12 });
    // WHEN
    for (const [i, c] of customers.entries())
      await h.send("orders/create", orderBody({ id: String(200 + i), number: 1200 + i, customer: c }));
    await h.settled(30_000);
    // THEN
    expect(h.sim.state.requests.filter((r) => r.fault === "rateLimit")).toHaveLength(12);
    expect(await synced()).toBe(customers.length);
  });

  it("dead-letters a contact sync that keeps failing, and Replay applies it", async () => {
    // GIVEN Chatwoot refuses to create contacts
    h = await startSyncHarness({ maxAttempts: 3 });
    h.sim.faults.add({ kind: "status", status: 500, match: { method: "POST", path: /\/contacts$/ }, times: Infinity });
    await h.send("orders/create", orderBody({ id: "300", number: 1300, customer: customers[0]! }));
    await until(async () => (await h.queue.listDead()).length === 1);
    const [dead] = await h.queue.listDead({ shop: SHOP_A });
    expect(dead).toMatchObject({ task: "contact.sync", attempts: 3 });
    expect(dead?.lastError).toMatch(/500/);
    // WHEN Chatwoot is fixed and the merchant presses Replay
    h.sim.faults.clear();
    expect(await h.queue.replay(dead!.id, { shop: SHOP_A })).toBe(true);
    await h.settled();
    // THEN
    expect(await synced()).toBe(1);
    expect(await h.queue.listDead()).toEqual([]);
  });

  it("keeps events that arrive while the store is provisioning and applies them when it finishes", async () => {
    // GIVEN a store that installed but is not provisioned yet
    h = await startSyncHarness({ provision: false });
    await h.send("customers/create", customerBody(customers[0]!));
    await h.send("orders/create", orderBody({ id: "400", number: 1400, customer: customers[1]! }));
    await h.settled();
    expect(h.sim.state.contacts).toHaveLength(0);
    // WHEN provisioning finishes (its completion hook asks for the pending contacts)
    h.deps.onProvisioned = async (shop) => {
      await h.sync.taskHandlers["shop.sync-pending"]({ shop } as never, {} as never);
    };
    expect(await h.provisioning.run(SHOP_A)).toBe("provisioned");
    await h.settled();
    // THEN
    expect(h.sim.state.contacts.map((c) => c.identifier).sort()).toEqual([customers[0]!.id, customers[1]!.id]);
  });

  it("drops events for a store that uninstalled, and says so in the log", async () => {
    // GIVEN
    h = await startSyncHarness();
    await markShopUninstalled(h.database.db, { shop: SHOP_A });
    // WHEN
    const status = await h.send("orders/create", orderBody({ id: "500", number: 1500, customer: customers[0]! }));
    await h.settled();
    // THEN
    expect(status).toBe(200);
    expect(await h.database.db.webhookEvent.count()).toBe(0);
    expect(await h.database.db.order.count()).toBe(0);
    expect(h.logLines.some((l) => l.includes("webhook for an uninstalled store dropped"))).toBe(true);
  });

  it("keeps two stores' customers in their own accounts whatever the interleaving", async () => {
    // GIVEN two provisioned stores and a random mix of their events (seeded, so a failure replays)
    h = await startSyncHarness({ shops: [SHOP_A, SHOP_B] });
    let seed = 20261125;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const events = Array.from({ length: 40 }, (_, i) => {
      const shop = random() < 0.5 ? SHOP_A : SHOP_B;
      const c = customers[Math.floor(random() * customers.length)]!;
      const customer = { ...c, id: `${shop === SHOP_A ? 1 : 2}${c.id}`, email: `${shop.slice(0, 5)}.${c.email}` };
      return { shop, body: orderBody({ id: String(600 + i), number: 1600 + i, customer }) };
    });
    // WHEN
    for (const e of events) await h.send("orders/create", e.body, { shop: e.shop });
    await h.settled(30_000);
    // THEN each account holds exactly its own store's customers
    const accountOf = async (shop: string) =>
      (await h.database.db.chatwootAccount.findUnique({ where: { shop } }))!.accountId!;
    for (const shop of [SHOP_A, SHOP_B]) {
      const accountId = await accountOf(shop);
      const expected = new Set(events.filter((e) => e.shop === shop).map((e) => String(e.body.customer!.id)));
      const held = h.sim.state.contacts.filter((c) => c.accountId === accountId).map((c) => c.identifier);
      expect(new Set(held)).toEqual(expected);
      expect(held).toHaveLength(expected.size);
    }
  });
});
