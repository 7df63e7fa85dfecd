import "@shopify/shopify-app-remix/adapters/node";
import { createHmac, randomUUID } from "node:crypto";
import { ApiVersion, shopifyApp } from "@shopify/shopify-app-remix/server";
import { MemorySessionStorage } from "@shopify/shopify-app-session-storage-memory";
import autocannon from "autocannon";
import { orderBody } from "~/sandbox/shopify-webhook-bodies";
import { startChatwootSimulator } from "../fakes/chatwoot";
import { API_SECRET, dropDatabase, ensureBuild, freshDatabase, median, printTable, startApp } from "./support";

/**
 * npm run bench:ingest — the webhook request path against the real production server on
 * loopback: signed orders/create deliveries (each with its own webhook id) versus a bare 200
 * route in the same server, on SQLite and on PostgreSQL, with the worker in the same process and
 * without it. Rounds alternate the two targets so machine noise hits both; medians are reported.
 * Then Shopify's authenticate.webhook alone: a cost every delivery carries whatever the app does.
 * BENCH_DURATION, BENCH_ROUNDS, BENCH_CONNECTIONS and BENCH_TOPOLOGIES change the run.
 */
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SHOP = "bench-store.myshopify.com";

const body = JSON.stringify(
  orderBody({
    id: "4500000001",
    number: 1001,
    customer: { id: "6200000001", email: "bench@example.com", firstName: "Bench", lastName: "Mark" },
    lineItems: Array.from({ length: 5 }, (_, i) => ({ title: `Item ${i}`, quantity: 1, price: "19.99" })),
  }),
);
const hmac = createHmac("sha256", API_SECRET).update(body).digest("base64");

async function run(url: string, webhook: boolean) {
  const result = await autocannon({
    url: webhook ? `${url}/webhooks/orders/create` : `${url}/healthz/live`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    method: webhook ? "POST" : "GET",
    ...(webhook
      ? {
          body,
          headers: {
            "content-type": "application/json",
            "x-shopify-hmac-sha256": hmac,
            "x-shopify-shop-domain": SHOP,
            "x-shopify-topic": "orders/create",
            "x-shopify-api-version": "2026-10",
          },
          // Every delivery is new, so nothing is answered from the dedupe fast path.
          setupClient: (client: { setHeaders(h: Record<string, string>): void }) => {
            const base = {
              "content-type": "application/json",
              "x-shopify-hmac-sha256": hmac,
              "x-shopify-shop-domain": SHOP,
              "x-shopify-topic": "orders/create",
              "x-shopify-api-version": "2026-10",
            };
            client.setHeaders({ ...base, "x-shopify-webhook-id": randomUUID() });
            (client as unknown as { on(e: string, f: () => void): void }).on("response", () =>
              client.setHeaders({ ...base, "x-shopify-webhook-id": randomUUID() }),
            );
          },
        }
      : {}),
  });
  const ok = result["2xx"];
  return {
    rps: ok / DURATION_S,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  };
}

/**
 * The CPU time Shopify's authenticate.webhook takes per call on this machine, measured in this
 * process with the same body and the five headers the route hands it: the part of every
 * delivery's cost that the app cannot change. Median of five runs of 5,000 calls, 16 at a time.
 */
async function authenticateWebhookMicros(): Promise<number> {
  const shopify = shopifyApp({
    apiKey: "bench-api-key",
    apiSecretKey: API_SECRET,
    apiVersion: ApiVersion.October26,
    appUrl: "https://bench.example",
    scopes: ["read_orders"],
    sessionStorage: new MemorySessionStorage(),
    logger: { level: 0 },
    future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
  });
  const headers = {
    "x-shopify-hmac-sha256": hmac,
    "x-shopify-shop-domain": SHOP,
    "x-shopify-topic": "orders/create",
    "x-shopify-api-version": "2026-10",
    "x-shopify-webhook-id": "bench-delivery",
  };
  const call = () =>
    shopify.authenticate.webhook(
      new Request("http://127.0.0.1/webhooks/orders/create", { method: "POST", headers, body }),
    );
  const runs: number[] = [];
  for (let run = 0; run < 6; run++) {
    let left = 5000;
    const cpu = process.cpuUsage();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (left-- > 0) await call();
      }),
    );
    const used = process.cpuUsage(cpu);
    if (run > 0) runs.push((used.user + used.system) / 5000); // the first run warms up
  }
  return median(runs);
}

ensureBuild();
const sim = await startChatwootSimulator();
const rows: (string | number)[][] = [];
// "web + worker": the embedded default, one process that answers webhooks and runs the jobs.
// "web only": an instance with RUN_WORKER=false, as in a deployment with separate workers.
const topologies = (process.env.BENCH_TOPOLOGIES ?? "web + worker,web only").split(",");
for (const kind of ["sqlite", "postgres"] as const) {
  for (const topology of topologies) {
    const databaseUrl = await freshDatabase(kind);
    if (!databaseUrl) {
      rows.push([kind, topology, "skipped: PostgreSQL not reachable", "", "", "", "", ""]);
      continue;
    }
    const { url, app } = await startApp({
      DATABASE_URL: databaseUrl,
      CHATWOOT_BASE_URL: sim.url,
      CHATWOOT_PLATFORM_TOKEN: sim.platformToken,
      RUN_WORKER: topology === "web only" ? "false" : "true",
    });
    await run(url, false); // warm-up
    await run(url, true);
    const bare: Awaited<ReturnType<typeof run>>[] = [];
    const ingest: Awaited<ReturnType<typeof run>>[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      bare.push(await run(url, false));
      ingest.push(await run(url, true));
    }
    const m = (xs: typeof bare, k: "rps" | "p50" | "p99") => median(xs.map((x) => x[k]));
    rows.push([
      kind,
      topology,
      "bare 200 route",
      m(bare, "rps").toFixed(0),
      m(bare, "p50").toFixed(1),
      m(bare, "p99").toFixed(1),
      "",
      "",
    ]);
    rows.push([
      kind,
      topology,
      "orders/create webhook",
      m(ingest, "rps").toFixed(0),
      m(ingest, "p50").toFixed(1),
      m(ingest, "p99").toFixed(1),
      `${((m(ingest, "rps") / m(bare, "rps")) * 100).toFixed(0)}%`,
      String(ingest.reduce((s, x) => s + x.errors, 0)),
    ]);
    await app.stop();
    await dropDatabase(databaseUrl);
  }
}
await sim.stop();
const sdkMicros = await authenticateWebhookMicros();
printTable(
  `Ingest: ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION_S} s each, medians`,
  ["database", "topology", "route", "req/s", "p50 ms", "p99 ms", "vs bare", "non-2xx"],
  rows,
);
const bareRows = rows.filter((r) => r[2] === "bare 200 route");
const bareRow = bareRows.find((r) => r[1] === "web only") ?? bareRows[0]!;
const bareMicros = 1e6 / Number(bareRow[3]);
console.log(
  `\nShopify's authenticate.webhook alone: ${sdkMicros.toFixed(0)} µs of CPU per call (this process, 16 at a time).` +
    `\nThe bare route (${bareRow[0]}, ${bareRow[1]}) takes ${bareMicros.toFixed(0)} µs per request: that call alone adds ` +
    `${((100 * sdkMicros) / bareMicros).toFixed(0)}% to it,\nso a route that did nothing else would run at about ` +
    `${((100 * bareMicros) / (bareMicros + sdkMicros)).toFixed(0)}% of the bare route's req/s.`,
);
