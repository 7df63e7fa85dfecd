import type { Db } from "~/db.server";
import type { JobQueue } from "~/jobs/types";
import type { Logger } from "~/lib/logger.server";
import { getShop } from "~/models/shop.server";
import { SYNC_TOPICS, type SyncTopic } from "./payloads";
import { createIngestBatcher } from "./ingest-batcher.server";
import { BodyTooLargeError, readLimited } from "./read-limited";
import { mayHoldUnsafeIntegers, parseShopifyJson } from "./shopify-json";

export interface IngestDeps {
  db: Db;
  queue: Pick<JobQueue, "enqueueMany">;
  logger: Logger;
  /**
   * The SDK's authenticate.webhook: throws 401 on a bad HMAC, 400 on missing headers, 405 on
   * non-POST, and gives back the body as JSON.parse read it.
   */
  authenticate(request: Request): Promise<{ shop: string; topic: string; webhookId: string; payload: unknown }>;
  /** Largest body accepted. (Default: 1 MiB; Shopify's largest orders stay well below) */
  maxBodyBytes?: number;
  /** How long a store's installed/uninstalled state is remembered on the request path, in ms. (Default: 5000) */
  shopStateTtlMs?: number;
}

/**
 * Whether a store uninstalled, remembered briefly so a burst of webhooks costs one read. Other
 * instances' uninstalls are seen within the TTL; events in that gap are kept and skipped later.
 */
function uninstalledCache(db: Db, ttlMs: number) {
  const seen = new Map<string, { uninstalled: boolean; until: number }>();
  return async (shop: string) => {
    const hit = seen.get(shop);
    if (hit && hit.until > Date.now()) return hit.uninstalled;
    const uninstalled = Boolean((await getShop(db, { shop }))?.uninstalledAt);
    if (seen.size > 10_000) seen.clear();
    seen.set(shop, { uninstalled, until: Date.now() + ttlMs });
    return uninstalled;
  };
}

/**
 * The request path of every sync webhook: verify, parse, record, enqueue, answer. Only the local
 * database is touched here (in group commits shared with concurrent deliveries); Chatwoot and
 * Shopify are called by the worker. Bad input is refused before anything is stored.
 */
export function ingestWebhookFactory(deps: IngestDeps) {
  const limit = deps.maxBodyBytes ?? 1024 * 1024;
  const isUninstalled = uninstalledCache(deps.db, deps.shopStateTtlMs ?? 5000);
  const batcher = createIngestBatcher({ db: deps.db, queue: deps.queue });
  return async function ingestWebhook(request: Request, expected: SyncTopic): Promise<Response> {
    let raw: string;
    try {
      raw = await readLimited(request, limit);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return new Response("Payload Too Large", { status: 413 });
      throw error;
    }
    const { shop, topic, webhookId, payload } = await authenticateOrRefuse(deps, forAuthentication(request, raw));
    const triggeredAt = request.headers.get("shopify-triggered-at") ?? request.headers.get("x-shopify-triggered-at");
    const log = deps.logger.child({ shop, topic, webhookId });
    // The SDK reports topics as ORDERS_CREATE; the header itself says orders/create.
    if (topic !== expected && topic !== expected.toUpperCase().replace(/\//g, "_")) {
      log.warn("webhook topic does not match its route", { expected });
      return new Response("Topic does not match this endpoint", { status: 400 });
    }
    const parsed = parse(raw, payload, expected);
    if (!parsed.success) {
      log.warn("malformed webhook payload refused", { issues: parsed.issues });
      return new Response("Malformed payload", { status: 400 });
    }
    if (await isUninstalled(shop)) {
      log.info("webhook for an uninstalled store dropped");
      return new Response(null, { status: 200 });
    }
    await batcher.add({
      shop,
      topic: expected,
      webhookId,
      triggeredAt: parseTriggeredAt(triggeredAt),
      payload: parsed.data,
    });
    return new Response(null, { status: 200 });
  };
}

/**
 * The headers authenticate.webhook requires (it answers 400 when one is missing), in both of the
 * forms Shopify delivers: the classic `X-Shopify-*` and the newer lowercase `shopify-*`.
 */
const REQUIRED_HEADERS = ["hmac-sha256", "shop-domain", "topic", "api-version", "webhook-id"].flatMap((name) => [
  `x-shopify-${name}`,
  `shopify-${name}`,
]);

/**
 * The delivery as authenticate.webhook needs it: the body already read, and only the headers it
 * requires. The SDK canonicalizes every header name again for each header it looks up, so each
 * extra header (proxies', Shopify's optional ones) costs time on every delivery; the optional
 * ones this route uses are read from the original request. The HMAC covers the body only.
 */
function forAuthentication(request: Request, body: string): Request {
  const headers = new Headers();
  for (const name of REQUIRED_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Request(request.url, {
    method: request.method,
    headers,
    ...(request.method === "GET" || request.method === "HEAD" ? {} : { body }),
  });
}

/** The SDK checks the HMAC first, then JSON.parses; a signed body that is not JSON is a 400. */
async function authenticateOrRefuse(deps: IngestDeps, request: Request) {
  try {
    return await deps.authenticate(request);
  } catch (thrown) {
    if (thrown instanceof SyntaxError) throw new Response("Malformed payload", { status: 400 });
    throw thrown;
  }
}

/** A delivery time Shopify sent, or null when it is absent or not a date. */
function parseTriggeredAt(header: string | null): Date | null {
  if (!header) return null;
  const date = new Date(header);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The payload checked against the topic's schema. The SDK's JSON.parse is exact unless the body
 * holds an integer too large for a double; only then is the body parsed again, keeping its digits.
 */
function parse(raw: string, sdkPayload: unknown, topic: SyncTopic) {
  let json: unknown;
  try {
    json = mayHoldUnsafeIntegers(raw) ? parseShopifyJson(raw) : sdkPayload;
  } catch {
    return { success: false as const, issues: ["body is not JSON"] };
  }
  const result = SYNC_TOPICS[topic].safeParse(json);
  return result.success
    ? { success: true as const, data: result.data }
    : { success: false as const, issues: result.error.issues.map((i) => `${i.path.join(".")}: ${i.code}`) };
}
