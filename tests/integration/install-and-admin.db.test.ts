import { getHmac, RequestType, setUpValidRequest, setUpValidSession } from "@shopify/shopify-api/test-helpers";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type * as ShopifyServerModule from "~/shopify.server";
import { orderBody } from "~/sandbox/shopify-webhook-bodies";
import { startChatwootSimulator, type ChatwootSimulator } from "../fakes/chatwoot";
import { fakeShop } from "../fakes/shopify-admin/demo-shops";
import { startFakeShopifyAdmin, type FakeShopifyAdmin } from "../fakes/shopify-admin/server";
import { createTestDatabase, dbKind, dbSkipReason, type TestDatabase } from "../support/database";

// The app's own routes and wiring (app/shopify.server.ts), on a test database, the Chatwoot
// simulator and the fake Admin API. Requests are built with Shopify's test helpers.
const SHOP = "alpha-store.myshopify.com";
const APP_URL = "https://my-test-app.myshopify.io";
const BROWSER = { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140 Safari/537.36" };

type ShopifyServer = typeof ShopifyServerModule;
type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;

async function thrownOrReturned(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (thrown) {
    return thrown;
  }
}

describe.skipIf(dbSkipReason)(`installing and using the admin (${dbKind})`, () => {
  let database: TestDatabase;
  let sim: ChatwootSimulator;
  let fakeAdmin: FakeShopifyAdmin;
  let home: { loader: Loader; action: Action };
  let uninstalled: { action: Action };
  let scopesUpdate: { action: Action };
  let ordersCreate: { action: Action };
  let syncPage: { loader: Loader; action: Action };
  let widgetPage: { action: Action };
  let privacyPage: { loader: Loader };
  let exportRoute: { loader: Loader };
  let shopifyServer: ShopifyServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    sim = await startChatwootSimulator();
    fakeAdmin = await startFakeShopifyAdmin({ apiSecret: "testApiSecretKey", shops: [fakeShop(SHOP)] });
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      CHATWOOT_BASE_URL: sim.url,
      CHATWOOT_PLATFORM_TOKEN: sim.platformToken,
      SHOPIFY_ADMIN_API_ORIGIN: fakeAdmin.url,
    });
    shopifyServer = await import("~/shopify.server");
    home = (await import("~/routes/app._index")) as unknown as typeof home;
    uninstalled = (await import("~/routes/webhooks.app.uninstalled")) as unknown as typeof uninstalled;
    scopesUpdate = (await import("~/routes/webhooks.app.scopes_update")) as unknown as typeof scopesUpdate;
    ordersCreate = (await import("~/routes/webhooks.orders.create")) as unknown as typeof ordersCreate;
    syncPage = (await import("~/routes/app.sync")) as unknown as typeof syncPage;
    widgetPage = (await import("~/routes/app.widget")) as unknown as typeof widgetPage;
    privacyPage = (await import("~/routes/app.privacy")) as unknown as typeof privacyPage;
    exportRoute = (await import("~/routes/app.privacy.export.$requestId")) as unknown as typeof exportRoute;
  });

  afterAll(async () => {
    await sim.stop();
    await fakeAdmin.stop();
    await database.drop();
  });

  /** A delivery signed with the app's secret, as Shopify sends it. */
  function signedWebhook(path: string, topic: string, payload: unknown, webhookId = crypto.randomUUID()) {
    const body = JSON.stringify(payload);
    return new Request(`${APP_URL}${path}`, {
      method: "POST",
      body,
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Hmac-Sha256": getHmac(body, "testApiSecretKey"),
        "X-Shopify-Shop-Domain": SHOP,
        "X-Shopify-Topic": topic,
        "X-Shopify-API-Version": "2026-10",
        "X-Shopify-Webhook-Id": webhookId,
      },
    });
  }

  /** The store's offline session with a token that expired an hour ago, and its refresh token. */
  const expiredOfflineSession = () =>
    setUpValidSession({
      shop: SHOP,
      accessToken: "shpat_expired",
      expires: new Date(Date.now() - 3_600_000),
      refreshToken: "shprt_current",
      refreshTokenExpires: new Date(Date.now() + 30 * 86_400_000),
    });

  const installationOf = (shop: string) => fakeAdmin.shops.get(shop)!.appInstallationId;

  const tokenRequests = () => fakeAdmin.requests.filter((r) => r.path === "/admin/oauth/access_token").length;

  async function waitForStatus(status: string) {
    for (let i = 0; i < 200; i++) {
      const view = await shopifyServer.provisioning.view(SHOP);
      if (view.status === status) return view;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`never reached ${status}`);
  }

  it("provisions the store when the merchant first opens the app (token exchange, then afterAuth)", async () => {
    // GIVEN no session: the store just installed the app
    expect(await database.db.session.count()).toBe(0);
    // WHEN the Shopify admin loads the embedded app
    const request = await setUpValidRequest(
      { type: RequestType.Admin, store: "alpha-store", apiKey: "testApiKey", apiSecretKey: "testApiSecretKey" },
      new Request(`${APP_URL}/app`, { headers: BROWSER }),
    );
    const data = (await home.loader({ request, params: {}, context: {} })) as { view: { shop: string } };
    // THEN the offline session is stored and provisioning finishes in the background
    expect(data.view.shop).toBe(SHOP);
    expect(await database.db.session.count({ where: { shop: SHOP, isOnline: false } })).toBe(1);
    await waitForStatus("provisioned");
    expect(sim.state.accounts).toHaveLength(1);
    expect(fakeAdmin.metafields.map((m) => m.key).sort()).toEqual([
      "base_url",
      "enabled",
      "identity_secret",
      "website_token",
      "widget_color",
    ]);
  });

  /** The merchant opens the app after the store's offline token expired: Shopify's token exchange runs again. */
  async function openAppWithExpiredToken() {
    await shopifyServer.sessionStorage.storeSession(expiredOfflineSession());
    const request = await setUpValidRequest(
      { type: RequestType.Admin, store: "alpha-store", apiKey: "testApiKey", apiSecretKey: "testApiSecretKey" },
      new Request(`${APP_URL}/app`, { headers: BROWSER }),
    );
    await home.loader({ request, params: {}, context: {} });
  }

  const provisioningRuns = async () => (await database.db.provisioning.findUnique({ where: { shop: SHOP } }))?.runs;

  it("leaves a provisioned store as it is when the merchant comes back after its offline token expired", async () => {
    // GIVEN a provisioned store
    const runs = await provisioningRuns();
    const exchanges = tokenRequests();
    // WHEN the merchant opens the app an hour later
    await openAppWithExpiredToken();
    // THEN the token was exchanged again, but provisioning did not run again
    expect(tokenRequests()).toBe(exchanges + 1);
    expect(await provisioningRuns()).toBe(runs);
    expect((await shopifyServer.provisioning.view(SHOP)).status).toBe("provisioned");
    expect(sim.state.accounts).toHaveLength(1);
  });

  it("provisions again when the store reinstalled the app before its app/uninstalled arrived", async () => {
    // GIVEN the store uninstalled and reinstalled the app: a new app installation, no webhook yet
    const runs = await provisioningRuns();
    fakeAdmin.shops.get(SHOP)!.appInstallationId = "gid://shopify/AppInstallation/20000001";
    // WHEN the merchant opens the app
    await openAppWithExpiredToken();
    // THEN the store is provisioned again, onto the new installation, in the same Chatwoot account
    for (let i = 0; i < 200 && (await provisioningRuns()) === runs; i++) await new Promise((r) => setTimeout(r, 25));
    await waitForStatus("provisioned");
    expect(await provisioningRuns()).toBe((runs ?? 0) + 1);
    expect((await database.db.shop.findUnique({ where: { shop: SHOP } }))?.appInstallationId).toBe(
      "gid://shopify/AppInstallation/20000001",
    );
    expect(fakeAdmin.metafields.filter((m) => m.ownerId === "gid://shopify/AppInstallation/20000001")).toHaveLength(5);
    expect(sim.state.accounts).toHaveLength(1);
  });

  it("gives the merchant a one-click Chatwoot sign-in link", async () => {
    // WHEN
    const request = await setUpValidRequest(
      { type: RequestType.Bearer, store: "alpha-store", apiKey: "testApiKey", apiSecretKey: "testApiSecretKey" },
      new Request(`${APP_URL}/app?index`, { method: "POST", body: new URLSearchParams({ intent: "open-chatwoot" }) }),
    );
    const result = (await home.action({ request, params: {}, context: {} })) as { ok: boolean; url?: string };
    // THEN
    expect(result.ok).toBe(true);
    expect(result.url).toMatch(
      new RegExp(`^${sim.url}/app/login\\?email=owner%40alpha-store\\.example&sso_auth_token=`),
    );
  });

  it("rejects an admin request whose session token was signed with another secret", async () => {
    // WHEN
    const request = await setUpValidRequest(
      { type: RequestType.Bearer, store: "alpha-store", apiKey: "testApiKey", apiSecretKey: "not-the-secret" },
      new Request(`${APP_URL}/app?index`, { method: "POST", body: new URLSearchParams({ intent: "retry" }) }),
    );
    const thrown = await thrownOrReturned(() => home.action({ request, params: {}, context: {} }));
    // THEN
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(401);
  });

  const adminPost = (path: string, form: Record<string, string>) =>
    setUpValidRequest(
      { type: RequestType.Bearer, store: "alpha-store", apiKey: "testApiKey", apiSecretKey: "testApiSecretKey" },
      new Request(`${APP_URL}${path}`, { method: "POST", body: new URLSearchParams(form) }),
    );

  it("gives the Order history panel a new address when the merchant asks, and says so", async () => {
    // GIVEN the panel's address in Chatwoot
    const account = await database.db.chatwootAccount.findUnique({ where: { shop: SHOP } });
    const panelUrl = () => sim.state.dashboardApps.find((a) => a.accountId === account!.accountId)!.content[0]!.url;
    const before = panelUrl();
    // WHEN
    const request = await adminPost("/app?index", { intent: "replace-order-view-link" });
    const result = (await home.action({ request, params: {}, context: {} })) as { ok: boolean; message: string };
    // THEN
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/old one no longer works/) });
    expect(panelUrl()).not.toBe(before);
  });

  it("writes the launcher colour to the storefront when the merchant saves a colour Chatwoot already has", async () => {
    // GIVEN someone changed the widget colour in Chatwoot directly
    const account = await database.db.chatwootAccount.findUnique({ where: { shop: SHOP } });
    const inbox = sim.state.inboxes.find((i) => i.id === account!.inboxId)!;
    inbox.channel.widgetColor = "#0a7d5a";
    // WHEN the merchant saves that colour on the Widget page
    const form = new URLSearchParams({
      welcome_title: "Hi there",
      welcome_tagline: "",
      greeting_enabled: "false",
      greeting_message: "",
      reply_time: "in_a_few_hours",
      widget_color: "#0A7D5A",
    });
    const request = await setUpValidRequest(
      { type: RequestType.Bearer, store: "alpha-store", apiKey: "testApiKey", apiSecretKey: "testApiSecretKey" },
      new Request(`${APP_URL}/app/widget`, { method: "POST", body: form }),
    );
    const response = (await widgetPage.action({ request, params: {}, context: {} })) as Response;
    // THEN the storefront launcher gets it too
    expect(response.status).toBe(200);
    const colour = fakeAdmin.metafields.find((m) => m.key === "widget_color" && m.ownerId === installationOf(SHOP));
    expect(colour?.value).toBe("#0a7d5a");
  });

  it("shows the Sync page's counts, dead letter and default tiers", async () => {
    // WHEN
    const request = await setUpValidRequest(
      { type: RequestType.Bearer, store: "alpha-store", apiKey: "testApiKey", apiSecretKey: "testApiSecretKey" },
      new Request(`${APP_URL}/app/sync`),
    );
    const overview = (await syncPage.loader({ request, params: {}, context: {} })) as Record<string, unknown>;
    // THEN
    expect(overview).toMatchObject({
      lastHour: { received: 0, applied: 0, failed: 0 },
      lagSeconds: 0,
      deadJobs: [],
      thresholds: { Bronze: 0, Silver: 250, Gold: 1000, VIP: 5000 },
    });
  });

  it("answers invalid tier thresholds with an error per field, and saves valid ones", async () => {
    // WHEN
    const bad = (await syncPage.action({
      request: await adminPost("/app/sync", { intent: "tiers", Bronze: "0", Silver: "-5", Gold: "abc", VIP: "10" }),
      params: {},
      context: {},
    })) as Response;
    const good = (await syncPage.action({
      request: await adminPost("/app/sync", { intent: "tiers", Bronze: "0", Silver: "100", Gold: "500", VIP: "900" }),
      params: {},
      context: {},
    })) as Response;
    // THEN
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { errors: object }).errors).sort()).toEqual(["Gold", "Silver"]);
    expect(good.status).toBe(200);
    const stored = await database.db.tierSettings.findUnique({ where: { shop: SHOP } });
    expect(JSON.parse(stored!.thresholds)).toEqual({ Bronze: 0, Silver: 100, Gold: 500, VIP: 900 });
  });

  it("lists privacy requests and serves a store's export only to that store", async () => {
    // GIVEN a finished data request for this store and one for another store
    for (const [shop, id] of [
      [SHOP, "req-own"],
      ["other-store.myshopify.com", "req-other"],
    ] as const) {
      await database.db.complianceRequest.create({
        data: { shop, topic: "customers/data_request", webhookId: id, status: "done" },
      });
      await database.db.dataExport.create({ data: { shop, requestId: id, content: JSON.stringify({ shop }) } });
    }
    const get = async (path: string) =>
      setUpValidRequest(
        { type: RequestType.Bearer, store: "alpha-store", apiKey: "testApiKey", apiSecretKey: "testApiSecretKey" },
        new Request(`${APP_URL}${path}`),
      );
    // WHEN
    const page = (await privacyPage.loader({ request: await get("/app/privacy"), params: {}, context: {} })) as {
      requests: { id: string }[];
    };
    const own = (await exportRoute.loader({
      request: await get("/app/privacy/export/req-own"),
      params: { requestId: "req-own" },
      context: {},
    })) as Response;
    const otherRequest = await get("/app/privacy/export/req-other");
    const other = await thrownOrReturned(() =>
      exportRoute.loader({ request: otherRequest, params: { requestId: "req-other" }, context: {} }),
    );
    // THEN
    expect(page.requests.map((r) => r.id)).toEqual(["req-own"]);
    expect(own.headers.get("Content-Disposition")).toContain("attachment");
    expect(await own.json()).toEqual({ shop: SHOP });
    expect((other as Response).status).toBe(404);
  });

  it("refuses to resync a customer the store does not have", async () => {
    const response = (await syncPage.action({
      request: await adminPost("/app/sync", { intent: "resync", customer: "nobody@example.com" }),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { customer: string } }).errors.customer).toMatch(/No customer/);
  });

  it("answers a sync webhook without asking Shopify to refresh the store's expired offline token", async () => {
    // GIVEN the store's offline token expired an hour ago
    await shopifyServer.sessionStorage.storeSession(expiredOfflineSession());
    const before = tokenRequests();
    // WHEN an order webhook arrives
    const request = signedWebhook("/webhooks/orders/create", "orders/create", orderBody({ id: "61", number: 1061 }));
    const response = (await thrownOrReturned(() =>
      ordersCreate.action({ request, params: {}, context: {} }),
    )) as Response;
    // THEN it is answered from the app's own database, and the token is left for the Admin API's next use
    expect(response.status).toBe(200);
    expect(tokenRequests()).toBe(before);
    expect(await database.db.webhookEvent.count({ where: { shop: SHOP, topic: "orders/create" } })).toBe(1);
    expect((await database.db.session.findUnique({ where: { id: `offline_${SHOP}` } }))?.refreshToken).toBeTruthy();
  });

  it("records the new scopes of app/scopes_update on the store's offline session", async () => {
    // GIVEN
    await shopifyServer.sessionStorage.storeSession(expiredOfflineSession());
    const before = tokenRequests();
    // WHEN
    const request = signedWebhook("/webhooks/app/scopes_update", "app/scopes_update", {
      id: 1,
      previous: ["read_orders"],
      current: ["read_orders", "read_customers"],
    });
    const response = (await thrownOrReturned(() =>
      scopesUpdate.action({ request, params: {}, context: {} }),
    )) as Response;
    // THEN
    expect(response.status).toBe(200);
    expect((await database.db.session.findUnique({ where: { id: `offline_${SHOP}` } }))?.scope).toBe(
      "read_orders,read_customers",
    );
    expect(tokenRequests()).toBe(before);
  });

  it("refuses a malformed app/scopes_update with 400 and leaves the scopes alone", async () => {
    // GIVEN
    const scopeBefore = (await database.db.session.findUnique({ where: { id: `offline_${SHOP}` } }))?.scope;
    // WHEN
    const request = signedWebhook("/webhooks/app/scopes_update", "app/scopes_update", { id: 1, current: "all" });
    const response = (await thrownOrReturned(() =>
      scopesUpdate.action({ request, params: {}, context: {} }),
    )) as Response;
    // THEN
    expect(response.status).toBe(400);
    expect((await database.db.session.findUnique({ where: { id: `offline_${SHOP}` } }))?.scope).toBe(scopeBefore);
  });

  it("handles app/uninstalled for a store whose offline token expired, without asking Shopify for a new one", async () => {
    // GIVEN the store's offline token expired (after an uninstall, Shopify would refuse to refresh it)
    await shopifyServer.sessionStorage.storeSession(expiredOfflineSession());
    const before = tokenRequests();
    // WHEN
    const request = signedWebhook("/webhooks/app/uninstalled", "app/uninstalled", { id: 1, myshopify_domain: SHOP });
    const response = (await thrownOrReturned(() =>
      uninstalled.action({ request, params: {}, context: {} }),
    )) as Response;
    // THEN
    expect(response.status).toBe(200);
    expect(tokenRequests()).toBe(before);
    expect(await database.db.session.count({ where: { shop: SHOP } })).toBe(0);
    expect((await database.db.shop.findUnique({ where: { shop: SHOP } }))?.uninstalledAt).toBeInstanceOf(Date);
  });

  it.each([
    ["a bad HMAC", { hmac: "bm90IHRoZSBobWFj" }, 401],
    ["no webhook id", { drop: "X-Shopify-Webhook-Id" }, 400],
    ["no topic", { drop: "X-Shopify-Topic" }, 400],
  ])("refuses an app/uninstalled webhook with %s and changes nothing", async (_name, change, status) => {
    // GIVEN
    const sessionsBefore = await database.db.session.count();
    const body = JSON.stringify({ id: 1, myshopify_domain: SHOP });
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": "hmac" in change ? change.hmac : getHmac(body, "testApiSecretKey"),
      "X-Shopify-Shop-Domain": SHOP,
      "X-Shopify-Topic": "app/uninstalled",
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": crypto.randomUUID(),
    };
    if ("drop" in change) delete headers[change.drop];
    // WHEN
    const request = new Request(`${APP_URL}/webhooks/app/uninstalled`, { method: "POST", body, headers });
    const thrown = await thrownOrReturned(() => uninstalled.action({ request, params: {}, context: {} }));
    // THEN
    expect((thrown as Response).status).toBe(status);
    expect(await database.db.session.count()).toBe(sessionsBefore);
  });

  it("deletes the store's sessions on a signed app/uninstalled webhook, and again harmlessly on redelivery", async () => {
    // GIVEN
    await shopifyServer.sessionStorage.storeSession(setUpValidSession({ shop: SHOP }));
    const body = JSON.stringify({ id: 1, myshopify_domain: SHOP });
    const send = () =>
      uninstalled.action({
        request: new Request(`${APP_URL}/webhooks/app/uninstalled`, {
          method: "POST",
          body,
          headers: {
            "Content-Type": "application/json",
            "X-Shopify-Hmac-Sha256": getHmac(body, "testApiSecretKey"),
            "X-Shopify-Shop-Domain": SHOP,
            "X-Shopify-Topic": "app/uninstalled",
            "X-Shopify-API-Version": "2026-10",
            "X-Shopify-Webhook-Id": "a-stable-delivery-id",
          },
        }),
        params: {},
        context: {},
      });
    // WHEN delivered twice
    const first = (await send()) as Response;
    const second = (await send()) as Response;
    // THEN
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await database.db.session.count({ where: { shop: SHOP } })).toBe(0);
    expect((await database.db.shop.findUnique({ where: { shop: SHOP } }))?.uninstalledAt).toBeInstanceOf(Date);
  });
});
