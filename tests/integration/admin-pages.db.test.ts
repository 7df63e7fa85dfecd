import { dbKind, dbSkipReason } from "../support/database";
import {
  SHOP,
  startAppHarness,
  thrownOrReturned,
  type Action,
  type AppHarness,
  type Loader,
} from "../support/app-harness";

// The merchant's pages in the Shopify admin (home, Widget, Sync, Privacy) for a provisioned store,
// through the app's own routes and wiring.

describe.skipIf(dbSkipReason)(`the admin pages (${dbKind})`, () => {
  let h: AppHarness;
  let home: { loader: Loader; action: Action };
  let syncPage: { loader: Loader; action: Action };
  let widgetPage: { action: Action };
  let privacyPage: { loader: Loader };
  let exportRoute: { loader: Loader };

  beforeAll(async () => {
    h = await startAppHarness();
    home = (await import("~/routes/app._index")) as unknown as typeof home;
    syncPage = (await import("~/routes/app.sync")) as unknown as typeof syncPage;
    widgetPage = (await import("~/routes/app.widget")) as unknown as typeof widgetPage;
    privacyPage = (await import("~/routes/app.privacy")) as unknown as typeof privacyPage;
    exportRoute = (await import("~/routes/app.privacy.export.$requestId")) as unknown as typeof exportRoute;
    // The merchant opens the app for the first time, and the store is provisioned.
    await home.loader({ request: await h.pageLoad("/app"), params: {}, context: {} });
    await h.waitForStatus("provisioned");
  });
  afterAll(async () => h?.close());

  const installationOf = (shop: string) => h.fakeAdmin.shops.get(shop)!.appInstallationId;

  it("gives the merchant a one-click Chatwoot sign-in link", async () => {
    // WHEN
    const request = await h.adminPost("/app?index", { intent: "open-chatwoot" });
    const result = (await home.action({ request, params: {}, context: {} })) as { ok: boolean; url?: string };
    // THEN
    expect(result.ok).toBe(true);
    expect(result.url).toMatch(
      new RegExp(`^${h.sim.url}/app/login\\?email=owner%40alpha-store\\.example&sso_auth_token=`),
    );
  });

  it("rejects an admin request whose session token was signed with another secret", async () => {
    // WHEN
    const request = await h.adminFetch(
      "/app?index",
      { method: "POST", body: new URLSearchParams({ intent: "retry" }) },
      "not-the-secret",
    );
    const thrown = await thrownOrReturned(() => home.action({ request, params: {}, context: {} }));
    // THEN
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(401);
  });

  it("gives the Order history panel a new address when the merchant asks, and says so", async () => {
    // GIVEN the panel's address in Chatwoot
    const account = await h.database.db.chatwootAccount.findUnique({ where: { shop: SHOP } });
    const panelUrl = () => h.sim.state.dashboardApps.find((a) => a.accountId === account!.accountId)!.content[0]!.url;
    const before = panelUrl();
    // WHEN
    const request = await h.adminPost("/app?index", { intent: "replace-order-view-link" });
    const result = (await home.action({ request, params: {}, context: {} })) as { ok: boolean; message: string };
    // THEN
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/old one no longer works/) });
    expect(panelUrl()).not.toBe(before);
  });

  it("writes the launcher colour to the storefront when the merchant saves a colour Chatwoot already has", async () => {
    // GIVEN someone changed the widget colour in Chatwoot directly
    const account = await h.database.db.chatwootAccount.findUnique({ where: { shop: SHOP } });
    const inbox = h.sim.state.inboxes.find((i) => i.id === account!.inboxId)!;
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
    const request = await h.adminFetch("/app/widget", { method: "POST", body: form });
    const response = (await widgetPage.action({ request, params: {}, context: {} })) as Response;
    // THEN the storefront launcher gets it too
    expect(response.status).toBe(200);
    const colour = h.fakeAdmin.metafields.find((m) => m.key === "widget_color" && m.ownerId === installationOf(SHOP));
    expect(colour?.value).toBe("#0a7d5a");
  });

  it("shows the Sync page's counts, dead letter and default tiers", async () => {
    // WHEN
    const request = await h.adminFetch("/app/sync");
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
      request: await h.adminPost("/app/sync", { intent: "tiers", Bronze: "0", Silver: "-5", Gold: "abc", VIP: "10" }),
      params: {},
      context: {},
    })) as Response;
    const good = (await syncPage.action({
      request: await h.adminPost("/app/sync", { intent: "tiers", Bronze: "0", Silver: "100", Gold: "500", VIP: "900" }),
      params: {},
      context: {},
    })) as Response;
    // THEN
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { errors: object }).errors).sort()).toEqual(["Gold", "Silver"]);
    expect(good.status).toBe(200);
    const stored = await h.database.db.tierSettings.findUnique({ where: { shop: SHOP } });
    expect(JSON.parse(stored!.thresholds)).toEqual({ Bronze: 0, Silver: 100, Gold: 500, VIP: 900 });
  });

  it("lists privacy requests and serves a store's export only to that store", async () => {
    // GIVEN a finished data request for this store and one for another store
    for (const [shop, id] of [
      [SHOP, "req-own"],
      ["other-store.myshopify.com", "req-other"],
    ] as const) {
      await h.database.db.complianceRequest.create({
        data: { shop, topic: "customers/data_request", webhookId: id, status: "done" },
      });
      await h.database.db.dataExport.create({ data: { shop, requestId: id, content: JSON.stringify({ shop }) } });
    }
    const get = (path: string) => h.adminFetch(path);
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
      request: await h.adminPost("/app/sync", { intent: "resync", customer: "nobody@example.com" }),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { customer: string } }).errors.customer).toMatch(/No customer/);
  });
});
