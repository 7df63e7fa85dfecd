import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createChatwootAccountClient } from "~/chatwoot";
import { createLogger } from "~/lib/logger.server";
import { embedRendererFactory } from "~/widget/sandbox/render-embed.server";
import { storefrontPreviewFactory } from "~/widget/sandbox/preview.server";
import type { ShopifyAdminGraphql } from "~/widget/types";
import { startChatwootSimulator, type ChatwootSimulator, type SeedWorkspace } from "../fakes/chatwoot";
import { fakeShop } from "../fakes/shopify-admin/demo-shops";
import { startFakeShopifyAdmin, type FakeShopifyAdmin } from "../fakes/shopify-admin/server";
import { gzipIfAccepted, startGzipProxy } from "./storefront-gzip-proxy";

export const STOREFRONT_SHOP = "demo-store.myshopify.com";
const ADMIN_TOKEN = "shpat_storefront_harness";

export interface StorefrontHarness {
  /** The storefront preview page, on `localhost` (another site than the simulator's 127.0.0.1). */
  pageUrl: string;
  /** Chatwoot as browsers reach it: the simulator, or the gzip proxy in front of it. */
  chatwootUrl: string;
  sim: ChatwootSimulator;
  fakeAdmin: FakeShopifyAdmin;
  workspace: SeedWorkspace;
  /** The inbox's identity secret: it must never reach a browser. */
  hmacToken: string;
  /** Removes the app-data metafields (the store before provisioning finished); returns the undo. */
  unprovision(): () => void;
  close(): Promise<void>;
}

/** The Admin API client the app would get for the store, pointed at the fake. */
function fakeAdminClient(fakeAdmin: FakeShopifyAdmin): ShopifyAdminGraphql {
  return {
    graphql: (query, options) =>
      fetch(`${fakeAdmin.url}/admin/api/2026-10/graphql.json`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Forwarded-Host": STOREFRONT_SHOP,
          "X-Shopify-Access-Token": ADMIN_TOKEN,
        },
        body: JSON.stringify({ query, variables: options?.variables }),
      }),
  };
}

/**
 * The sandbox storefront (the same preview module `/sandbox/storefront` serves) on its own HTTP
 * server, against the Chatwoot simulator and the fake Admin API, with the store in its provisioned
 * end state: an inbox with identity validation on, and the app-data metafields provisioning writes.
 * Runs under vitest and under tsx (the bench), with no database and no app build. With `gzip`,
 * the page and Chatwoot are served compressed, as Shopify and a Chatwoot behind nginx are.
 */
export async function startStorefrontHarness(options: { gzip?: boolean } = {}): Promise<StorefrontHarness> {
  const proxy = options.gzip ? await startGzipProxy() : undefined;
  const sim = await startChatwootSimulator(proxy ? { publicUrl: proxy.url } : {});
  proxy?.target(sim.url);
  const chatwootUrl = proxy?.url ?? sim.url;
  const shop = fakeShop(STOREFRONT_SHOP, { name: "Demo Store" });
  const fakeAdmin = await startFakeShopifyAdmin({ shops: [shop] });
  fakeAdmin.tokens.set(STOREFRONT_SHOP, new Set([ADMIN_TOKEN]));
  const workspace = sim.seed.workspace({
    accountName: "Demo Store",
    inbox: {
      name: "Online store chat",
      channel: {
        website_url: "https://demo-store.example",
        widget_color: "#0b6e4f",
        welcome_title: "Hi! Welcome to Demo Store",
        welcome_tagline: "Questions about an order or a product? Ask us here.",
        hmac_mandatory: true,
        allowed_domains: `demo-store.example,${STOREFRONT_SHOP}`,
      },
    },
  });
  const channel = workspace.inbox.channel;
  const metafield = (key: string, type: string, value: string) => ({
    ownerId: shop.appInstallationId,
    namespace: "chatwoot",
    key,
    type,
    value,
  });
  const provisioned = [
    metafield("base_url", "single_line_text_field", chatwootUrl),
    metafield("website_token", "single_line_text_field", channel.websiteToken),
    metafield("identity_secret", "single_line_text_field", channel.hmacToken),
    metafield("widget_color", "color", channel.widgetColor),
    metafield("enabled", "boolean", "true"),
  ];
  fakeAdmin.metafields.push(...provisioned);

  const logger = createLogger({ level: "warn" });
  const preview = storefrontPreviewFactory({
    adminFor: async () => fakeAdminClient(fakeAdmin),
    logger,
    storeInbox: async () => ({
      client: createChatwootAccountClient({
        baseUrl: sim.url,
        accountId: workspace.account.id,
        userToken: workspace.token,
        logger,
      }),
      inboxId: workspace.inbox.id,
    }),
    renderAppEmbed: embedRendererFactory({ assetBaseUrl: "/sandbox/storefront/assets" }),
  });
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    if (url.pathname !== "/sandbox/storefront") return void res.writeHead(404).end("Not Found");
    preview(STOREFRONT_SHOP, "Demo Store", url)
      .then(async (response) => {
        const raw = Buffer.from(await response.arrayBuffer());
        const { body, headers } = options.gzip
          ? gzipIfAccepted(req, response.headers.get("content-type") ?? undefined, raw)
          : { body: raw, headers: {} };
        res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...headers });
        res.end(body);
      })
      .catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    pageUrl: `http://localhost:${port}/sandbox/storefront`,
    chatwootUrl,
    sim,
    fakeAdmin,
    workspace,
    hmacToken: channel.hmacToken,
    unprovision() {
      const removed = fakeAdmin.metafields.splice(0);
      return () => void fakeAdmin.metafields.push(...removed);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sim.stop();
      await fakeAdmin.stop();
      await proxy?.close();
    },
  };
}
