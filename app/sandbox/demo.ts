import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { startChatwootSimulator } from "../../tests/fakes/chatwoot/simulator";
import { DEMO_SHOP } from "../../tests/fakes/shopify-admin/demo-shops";
import { startFakeShopifyAdmin } from "../../tests/fakes/shopify-admin/server";
import { adminHostParam, signSessionToken } from "./session-token";

/**
 * `npm run demo`: the whole app on one machine with nothing external. SQLite, the Chatwoot
 * simulator (or a real Chatwoot when CHATWOOT_BASE_URL and CHATWOOT_PLATFORM_TOKEN are set), and
 * a demo store whose Admin API is a local fake. The demo store is installed the way the Shopify
 * admin installs an embedded app: a signed session token, token exchange, afterAuth.
 * Every variable that is already set wins over these defaults.
 */
const root = path.resolve(import.meta.dirname, "../..");
const t0 = Date.now();
const log = (msg: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", component: "demo", msg, ...extra }));

function setDefault(name: string, value: string) {
  if (!process.env[name]) process.env[name] = value;
}

const port = Number(process.env.PORT || 3000);
const sandboxDir = path.join(root, ".sandbox");
mkdirSync(sandboxDir, { recursive: true });
setDefault("NODE_ENV", "production");
setDefault("PORT", String(port));
const sandboxDb = path.join(sandboxDir, "demo.sqlite");
const realChatwoot = Boolean(process.env.CHATWOOT_BASE_URL && process.env.CHATWOOT_PLATFORM_TOKEN);
if (!process.env.DATABASE_URL && !realChatwoot) {
  // The simulator keeps nothing between runs, so neither does the database that points into it.
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(sandboxDb + suffix, { force: true });
}
setDefault("DATABASE_URL", `file:${sandboxDb}`);
setDefault("SHOPIFY_API_KEY", "demo-api-key");
setDefault("SHOPIFY_API_SECRET", "demo-api-secret-not-for-production");
setDefault("SHOPIFY_APP_URL", `http://localhost:${port}`);
// Fixed sandbox secrets, so the demo database stays readable across restarts. Never use in production.
setDefault("ENCRYPTION_KEYS", `sandbox:${Buffer.alloc(32, 1).toString("base64")}`);
setDefault("APP_SIGNING_SECRET", "sandbox-signing-secret-not-for-production");
setDefault("SANDBOX_SHOP", DEMO_SHOP.domain);

// 1. Database: the real migrations.
execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, stdio: "pipe" });
log("database migrated", { url: process.env.DATABASE_URL });

// 2. Chatwoot: the simulator unless a real one is configured.
const sim = realChatwoot
  ? undefined
  : await startChatwootSimulator({ port: Number(process.env.CHATWOOT_SIM_PORT || 3100) });
if (sim) {
  setDefault("CHATWOOT_BASE_URL", sim.url);
  setDefault("CHATWOOT_PLATFORM_TOKEN", sim.platformToken);
}
log(realChatwoot ? "using Chatwoot" : "Chatwoot simulator started", { url: process.env.CHATWOOT_BASE_URL });

// 3. The demo store's Admin API.
const admin = await startFakeShopifyAdmin({ apiSecret: process.env.SHOPIFY_API_SECRET, shops: [DEMO_SHOP] });
process.env.SHOPIFY_ADMIN_API_ORIGIN = admin.url;

// 4. The app: the production build, rebuilt when a source file is newer.
if (buildIsStale()) {
  log("building the app (remix vite:build)");
  execFileSync(path.join(root, "node_modules/.bin/remix"), ["vite:build"], { cwd: root, stdio: "inherit" });
}
const { startAppServer } = await import("../server/main");
const app = await startAppServer({ port, host: "127.0.0.1" });
const appUrl = `http://localhost:${port}`;
log("app listening", { url: appUrl, ms: Date.now() - t0 });

// 5. Install the demo store: open the embedded app as the Shopify admin would. Its earlier session
// (if any) is dropped first, as an uninstall does, so the install runs token exchange and
// afterAuth again; with a real Chatwoot that reuses the store's account.
const { createPrismaClient } = await import("../db.server");
const { deleteSessionsForShop } = await import("../models/session.server");
const demoDb = createPrismaClient(process.env.DATABASE_URL!);
await deleteSessionsForShop(demoDb, { shop: DEMO_SHOP.domain });
await demoDb.$disconnect();
const installStarted = Date.now();
const idToken = signSessionToken({
  shop: DEMO_SHOP.domain,
  apiKey: process.env.SHOPIFY_API_KEY!,
  apiSecret: process.env.SHOPIFY_API_SECRET!,
});
const query = new URLSearchParams({
  embedded: "1",
  shop: DEMO_SHOP.domain,
  host: adminHostParam(DEMO_SHOP.domain),
  id_token: idToken,
});
// A browser user agent: the SDK turns bots away from admin pages.
const firstLoad = await fetch(`${appUrl}/app?${query.toString()}`, {
  headers: {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140 Safari/537.36",
  },
});
log("demo store opened the app", { status: firstLoad.status });

const outcome = await waitForProvisioning(`${appUrl}/sandbox/status`, 30_000);
log(`demo store ${outcome.status}`, {
  shop: DEMO_SHOP.domain,
  ms: Date.now() - installStarted,
  failed: outcome.failed,
});

// A little order history for the demo customers, sent as signed webhooks through the app's own
// routes (fixed ids, so a restart changes nothing): the order view and the replay console show it.
if (outcome.status === "provisioned") {
  const { postDemoOrderHistory } = await import("../../tests/support/order-view-demo-history");
  const history = await postDemoOrderHistory({
    appUrl,
    shop: DEMO_SHOP.domain,
    apiSecret: process.env.SHOPIFY_API_SECRET!,
  });
  log("demo order history sent", history);
}

console.log(`
  Sandbox ready (${((Date.now() - t0) / 1000).toFixed(1)} s)
  ─────────────────────────────────────────────
  Sandbox page      ${appUrl}/sandbox
  Storefront chat   ${appUrl}/sandbox/storefront  (logged in: ?customer=ada or ?customer=grace)
  Webhook replay    ${appUrl}/sandbox/webhooks  (signed order and customer events; contacts update live)
  Order view        ${appUrl}/sandbox/chatwoot  (Chatwoot's "Order history" panel beside a conversation)
  Health            ${appUrl}/healthz
  Chatwoot          ${process.env.CHATWOOT_BASE_URL}${sim ? "  (simulator; state at /__sim/state)" : ""}
  Demo store        ${DEMO_SHOP.domain}
  Press Ctrl+C to stop.
`);

const shutdown = async () => {
  await app.close();
  await admin.stop();
  await sim?.stop();
  process.exit(0);
};
process.once("SIGINT", () => void shutdown());
process.once("SIGTERM", () => void shutdown());

async function waitForProvisioning(statusUrl: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = (await (await fetch(statusUrl)).json()) as {
      status: string;
      steps: { status: string; label: string; reason: string | null }[];
    };
    if (view.status === "provisioned" || view.status === "failed" || Date.now() > deadline) {
      return { status: view.status, failed: view.steps.filter((s) => s.status === "failed") };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function buildIsStale(): boolean {
  const built = path.join(root, "build/server/index.js");
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "__tests__" ? max : Math.max(max, newest(full));
      return Math.max(max, statSync(full).mtimeMs);
    }, 0);
  return newest(path.join(root, "app")) > builtAt;
}
