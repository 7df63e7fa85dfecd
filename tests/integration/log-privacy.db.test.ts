import { receiveComplianceFactory } from "~/privacy/receive-compliance.server";
import { customerBody, orderBody, type FakeCustomer } from "~/sandbox/shopify-webhook-bodies";
import { webhookRequest } from "../fakes/shopify-webhooks/send";
import { dbKind, dbSkipReason } from "../support/database";
import { SHOP_A } from "../support/provisioning-harness";
import { APP_URL, startSyncHarness, type SyncHarness } from "../support/sync-harness";

const people: FakeCustomer[] = [
  { id: "9901", email: "private.person@example.com", firstName: "Private", lastName: "Person", phone: "+31611122233" },
  { id: "9902", email: "second.person@example.com", firstName: "Second", lastName: "Person", phone: "+442071234567" },
];

describe.skipIf(dbSkipReason)(`no personal data in the logs (${dbKind})`, () => {
  let h: SyncHarness;
  afterEach(async () => h?.close());

  it("logs every sync, conflict, failure, export and redaction at debug level without an e-mail address or phone number", async () => {
    // GIVEN debug logging and flows that touch personal data, including failures and retries
    h = await startSyncHarness({ logLevel: "debug", maxAttempts: 3 });
    h.sim.faults.add({ kind: "status", status: 503, match: { path: /\/contacts/ }, times: 3 });
    for (const [i, person] of people.entries()) {
      await h.send("orders/create", orderBody({ id: String(81 + i), number: 1081 + i, customer: person }));
      await h.send("customers/update", customerBody(person));
    }
    await h.send("customers/create", customerBody({ ...people[0]!, id: "9999" })); // an e-mail conflict
    await h.send("orders/create", { not: "an order", email: people[0]!.email }); // refused
    await h.settled();
    const receive = receiveComplianceFactory({ db: h.database.db, queue: h.queue, logger: h.deps.logger });
    for (const [topic, webhookId] of [
      ["customers/data_request", "pii-1"],
      ["customers/redact", "pii-2"],
    ] as const) {
      const body = {
        shop_id: 1,
        shop_domain: SHOP_A,
        customer: { id: 9901, email: people[0]!.email, phone: people[0]!.phone },
      };
      const request = webhookRequest(APP_URL, { topic, shop: SHOP_A, body, webhookId });
      const raw = await request.clone().text();
      const verified = await h.shopify.verifyWebhook(request);
      await receive({ topic: verified.topic, shop: verified.shop, webhookId, raw });
    }
    await h.settled();
    // THEN the log has lines about all of it, and none names a person
    expect(h.logLines.length).toBeGreaterThan(20);
    expect(h.logLines.some((l) => l.includes("customer redacted"))).toBe(true);
    const log = h.logLines.join("\n").toLowerCase();
    for (const person of people) {
      for (const secret of [
        person.email,
        person.phone!,
        person.phone!.slice(1),
        `${person.firstName} ${person.lastName}`,
      ]) {
        expect(log, `log mentions ${secret}`).not.toContain(secret.toLowerCase());
      }
    }
  });
});
