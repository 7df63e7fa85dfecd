import { enqueueTask } from "~/jobs/tasks.server";
import { uninstallStoreFactory } from "~/lifecycle/uninstall-store.server";
import { receiveComplianceFactory } from "~/privacy/receive-compliance.server";
import { resumeWaitingRequestsFactory } from "~/privacy/resume-waiting-requests.server";
import { orderBody, type FakeCustomer } from "~/sandbox/shopify-webhook-bodies";
import { webhookRequest } from "../fakes/shopify-webhooks/send";
import { dbKind, dbSkipReason } from "../support/database";
import { SHOP_A, SHOP_B } from "../support/provisioning-harness";
import { APP_URL, startSyncHarness, type SyncHarness } from "../support/sync-harness";

const zoe: FakeCustomer = {
  id: "8801",
  email: "zoe.private@example.com",
  firstName: "Zoe",
  lastName: "Private",
  phone: "+31655501234",
};

describe.skipIf(dbSkipReason)(`customers/redact (${dbKind})`, () => {
  let h: SyncHarness;
  beforeEach(async () => {
    h = await startSyncHarness({ shops: [SHOP_A, SHOP_B] });
  });
  afterEach(async () => h.close());

  /** A signed compliance delivery through the same path as app/routes/webhooks.compliance.tsx. */
  async function comply(
    shop: string,
    topic: string,
    body: object,
    webhookId: string,
    { queue = h.queue as Pick<typeof h.queue, "enqueue">, triggeredAt = new Date() } = {},
  ) {
    const receive = receiveComplianceFactory({ db: h.database.db, queue, logger: h.deps.logger });
    const request = webhookRequest(APP_URL, { topic, shop, body, webhookId, triggeredAt });
    const raw = await request.clone().text();
    const verified = await h.shopify.verifyWebhook(request);
    return (
      await receive({
        topic: verified.topic,
        shop: verified.shop,
        webhookId,
        raw,
        triggeredAt: verified.triggeredAt,
      })
    ).status;
  }

  /** Zoe synced from an order, the store uninstalled (its account suspended), then her customers/redact. */
  async function redactWhileUninstalled(orderId: string, webhookId: string) {
    await h.send("orders/create", orderBody({ id: orderId, number: 1000 + Number(orderId), customer: zoe }));
    await h.settled();
    const uninstall = uninstallStoreFactory({
      db: h.database.db,
      queue: h.queue,
      logger: h.deps.logger,
      forgetSessions: () => {},
    });
    expect(await uninstall(SHOP_A, new Date())).toBe("uninstalled");
    await h.settled();
    const body = { shop_id: 1, shop_domain: SHOP_A, customer: { id: Number(zoe.id), email: zoe.email } };
    expect(await comply(SHOP_A, "customers/redact", body, webhookId)).toBe(200);
    await h.settled();
  }

  it("deletes the customer's contact and local rows, keeps an audit without personal data, and leaves the other store alone", async () => {
    // GIVEN the same person is a customer of both stores
    for (const shop of [SHOP_A, SHOP_B]) {
      await h.send(
        "orders/create",
        orderBody({
          id: shop === SHOP_A ? "31" : "32",
          number: 1031,
          customer: zoe,
          refunds: [{ id: shop === SHOP_A ? "41" : "42", amount: "1.00" }],
        }),
        { shop },
      );
    }
    await h.settled();
    expect(h.sim.state.contacts.filter((c) => c.identifier === zoe.id)).toHaveLength(2);
    const accountB = (await h.database.db.chatwootAccount.findUnique({ where: { shop: SHOP_B } }))!.accountId;
    // WHEN store A's merchant erases the customer (delivered twice)
    const body = {
      shop_id: 1,
      shop_domain: SHOP_A,
      customer: { id: Number(zoe.id), email: zoe.email, phone: zoe.phone },
      orders_to_redact: [31],
    };
    expect(await comply(SHOP_A, "customers/redact", body, "redact-1")).toBe(200);
    expect(await comply(SHOP_A, "customers/redact", body, "redact-1")).toBe(200);
    await h.settled();
    // THEN store A holds nothing about her, in Chatwoot or locally
    const remaining = h.sim.state.contacts.filter((c) => c.identifier === zoe.id);
    expect(remaining.map((c) => c.accountId)).toEqual([accountB]);
    for (const table of ["customer", "order", "contactLink"] as const) {
      expect(
        await (h.database.db[table] as unknown as { count(a: object): Promise<number> }).count({
          where: { shop: SHOP_A },
        }),
      ).toBe(0);
    }
    expect(await h.database.db.orderRefund.count({ where: { shop: SHOP_A } })).toBe(0);
    // AND the audit says what happened without saying who
    const audits = await h.database.db.auditRecord.findMany({ where: { shop: SHOP_A } });
    expect(audits).toHaveLength(1);
    const audit = JSON.stringify(audits[0]);
    for (const secret of [zoe.email, zoe.phone!, zoe.id, "Zoe"]) expect(audit).not.toContain(secret);
    expect(JSON.parse(audits[0]!.detail)).toMatchObject({ chatwootContacts: 1, orders: 1, customers: 1, links: 1 });
    expect((await h.database.db.complianceRequest.findUnique({ where: { webhookId: "redact-1" } }))?.status).toBe(
      "done",
    );
    // AND store B is untouched
    expect(await h.database.db.customer.count({ where: { shop: SHOP_B } })).toBe(1);
    expect(await h.database.db.order.count({ where: { shop: SHOP_B } })).toBe(1);
  });

  it("erases the customer's contact once the store installs again, after a customers/redact while it was uninstalled", async () => {
    // WHEN a synced customer asks to be erased while the store is uninstalled
    await redactWhileUninstalled("33", "redact-3");
    // THEN the local rows go at once, and the request waits for the store's account
    expect(await h.database.db.customer.count({ where: { shop: SHOP_A } })).toBe(0);
    expect(await h.database.db.complianceRequest.findUnique({ where: { webhookId: "redact-3" } })).toMatchObject({
      status: "waiting",
      completedAt: null,
    });
    expect(h.sim.state.contacts.filter((c) => c.identifier === zoe.id)).toHaveLength(1);
    // WHEN the store installs the app again and is provisioned (which queues shop.sync-pending)
    await h.shopify.install(SHOP_A);
    const { done } = await h.provisioning.startFromInstall({ shop: SHOP_A });
    expect(await done).toBe("provisioned");
    await enqueueTask(h.queue, "shop.sync-pending", { shop: SHOP_A }, { shop: SHOP_A });
    await h.settled();
    // THEN the contact is erased too, and the request is done with nothing kept to resume it
    expect(h.sim.state.contacts.filter((c) => c.identifier === zoe.id)).toEqual([]);
    expect(await h.database.db.complianceRequest.findUnique({ where: { webhookId: "redact-3" } })).toMatchObject({
      status: "done",
      resumeWith: null,
    });
  });

  it("carries out a waiting redaction once when the store's return is noticed twice", async () => {
    // GIVEN a customers/redact waiting for an uninstalled store, and the store installed again
    await redactWhileUninstalled("35", "redact-twice");
    await h.shopify.install(SHOP_A);
    const { done } = await h.provisioning.startFromInstall({ shop: SHOP_A });
    expect(await done).toBe("provisioned");
    await h.settled();
    expect((await h.database.db.complianceRequest.findUnique({ where: { webhookId: "redact-twice" } }))?.status).toBe(
      "waiting",
    );
    const auditsBefore = await h.database.db.auditRecord.count({ where: { shop: SHOP_A, action: "customers/redact" } });
    // WHEN two passes notice the store is back before either job ran
    const resume = resumeWaitingRequestsFactory({ db: h.database.db, queue: h.queue, logger: h.deps.logger });
    expect(await resume(SHOP_A)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await resume(SHOP_A);
    await h.settled();
    // THEN the redaction ran once more, not twice
    const auditsAfter = await h.database.db.auditRecord.count({ where: { shop: SHOP_A, action: "customers/redact" } });
    expect(auditsAfter - auditsBefore).toBe(1);
  });

  it("builds a data_request export that arrived while the store was uninstalled once the store is back", async () => {
    // GIVEN a synced customer, and the store uninstalled
    await h.send("orders/create", orderBody({ id: "34", number: 1034, customer: zoe }));
    await h.settled();
    await h.database.db.shop.update({ where: { shop: SHOP_A }, data: { uninstalledAt: new Date() } });
    // WHEN the customer asks for their data
    const body = { shop_id: 1, shop_domain: SHOP_A, customer: { id: Number(zoe.id), email: zoe.email } };
    expect(await comply(SHOP_A, "customers/data_request", body, "request-3")).toBe(200);
    await h.settled();
    // THEN it waits: nothing can be downloaded while the app is not installed
    expect((await h.database.db.complianceRequest.findUnique({ where: { webhookId: "request-3" } }))?.status).toBe(
      "waiting",
    );
    expect(await h.database.db.dataExport.count({ where: { requestId: "request-3" } })).toBe(0);
    // WHEN the store is back
    await h.database.db.shop.update({ where: { shop: SHOP_A }, data: { uninstalledAt: null } });
    await enqueueTask(h.queue, "shop.sync-pending", { shop: SHOP_A }, { shop: SHOP_A });
    await h.settled();
    // THEN the export holds the projection and the Chatwoot contact
    const exported = await h.database.db.dataExport.findUnique({ where: { requestId: "request-3" } });
    expect(JSON.parse(exported!.content)).toMatchObject({
      customerId: zoe.id,
      chatwoot: { contacts: [{ contact: { identifier: zoe.id } }] },
    });
    expect((await h.database.db.complianceRequest.findUnique({ where: { webhookId: "request-3" } }))?.status).toBe(
      "done",
    );
  });

  it("shop/redact deletes the store's Chatwoot account and service user, and leaves zero rows for the store", async () => {
    // GIVEN two stores with synced customers; store A uninstalled
    for (const shop of [SHOP_A, SHOP_B])
      await h.send("orders/create", orderBody({ id: "51", number: 1051, customer: zoe }), { shop });
    await h.settled();
    const a = (await h.database.db.chatwootAccount.findUnique({ where: { shop: SHOP_A } }))!;
    await h.database.db.shop.update({ where: { shop: SHOP_A }, data: { uninstalledAt: new Date() } });
    // WHEN Shopify sends shop/redact for store A
    expect(await comply(SHOP_A, "shop/redact", { shop_id: 1, shop_domain: SHOP_A }, "shop-redact-1")).toBe(200);
    await h.settled(20_000);
    // THEN Chatwoot no longer has store A's account or service user; the merchant's user stays
    expect(h.sim.state.accounts.map((x) => x.id)).not.toContain(a.accountId);
    expect(h.sim.state.users.map((u) => u.id)).not.toContain(a.serviceUserId);
    expect(h.sim.state.users.map((u) => u.id)).toContain(a.merchantUserId);
    // AND no table holds a row for store A but the audit trail
    const db = h.database.db as unknown as Record<string, { count(args: object): Promise<number> }>;
    for (const table of [
      "session",
      "shop",
      "chatwootAccount",
      "provisioning",
      "provisioningStep",
      "webhookEvent",
      "job",
      "customer",
      "order",
      "orderRefund",
      "contactLink",
      "contactConflict",
      "tierSettings",
      "complianceRequest",
      "dataExport",
    ]) {
      expect(await db[table]!.count({ where: { shop: SHOP_A } }), table).toBe(0);
    }
    expect((await h.database.db.auditRecord.findMany({ where: { shop: SHOP_A } })).map((r) => r.action)).toEqual([
      "shop/redact",
    ]);
    // AND store B keeps everything
    expect(await h.database.db.customer.count({ where: { shop: SHOP_B } })).toBe(1);
    expect(h.sim.state.contacts.filter((c) => c.identifier === zoe.id)).toHaveLength(1);
  });

  it("carries out a shop/redact for a store whose app/uninstalled never got through", async () => {
    // GIVEN store A looks installed: its uninstall was never processed
    const a = (await h.database.db.chatwootAccount.findUnique({ where: { shop: SHOP_A } }))!;
    // WHEN Shopify sends shop/redact (48 hours after the uninstall, so after the store's last install)
    expect(await comply(SHOP_A, "shop/redact", { shop_id: 1, shop_domain: SHOP_A }, "shop-redact-3")).toBe(200);
    await h.settled(20_000);
    // THEN the store's account and rows are gone
    expect(h.sim.state.accounts.map((x) => x.id)).not.toContain(a.accountId);
    expect(await h.database.db.shop.count({ where: { shop: SHOP_A } })).toBe(0);
  });

  it("carries out a customers/redact whose first delivery was recorded but could not be queued", async () => {
    // GIVEN a synced customer
    await h.send("orders/create", orderBody({ id: "71", number: 1071, customer: zoe }));
    await h.settled();
    const body = { shop_id: 1, shop_domain: SHOP_A, customer: { id: Number(zoe.id), email: zoe.email } };
    // WHEN the first delivery fails after it was recorded (the queue is down), and Shopify retries
    const down = {
      enqueue: async () => {
        throw new Error("queue unavailable");
      },
    };
    await expect(comply(SHOP_A, "customers/redact", body, "redact-2", { queue: down })).rejects.toThrow(/unavailable/);
    expect(await comply(SHOP_A, "customers/redact", body, "redact-2")).toBe(200);
    await h.settled();
    // THEN the redaction is carried out
    expect(h.sim.state.contacts.filter((c) => c.identifier === zoe.id)).toEqual([]);
    expect((await h.database.db.complianceRequest.findUnique({ where: { webhookId: "redact-2" } }))?.status).toBe(
      "done",
    );
  });

  it("ignores a shop/redact for a store that is installed again", async () => {
    // WHEN a shop/redact triggered before the store's latest install arrives
    const store = await h.database.db.shop.findUnique({ where: { shop: SHOP_A } });
    const triggeredAt = new Date(store!.installedAt.getTime() - 60_000);
    expect(
      await comply(SHOP_A, "shop/redact", { shop_id: 1, shop_domain: SHOP_A }, "shop-redact-2", { triggeredAt }),
    ).toBe(200);
    await h.settled();
    // THEN nothing is deleted
    expect(await h.database.db.shop.count({ where: { shop: SHOP_A } })).toBe(1);
    expect(h.sim.state.accounts).toHaveLength(2);
  });

  it("data_request builds an export with the projection and the contact's conversations", async () => {
    // GIVEN a customer with an order and a conversation in the store's Chatwoot
    await h.send("orders/create", orderBody({ id: "61", number: 1061, customer: zoe }));
    await h.settled();
    const contact = h.sim.state.contacts.find((c) => c.identifier === zoe.id)!;
    const inbox = h.sim.state.inboxes.find((i) => i.accountId === contact.accountId)!;
    h.sim.seedConversation({
      accountId: contact.accountId,
      inboxId: inbox.id,
      contactId: contact.id,
      messages: [{ content: "Where is my parcel?" }, { content: "It ships today.", messageType: "outgoing" }],
    });
    // WHEN the customer asks the merchant for their data
    const body = {
      shop_id: 1,
      shop_domain: SHOP_A,
      customer: { id: Number(zoe.id), email: zoe.email, phone: zoe.phone },
      orders_requested: [61],
      data_request: { id: 9 },
    };
    expect(await comply(SHOP_A, "customers/data_request", body, "export-1")).toBe(200);
    await h.settled();
    // THEN
    const exported = await h.database.db.dataExport.findUnique({ where: { requestId: "export-1" } });
    const document = JSON.parse(exported!.content) as {
      shopifyProjection: { orders: { name: string }[] };
      chatwoot: { contacts: { conversations: { messages: { content: string }[] }[] }[] };
    };
    expect(document.shopifyProjection.orders.map((o) => o.name)).toEqual(["#1061"]);
    expect(document.chatwoot.contacts[0]!.conversations[0]!.messages.map((m) => m.content)).toEqual(
      expect.arrayContaining(["Where is my parcel?", "It ships today."]),
    );
    expect((await h.database.db.complianceRequest.findUnique({ where: { webhookId: "export-1" } }))?.status).toBe(
      "done",
    );
  });

  it("exports every message of a long conversation, and says when Chatwoot lists only the newest conversations", async () => {
    // GIVEN a customer with 21 conversations, the newest of them 130 messages long
    await h.send("orders/create", orderBody({ id: "62", number: 1062, customer: zoe }));
    await h.settled();
    const contact = h.sim.state.contacts.find((c) => c.identifier === zoe.id)!;
    const inbox = h.sim.state.inboxes.find((i) => i.accountId === contact.accountId)!;
    const where = { accountId: contact.accountId, inboxId: inbox.id, contactId: contact.id };
    for (let n = 0; n < 20; n++) h.sim.seedConversation({ ...where, messages: [{ content: `old ${n}` }] });
    h.sim.seedConversation({
      ...where,
      messages: Array.from({ length: 130 }, (_, n) => ({ content: `line ${n}` })),
    });
    // WHEN the customer asks the merchant for their data
    const body = { shop_id: 1, shop_domain: SHOP_A, customer: { id: Number(zoe.id), email: zoe.email } };
    expect(await comply(SHOP_A, "customers/data_request", body, "export-2")).toBe(200);
    await h.settled();
    // THEN the long conversation is whole and in order, and the export says older conversations may exist
    const exported = await h.database.db.dataExport.findUnique({ where: { requestId: "export-2" } });
    const [exportedContact] = (
      JSON.parse(exported!.content) as {
        chatwoot: { contacts: { note?: string; conversations: { messages: { content: string }[] }[] }[] };
      }
    ).chatwoot.contacts;
    expect(exportedContact!.conversations).toHaveLength(20);
    const longest = exportedContact!.conversations.find((c) => c.messages.length > 1)!;
    expect(longest.messages.map((m) => m.content)).toEqual(Array.from({ length: 130 }, (_, n) => `line ${n}`));
    expect(exportedContact!.note).toMatch(/newest 20 conversations/);
  });

  it("refuses a redact whose body names another store than the signed header", async () => {
    const body = {
      shop_id: 1,
      shop_domain: SHOP_B,
      customer: { id: 1, email: null, phone: null },
      orders_to_redact: [],
    };
    expect(await comply(SHOP_A, "customers/redact", body, "redact-2")).toBe(400);
    expect(await h.database.db.complianceRequest.count()).toBe(0);
  });
});
