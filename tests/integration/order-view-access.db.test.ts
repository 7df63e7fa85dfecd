import { rotateOrderViewTokenVersion } from "~/models/order-view.server";
import { readOrderViewToken, signOrderViewToken } from "~/order-view/token.server";
import { dbKind, dbSkipReason } from "../support/database";
import { seedCustomer, seedOrders } from "../support/order-view-fixtures";
import { startOrderViewWorld, type OrderViewWorld, type TestStore } from "../support/order-view-harness";

// Who may read the order view: the token in the dashboard app URL decides the store, and nothing
// else. Route modules and app wiring on a real database and the Chatwoot simulator.
const APP = "https://app.example.test";
const CHATWOOT = "https://chat.example.com";

describe.skipIf(dbSkipReason)(`order view access (${dbKind})`, () => {
  let world: OrderViewWorld;
  let alpha: TestStore;
  let beta: TestStore;
  let adaContact: number;

  beforeAll(async () => {
    world = await startOrderViewWorld({ appUrl: APP, chatwootUrl: CHATWOOT });
    alpha = await world.addStore("alpha.myshopify.com", { name: "Alpha" });
    beta = await world.addStore("beta.myshopify.com", { name: "Beta" });
    adaContact = world.sim.seed.contact(alpha.accountId, { name: "Ada", identifier: "701" }).id;
    await seedCustomer(world.database.db, alpha.shop, {
      customerId: "701",
      email: "ada@example.com",
      firstName: "Ada",
      lastName: "Lovelace",
      contactId: adaContact,
    });
    await seedOrders(world.database.db, alpha.shop, "701", { count: 3 });
  });

  afterAll(() => world?.stop());

  const read = (token: string | undefined, query: Record<string, string | number>) =>
    world.handle(
      new Request(`${APP}/order-view/api?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, `${v}`]))}`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      }),
    );

  it("serves the token's store's customer, only frameable by Chatwoot", async () => {
    // WHEN
    const response = await read(alpha.token, { contact: adaContact, account: alpha.accountId });
    // THEN
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "found", customer: { name: "Ada Lovelace", orderCount: 3 } });
    expect(response.headers.get("Content-Security-Policy")).toContain(`frame-ancestors ${CHATWOOT}`);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  it.each([
    ["no token", () => undefined],
    ["a tampered token", () => alpha.token.slice(0, -2) + (alpha.token.endsWith("AA") ? "BB" : "AA")],
    ["a token signed with another secret", () => signOrderViewToken({ shop: alpha.shop, version: 1 }, "x".repeat(40))],
    ["another store's token", () => beta.token],
    ["a revoked (older) token version", () => signOrderViewToken({ shop: alpha.shop, version: 2 }, world.secret)],
  ])("answers %s with 401 and no customer data", async (_name, token) => {
    // WHEN
    const response = await read(token(), { contact: adaContact, account: alpha.accountId });
    // THEN
    const body = await response.text();
    expect(response.status).toBe(401);
    expect(JSON.parse(body)).toEqual({ error: "unauthorized" });
    expect(body).not.toMatch(/Ada|701|#100/);
    expect(response.headers.get("Content-Security-Policy")).toContain(`frame-ancestors ${CHATWOOT}`);
  });

  it("never resolves a contact id across stores: with its own account, another store finds no one", async () => {
    // WHEN beta's agent view asks for alpha's contact id
    const response = await read(beta.token, { contact: adaContact, account: beta.accountId });
    // THEN the id is looked up in beta's Chatwoot account only
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "unknown" });
  });

  it("refuses every URL of a store once its token version is bumped", async () => {
    // GIVEN a store whose dashboard app URL was rotated to version 2
    const gamma = await world.addStore("gamma.myshopify.com");
    const version = await rotateOrderViewTokenVersion(world.database.db, { shop: gamma.shop });
    const rotated = signOrderViewToken({ shop: gamma.shop, version }, world.secret);
    // THEN
    expect((await read(gamma.token, { contact: 1, account: gamma.accountId })).status).toBe(401);
    expect((await read(rotated, { contact: 1, account: gamma.accountId })).status).toBe(200);
    expect(readOrderViewToken(rotated, world.secret)).toEqual({ shop: gamma.shop, version: 2 });
  });

  it("refuses the token of a store that uninstalled the app", async () => {
    const delta = await world.addStore("delta.myshopify.com");
    await world.database.db.shop.update({ where: { shop: delta.shop }, data: { uninstalledAt: new Date() } });
    expect((await read(delta.token, { contact: 1, account: delta.accountId })).status).toBe(401);
  });

  it("checks the token before the input: a bad query is 401 without a token, 400 with one", async () => {
    expect((await read(undefined, { contact: "x", account: alpha.accountId })).status).toBe(401);
    expect((await read(alpha.token, { contact: "x", account: alpha.accountId })).status).toBe(400);
    expect((await read(alpha.token, { contact: adaContact })).status).toBe(400);
  });

  it("refuses a resync with another store's token, and an oversize body before reading it", async () => {
    // GIVEN
    const post = (token: string, body: string) =>
      world.handle(
        new Request(`${APP}/order-view/api`, {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body,
        }),
      );
    const resync = JSON.stringify({ intent: "resync", contact: adaContact, account: alpha.accountId });
    // THEN
    expect((await post(beta.token, resync)).status).toBe(401);
    expect((await post(alpha.token, resync.padEnd(4096, " "))).status).toBe(413);
    expect(await world.database.db.job.count()).toBe(0);
  });

  it("rate-limits each token: past 600 requests a minute it answers 429 with Retry-After", async () => {
    // GIVEN a store of its own, so other tests keep their budget
    const busy = await world.addStore("busy.myshopify.com");
    // WHEN
    const statuses: number[] = [];
    for (let i = 0; i < 601; i++)
      statuses.push((await read(busy.token, { contact: 1, account: busy.accountId })).status);
    const limited = await read(busy.token, { contact: 1, account: busy.accountId });
    // THEN
    expect(statuses.slice(0, 600).every((s) => s === 200)).toBe(true);
    expect(statuses[600]).toBe(429);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    // AND another store is not affected
    expect((await read(alpha.token, { contact: adaContact, account: alpha.accountId })).status).toBe(200);
  });

  it("serves the page to a valid token with frame-ancestors and a nonce'd inline script, and no customer data", async () => {
    // WHEN
    const response = await world.handle(new Request(`${APP}/order-view?token=${encodeURIComponent(alpha.token)}`));
    // THEN
    const html = await response.text();
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(response.status).toBe(200);
    expect(csp).toContain(`frame-ancestors ${CHATWOOT}`);
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain("<title>Order history · Alpha</title>");
    expect(html).not.toMatch(/Lovelace|ada@example/);
  });

  it.each([
    ["without a token", () => ""],
    ["with a tampered token", () => `?token=${encodeURIComponent(alpha.token)}x`],
  ])("answers the page %s with a 401 page in plain words", async (_name, query) => {
    const request = new Request(`${APP}/order-view${query()}`, { headers: { "Accept-Language": "nl" } });
    const response = await world.handle(request);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("niet geldig voor dit Chatwoot-account");
    expect(response.headers.get("Content-Security-Policy")).toContain(`frame-ancestors ${CHATWOOT}`);
  });
});
