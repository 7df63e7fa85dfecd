import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO_SHOP, type FakeShop } from "./demo-shops";
import { answerGraphql, type StoredMetafield } from "./graphql";

/**
 * A local stand-in for the Shopify Admin API of a few stores: OAuth token exchange (and refresh)
 * and the Admin GraphQL operations the app sends. The app reaches it through
 * SHOPIFY_ADMIN_API_ORIGIN, which keeps the real SDK in the path and sends the store's host in
 * X-Forwarded-Host.
 */
export interface FakeShopifyAdmin {
  url: string;
  shops: Map<string, FakeShop>;
  /** Valid access tokens per store, issued by token exchange or seeded by a test. Earlier tokens stay valid. */
  tokens: Map<string, Set<string>>;
  metafields: StoredMetafield[];
  requests: { shop: string; path: string; operation?: string; status: number }[];
  addShop(shop: FakeShop): void;
  /** Makes the next `count` GraphQL calls for a store (of one operation, when named) fail with this HTTP status. */
  failNext(shop: string, status: number, count?: number, operation?: string): void;
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeShopifyAdmin(
  options: { port?: number; apiSecret?: string; shops?: FakeShop[] } = {},
): Promise<FakeShopifyAdmin> {
  const shops = new Map((options.shops ?? [DEMO_SHOP]).map((s) => [s.domain, s]));
  const tokens = new Map<string, Set<string>>();
  const grant = (shop: string, token: string) => tokens.set(shop, (tokens.get(shop) ?? new Set()).add(token));
  const metafields: StoredMetafield[] = [];
  const requests: FakeShopifyAdmin["requests"] = [];
  const failures = new Map<string, { status: number; count: number; operation?: string }>();

  const server = createServer(async (req, res) => {
    const domain = String(req.headers["x-forwarded-host"] ?? "");
    const path = (req.url ?? "").split("?")[0] ?? "";
    const send = (status: number, body: unknown, operation?: string) => {
      requests.push({ shop: domain, path, operation, status });
      res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    };
    const shop = shops.get(domain);
    if (!shop) return send(404, { errors: "Not Found" });
    const raw = await readBody(req);

    if (req.method === "POST" && path === "/admin/oauth/access_token") {
      const body = JSON.parse(raw || "{}") as Record<string, string>;
      if (options.apiSecret && body.client_secret !== options.apiSecret) {
        return send(400, { error: "invalid_client", error_description: "Client credentials are invalid" });
      }
      const token = `shpat_fake_${randomBytes(12).toString("hex")}`;
      grant(domain, token);
      return send(200, {
        access_token: token,
        scope: "read_customers,read_orders,read_themes",
        expires_in: 365 * 24 * 3600,
        refresh_token: `shprt_fake_${randomBytes(12).toString("hex")}`,
        refresh_token_expires_in: 2 * 365 * 24 * 3600,
      });
    }

    if (req.method === "POST" && /^\/admin\/api\/[\w-]+\/graphql\.json$/.test(path)) {
      if (!tokens.get(domain)?.has(String(req.headers["x-shopify-access-token"]))) {
        return send(401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
      }
      const body = JSON.parse(raw || "{}") as { query?: string; variables?: Record<string, unknown> };
      const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query ?? "")?.[1];
      const failure = failures.get(domain);
      if (failure && failure.count > 0 && (!failure.operation || failure.operation === operation)) {
        failure.count -= 1;
        return send(failure.status, { errors: "Internal Server Error" }, operation);
      }
      const answer = answerGraphql(shop, body, metafields);
      return send(answer.status, answer.body, operation);
    }
    return send(404, { errors: "Not Found" });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    shops,
    tokens,
    metafields,
    requests,
    addShop: (shop) => void shops.set(shop.domain, shop),
    failNext: (shop, status, count = 1, operation) => void failures.set(shop, { status, count, operation }),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
