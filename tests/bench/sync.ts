import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { orderBody, type FakeCustomer } from "~/sandbox/shopify-webhook-bodies";
import { adminHostParam, signSessionToken } from "~/sandbox/session-token";
import { startChatwootSimulator } from "../fakes/chatwoot";
import { fakeShop } from "../fakes/shopify-admin/demo-shops";
import { startFakeShopifyAdmin } from "../fakes/shopify-admin/server";
import { API_SECRET, ensureBuild, freshDatabase, median, percentile, printTable, startApp } from "./support";

/**
 * npm run bench:sync — end-to-end sync lag against the real server: signed orders/create webhooks
 * at a steady rate (default 100/s) for a pool of customers, a Chatwoot simulator that answers every
 * contact call 50 ms late, and the app's own worker. Lag is from sending the webhook to the
 * first Chatwoot contact write that includes it (coalescing window included).
 */
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 300);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const COALESCE_MS = process.env.SYNC_COALESCE_MS ?? "2000";
const SHOP = "bench-store.myshopify.com";

ensureBuild();
const sim = await startChatwootSimulator();
const fakeAdmin = await startFakeShopifyAdmin({ apiSecret: API_SECRET, shops: [fakeShop(SHOP)] });
const databaseUrl = (await freshDatabase("sqlite"))!;
const { url, app } = await startApp({
  DATABASE_URL: databaseUrl,
  CHATWOOT_BASE_URL: sim.url,
  CHATWOOT_PLATFORM_TOKEN: sim.platformToken,
  SHOPIFY_ADMIN_API_ORIGIN: fakeAdmin.url,
  SYNC_COALESCE_MS: COALESCE_MS,
});

// Install and provision the store through the embedded admin, as Shopify does.
const idToken = signSessionToken({ shop: SHOP, apiKey: "bench-api-key", apiSecret: API_SECRET });
const query = new URLSearchParams({ embedded: "1", shop: SHOP, host: adminHostParam(SHOP), id_token: idToken });
await fetch(`${url}/app?${query}`, { headers: { "User-Agent": "Mozilla/5.0 Chrome/140" } });
while (!sim.state.dashboardApps.length || !fakeAdmin.metafields.length) await new Promise((r) => setTimeout(r, 50));
await new Promise((r) => setTimeout(r, 500));
const baseline = sim.state.requests.length;
sim.faults.add({ kind: "latency", ms: LATENCY_MS, match: { path: /\/contacts/ }, times: Infinity });

const customers: FakeCustomer[] = Array.from({ length: CUSTOMERS }, (_, i) => ({
  id: String(5_000_000 + i),
  email: `shopper${i}@example.com`,
  firstName: "Shopper",
  lastName: String(i),
}));
const sent: { customerId: string; at: number }[] = [];
const rssSamples: number[] = [];
const rssOf = () =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.child.pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

const total = RATE * SECONDS;
const started = Date.now();
const inFlight: Promise<unknown>[] = [];
for (let i = 0; i < total; i++) {
  const due = started + (i * 1000) / RATE;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  if (i % RATE === 0) rssSamples.push(rssOf());
  const customer = customers[(i * 7919) % CUSTOMERS]!;
  const body = JSON.stringify(orderBody({ id: String(9_000_000 + i), number: 10_000 + i, customer }));
  const at = Date.now();
  sent.push({ customerId: customer.id, at });
  inFlight.push(
    fetch(`${url}/webhooks/orders/create`, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        "x-shopify-hmac-sha256": createHmac("sha256", API_SECRET).update(body).digest("base64"),
        "x-shopify-shop-domain": SHOP,
        "x-shopify-topic": "orders/create",
        "x-shopify-api-version": "2026-10",
        "x-shopify-webhook-id": randomUUID(),
      },
    }).then((r) => r.status),
  );
}
const statuses = await Promise.all(inFlight);
const sendSeconds = (Date.now() - started) / 1000;

// Wait until every customer's contact reflects its last order.
const lastOrderCount = new Map<string, number>();
for (const s of sent) lastOrderCount.set(s.customerId, (lastOrderCount.get(s.customerId) ?? 0) + 1);
const deadline = Date.now() + 120_000;
const done = () =>
  [...lastOrderCount].every(
    ([id, n]) => sim.state.contacts.find((c) => c.identifier === id)?.customAttributes.order_count === n,
  );
while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
rssSamples.push(rssOf());

// Lag: from each event to the first contact write for its customer at or after it.
const contactIdentifier = new Map(sim.state.contacts.map((c) => [c.id, c.identifier]));
const writes = new Map<string, number[]>();
for (const c of sim.state.contacts) writes.set(c.identifier!, [c.createdAt]);
for (const r of sim.state.requests.slice(baseline)) {
  const id = /\/contacts\/(\d+)$/.exec(r.path)?.[1];
  if (r.method === "PATCH" && id) writes.get(contactIdentifier.get(Number(id))!)?.push(r.at);
}
const lags = sent.map((s) => {
  const after = (writes.get(s.customerId) ?? []).filter((t) => t >= s.at).sort((a, b) => a - b)[0];
  return after === undefined ? NaN : after - s.at;
});
const chatwootRequests = sim.state.requests.length - baseline;
await app.stop();
await fakeAdmin.stop();
await sim.stop();

const ok = statuses.filter((s) => s === 200).length;
printTable(
  `Sync: ${total} orders/create webhooks at ${RATE}/s (${sendSeconds.toFixed(1)} s) for ${CUSTOMERS} customers, Chatwoot +${LATENCY_MS} ms per contact call, coalescing ${COALESCE_MS} ms, SQLite`,
  ["metric", "value"],
  [
    ["webhooks answered 200", `${ok} / ${total}`],
    ["all contacts current", done() ? "yes" : "NO (timed out)"],
    ["lag p50", `${median(lags.filter(Number.isFinite)).toFixed(0)} ms`],
    ["lag p95", `${percentile(lags.filter(Number.isFinite), 95).toFixed(0)} ms`],
    ["events without a later write", String(lags.filter((l) => !Number.isFinite(l)).length)],
    ["Chatwoot requests", String(chatwootRequests)],
    ["Chatwoot requests per event", (chatwootRequests / total).toFixed(3)],
    ["app RSS median / max", `${median(rssSamples).toFixed(0)} / ${Math.max(...rssSamples).toFixed(0)} MiB`],
  ],
);
process.exit(0);
