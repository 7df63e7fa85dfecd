import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Response as PwResponse } from "playwright-core";
import { demoAppContext, type DemoContact } from "~/order-view/sandbox/app-context";
import { launchChromium } from "../support/browser";
import { seedCustomer, seedOrders } from "../support/order-view-fixtures";
import { listen, startOrderViewWorld, type OrderViewWorld, type TestStore } from "../support/order-view-harness";
import { chatwootPage, evilFrame, startHostOrigin, type HostOrigin } from "../support/order-view-host";
import { freePort } from "../support/processes";

// The order view in Chromium, framed by a Chatwoot stand-in at its own origin that posts the
// appContext the way Chatwoot does. The app's real route modules serve it on loopback.
const shots = process.env.ORDER_VIEW_SCREENSHOTS ?? path.join(tmpdir(), "order-view-screenshots");

describe("the order view in Chromium", () => {
  let world: OrderViewWorld;
  let chatwoot: HostOrigin;
  let evil: HostOrigin;
  let server: Server;
  let browser: Browser;
  let appUrl: string;
  let alpha: TestStore;
  let beta: TestStore;
  let ada: DemoContact;
  let grace: DemoContact;

  beforeAll(async () => {
    [chatwoot, evil] = [await startHostOrigin(), await startHostOrigin()];
    const port = await freePort();
    appUrl = `http://localhost:${port}`;
    world = await startOrderViewWorld({
      appUrl,
      chatwootUrl: chatwoot.origin,
      sandboxShop: "demo-store.myshopify.com",
    });
    alpha = await world.addStore("alpha.myshopify.com", { name: "Alpha Outfitters", brandColor: "#0b6e4f" });
    beta = await world.addStore("beta.myshopify.com", { name: "Beta" });
    const { db } = world.database;
    ada = await linkedCustomer(alpha, { id: "9001", first: "Ada", last: "Lovelace", orders: 24 });
    grace = await linkedCustomer(alpha, { id: "9002", first: "Grace", last: "Hopper", orders: 1 });
    await db.tierSettings.create({
      data: { shop: alpha.shop, thresholds: JSON.stringify({ Bronze: 0, Silver: 250, Gold: 1000, VIP: 5000 }) },
    });
    server = await listen((request) => world.handle(request), port);
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await world?.stop();
    await chatwoot?.stop();
    await evil?.stop();
  });

  async function linkedCustomer(store: TestStore, c: { id: string; first: string; last: string; orders: number }) {
    const email = `${c.first.toLowerCase()}@example.com`;
    const contactId = world.sim.seed.contact(store.accountId, {
      name: `${c.first} ${c.last}`,
      email,
      identifier: c.id,
    }).id;
    await seedCustomer(world.database.db, store.shop, {
      customerId: c.id,
      email,
      firstName: c.first,
      lastName: c.last,
      tags: "vip, newsletter",
      contactId,
      syncedAt: new Date(Date.now() - 120_000),
    });
    await seedOrders(world.database.db, store.shop, c.id, {
      count: c.orders,
      firstNumber: 1001,
      idBase: Number(c.id.slice(-4)) * 1e6,
    });
    return { contactId, name: `${c.first} ${c.last}`, email, phone: null, identifier: c.id };
  }

  const frameUrl = (token: string) => `${appUrl}/order-view?token=${encodeURIComponent(token)}`;
  const contextFor = (store: TestStore, contact: DemoContact, verified = true) =>
    demoAppContext({ accountId: store.accountId, conversationId: 7, contact, verified });

  /** A page with the Chatwoot stand-in loaded, and every response from the app recorded. */
  async function openInChatwoot(html: string, { host = chatwoot, locale = "en-US", width = 420 } = {}) {
    const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
    const page = await context.newPage();
    const responses: PwResponse[] = [];
    page.on("response", (r) => r.url().startsWith(appUrl) && responses.push(r));
    host.serve(html);
    await page.goto(`${host.origin}/app/accounts/1/conversations/7`);
    return { page, responses, frame: page.frameLocator("#dashboard-app"), close: () => context.close() };
  }

  const apiCalls = (responses: PwResponse[]) => responses.filter((r) => r.url().includes("/order-view/api"));

  it("renders the right customer's orders, newest first, when Chatwoot posts the appContext", async () => {
    // WHEN
    const view = await openInChatwoot(
      chatwootPage({ frameUrl: frameUrl(alpha.token), context: contextFor(alpha, ada) }),
    );
    // THEN
    const { frame } = view;
    await frame.getByRole("heading", { name: "Ada Lovelace" }).waitFor();
    await expect(frame.getByText("Verified by Shopify login").isVisible()).resolves.toBe(true);
    await expect(frame.locator("article.order").count()).resolves.toBe(20);
    await expect(frame.locator("article.order h2").first().textContent()).resolves.toBe("#1024");
    await expect(frame.getByRole("link", { name: "#1024" }).getAttribute("href")).resolves.toBe(
      `https://admin.shopify.com/store/alpha/orders/${9001e6 + 1024}`,
    );
    await expect(frame.getByText(/^Synced (now|\d+ seconds? ago)$/).isVisible()).resolves.toBe(true);
    await view.page.screenshot({ path: path.join(shots, "order-view-420.png"), fullPage: true });
    // AND the next page comes on request
    await frame.getByRole("button", { name: "Show more orders" }).click();
    await frame.locator("article.order").nth(23).waitFor();
    await expect(frame.locator("article.order h2").last().textContent()).resolves.toBe("#1001");
    expect(apiCalls(view.responses).map((r) => r.status())).toEqual([200, 200]);
    await view.close();
  });

  it("ignores an appContext posted by a frame at another origin", async () => {
    // GIVEN another app on the Chatwoot page forging Ada's context, while Chatwoot shows Grace
    evil.serve(evilFrame(contextFor(alpha, ada)));
    const view = await openInChatwoot(
      chatwootPage({ frameUrl: frameUrl(alpha.token), evilFrameUrl: `${evil.origin}/frame` }),
    );
    // WHEN the forgeries keep coming for a second
    await view.page.waitForTimeout(1000);
    // THEN the order view is still waiting for Chatwoot and asked the API nothing
    await expect(view.frame.getByText("Waiting for the conversation from Chatwoot").isVisible()).resolves.toBe(true);
    expect(apiCalls(view.responses)).toHaveLength(0);
    // AND when Chatwoot itself answers, Grace's orders show, not Ada's
    await view.page.evaluate(
      (ctx) => (window as unknown as { sendContext(c: unknown): void }).sendContext(ctx),
      contextFor(alpha, grace),
    );
    await view.frame.getByRole("heading", { name: "Grace Hopper" }).waitFor();
    await view.page.waitForTimeout(300);
    await expect(view.frame.getByText("Ada Lovelace").count()).resolves.toBe(0);
    await view.close();
  });

  it.each([
    ["no token", () => `${appUrl}/order-view`, "page"],
    ["a tampered token", () => frameUrl(`${alpha.token.slice(0, -3)}abc`), "page"],
    ["another store's token", () => frameUrl(beta.token), "api"],
  ])("shows no customer data to %s: the app answers 401", async (_name, url, refusedBy) => {
    // WHEN Chatwoot frames the URL and posts Ada's context from alpha's account
    const view = await openInChatwoot(chatwootPage({ frameUrl: url(), context: contextFor(alpha, ada) }));
    // THEN
    await view.frame.getByText("not valid for this Chatwoot account").waitFor();
    const refused = view.responses.filter((r) => r.status() === 401);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => (refusedBy === "api") === r.url().includes("/order-view/api"))).toBe(true);
    const text = await view.frame.locator("body").innerText();
    expect(text).not.toMatch(/Lovelace|#10\d\d|vip/);
    await view.close();
  });

  it("cannot be framed by any page but Chatwoot (frame-ancestors)", async () => {
    // WHEN another site frames a valid order view URL
    const view = await openInChatwoot(
      chatwootPage({ frameUrl: frameUrl(alpha.token), context: contextFor(alpha, ada) }),
      {
        host: evil,
      },
    );
    await view.page.waitForTimeout(1000);
    // THEN the browser refuses to show it, because of the header the app sent
    const document = view.responses.find((r) => r.url().includes("/order-view?token="));
    expect(await document?.headerValue("content-security-policy")).toContain(`frame-ancestors ${chatwoot.origin}`);
    await expect(view.frame.getByText("Ada Lovelace").count()).resolves.toBe(0);
    expect(apiCalls(view.responses)).toHaveLength(0);
    await view.close();
  });

  it("weighs under 30 KB gzipped on the wire and loads nothing but its own API", async () => {
    // WHEN
    const view = await openInChatwoot(
      chatwootPage({ frameUrl: frameUrl(alpha.token), context: contextFor(alpha, grace) }),
    );
    await view.frame.getByRole("heading", { name: "Grace Hopper" }).waitFor();
    // THEN
    const [document, ...rest] = view.responses;
    const gzipped = gzipSync(await document!.body()).length;
    expect(document!.url()).toContain("/order-view?token=");
    expect(gzipped).toBeLessThan(30 * 1024);
    expect(rest.map((r) => new URL(r.url()).pathname)).toEqual(["/order-view/api"]);
    console.log(`order view page: ${(await document!.body()).length} bytes, ${gzipped} bytes gzipped`);
    await view.close();
  });

  it("speaks Dutch to a Dutch browser, and says when the visitor is not verified", async () => {
    const view = await openInChatwoot(
      chatwootPage({ frameUrl: frameUrl(alpha.token), context: contextFor(alpha, ada, false) }),
      {
        locale: "nl-NL",
        width: 360,
      },
    );
    await view.frame.getByText("Niet geverifieerd via Shopify-login", { exact: false }).waitFor();
    await expect(
      view.frame.getByRole("button", { name: "Deze klant opnieuw synchroniseren" }).isVisible(),
    ).resolves.toBe(true);
    await view.page.screenshot({ path: path.join(shots, "order-view-360-nl.png"), fullPage: true });
    await view.close();
  });

  it("queues a resync when the agent presses the button", async () => {
    // GIVEN
    const view = await openInChatwoot(
      chatwootPage({ frameUrl: frameUrl(alpha.token), context: contextFor(alpha, grace) }),
    );
    await view.frame.getByRole("heading", { name: "Grace Hopper" }).waitFor();
    // WHEN
    await view.frame.getByRole("button", { name: "Resync this customer" }).click();
    // THEN
    await view.frame.getByText("Resync requested").waitFor();
    const jobs = await world.database.db.job.findMany({ where: { task: "customer.resync", shop: alpha.shop } });
    expect(jobs.map((j) => JSON.parse(j.payload))).toEqual([{ shop: alpha.shop, customerId: "9002" }]);
    await view.close();
  });

  it("runs in the sandbox's Chatwoot-like host page for the demo store", async () => {
    // GIVEN the sandbox's demo store with a synced customer
    const demo = await world.addStore("demo-store.myshopify.com", { name: "Demo Store" });
    await linkedCustomer(demo, { id: "7012345678901", first: "Ada", last: "Lovelace", orders: 3 });
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    // WHEN
    await page.goto(`${appUrl}/sandbox/chatwoot?locale=nl`);
    // THEN
    const frame = page.frameLocator("#dashboard-app");
    await frame.getByRole("heading", { name: "Ada Lovelace" }).waitFor();
    await expect(frame.getByText("Geverifieerd via Shopify-login").isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(shots, "sandbox-chatwoot.png") });
    // AND the anonymous visitor shows the empty state
    await page.getByRole("link", { name: /Anonymous visitor/ }).click();
    await frame
      .getByText("No Shopify customer is linked", { exact: false })
      .or(frame.getByText("Er is nog geen Shopify-klant"))
      .waitFor();
    await context.close();
  });
});
