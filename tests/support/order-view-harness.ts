import { createServer, type Server } from "node:http";
import type { LoaderFunctionArgs } from "@remix-run/node";
import type { KeyRing } from "~/lib/crypto.server";
import { startChatwootSimulator, type ChatwootSimulator } from "../fakes/chatwoot";
import { createTestDatabase, type TestDatabase } from "./database";
import { orderViewToken, seedStore } from "./order-view-fixtures";

/**
 * The order view's routes (the real route modules and app wiring) on a fresh test database and the
 * Chatwoot simulator. `handle` answers a Request the way Remix would for these resource routes;
 * `listen` puts them on a loopback port for a browser.
 */
type Handler = (args: LoaderFunctionArgs) => Promise<Response>;

export interface OrderViewWorld {
  database: TestDatabase;
  sim: ChatwootSimulator;
  secret: string;
  keys: KeyRing;
  handle(request: Request): Promise<Response>;
  /** A store with its own Chatwoot account (and service token) in the simulator. */
  addStore(shop: string, options?: { name?: string; brandColor?: string }): Promise<TestStore>;
  stop(): Promise<void>;
}

export interface TestStore {
  shop: string;
  accountId: number;
  /** The order-view token the dashboard app URL carries. */
  token: string;
}

export async function startOrderViewWorld(env: {
  appUrl: string;
  chatwootUrl: string;
  sandboxShop?: string;
}): Promise<OrderViewWorld> {
  const database = await createTestDatabase();
  const sim = await startChatwootSimulator();
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    CHATWOOT_BASE_URL: sim.url,
    CHATWOOT_PLATFORM_TOKEN: sim.platformToken,
    CHATWOOT_PUBLIC_URL: env.chatwootUrl,
    SHOPIFY_APP_URL: env.appUrl,
    ...(env.sandboxShop ? { SANDBOX_SHOP: env.sandboxShop } : {}),
  });
  const config = (await import("~/env.server")).env();
  const page = (await import("~/routes/order-view._index")).loader as Handler;
  const api = (await import("~/routes/order-view.api")) as unknown as { loader: Handler; action: Handler };
  const sandbox = (await import("~/routes/sandbox.chatwoot")).loader as Handler;
  const routes: Record<string, Handler> = {
    "GET /order-view": page,
    "GET /order-view/api": api.loader,
    "POST /order-view/api": api.action,
    "GET /sandbox/chatwoot": sandbox,
  };

  return {
    database,
    sim,
    secret: config.APP_SIGNING_SECRET,
    keys: config.ENCRYPTION_KEYS,
    async handle(request) {
      const { pathname } = new URL(request.url);
      const route = routes[`${request.method} ${pathname.replace(/\/+$/, "")}`];
      if (!route) return new Response("Not Found", { status: 404 });
      try {
        return await route({ request, params: {}, context: {} });
      } catch (thrown) {
        if (thrown instanceof Response) return thrown;
        throw thrown;
      }
    },
    async addStore(shop, options = {}) {
      const workspace = sim.seed.workspace({ accountName: options.name ?? shop });
      await seedStore(database.db, config.ENCRYPTION_KEYS, {
        shop,
        accountId: workspace.account.id,
        serviceToken: workspace.token,
        name: options.name,
        brandColor: options.brandColor,
      });
      return { shop, accountId: workspace.account.id, token: orderViewToken(shop, config.APP_SIGNING_SECRET) };
    },
    async stop() {
      await sim.stop();
      await database.drop();
    },
  };
}

/** Serves `handle` over HTTP on 127.0.0.1:port (the browser reaches it as localhost:port). */
export async function listen(handle: (request: Request) => Promise<Response>, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const method = req.method ?? "GET";
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method,
        headers,
        body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks),
      });
      handle(request)
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}
