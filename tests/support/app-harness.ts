import { RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type * as ShopifyServerModule from "~/shopify.server";
import { startChatwootSimulator, type ChatwootSimulator } from "../fakes/chatwoot";
import { fakeShop } from "../fakes/shopify-admin/demo-shops";
import { startFakeShopifyAdmin, type FakeShopifyAdmin } from "../fakes/shopify-admin/server";
import { createTestDatabase, type TestDatabase } from "./database";

export const SHOP = "alpha-store.myshopify.com";
export const APP_URL = "https://my-test-app.myshopify.io";
export const BROWSER = { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140 Safari/537.36" };

export type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
export type Action = (args: ActionFunctionArgs) => Promise<unknown>;

export interface AppHarness {
  database: TestDatabase;
  sim: ChatwootSimulator;
  fakeAdmin: FakeShopifyAdmin;
  /** The app's own wiring (app/shopify.server.ts), loaded on this harness's environment. */
  server: typeof ShopifyServerModule;
  /** The Shopify admin loading one of the app's pages (a browser navigation with an id_token). */
  pageLoad(path: string): Promise<Request>;
  /** A fetch from the app's page with its session token; `secret` signs the token with another key. */
  adminFetch(path: string, init?: RequestInit, secret?: string): Promise<Request>;
  /** A form POST from the app's page. */
  adminPost(path: string, form: Record<string, string>): Promise<Request>;
  waitForStatus(status: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The app's own routes and wiring on a test database, the Chatwoot simulator and the fake Admin
 * API for one store. Requests are built with Shopify's test helpers; route modules are imported by
 * each suite after this has set the environment.
 */
export async function startAppHarness(): Promise<AppHarness> {
  const database = await createTestDatabase();
  const sim = await startChatwootSimulator();
  const fakeAdmin = await startFakeShopifyAdmin({ apiSecret: "testApiSecretKey", shops: [fakeShop(SHOP)] });
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    CHATWOOT_BASE_URL: sim.url,
    CHATWOOT_PLATFORM_TOKEN: sim.platformToken,
    SHOPIFY_ADMIN_API_ORIGIN: fakeAdmin.url,
  });
  const server = await import("~/shopify.server");
  const signed = (type: RequestType, path: string, init: RequestInit = {}, secret = "testApiSecretKey") =>
    setUpValidRequest(
      { type, store: "alpha-store", apiKey: "testApiKey", apiSecretKey: secret },
      new Request(`${APP_URL}${path}`, init),
    );
  return {
    database,
    sim,
    fakeAdmin,
    server,
    pageLoad: (path) => signed(RequestType.Admin, path, { headers: BROWSER }),
    adminFetch: (path, init, secret) => signed(RequestType.Bearer, path, init, secret),
    adminPost: (path, form) => signed(RequestType.Bearer, path, { method: "POST", body: new URLSearchParams(form) }),
    async waitForStatus(status) {
      for (let i = 0; i < 200; i++) {
        if ((await server.provisioning.view(SHOP)).status === status) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`never reached ${status}`);
    },
    async close() {
      await sim.stop();
      await fakeAdmin.stop();
      await database.drop();
    },
  };
}

export async function thrownOrReturned(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (thrown) {
    return thrown;
  }
}
