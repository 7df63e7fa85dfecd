import { enqueueTask } from "~/jobs/tasks.server";
import { receiveShopUpdateFactory } from "~/lifecycle/receive-shop-update.server";
import { uninstallStoreFactory } from "~/lifecycle/uninstall-store.server";
import { webhookRequest } from "../fakes/shopify-webhooks/send";
import { dbKind, dbSkipReason } from "../support/database";
import { SHOP_A } from "../support/provisioning-harness";
import { APP_URL, startSyncHarness, type SyncHarness } from "../support/sync-harness";

describe.skipIf(dbSkipReason)(`uninstall and reinstall (${dbKind})`, () => {
  let h: SyncHarness;
  let uninstall: ReturnType<typeof uninstallStoreFactory>;
  beforeEach(async () => {
    h = await startSyncHarness();
    uninstall = uninstallStoreFactory({
      db: h.database.db,
      queue: h.queue,
      logger: h.deps.logger,
      forgetSessions: () => {},
    });
  });
  afterEach(async () => h.close());

  const widget = async () => {
    const token = h.sim.state.inboxes[0]!.channel.websiteToken;
    return (await fetch(`${h.sim.url}/widget?website_token=${token}`)).status;
  };

  it("suspends the store's Chatwoot account, so the widget stops at once, and a reinstall brings the same account back", async () => {
    // GIVEN a provisioned store whose widget works
    expect(await widget()).toBe(200);
    const [account] = h.sim.state.accounts;
    // WHEN the store uninstalls
    expect(await uninstall(SHOP_A, new Date())).toBe("uninstalled");
    await h.settled();
    // THEN
    expect(h.sim.state.accounts[0]).toMatchObject({ id: account!.id, status: "suspended" });
    expect(await widget()).toBe(401);
    expect(await h.database.db.session.count({ where: { shop: SHOP_A } })).toBe(0);
    // WHEN it installs again
    await h.shopify.install(SHOP_A);
    const { done } = await h.provisioning.startFromInstall({ shop: SHOP_A });
    // THEN the same account is active again and nothing was created twice
    expect(await done).toBe("provisioned");
    expect(h.sim.state.accounts.map((a) => [a.id, a.status])).toEqual([[account!.id, "active"]]);
    expect(await widget()).toBe(200);
  });

  it("ignores an uninstall triggered before the store's latest install", async () => {
    // GIVEN a store that (re)installed just now
    const store = await h.database.db.shop.findUnique({ where: { shop: SHOP_A } });
    // WHEN a retried delivery from before that install arrives
    const outcome = await uninstall(SHOP_A, new Date(store!.installedAt.getTime() - 60_000));
    await h.settled();
    // THEN
    expect(outcome).toBe("stale");
    expect(h.sim.state.accounts[0]?.status).toBe("active");
    expect(await h.database.db.session.count({ where: { shop: SHOP_A } })).toBe(1);
    expect(await widget()).toBe(200);
  });

  it("stops the store's pending sync jobs but keeps its pending privacy requests", async () => {
    // GIVEN a contact sync and a customer redaction waiting (a retry in backoff, say)
    const later = { shop: SHOP_A, delayMs: 10 * 60_000 };
    await enqueueTask(h.queue, "contact.sync", { shop: SHOP_A, customerId: "7001" }, later);
    await enqueueTask(
      h.queue,
      "privacy.redact-customer",
      { shop: SHOP_A, webhookId: "redact-9", customerId: "7001", email: null },
      { ...later, key: "compliance:redact-9" },
    );
    // WHEN the store uninstalls
    expect(await uninstall(SHOP_A, new Date())).toBe("uninstalled");
    // THEN
    const pending = await h.database.db.job.findMany({ where: { shop: SHOP_A, status: "pending" } });
    expect(pending.map((job) => job.task).sort()).toEqual(["privacy.redact-customer", "shop.suspend"]);
  });

  describe("shop/update", () => {
    /** A signed shop/update through the same path as app/routes/webhooks.shop.update.tsx. */
    async function shopUpdate(body: object, webhookId: string = crypto.randomUUID()) {
      const receive = receiveShopUpdateFactory({ queue: h.queue, logger: h.deps.logger });
      const request = webhookRequest(APP_URL, { topic: "shop/update", shop: SHOP_A, body, webhookId });
      const { shop, payload } = await h.shopify.verifyWebhook(request);
      return (await receive({ shop, webhookId, payload })).status;
    }
    const frameAncestors = async () => {
      const token = h.sim.state.inboxes[0]!.channel.websiteToken;
      const response = await fetch(`${h.sim.url}/widget?website_token=${token}`);
      return response.headers.get("Content-Security-Policy") ?? "";
    };

    it("lets a newly connected primary domain frame the chat widget, keeping the domains already allowed", async () => {
      // GIVEN the widget may only be framed by the store's domains at install
      const before = h.sim.state.inboxes[0]!.channel.allowedDomains;
      expect(await frameAncestors()).not.toContain("www.new-brand.example");
      // WHEN the merchant connects a new primary domain (delivered twice)
      const body = { id: 1, name: "Alpha", domain: "www.new-brand.example", myshopify_domain: SHOP_A };
      expect(await shopUpdate(body, "shop-update-1")).toBe(200);
      expect(await shopUpdate(body, "shop-update-1")).toBe(200);
      await h.settled();
      // THEN
      const allowed = h.sim.state.inboxes[0]!.channel.allowedDomains.split(",");
      expect(allowed).toEqual([...before.split(","), "www.new-brand.example"]);
      expect(await frameAncestors()).toContain("www.new-brand.example");
      expect((await h.database.db.shop.findUnique({ where: { shop: SHOP_A } }))?.primaryDomainUrl).toBe(
        "https://www.new-brand.example",
      );
    });

    it("refuses a malformed shop/update with 400 and queues nothing", async () => {
      // WHEN
      const status = await shopUpdate({ id: 1, domain: "not a host!", myshopify_domain: SHOP_A });
      // THEN
      expect(status).toBe(400);
      expect(await h.database.db.job.count({ where: { task: "shop.allow-domains" } })).toBe(0);
    });
  });
});
