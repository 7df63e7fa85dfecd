import { RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type * as ShopifyServerModule from "~/shopify.server";
import { identifierHash, startChatwootSimulator, type ChatwootSimulator } from "../../../tests/fakes/chatwoot";
import { fakeShop, type FakeShop } from "../../../tests/fakes/shopify-admin/demo-shops";
import { startFakeShopifyAdmin, type FakeShopifyAdmin } from "../../../tests/fakes/shopify-admin/server";
import { setAppEmbed } from "../../../tests/fakes/shopify-admin/themes";
import { createTestDatabase, dbKind, dbSkipReason, type TestDatabase } from "../../../tests/support/database";

// The widget's admin and sandbox routes on the app's own wiring: a test database, the Chatwoot
// simulator, the fake Admin API, and requests signed with Shopify's test helpers.
const SHOP = "alpha-store.myshopify.com";
const APP_URL = "https://my-test-app.myshopify.io";
const BROWSER = { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140 Safari/537.36" };
type Route = {
  loader: (args: LoaderFunctionArgs) => Promise<unknown>;
  action?: (args: ActionFunctionArgs) => Promise<unknown>;
};

const FORM = {
  welcome_title: "Welkom!",
  welcome_tagline: "We helpen je graag.",
  greeting_enabled: "true",
  greeting_message: "Hoi, waarmee kunnen we helpen?",
  reply_time: "in_a_few_hours",
  widget_color: "#AA3355",
};

describe.skipIf(dbSkipReason)(`the chat widget's admin and storefront preview (${dbKind})`, () => {
  let database: TestDatabase;
  let sim: ChatwootSimulator;
  let fakeAdmin: FakeShopifyAdmin;
  let shop: FakeShop;
  let server: typeof ShopifyServerModule;
  let home: Route, widgetPage: Route, storefront: Route;

  const adminRequest = (path: string, init?: RequestInit) =>
    setUpValidRequest(
      {
        type: init?.method === "POST" ? RequestType.Bearer : RequestType.Admin,
        store: "alpha-store",
        apiKey: "testApiKey",
        apiSecretKey: "testApiSecretKey",
      },
      new Request(`${APP_URL}${path}`, { headers: BROWSER, ...init }),
    );
  const inbox = () => sim.state.inboxes[0]!;
  const save = async (form: Record<string, string>) =>
    (await widgetPage.action!({
      request: await adminRequest("/app/widget", { method: "POST", body: new URLSearchParams(form) }),
      params: {},
      context: {},
    })) as Response;

  beforeAll(async () => {
    database = await createTestDatabase();
    sim = await startChatwootSimulator();
    shop = fakeShop(SHOP);
    fakeAdmin = await startFakeShopifyAdmin({ apiSecret: "testApiSecretKey", shops: [shop] });
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      CHATWOOT_BASE_URL: sim.url,
      CHATWOOT_PLATFORM_TOKEN: sim.platformToken,
      SHOPIFY_ADMIN_API_ORIGIN: fakeAdmin.url,
      SANDBOX_SHOP: SHOP,
    });
    server = await import("~/shopify.server");
    home = (await import("~/routes/app._index")) as unknown as Route;
    widgetPage = (await import("~/routes/app.widget")) as unknown as Route;
    storefront = (await import("~/routes/sandbox.storefront")) as unknown as Route;
    // The merchant opens the app for the first time: token exchange, afterAuth, provisioning.
    await home.loader({ request: await adminRequest("/app"), params: {}, context: {} });
    for (let i = 0; i < 200 && (await server.provisioning.view(SHOP)).status !== "provisioned"; i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    expect((await server.provisioning.view(SHOP)).status).toBe("provisioned");
  });
  afterAll(async () => {
    await sim.stop();
    await fakeAdmin.stop();
    await database.drop();
  });

  it("tells the merchant the embed is off in the live theme, then on once the theme editor saved it", async () => {
    // WHEN
    const before = (await home.loader({ request: await adminRequest("/app"), params: {}, context: {} })) as {
      embedEnabled: boolean | null;
      themeEditorUrl: string;
    };
    setAppEmbed(shop, true);
    const after = (await home.loader({ request: await adminRequest("/app"), params: {}, context: {} })) as {
      embedEnabled: boolean | null;
    };
    // THEN
    expect(before.embedEnabled).toBe(false);
    expect(before.themeEditorUrl).toContain("activateAppId=testApiKey%2Fchat-embed");
    expect(after.embedEnabled).toBe(true);
    // The first admin load (while provisioning ran) skipped the theme check; these two made it.
    expect(fakeAdmin.requests.filter((r) => r.operation === "WidgetEmbedStatus").map((r) => r.status)).toEqual([
      200, 200,
    ]);
  });

  it("shows the widget settings the store's inbox has in Chatwoot", async () => {
    // WHEN
    const data = (await widgetPage.loader({ request: await adminRequest("/app/widget"), params: {}, context: {} })) as {
      settings: Record<string, unknown>;
    };
    // THEN
    expect(data.settings).toMatchObject({
      welcome_title: "Hi! Welcome to Alpha Store",
      reply_time: "in_a_few_minutes",
      widget_color: "#0b6e4f",
    });
  });

  it("answers 400 with one message per invalid field, and changes nothing in Chatwoot", async () => {
    // GIVEN
    const patchesBefore = sim.state.requests.filter((r) => r.method === "PATCH").length;
    // WHEN
    const response = await save({ ...FORM, welcome_title: "", widget_color: "pink" });
    // THEN
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: { welcome_title: "Enter a welcome title.", widget_color: "Use a hex colour such as #1f93ff." },
    });
    expect(sim.state.requests.filter((r) => r.method === "PATCH")).toHaveLength(patchesBefore);
  });

  it("pushes the settings to the store's inbox with the store's own service token, and a new colour to the launcher's metafield", async () => {
    // GIVEN
    const account = await database.db.chatwootAccount.findUniqueOrThrow({ where: { shop: SHOP } });
    const serviceUser = sim.state.users.find((u) => u.id === account.serviceUserId)!;
    // WHEN
    const response = await save(FORM);
    // THEN
    expect(response.status).toBe(200);
    expect(inbox().channel).toMatchObject({
      welcomeTitle: "Welkom!",
      welcomeTagline: "We helpen je graag.",
      replyTime: "in_a_few_hours",
      widgetColor: "#aa3355",
    });
    expect(inbox()).toMatchObject({ greetingEnabled: true, greetingMessage: "Hoi, waarmee kunnen we helpen?" });
    const patch = sim.state.requests
      .filter((r) => r.method === "PATCH" && r.path.endsWith(`/inboxes/${inbox().id}`))
      .at(-1)!;
    expect(patch.token).toBe(serviceUser.accessToken);
    expect(fakeAdmin.metafields.find((m) => m.key === "widget_color")?.value).toBe("#aa3355");
    expect((await database.db.chatwootAccount.findUniqueOrThrow({ where: { shop: SHOP } })).widgetColor).toBe(
      "#aa3355",
    );
  });

  it("renders the storefront preview from what provisioning stored, signing a demo customer the way Chatwoot checks", async () => {
    // WHEN
    const response = (await storefront.loader({
      request: new Request("http://localhost:3000/sandbox/storefront?customer=ada"),
      params: {},
      context: {},
    })) as Response;
    const html = await response.text();
    // THEN
    expect(response.status).toBe(200);
    const config = JSON.parse(/data-config="([^"]*)"/.exec(html)![1]!.replace(/&#34;/g, '"')) as {
      base: string;
      token: string;
      customer: { id: string; user: { identifier_hash: string } };
    };
    expect(config.base).toBe(sim.url);
    expect(config.token).toBe(inbox().channel.websiteToken);
    expect(config.customer.user.identifier_hash).toBe(identifierHash(inbox().channel.hmacToken, config.customer.id));
    expect(html).not.toContain(inbox().channel.hmacToken);
    expect(inbox().channel.allowedDomains.split(",")).toContain("localhost:3000");
  });
});
