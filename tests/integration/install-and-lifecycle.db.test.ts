import { getHmac, setUpValidSession } from "@shopify/shopify-api/test-helpers";
import { orderBody } from "~/sandbox/shopify-webhook-bodies";
import { dbKind, dbSkipReason } from "../support/database";
import {
  APP_URL,
  SHOP,
  startAppHarness,
  thrownOrReturned,
  type Action,
  type AppHarness,
  type Loader,
} from "../support/app-harness";

// Installing the app, the store's Shopify tokens, and the app-level webhooks (scopes_update,
// uninstalled, a sync delivery after the token expired), through the app's own routes and wiring.

describe.skipIf(dbSkipReason)(`installing the app and its lifecycle (${dbKind})`, () => {
  let h: AppHarness;
  let home: { loader: Loader; action: Action };
  let uninstalled: { action: Action };
  let scopesUpdate: { action: Action };
  let ordersCreate: { action: Action };

  beforeAll(async () => {
    h = await startAppHarness();
    home = (await import("~/routes/app._index")) as unknown as typeof home;
    uninstalled = (await import("~/routes/webhooks.app.uninstalled")) as unknown as typeof uninstalled;
    scopesUpdate = (await import("~/routes/webhooks.app.scopes_update")) as unknown as typeof scopesUpdate;
    ordersCreate = (await import("~/routes/webhooks.orders.create")) as unknown as typeof ordersCreate;
  });
  afterAll(async () => h?.close());

  /** A delivery signed with the app's secret, as Shopify sends it. */
  function signedWebhook(path: string, topic: string, payload: unknown, webhookId: string = crypto.randomUUID()) {
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

  const tokenRequests = () => h.fakeAdmin.requests.filter((r) => r.path === "/admin/oauth/access_token").length;

  it("provisions the store when the merchant first opens the app (token exchange, then afterAuth)", async () => {
    // GIVEN no session: the store just installed the app
    expect(await h.database.db.session.count()).toBe(0);
    // WHEN the Shopify admin loads the embedded app
    const request = await h.pageLoad("/app");
    const data = (await home.loader({ request, params: {}, context: {} })) as { view: { shop: string } };
    // THEN the offline session is stored and provisioning finishes in the background
    expect(data.view.shop).toBe(SHOP);
    expect(await h.database.db.session.count({ where: { shop: SHOP, isOnline: false } })).toBe(1);
    await h.waitForStatus("provisioned");
    expect(h.sim.state.accounts).toHaveLength(1);
    expect(h.fakeAdmin.metafields.map((m) => m.key).sort()).toEqual([
      "base_url",
      "enabled",
      "identity_secret",
      "website_token",
      "widget_color",
    ]);
  });

  /** The merchant opens the app after the store's offline token expired: Shopify's token exchange runs again. */
  async function openAppWithExpiredToken() {
    await h.server.sessionStorage.storeSession(expiredOfflineSession());
    const request = await h.pageLoad("/app");
    await home.loader({ request, params: {}, context: {} });
  }

  const provisioningRuns = async () => (await h.database.db.provisioning.findUnique({ where: { shop: SHOP } }))?.runs;

  it("leaves a provisioned store as it is when the merchant comes back after its offline token expired", async () => {
    // GIVEN a provisioned store
    const runs = await provisioningRuns();
    const exchanges = tokenRequests();
    // WHEN the merchant opens the app an hour later
    await openAppWithExpiredToken();
    // THEN the token was exchanged again, but provisioning did not run again
    expect(tokenRequests()).toBe(exchanges + 1);
    expect(await provisioningRuns()).toBe(runs);
    expect((await h.server.provisioning.view(SHOP)).status).toBe("provisioned");
    expect(h.sim.state.accounts).toHaveLength(1);
  });

  it("provisions again when the store reinstalled the app before its app/uninstalled arrived", async () => {
    // GIVEN the store uninstalled and reinstalled the app: a new app installation, no webhook yet
    const runs = await provisioningRuns();
    h.fakeAdmin.shops.get(SHOP)!.appInstallationId = "gid://shopify/AppInstallation/20000001";
    // WHEN the merchant opens the app
    await openAppWithExpiredToken();
    // THEN the store is provisioned again, onto the new installation, in the same Chatwoot account
    for (let i = 0; i < 200 && (await provisioningRuns()) === runs; i++) await new Promise((r) => setTimeout(r, 25));
    await h.waitForStatus("provisioned");
    expect(await provisioningRuns()).toBe((runs ?? 0) + 1);
    expect((await h.database.db.shop.findUnique({ where: { shop: SHOP } }))?.appInstallationId).toBe(
      "gid://shopify/AppInstallation/20000001",
    );
    expect(h.fakeAdmin.metafields.filter((m) => m.ownerId === "gid://shopify/AppInstallation/20000001")).toHaveLength(
      5,
    );
    expect(h.sim.state.accounts).toHaveLength(1);
  });

  it("answers a sync webhook without asking Shopify to refresh the store's expired offline token", async () => {
    // GIVEN the store's offline token expired an hour ago
    await h.server.sessionStorage.storeSession(expiredOfflineSession());
    const before = tokenRequests();
    // WHEN an order webhook arrives
    const request = signedWebhook("/webhooks/orders/create", "orders/create", orderBody({ id: "61", number: 1061 }));
    const response = (await thrownOrReturned(() =>
      ordersCreate.action({ request, params: {}, context: {} }),
    )) as Response;
    // THEN it is answered from the app's own database, and the token is left for the Admin API's next use
    expect(response.status).toBe(200);
    expect(tokenRequests()).toBe(before);
    expect(await h.database.db.webhookEvent.count({ where: { shop: SHOP, topic: "orders/create" } })).toBe(1);
    expect((await h.database.db.session.findUnique({ where: { id: `offline_${SHOP}` } }))?.refreshToken).toBeTruthy();
  });

  it("records the new scopes of app/scopes_update on the store's offline session", async () => {
    // GIVEN
    await h.server.sessionStorage.storeSession(expiredOfflineSession());
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
    expect((await h.database.db.session.findUnique({ where: { id: `offline_${SHOP}` } }))?.scope).toBe(
      "read_orders,read_customers",
    );
    expect(tokenRequests()).toBe(before);
  });

  it("refuses a malformed app/scopes_update with 400 and leaves the scopes alone", async () => {
    // GIVEN
    const scopeBefore = (await h.database.db.session.findUnique({ where: { id: `offline_${SHOP}` } }))?.scope;
    // WHEN
    const request = signedWebhook("/webhooks/app/scopes_update", "app/scopes_update", { id: 1, current: "all" });
    const response = (await thrownOrReturned(() =>
      scopesUpdate.action({ request, params: {}, context: {} }),
    )) as Response;
    // THEN
    expect(response.status).toBe(400);
    expect((await h.database.db.session.findUnique({ where: { id: `offline_${SHOP}` } }))?.scope).toBe(scopeBefore);
  });

  it("handles app/uninstalled for a store whose offline token expired, without asking Shopify for a new one", async () => {
    // GIVEN the store's offline token expired (after an uninstall, Shopify would refuse to refresh it)
    await h.server.sessionStorage.storeSession(expiredOfflineSession());
    const before = tokenRequests();
    // WHEN
    const request = signedWebhook("/webhooks/app/uninstalled", "app/uninstalled", { id: 1, myshopify_domain: SHOP });
    const response = (await thrownOrReturned(() =>
      uninstalled.action({ request, params: {}, context: {} }),
    )) as Response;
    // THEN
    expect(response.status).toBe(200);
    expect(tokenRequests()).toBe(before);
    expect(await h.database.db.session.count({ where: { shop: SHOP } })).toBe(0);
    expect((await h.database.db.shop.findUnique({ where: { shop: SHOP } }))?.uninstalledAt).toBeInstanceOf(Date);
  });

  it.each([
    ["a bad HMAC", { hmac: "bm90IHRoZSBobWFj" }, 401],
    ["no webhook id", { drop: "X-Shopify-Webhook-Id" }, 400],
    ["no topic", { drop: "X-Shopify-Topic" }, 400],
  ])("refuses an app/uninstalled webhook with %s and changes nothing", async (_name, change, status) => {
    // GIVEN
    const sessionsBefore = await h.database.db.session.count();
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
    expect(await h.database.db.session.count()).toBe(sessionsBefore);
  });

  it("deletes the store's sessions on a signed app/uninstalled webhook, and again harmlessly on redelivery", async () => {
    // GIVEN
    await h.server.sessionStorage.storeSession(setUpValidSession({ shop: SHOP }));
    const send = () =>
      uninstalled.action({
        request: signedWebhook(
          "/webhooks/app/uninstalled",
          "app/uninstalled",
          { id: 1, myshopify_domain: SHOP },
          "a-stable-delivery-id",
        ),
        params: {},
        context: {},
      });
    // WHEN delivered twice
    const first = (await send()) as Response;
    const second = (await send()) as Response;
    // THEN
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await h.database.db.session.count({ where: { shop: SHOP } })).toBe(0);
    expect((await h.database.db.shop.findUnique({ where: { shop: SHOP } }))?.uninstalledAt).toBeInstanceOf(Date);
  });
});
